// The split build: the first module draws the first step on its own, the wizard's module
// (split_wizard-HASH.wasm) is fetched once that step is usable, and a failed fetch of it
// says so, retries, and loses nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { root } from '../lib/harness.mjs';
import { useSuite } from '../lib/suite.mjs';
import { waitForHeading, continueOn } from '../lib/wizard.mjs';

const suite = useSuite();
const LATER = /\/split_wizard-[0-9a-f]{16}\.wasm$/;
const DOMAIN_STEP = 'Which domain name should the certificate cover?';

/** Holds the later module's response until `release()`; `asked` resolves once it is asked for. */
async function holdLaterModule(page) {
  let release;
  const released = new Promise((resolve) => { release = resolve; });
  let asked;
  const wasAsked = new Promise((resolve) => { asked = resolve; });
  await page.route(LATER, async (route) => {
    asked();
    await released;
    await route.continue();
  });
  return { release, asked: wasAsked };
}

const product = (page) => page.getByLabel('GeoTrust DV SSL');
const FIRST = /\/ssl-order-[0-9a-f]{16}_bg\.wasm$/;

test('index.html\'s own first step is usable before any wasm has run, and the app goes on from it', async () => {
  const { context, page } = await suite.freshPage();
  // The first module is held back: nothing but index.html, its stylesheet and loader.js run.
  let release;
  const released = new Promise((resolve) => { release = resolve; });
  await page.route(FIRST, async (route) => { await released; await route.continue(); });
  await page.goto(suite.server.url);
  await waitForHeading(page, 'Choose a certificate');
  assert.equal(await page.evaluate(() => performance.getEntriesByName('ssl-order:start').length), 0, 'no wasm ran');
  assert.ok(await page.evaluate(() => performance.getEntriesByName('ssl-order:usable').length > 0));
  await product(page).check();
  await continueOn(page);
  // Held, not sent anywhere: the page did not navigate, and the button says it is busy.
  assert.equal(await page.getByRole('button', { name: 'Continue' }).getAttribute('aria-busy'), 'true');
  assert.equal(new URL(page.url()).search, '');
  release();
  await waitForHeading(page, DOMAIN_STEP);
  await page.getByRole('button', { name: 'Back' }).click();
  await waitForHeading(page, 'Choose a certificate');
  assert.ok(await product(page).isChecked(), 'the choice made before the wasm ran');
  assert.equal(await page.locator('[data-ssl-order-static]').count(), 0, 'taken over');
  await context.close();
});

test('a choice made on index.html\'s first step is kept when the app takes it over, with the focus', async () => {
  const { context, page } = await suite.freshPage();
  let release;
  const released = new Promise((resolve) => { release = resolve; });
  await page.route(FIRST, async (route) => { await released; await route.continue(); });
  await page.goto(suite.server.url);
  await waitForHeading(page, 'Choose a certificate');
  await product(page).check();
  release();
  await page.waitForFunction(() => performance.getEntriesByName('ssl-order:interactive').length > 0);
  assert.equal(await page.locator('[data-ssl-order-static]').count(), 0, 'taken over');
  assert.equal(await page.locator('h1').count(), 1, 'one first step, not two');
  assert.ok(await product(page).isChecked());
  await page.waitForFunction(() => document.activeElement?.id === 'product');
  await continueOn(page);
  await waitForHeading(page, DOMAIN_STEP);
  await context.close();
});

test('the first step is usable before the wizard\'s module has arrived; Continue then waits for it', async () => {
  const { context, page } = await suite.freshPage();
  const held = await holdLaterModule(page);
  await page.goto(suite.server.url);
  await waitForHeading(page, 'Choose a certificate');
  // The later module was asked for as soon as the first step was drawn, and has not come.
  await held.asked;
  await product(page).check();
  assert.equal(await page.title(), 'Choose a certificate – Order an SSL certificate');
  await continueOn(page);
  await page.getByRole('status').filter({ hasText: 'Loading the next step…' }).waitFor();
  held.release();
  await waitForHeading(page, DOMAIN_STEP);
  // As after any Continue: the new step's heading has the focus, and Back returns to the
  // product step with the choice kept.
  await page.waitForFunction(() => document.activeElement?.id === 'step-heading');
  await page.goBack();
  await waitForHeading(page, 'Choose a certificate');
  assert.ok(await product(page).isChecked());
  await context.close();
});

