// The form in Simplified Chinese: chosen from the browser's language, from the embedding
// page's options and from the host's init message; every step, its errors, the review and
// the result page are checked for English left behind.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { root, sandboxLog } from '../lib/harness.mjs';
import { panelCopy, writeAppAddress, serveSession } from '../lib/panel.mjs';
import { useSuite } from '../lib/suite.mjs';
import { CSR, waitForHeading } from '../lib/wizard.mjs';
import { MULTI_CSR } from '../lib/providers.mjs';

const PANEL = panelCopy();
const suite = useSuite({
  issueDelaySecs: 1,
  mounts: [`/host=${PANEL}`],
  frameAncestors: "'self' http://127.0.0.1:*",
});

const catalogue = JSON.parse(readFileSync(path.join(root, 'public/catalog/huawei.json'), 'utf8'));
// What the person typed and what comes from outside the form (product names, wire values)
// is shown as it is; everything else must be in Chinese.
const TYPED = ['Ada Lovelace', 'Grace Hopper', 'Acme Widgets Ltd', 'Web Services', '1 Example Street',
  'London', 'Greater London', 'SW1A 1AA', 'Huawei Cloud'];
// The English term given beside its translation, as Chinese CA documentation does.
const GLOSSES = ['Common Name', 'Web Cryptography'];
// Longest first, so that a text holding another (Greater London, London) goes whole.
const DATA = [...catalogue.products.map((p) => p.name), ...TYPED, ...GLOSSES].sort((a, b) => b.length - a.length);
// Terms Chinese users read in Latin letters too (see the glossary in src/i18n).
const LATIN_TERMS = new Set(['Web', 'http', 'https', 'CSR', 'DNS', 'TXT', 'CNAME', 'HTTP', 'HTTPS', 'SSL', 'TLS', 'RSA', 'ECDSA',
  'PEM', 'DV', 'OV', 'EV', 'LEI', 'ID', 'URL', 'IP', 'CA', 'SHA', 'UTF', 'API', 'JSON', 'SCM', 'PKCS',
  'www', 'com', 'example', 'xn', 'Punycode', 'punycode', 'D-U-N-S', 'DUNS', 'Huawei', 'Cloud', 'GoGetSSL', 'cPanel',
  // CA brands, as the catalogue's descriptions name them.
  'GlobalSign', 'GeoTrust', 'DigiCert', 'Sectigo', 'TrustAsia']);

/** The words of three or more Latin letters on show in `root` (a locator), other than data and terms. */
async function englishLeft(root) {
  const text = await root.evaluate((top) => {
    const skip = new Set(['PRE', 'CODE', 'SCRIPT', 'NOSCRIPT', 'STYLE', 'TEXTAREA', 'SELECT', 'KBD', 'SAMP']);
    const walker = document.createTreeWalker(top, NodeFilter.SHOW_TEXT, {
      acceptNode(node) {
        for (let el = node.parentElement; el && el !== top.parentElement; el = el.parentElement) {
          if (skip.has(el.tagName)) return NodeFilter.FILTER_REJECT;
        }
        return NodeFilter.FILTER_ACCEPT;
      },
    });
    const parts = [];
    while (walker.nextNode()) parts.push(walker.currentNode.textContent);
    // What assistive technology reads out, and tooltips.
    for (const el of top.querySelectorAll('[aria-label],[title],[placeholder],[alt]')) {
      for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
        if (el.hasAttribute(name)) parts.push(el.getAttribute(name));
      }
    }
    return parts.join('\n');
  });
  let rest = text;
  for (const data of DATA) rest = rest.split(data).join(' ');
  // Addresses, names and numbers the person or the provider gave.
  rest = rest.replace(/-----(?:BEGIN|END) [A-Z ]+-----/g, ' ')
    .replace(/[\w.+-]+@[\w.-]+/g, ' ')
    .replace(/(?:\/[\w.-]+)+\/?/g, ' ')
    .replace(/(?:\*\.)?(?:[\p{L}\p{N}-]+\.)+\p{L}{2,}/gu, ' ')
    .replace(/\b[a-z0-9_-]*\d[a-z0-9_-]*\b/gi, ' ');
  return (rest.match(/[A-Za-z][A-Za-z-]{2,}/g) ?? []).filter((w) => !LATIN_TERMS.has(w));
}

const cjk = /[\u4e00-\u9fff]/;

