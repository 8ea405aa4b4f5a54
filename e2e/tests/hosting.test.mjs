// Hosting: the release build under the strict Content-Security-Policy the server sends, with
// no violation during a whole order, and the same build served from a sub-path.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { root, sandboxLog } from '../lib/harness.mjs';
import { useSuite } from '../lib/suite.mjs';
import { fillToReview, agreeAndSubmit, waitForHeading, toDomainStep } from '../lib/wizard.mjs';

const SUB_PATH = '/tools/ssl-order/';
const suite = useSuite({ issueDelaySecs: 3, mounts: [`${SUB_PATH.slice(0, -1)}=${path.join(root, 'dist')}`] });

/** The policy `server/src/csp.rs` builds, directive by directive. */
const EXPECTED = {
  'default-src': ["'none'"],
  'style-src': ["'self'"],
  'connect-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'self'"],
};

function parsePolicy(header) {
  return Object.fromEntries(header.split(';').map((d) => d.trim()).filter(Boolean)
    .map((d) => { const [name, ...sources] = d.split(/\s+/); return [name.toLowerCase(), sources]; }));
}

function assertStrictPolicy(header) {
  assert.ok(header, 'the page has a Content-Security-Policy');
  const policy = parsePolicy(header);
  for (const [directive, sources] of Object.entries(EXPECTED)) {
    assert.deepEqual(policy[directive], sources, `${directive} in ${header}`);
  }
  // The loader is a file: no hash, and nothing that would let injected code run.
  assert.deepEqual(policy['script-src'], ["'self'", "'wasm-unsafe-eval'"], header);
  assert.ok(!/unsafe-inline|unsafe-eval'|\*/.test(header.replace("'wasm-unsafe-eval'", '')), header);
}

/**
 * Records every sign of a CSP violation: the browser's console reports, the
 * `securitypolicyviolation` events, and, to catch what a policy would only report, any inline
 * style attribute, event-handler attribute, `<style>` or inline `<script>` added to the page.
 */
async function recordViolations(page) {
  const consoleReports = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/.test(message.text())) consoleReports.push(message.text());
  });
  await page.addInitScript(() => {
    const found = [];
    window.__violations = found;
    document.addEventListener('securitypolicyviolation', (event) => {
      found.push(`violation: ${event.violatedDirective} blocked ${event.blockedURI || '(inline)'}`
        + ` at ${event.sourceFile}:${event.lineNumber} ${event.sample}`);
    }, true);
    const attribute = (element, name) => {
      if (name === 'style' || name.startsWith('on')) found.push(`${name}= on <${element.localName}>`);
    };
    const added = (node) => {
      if (node.nodeType !== Node.ELEMENT_NODE) return;
      for (const element of [node, ...node.querySelectorAll('*')]) {
        if (element.localName === 'style') found.push('inline <style> added');
        if (element.localName === 'script' && !element.hasAttribute('src')) found.push('inline <script> added');
        for (const { name } of element.attributes) attribute(element, name);
      }
    };
    // Observing from before the HTML is parsed, so the page's own markup is checked too.
    new MutationObserver((records) => {
      for (const record of records) {
        if (record.type === 'attributes' && record.target.hasAttribute(record.attributeName)) {
          attribute(record.target, record.attributeName);
        }
        for (const node of record.addedNodes) added(node);
      }
    }).observe(document, { subtree: true, childList: true, attributes: true });
  });
  return {
    async all() {
      const events = await page.evaluate(() => window.__violations ?? []);
      return [...consoleReports.map((text) => `console: ${text}`), ...events];
    },
  };
}

test('a whole order runs under the strict policy without one violation', async () => {
  const { context, page } = await suite.freshPage();
  const recorder = await recordViolations(page);
  const response = await page.goto(suite.server.url);
  assertStrictPolicy(response.headers()['content-security-policy']);
  assert.equal(response.headers()['referrer-policy'], 'no-referrer');
  assert.equal(response.headers()['x-content-type-options'], 'nosniff');
  // The page as built: no inline script, style or handler to allow.
  assert.deepEqual(await page.evaluate(() => ({
    inlineScripts: document.querySelectorAll('script:not([src])').length,
    styles: document.querySelectorAll('style, [style]').length,
  })), { inlineScripts: 0, styles: 0 });

  await fillToReview(page);
  await page.getByText('See exactly what will be sent').click();
  await agreeAndSubmit(page);
  await waitForHeading(page, 'Application sent');
  await page.getByTestId('dns-records').waitFor();
  await page.getByTestId('status').getByText('Issued').waitFor({ timeout: 20000 });
  // The suffix list, fetched once the first step is interactive, has come and gone too.
  // The wizard's module, fetched as soon as the first step is usable.
  await page.waitForFunction(() => performance.getEntriesByType('resource')
    .some((entry) => /\/split_wizard-[0-9a-f]+\.wasm$/.test(entry.name)));

  assert.deepEqual(await recorder.all(), []);
  assert.equal(await page.locator('[style]').count(), 0, 'no inline style attribute');
  await context.close();
});