test('a failed fetch of the wizard\'s module says so, and "Try again" goes on with the choice kept', async () => {
  const { context, page } = await suite.freshPage();
  let failing = true;
  let asked = 0;
  await page.route(LATER, (route) => {
    asked += 1;
    return failing ? route.abort('internetdisconnected') : route.continue();
  });
  await page.goto(suite.server.url);
  await waitForHeading(page, 'Choose a certificate');
  await product(page).check();
  await continueOn(page);
  const failure = page.getByTestId('next-failed');
  await failure.waitFor();
  assert.equal(await failure.getAttribute('role'), 'alert');
  assert.match(await failure.textContent(), /could not be loaded\. Check your connection and try again/);
  // The retry button has the focus, so a keyboard user can press it at once.
  await page.waitForFunction(() => document.activeElement?.id === 'next-retry');
  const before = asked;
  await page.getByRole('button', { name: 'Try again' }).click();
  await failure.waitFor();
  assert.ok(asked > before, 'the retry asked for the module again');
  failing = false;
  await page.getByRole('button', { name: 'Try again' }).click();
  await waitForHeading(page, DOMAIN_STEP);
  await page.getByRole('button', { name: 'Back' }).click();
  await waitForHeading(page, 'Choose a certificate');
  assert.ok(await product(page).isChecked(), 'the product chosen before the failure');
  await context.close();
});

test('after a redeploy the old page\'s later module is gone: it says so, and a reload goes on with the choice', async () => {
  const { context, page } = await suite.freshPage();
  // What a redeploy leaves: the page and first module of the old build, no later module.
  const gone = (route) => route.fulfill({ status: 404, body: 'Not Found' });
  await page.route(LATER, gone);
  await page.goto(suite.server.url);
  await waitForHeading(page, 'Choose a certificate');
  await product(page).check();
  await continueOn(page);
  await page.getByTestId('next-failed').waitFor();
  assert.match(await page.getByTestId('next-failed').textContent(), /reload the page/);
  await page.unroute(LATER, gone);
  await page.reload();
  await waitForHeading(page, 'Choose a certificate');
  assert.ok(await product(page).isChecked(), 'the choice survives the reload');
  await continueOn(page);
  await waitForHeading(page, DOMAIN_STEP);
  await context.close();
});

test('the build names every module with one hash, so a page never mixes two builds', async () => {
  const dist = path.join(root, 'dist');
  const files = readdirSync(dist).filter((name) => /^(ssl-order-|split_|__wasm_split-)/.test(name) && !/\.(br|gz)$/.test(name));
  const hashes = new Set(files.map((name) => name.match(/-([0-9a-f]{16})(_bg)?\.(js|wasm)$/)?.[1]));
  assert.equal(hashes.size, 1, files.join(', '));
  const [hash] = hashes;
  assert.ok(files.includes(`split_wizard-${hash}.wasm`), files.join(', '));
  // The glue imports the loader of later modules, which fetches the chunk, by these names.
  const glue = readFileSync(path.join(dist, `ssl-order-${hash}.js`), 'utf8');
  assert.match(glue, new RegExp(`from ?"\\./__wasm_split-${hash}\\.js"`));
  const loader = readFileSync(path.join(dist, `__wasm_split-${hash}.js`), 'utf8');
  assert.match(loader, new RegExp(`"\\./split_wizard-${hash}\\.wasm"`));
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
  for (const name of [`ssl-order-${hash}.js`, `ssl-order-${hash}_bg.wasm`, `__wasm_split-${hash}.js`]) {
    assert.ok(html.includes(`./${name}`), `index.html names ${name}`);
  }
});

test('the first module holds the first step\'s English texts, none of its Chinese ones and none of the later steps\'', () => {
  const dist = path.join(root, 'dist');
  const find = (pattern) => readFileSync(path.join(dist, readdirSync(dist).find((name) => pattern.test(name))));
  const first = find(/^ssl-order-[0-9a-f]{16}_bg\.wasm$/);
  const later = find(/^split_wizard-[0-9a-f]{16}\.wasm$/);
  for (const text of ['Choose a certificate', 'Domain validated (DV)']) {
    assert.ok(first.includes(text), `the first module has "${text}"`);
  }
  // The first step's Chinese words come in a module of their own (or a chunk it shares).
  for (const text of ['选择证书', '域名型（DV）']) {
    assert.ok(!first.includes(text), `the first module has no "${text}"`);
  }
  for (const text of ['Your certificate signing request (CSR)', '您的证书签名请求（CSR）', 'Check your order']) {
    assert.ok(!first.includes(text), `the first module has no "${text}"`);
    assert.ok(later.includes(text), `the later module has "${text}"`);
  }
});