/** The heading is Chinese and no English is left in the form (`root`: the form's element). */
async function expectChinese(scope, where, root = scope.locator('body')) {
  const heading = (await scope.locator('#step-heading, .ssl-order h1').first().textContent()).trim();
  assert.match(heading, cjk, `${where}: the heading "${heading}" is not Chinese`);
  const left = await englishLeft(root);
  assert.deepEqual(left, [], `${where}: English left on the page`);
}

async function currentHeading(scope) {
  return (await scope.locator('#step-heading').textContent()).trim();
}

/** Presses Continue (the form's submit button) and waits for another heading. */
async function next(scope) {
  const before = await currentHeading(scope);
  await scope.locator('form.step button[type=submit]').last().click();
  await scope.waitForFunction((h) => document.querySelector('#step-heading')?.textContent.trim() !== h, before);
}

/** Continue on an empty step: the summary and the messages beside fields are Chinese. */
async function errorsInChinese(scope, where) {
  await scope.locator('form.step button[type=submit]').last().click();
  const summary = scope.locator('#error-summary');
  await summary.waitFor();
  assert.match(await summary.textContent(), cjk);
  await expectChinese(scope, `${where} (errors)`);
}

async function fillIfThere(scope, id, value) {
  const field = scope.locator(`#${id}`);
  if (await field.count()) await field.fill(value);
}

/** An OV multi-domain order through every step of the Huawei flow, in Chinese. */
async function orderInChinese(scope) {
  await scope.locator('#step-heading').waitFor({ timeout: 30000 });
  await expectChinese(scope, 'product');
  await errorsInChinese(scope, 'product');
  await scope.locator('input[value="globalsign-ov-multi"]').check();
  await next(scope);

  await expectChinese(scope, 'domains');
  await errorsInChinese(scope, 'domains');
  await scope.locator('#domain').fill('shop.example.com');
  await scope.locator('#other-names').fill('www.example.com bücher.example.com');
  await expectChinese(scope, 'domains (notes)');
  await scope.locator('#other-names').fill('www.example.com');
  await next(scope);

  await expectChinese(scope, 'csr');
  await errorsInChinese(scope, 'csr');
  await scope.locator('input[name="csr-source"][value="paste"]').check();
  await expectChinese(scope, 'csr (paste)');
  await scope.locator('#csr').fill('-----BEGIN CERTIFICATE REQUEST-----\nnot base64\n-----END CERTIFICATE REQUEST-----');
  await scope.locator('#csr').blur();
  await expectChinese(scope, 'csr (a bad CSR)');
  await scope.locator('#csr').fill(MULTI_CSR);
  await next(scope);

  await expectChinese(scope, 'validation');
  // A name without a method chosen yet gets the first one offered.
  for (const select of await scope.locator('select[id^="method-"]').all()) {
    if (!(await select.inputValue())) await select.selectOption({ index: 1 });
  }
  await next(scope);

  await expectChinese(scope, 'contacts');
  await errorsInChinese(scope, 'contacts');
  await fillIfThere(scope, 'applicant-name', 'Ada Lovelace');
  await fillIfThere(scope, 'applicant-phone', '+44 20 7946 0958');
  await fillIfThere(scope, 'applicant-email', 'ada@example.com');
  await fillIfThere(scope, 'tech-name', 'Grace Hopper');
  await fillIfThere(scope, 'tech-phone', '+44 20 7946 0959');
  await fillIfThere(scope, 'tech-email', 'grace@example.com');
  await next(scope);

  await expectChinese(scope, 'organisation');
  await errorsInChinese(scope, 'organisation');
  await scope.locator('#org-name').fill('Acme Widgets Ltd');
  await fillIfThere(scope, 'org-unit', 'Web Services');
  await fillIfThere(scope, 'org-street', '1 Example Street');
  await scope.locator('#org-city').fill('London');
  await fillIfThere(scope, 'org-state', 'Greater London');
  await fillIfThere(scope, 'org-postal-code', 'SW1A 1AA');
  await scope.locator('#org-country').selectOption('GB');
  // The country list names countries in Chinese, by the browser's own names.
  assert.equal((await scope.locator('#org-country option:checked').textContent()).trim(), '英国');
  await fillIfThere(scope, 'org-phone', '+44 20 7946 0000');
  await next(scope);

  await expectChinese(scope, 'review');
  await errorsInChinese(scope, 'review');
  await scope.locator('#agree-privacy').check();
  await scope.locator('form.step button[type=submit]').last().click();
  await scope.locator('[data-testid="order-id"]').waitFor({ timeout: 30000 });
  await expectChinese(scope, 'result');
}