test('the app served from a sub-path loads everything from there and completes an order', async () => {
  const { context, page } = await suite.freshPage();
  const recorder = await recordViolations(page);
  const requests = [];
  const failures = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('response', (response) => { if (response.status() >= 400) failures.push(`${response.status()} ${response.url()}`); });
  // The shipped endpoint is relative (sandbox/huawei): under a sub-path it would name
  // /tools/ssl-order/sandbox/huawei, so this deployment points at the sandbox's own path.
  await page.route('**/config.json', async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, json: { ...(await response.json()), endpoint: '/sandbox/huawei' } });
  });

  // Without the trailing slash the server redirects, or relative URLs would miss the sub-path.
  const response = await page.goto(new URL(SUB_PATH.slice(0, -1), suite.server.url).href);
  assert.equal(new URL(page.url()).pathname, SUB_PATH);
  assertStrictPolicy(response.headers()['content-security-policy']);

  await fillToReview(page);
  await agreeAndSubmit(page);
  await waitForHeading(page, 'Application sent');
  // The wizard's module, fetched as soon as the first step is usable.
  await page.waitForFunction(() => performance.getEntriesByType('resource')
    .some((entry) => /\/split_wizard-[0-9a-f]+\.wasm$/.test(entry.name)));

  const paths = requests.map((url) => new URL(url).pathname);
  const wasm = paths.find((p) => p.endsWith('_bg.wasm'));
  assert.match(wasm ?? '', /^\/tools\/ssl-order\/ssl-order-[0-9a-f]+_bg\.wasm$/, paths.join('\n'));
  for (const file of ['config.json', 'catalog/huawei.json', 'data/public-suffix-icann.dat']) {
    assert.ok(paths.includes(`${SUB_PATH}${file}`), `${file} from the sub-path:\n${paths.join('\n')}`);
  }
  assert.ok(paths.some((p) => /^\/tools\/ssl-order\/ssl-order-[0-9a-f]+\.js$/.test(p)), paths.join('\n'));
  assert.ok(paths.some((p) => /^\/tools\/ssl-order\/main-[0-9a-f]+\.css$/.test(p)), paths.join('\n'));
  const outside = paths.filter((p) => !p.startsWith(SUB_PATH) && !p.startsWith('/sandbox/') && p !== SUB_PATH.slice(0, -1));
  assert.deepEqual(outside, [], 'every file of the app comes from the sub-path');
  assert.deepEqual(failures, []);

  // The wasm is sent precompressed and typed under the mount as at the root.
  const wasmResponse = await page.request.get(new URL(wasm, suite.server.url).href, { headers: { 'accept-encoding': 'br' } });
  assert.equal(wasmResponse.headers()['content-type'], 'application/wasm');
  assert.equal(wasmResponse.headers()['content-encoding'], 'br');

  const log = await sandboxLog(suite.server.url);
  assert.ok(log.some((e) => e.method === 'POST' && e.path === '/sandbox/huawei/v3/scm/certificates/buy'));
  assert.ok(log.some((e) => e.method === 'POST' && e.path.endsWith('/apply')));
  assert.deepEqual(await recorder.all(), []);
  await context.close();
});

test('a fresh load logs no console error and requests nothing that fails, its icon included', async () => {
  const { context, page } = await suite.freshPage();
  const problems = [];
  page.on('console', (message) => { if (message.type() === 'error') problems.push(`console: ${message.text()}`); });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('response', (response) => { if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`); });
  page.on('requestfailed', (request) => problems.push(`failed: ${request.url()}`));
  await page.goto(suite.server.url);
  await waitForHeading(page, 'Choose a certificate');
  // The wizard's module, fetched as soon as the first step is usable.
  await page.waitForFunction(() => performance.getEntriesByType('resource')
    .some((entry) => /\/split_wizard-[0-9a-f]+\.wasm$/.test(entry.name)));

  // The icon a browser shows for the page: the linked one, else /favicon.ico (which Chromium
  // fetches outside the page, where the listeners above do not see it).
  const icon = await page.evaluate(async () => {
    const url = document.querySelector('link[rel~="icon"]')?.href ?? new URL('/favicon.ico', location.href).href;
    const response = await fetch(url);
    return { url, status: response.status, type: response.headers.get('content-type') };
  });
  assert.equal(icon.status, 200, icon.url);
  assert.match(icon.type ?? '', /^image\//, icon.url);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the recorder catches an inline style and an inline script, which the policy blocks', async () => {
  // Proves the two tests above would fail on a violation.
  const { context, page } = await suite.freshPage();
  const recorder = await recordViolations(page);
  await page.goto(suite.server.url);
  await toDomainStep(page);
  assert.deepEqual(await recorder.all(), []);
  await page.evaluate(() => {
    document.querySelector('h1').setAttribute('style', 'color: red');
    const script = document.createElement('script');
    script.textContent = 'window.injected = true;';
    document.head.append(script);
  });
  await page.waitForFunction(() => window.__violations.filter((v) => v.startsWith('violation:')).length >= 2);
  const found = await recorder.all();
  assert.ok(found.some((v) => /violation: style-src-attr/.test(v)), found.join('\n'));
  assert.ok(found.some((v) => /violation: script-src-elem/.test(v)), found.join('\n'));
  assert.ok(found.some((v) => v.startsWith('console: ')), found.join('\n'));
  assert.ok(found.includes('style= on <h1>') && found.includes('inline <script> added'), found.join('\n'));
  // Blocked, not merely reported.
  assert.equal(await page.evaluate(() => window.injected), undefined);
  assert.notEqual(await page.evaluate(() => getComputedStyle(document.querySelector('h1')).color), 'rgb(255, 0, 0)');
  await context.close();
});