test('the configuration and catalogue loader.js asked for are what the app reads, each asked for once', async () => {
  const { context, page } = await suite.freshPage();
  const asked = [];
  page.on('request', (request) => {
    const name = new URL(request.url()).pathname;
    if (name.endsWith('/config.json') || name.endsWith('/catalog/huawei.json')) asked.push(name);
  });
  await page.goto(suite.server.url);
  await page.waitForFunction(() => performance.getEntriesByName('ssl-order:interactive').length > 0);
  // loader.js put both in hand before the wasm ran; the app took both.
  assert.deepEqual(await page.evaluate(() => Object.keys(window.sslOrderPrefetch)), []);
  assert.deepEqual(asked.sort(), ['/catalog/huawei.json', '/config.json']);
  await context.close();
});

const CHINESE_WORDS = /\/split_start_zh_cn-[0-9a-f]{16}\.wasm$/;

test('a browser that prefers Chinese fetches the first step\'s Chinese words; one that prefers English never does', async () => {
  for (const [locale, heading] of [['zh-CN', '选择证书'], ['en-GB', 'Choose a certificate']]) {
    const { context, page } = await suite.freshPage({ locale });
    const asked = [];
    page.on('request', (request) => asked.push(new URL(request.url()).pathname));
    await page.goto(suite.server.url);
    await waitForHeading(page, heading);
    // Past the point where the app asks for anything at start: the wizard's module is asked
    // for once the first step is usable.
    await page.waitForFunction(() => performance.getEntriesByType('resource')
      .some((entry) => /\/split_wizard-[0-9a-f]{16}\.wasm$/.test(entry.name)));
    const wordsAsked = asked.some((name) => CHINESE_WORDS.test(name));
    assert.equal(wordsAsked, locale === 'zh-CN', `${locale}: ${asked.join(', ')}`);
    assert.equal(await page.evaluate(() => document.documentElement.lang), locale === 'zh-CN' ? 'zh-CN' : 'en');
    if (locale === 'zh-CN') {
      assert.match(await page.title(), /订购 SSL 证书/);
      await product(page).check();
      await page.getByRole('button', { name: '继续' }).click();
      await waitForHeading(page, '证书要绑定哪个域名？');
    }
    await context.close();
  }
});

test('where the first step\'s Chinese words cannot be fetched, the whole form speaks English and works', async () => {
  const { context, page } = await suite.freshPage({ locale: 'zh-CN' });
  await page.route(CHINESE_WORDS, (route) => route.abort('connectionfailed'));
  await page.goto(suite.server.url);
  await waitForHeading(page, 'Choose a certificate');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  await product(page).check();
  await continueOn(page);
  await waitForHeading(page, DOMAIN_STEP);
  await context.close();
});

test('a reload at a later step shows no first step: it waits for the wizard\'s module, then comes back to that step with what was typed', async () => {
  const { context, page } = await suite.freshPage();
  await page.goto(suite.server.url);
  await waitForHeading(page, 'Choose a certificate');
  await product(page).check();
  await continueOn(page);
  await waitForHeading(page, DOMAIN_STEP);
  await page.getByLabel('Domain name').fill('shop.example.com');
  const held = await holdLaterModule(page);
  // Notes whether index.html's own first step is ever on show while the page loads.
  await page.addInitScript(() => {
    window.firstStepShown = false;
    new MutationObserver(() => {
      const step = document.querySelector('[data-ssl-order-static]');
      if (step && !step.hidden) window.firstStepShown = true;
    }).observe(document, { subtree: true, childList: true, attributes: true });
  });
  await page.reload();
  await held.asked;
  await page.getByRole('status').filter({ hasText: 'Loading the next step…' }).waitFor();
  // index.html's own first step was removed unseen: the draft is at another step.
  assert.equal(await page.evaluate(() => window.firstStepShown), false);
  assert.equal(await page.locator('[data-ssl-order-static]').count(), 0);
  assert.equal(await page.getByRole('heading', { name: 'Choose a certificate' }).count(), 0);
  held.release();
  await waitForHeading(page, DOMAIN_STEP);
  assert.equal(await page.getByLabel('Domain name').inputValue(), 'shop.example.com');
  await context.close();
});
