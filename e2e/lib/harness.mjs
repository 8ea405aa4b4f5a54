// Starts the release server with its sandbox and a headless Debian Chromium, for the
// end-to-end tests and the benchmark. Everything listens on 127.0.0.1 only.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Starts target/release/ssl-order-server on a free port; resolves once it listens.
 * `mounts` are `/PREFIX=DIR` strings; `frameAncestors` is the CSP's frame-ancestors;
 * `sandbox: false` starts it without the sandbox, as a deployment runs; `demo: { provider }`
 * starts the order server with the sandbox as that provider and a demo customer.
 */
export async function startServer({ issueDelaySecs = 3, mounts = [], dist = 'dist', frameAncestors, sandbox = true, demo } = {}) {
  const binary = path.join(root, 'target/release/ssl-order-server');
  const args = ['--dist', path.join(root, dist), '--addr', '127.0.0.1:0',
    '--issue-delay-secs', String(issueDelaySecs)];
  if (sandbox) args.push('--sandbox');
  // The order server with the sandbox as its provider, on a fresh SQLite file of its own.
  if (demo) {
    args.push('--demo', '--demo-provider', demo.provider, '--database-url',
      `sqlite://${path.join(tmpdir(), `ssl-order-e2e-${process.pid}-${Date.now()}.db`)}`);
  }
  for (const mount of mounts) args.push('--mount', mount);
  if (frameAncestors !== undefined) args.push('--frame-ancestors', frameAncestors);
  const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${output}`)), 15000);
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = output.match(/listening on (http:\/\/127\.0\.0\.1:\d+\/)/);
      if (match) { clearTimeout(timer); resolve(match[1]); }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited ${code}: ${output}`)); });
  });
  return {
    url,
    async stop() {
      if (child.exitCode === null) { child.kill('SIGTERM'); await once(child, 'exit'); }
    },
  };
}

/** Debian's Chromium, headless, with the flags that keep it off the network. */
export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * What the sandbox's log shows instead of a credential: the first 8 hex digits of its
 * SHA-256 (server/README.md, "Request log").
 */
export function redacted(secret) {
  return `[redacted sha256:${createHash('sha256').update(secret, 'utf8').digest('hex').slice(0, 8)}]`;
}

/** Every request the sandbox received, in order, credentials redacted. */
export async function sandboxLog(url) {
  const response = await fetch(new URL('sandbox/_log', url));
  if (!response.ok) throw new Error(`sandbox log: HTTP ${response.status}`);
  return response.json();
}

export async function resetSandbox(url) {
  const response = await fetch(new URL('sandbox/_reset', url), { method: 'POST' });
  if (!response.ok) throw new Error(`sandbox reset: HTTP ${response.status}`);
}