test('a browser set to Chinese gets every step, error, the review and the result in Chinese', async () => {
  const { context, page } = await suite.freshPage({ locale: 'zh-CN' });
  await page.goto(suite.server.url);
  await orderInChinese(page);
  assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');
  assert.match(await page.title(), cjk);
  const buys = (await sandboxLog(suite.server.url)).filter((e) => e.path.endsWith('/buy'));
  assert.equal(buys.length, 1);
  await context.close();
});

test('the loading message is already in the browser\'s language', async () => {
  const { context, page } = await suite.freshPage({ locale: 'zh-CN' });
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/config.json', async (route) => { await held; await route.continue(); });
  await page.goto(suite.server.url);
  const loading = page.locator('.loading');
  await loading.waitFor();
  assert.match(await loading.textContent(), cjk);
  release();
  await page.locator('#step-heading').waitFor();
  await context.close();
});

test('the embedding page\'s locale beats the browser\'s; a language without a catalogue falls back', async () => {
  const { context, page } = await suite.freshPage({ locale: 'en-GB' });
  await page.addInitScript(() => { window.sslOrderOptions = { locale: 'zh-CN' }; });
  await page.goto(suite.server.url);
  await page.locator('#step-heading').waitFor();
  await expectChinese(page, 'page options');
  await context.close();

  const second = await suite.freshPage({ locale: 'fr-FR' });
  await second.page.goto(suite.server.url);
  await waitForHeading(second.page, 'Choose a certificate');
  assert.equal(await second.page.locator('html').getAttribute('lang'), 'en');
  await second.context.close();
});

test('iframe: the host\'s init locale turns the form Chinese and keeps what was typed', async () => {
  const { context, page } = await suite.freshPage({ locale: 'en-GB' });
  const port = new URL(suite.server.url).port;
  const host = `http://127.0.0.1:${port}`;
  await page.route('**/localhost:*/config.json', (route) => route.fulfill({
    json: { provider: 'huawei', endpoint: 'sandbox/huawei', storage: 'none', poll_seconds: 1,
      timeout_seconds: 10, parent_origins: [host] },
  }));
  // The customer's language comes from the panel's server, with its session.
  writeAppAddress(PANEL, `http://localhost:${port}/`);
  await serveSession(page, { locale: 'zh-CN' });
  await page.goto(`${host}/host/index.html`);
  const frame = page.frame({ url: /^http:\/\/localhost:/ });
  await frame.waitForFunction(() => document.documentElement.lang === 'zh-CN');
  await expectChinese(frame, 'framed product step');
  await frame.locator('input[value="geotrust-dv-single"]').check();
  await next(frame);
  // The panel's prefill arrived with the locale; storage is off, so it lives in memory only.
  assert.equal(await frame.locator('#domain').inputValue(), 'shop.example.com');
  await expectChinese(frame, 'framed domain step');
  const steps = await page.evaluate(() => window.hostEvents.filter((e) => e.type === 'step-changed').map((e) => e.title));
  assert.match(steps.at(-1), cjk, 'the step title sent to the host is in the form\'s language');
  await context.close();
});

test('direct mount: options choose Chinese for the mounted element only, and unmount takes it back', async () => {
  const { context, page } = await suite.freshPage({ locale: 'en-GB' });
  await serveSession(page, { locale: 'zh-CN' });
  await page.goto(`${suite.server.url}host/direct.html`);
  await page.waitForFunction(() => window.hostReady);
  await page.locator('#open-form').click();
  await page.locator('#ssl-order #step-heading').waitFor({ timeout: 30000 });
  assert.equal(await page.locator('#ssl-order').getAttribute('lang'), 'zh-CN');
  assert.equal(await page.locator('html').getAttribute('lang'), 'en', 'the host page keeps its own language');
  await expectChinese(page, 'mounted', page.locator('#ssl-order'));
  await page.locator('#close-form').click();
  assert.equal(await page.locator('#ssl-order').getAttribute('lang'), null);
  // An element with a language of its own gets it back.
  await page.locator('#ssl-order').evaluate((el) => el.setAttribute('lang', 'en-GB'));
  await page.locator('#open-form').click();
  await page.waitForFunction(() => document.querySelector('#ssl-order').lang === 'zh-CN');
  await page.locator('#close-form').click();
  assert.equal(await page.locator('#ssl-order').getAttribute('lang'), 'en-GB');
  await context.close();
});
