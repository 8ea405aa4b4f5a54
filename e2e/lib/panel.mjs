// The example control panel (examples/host) as a deployment would serve it: its page names
// the form's address in its own markup, and its server answers the session request.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { root } from './harness.mjs';

/**
 * A copy of examples/host to mount (`/host=<copy>`), so a test can write the form's address
 * into the page as the panel's own template would (`writeAppAddress`). The page is written
 * to disk rather than rewritten in flight: Chromium treats a page fulfilled by a route as
 * public, and then refuses it a frame from localhost.
 */
export function panelCopy() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ssl-order-panel-'));
  cpSync(path.join(root, 'examples/host'), dir, { recursive: true });
  return dir;
}

/** Writes `app` as the form's address (the frame's `data-app`) into the copy's index.html. */
export function writeAppAddress(dir, app) {
  const html = readFileSync(path.join(root, 'examples/host/index.html'), 'utf8');
  const written = html.replace(/data-app="[^"]*"/, `data-app="${app}"`);
  assert.notEqual(written, html, 'the panel page names the form\'s address in data-app');
  writeFileSync(path.join(dir, 'index.html'), written);
}

/** Answers the panel's session request (session.json) with `session`, as its server would. */
export async function serveSession(page, session) {
  await page.route((url) => url.pathname === '/host/session.json', (route) => route.fulfill({ json: session }));
}
