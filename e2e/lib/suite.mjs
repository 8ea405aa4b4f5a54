// The setup every end-to-end test file shares: one server with its sandbox and one browser
// per file, a clean sandbox before each test, and a fresh browser profile per page.
import { before, after, beforeEach } from 'node:test';
import { startServer, launchBrowser, resetSandbox } from './harness.mjs';

/**
 * Registers the file's hooks; the returned object's `server` and `browser` are set once
 * `before` has run, and `freshPage()` opens a page with an empty cache and storage.
 * `serverOptions` (mounts, frameAncestors) go to `startServer`.
 */
export function useSuite({ issueDelaySecs = 3, ...serverOptions } = {}) {
  const suite = {
    server: undefined,
    browser: undefined,
    /** `contextOptions` go to `browser.newContext` (e.g. `{ locale: 'zh-CN' }`). */
    async freshPage(contextOptions = {}) {
      const context = await suite.browser.newContext(contextOptions);
      return { context, page: await context.newPage() };
    },
  };
  before(async () => {
    suite.server = await startServer({ issueDelaySecs, ...serverOptions });
    suite.browser = await launchBrowser();
  });
  after(async () => {
    await suite.browser?.close();
    await suite.server?.stop();
  });
  beforeEach(async () => {
    await resetSandbox(suite.server.url);
  });
  return suite;
}
