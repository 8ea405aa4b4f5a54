// The example control panel (examples/host) as a deployment would serve it: its page names
// the form's address in its own markup, and its server answers the session request.
import assert from 'node:assert/strict';

/**
 * Serves the panel's pages with `app` as the form's address (the `data-app` attribute the
 * panel's own template writes) and, when given, `session` as its server's answer.
 */
export async function servePanel(page, { app, session } = {}) {
  if (app) {
    await page.route((url) => url.pathname === '/host/index.html', async (route) => {
      const response = await route.fetch();
      const html = await response.text();
      const written = html.replace(/data-app="[^"]*"/, `data-app="${app}"`);
      assert.notEqual(written, html, 'the panel page names the form\'s address in data-app');
      await route.fulfill({ response, body: written });
    });
  }
  if (session) {
    await page.route((url) => url.pathname === '/host/session.json', (route) => route.fulfill({ json: session }));
  }
}
