// The example control panel (examples/host) embeds the form in an iframe from another
// origin and talks to it with the documented postMessage protocol.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sandboxLog, redacted } from '../lib/harness.mjs';
import { useSuite } from '../lib/suite.mjs';
import {
  waitForHeading, continueOn, agreeAndSubmit, fillToReview, pasteCsr, keepDns,
} from '../lib/wizard.mjs';
import { chooseProduct, names, splitContact, injectFault, pendingFaults } from '../lib/providers.mjs';
import { panelCopy, writeAppAddress, serveSession } from '../lib/panel.mjs';

// The panel is served by the same server on another origin (127.0.0.1 vs localhost), and
// the form's frame-ancestors lets it frame the form.
const PANEL = panelCopy();
const suite = useSuite({
  issueDelaySecs: 1,
  mounts: [`/host=${PANEL}`],
  frameAncestors: "'self' http://127.0.0.1:*",
});
// The token examples/host/session.json hands out, as the panel's server would.
const TOKEN = 'sandbox-token-not-a-secret-0123456789';

/**
 * The panel on 127.0.0.1, the form on localhost: two origins, as in a real panel. The panel
 * page is given the form's address as its own template would write it (`servePanel`).
 */
function urls() {
  const port = new URL(suite.server.url).port;
  const host = `http://127.0.0.1:${port}`;
  const app = `http://localhost:${port}/`;
  return { host, app, panel: `${host}/host/index.html` };
}

/** Opens the panel's page; `session` replaces what its server says (session.json). */
async function openPanel(page, session = undefined, query = '') {
  const { app, panel } = urls();
  writeAppAddress(PANEL, app);
  if (session) await serveSession(page, session);
  await page.goto(`${panel}${query}`);
}

/** The form's config.json, allowing `parents` to embed it, with no token of its own. */
async function serveConfig(page, parents, more = {}) {
  await page.route('**/localhost:*/config.json', (route) => route.fulfill({
    json: {
      provider: 'huawei', endpoint: 'sandbox/huawei', catalogue: 'catalog/huawei.json',
      storage: 'local', poll_seconds: 1, timeout_seconds: 10, parent_origins: parents, ...more,
    },
  }));
}

const events = (page) => page.evaluate(() => window.hostEvents.map((e) => ({ ...e })));
const form = (page) => page.frame({ url: /^http:\/\/localhost:/ });
/** The form's frame, once the panel has pointed its iframe at the form. */
async function framed(page) {
  const iframe = await page.waitForSelector('#ssl-order-frame');
  const frame = await iframe.contentFrame();
  await frame.waitForURL(/^http:\/\/localhost:/, { waitUntil: 'commit' });
  return frame;
}

test('iframe: the first step is usable before the wizard\'s module arrives; the wizard then takes over with the choice and the focus, and says ready', async () => {
  const { context, page } = await suite.freshPage();
  const { host } = urls();
  await serveConfig(page, [host]);
  let release;
  const released = new Promise((resolve) => { release = resolve; });
  await page.route(/\/split_wizard-[0-9a-f]{16}\.wasm$/, async (route) => { await released; await route.continue(); });
  await openPanel(page);
  const frame = await framed(page);
  await waitForHeading(frame, 'Choose a certificate');
  await frame.getByLabel('GeoTrust DV SSL').check();
  assert.ok(!(await events(page)).some((e) => e.type === 'ready'), 'the wizard is not there to say ready');
  release();
  await page.waitForFunction(() => window.hostEvents.some((e) => e.type === 'step-changed'));
  assert.deepEqual((await events(page)).filter((e) => e.type !== 'height').map((e) => e.type).slice(0, 2),
    ['ready', 'step-changed']);
  assert.ok(await frame.getByLabel('GeoTrust DV SSL').isChecked(), 'the choice made before the wizard came');
  await frame.waitForFunction(() => document.activeElement?.labels?.[0]?.textContent === 'GeoTrust DV SSL');
  await continueOn(frame);
  await waitForHeading(frame, 'Which domain name should the certificate cover?');
  assert.equal(await frame.getByLabel('Domain name').inputValue(), 'shop.example.com', 'prefilled by the panel');
  await context.close();
});

test('iframe: the form says ready, takes the token and prefill, reports each step, its height and the order', async () => {
  const { context, page } = await suite.freshPage();
  const { host } = urls();
  await serveConfig(page, [host]);
  await openPanel(page);
  await page.waitForFunction(() => window.hostEvents.some((e) => e.type === 'step-changed'));
  const frame = form(page);
  await waitForHeading(frame, 'Choose a certificate');
  await frame.getByLabel('GeoTrust DV SSL').check();
  await continueOn(frame);
  await waitForHeading(frame, 'Which domain name should the certificate cover?');
  assert.equal(await frame.getByLabel('Domain name').inputValue(), 'shop.example.com', 'prefilled by the panel');
  await continueOn(frame);
  await pasteCsr(frame);
  await continueOn(frame);
  await keepDns(frame);
  await waitForHeading(frame, 'Who is applying?');
  assert.equal(await frame.getByLabel('Email address').inputValue(), 'ada@example.com');
  await continueOn(frame);
  await waitForHeading(frame, 'Check your order');
  await agreeAndSubmit(frame);
  await waitForHeading(frame, 'Application sent');
  await page.waitForFunction(() => window.hostEvents.some((e) => e.type === 'submitted'));

  const seen = await events(page);
  const kinds = seen.map((e) => e.type).filter((t) => t !== 'height');
  // Choosing the product changes the number of steps (Huawei's validation step), said again.
  const steps = ['product', 'product', 'domain', 'csr', 'validation', 'contacts', 'review'];
  assert.deepEqual(kinds, ['ready', ...steps.map(() => 'step-changed'), 'submitted']);
  assert.deepEqual(seen.filter((e) => e.type === 'step-changed').map((e) => e.step), steps);
  const submitted = seen.find((e) => e.type === 'submitted');
  assert.match(submitted.cert_id, /^scs\d+$/);
  assert.ok(submitted.order_id.length > 0);
  assert.ok(seen.every((e) => e.source === 'ssl-order' && e.version === 1));
  // The panel sized the frame from the height messages.
  const heights = seen.filter((e) => e.type === 'height').map((e) => e.height);
  assert.ok(heights.length >= 2 && heights.every((h) => h > 0), String(heights));
  const frameHeight = await page.locator('#ssl-order-frame').evaluate((f) => f.getBoundingClientRect().height);
  assert.equal(Math.round(frameHeight), Math.max(300, heights.at(-1)) + 2, 'the border adds 2 px');

  // The panel's token went to the provider in the header, and nowhere into storage.
  const buy = (await sandboxLog(suite.server.url)).find((e) => e.path.endsWith('/certificates/buy'));
  assert.equal(buy.headers['x-auth-token'], redacted(TOKEN));
  // A browser that blocks third-party storage refuses the frame any: then nothing is kept.
  const stored = await frame.evaluate(() => {
    try { return JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }); } catch { return ''; }
  });
  assert.ok(!stored.includes(TOKEN), stored);
  // The theme came through as custom properties, not as a style attribute in the markup.
  assert.equal(await frame.evaluate(() => getComputedStyle(document.body).getPropertyValue('--so-button').trim()), '#2d3e50');
  await context.close();
});

test('iframe: the host\'s init moves the order to another provider and endpoint only where config.json allows it', async () => {
  const { host } = urls();
  // The panel's server sends this customer's orders elsewhere.
  const elsewhere = { token: TOKEN, provider: 'gogetssl', endpoint: 'sandbox/gogetssl' };

  // By default the form stays where config.json sends it, and tells the host so.
  const first = await suite.freshPage();
  await serveConfig(first.page, [host]);
  await openPanel(first.page, elsewhere);
  await first.page.waitForFunction(() => window.hostEvents.some((e) => e.type === 'refused'));
  const refused = (await events(first.page)).find((e) => e.type === 'refused');
  assert.deepEqual([...refused.settings].sort(), ['endpoint', 'provider']);
  const shown = await framed(first.page);
  await waitForHeading(shown, 'Choose a certificate');
  assert.equal(await shown.getByLabel('GeoTrust DV SSL').count(), 1, 'still the Huawei catalogue');
  await first.context.close();

  // Allowed: the products are GoGetSSL's, and the order goes to the endpoint the host named.
  const { context, page } = await suite.freshPage();
  await serveConfig(page, [host], { allow_init: ['provider', 'endpoint'] });
  await openPanel(page, elsewhere);
  const frame = await framed(page);
  await frame.getByLabel('Sectigo PositiveSSL', { exact: true }).waitFor({ timeout: 30000 });
  assert.ok(!(await events(page)).some((e) => e.type === 'refused'));
  await chooseProduct(frame, 'Sectigo PositiveSSL');
  await names(frame, 'shop.example.com');
  await waitForHeading(frame, 'How will you prove you control each name?');
  await continueOn(frame);
  await splitContact(frame);
  await waitForHeading(frame, 'Check your order');
  await agreeAndSubmit(frame, 'Place the order');
  await waitForHeading(frame, 'Order placed');
  const log = await sandboxLog(suite.server.url);
  assert.equal(log.filter((e) => e.path.startsWith('/sandbox/gogetssl/orders/add_ssl_order')).length, 1);
  assert.equal(log.filter((e) => e.path.startsWith('/sandbox/huawei')).length, 0);
  await context.close();
});

test('iframe: a page whose origin is not allowed hears nothing and is not heard', async () => {
  const { context, page } = await suite.freshPage();
  await serveConfig(page, ['https://panel.example']);
  await openPanel(page);
  const frame = await framed(page);
  await waitForHeading(frame, 'Choose a certificate');
  // The panel sends its init anyway, as a hostile page would.
  await page.evaluate(() => document.querySelector('#ssl-order-frame').contentWindow.postMessage(
    { type: 'init', token: 'stolen-slot', prefill: { domains: ['evil.example'] } }, '*'));
  await frame.getByLabel('GeoTrust DV SSL').check();
  await continueOn(frame);
  await waitForHeading(frame, 'Which domain name should the certificate cover?');
  assert.equal(await frame.getByLabel('Domain name').inputValue(), '', 'the prefill was ignored');
  assert.deepEqual(await events(page), [], 'nothing was sent to a page that is not allowed');
  await context.close();
});

test('iframe: the panel takes neither the token nor the form\'s address from its own URL', async () => {
  const { context, page } = await suite.freshPage();
  const { host, app } = urls();
  // Every message any frame receives, so the init the form got can be read back.
  await page.addInitScript(() => {
    window.received = [];
    window.addEventListener('message', (e) => window.received.push(e.data));
  });
  const elsewhere = [];
  await page.route((url) => url.hostname === 'evil.example', (route) => {
    elsewhere.push(route.request().url());
    return route.abort();
  });
  await serveConfig(page, [host]);
  await openPanel(page, undefined, `?token=evil-token&app=${encodeURIComponent('https://evil.example/')}`);
  await page.waitForFunction(() => window.hostEvents.some((e) => e.type === 'step-changed'));
  const frame = form(page);
  await waitForHeading(frame, 'Choose a certificate');
  assert.equal(await page.locator('#ssl-order-frame').getAttribute('src'), app, 'the panel framed its own form');
  assert.deepEqual(page.frames().map((f) => new URL(f.url()).origin).sort(), [host, new URL(app).origin].sort());
  const inits = (await frame.evaluate(() => window.received)).filter((m) => m?.type === 'init');
  assert.equal(inits.length, 1);
  assert.equal(inits[0].token, TOKEN, "the token from the panel's server");
  assert.ok(!JSON.stringify(inits).includes('evil'), JSON.stringify(inits));
  assert.deepEqual(elsewhere, [], 'nothing was asked of the address in the query');
  await context.close();
});

test('iframe: while a generic order is in doubt after a 5xx, an init cannot move it; it goes again to the first endpoint', async () => {
  const { context, page } = await suite.freshPage();
  const { host, app } = urls();
  await serveConfig(page, [host], {
    provider: 'generic', endpoint: 'sandbox/generic', catalogue: 'catalog/gogetssl.json',
    allow_init: ['provider', 'endpoint'],
  });
  await openPanel(page);
  const frame = await framed(page);
  await chooseProduct(frame, 'Sectigo PositiveSSL');
  await names(frame, 'shop.example.com');
  await waitForHeading(frame, 'How will you prove you control each name?');
  await frame.getByLabel('Validation method for shop.example.com').selectOption('dns');
  await continueOn(frame);
  await splitContact(frame);
  await waitForHeading(frame, 'Check your order');
  // Outlasts the app's own retries: the key is kept, the order may have been placed.
  await injectFault(suite.server.url, { provider: 'generic', path: '/orders', method: 'POST', times: 3, fault: { kind: 'status', status: 503 } });
  await agreeAndSubmit(frame, 'Place the order');
  await frame.locator('#submit-failure').filter({ hasText: /We could not confirm the order/ }).waitFor({ timeout: 30000 });

  // The panel now asks for another provider and endpoint, as a second init.
  await page.evaluate((origin) => document.querySelector('#ssl-order-frame').contentWindow.postMessage(
    { type: 'init', provider: 'gogetssl', endpoint: 'sandbox/gogetssl' }, origin), new URL(app).origin);
  await page.waitForFunction(() => window.hostEvents.some((e) => e.type === 'refused'));
  const refused = (await events(page)).find((e) => e.type === 'refused');
  assert.deepEqual([...refused.settings].sort(), ['endpoint', 'provider']);
  assert.match(refused.reason, /under way/);

  await agreeAndSubmit(frame, 'Place the order');
  await waitForHeading(frame, 'Order placed');
  const log = await sandboxLog(suite.server.url);
  const posts = log.filter((e) => e.method === 'POST' && e.path === '/sandbox/generic/orders');
  assert.deepEqual(posts.map((e) => e.status), [503, 503, 503, 201]);
  assert.equal(new Set(posts.map((e) => e.headers['idempotency-key'])).size, 1, 'one key throughout');
  assert.equal(log.filter((e) => e.path.startsWith('/sandbox/gogetssl')).length, 0, 'nothing went elsewhere');
  assert.deepEqual(await pendingFaults(suite.server.url), []);
  await context.close();
});

/** Counts the listeners added and removed on window and document, by event type. */
function countListeners() {
  window.listenerCount = {};
  for (const target of [window, document]) {
    const name = target === window ? 'window' : 'document';
    const add = target.addEventListener.bind(target);
    const remove = target.removeEventListener.bind(target);
    target.addEventListener = (type, ...rest) => {
      const key = `${name}:${type}`;
      window.listenerCount[key] = (window.listenerCount[key] || 0) + 1;
      return add(type, ...rest);
    };
    target.removeEventListener = (type, ...rest) => {
      const key = `${name}:${type}`;
      window.listenerCount[key] = (window.listenerCount[key] || 0) - 1;
      return remove(type, ...rest);
    };
  }
}

const hostLook = (page) => page.evaluate(() => {
  const style = (selector, props) => {
    const s = getComputedStyle(document.querySelector(selector));
    return Object.fromEntries(props.map((p) => [p, s.getPropertyValue(p)]));
  };
  return {
    body: style('body', ['margin', 'font-family', 'background-color', 'font-size', 'line-height']),
    title: style('.panel-title', ['font-family', 'color', 'font-size', 'margin-bottom']),
    button: style('#open-form', ['background-color', 'border-radius', 'color', 'box-sizing']),
    main: style('.panel-main', ['box-sizing', 'max-width']),
  };
});

test('direct mount: the form mounts into the panel, orders, leaves the panel\'s look alone, and unmounts without a trace', async () => {
  const { context, page } = await suite.freshPage();
  const { host } = urls();
  await page.addInitScript(countListeners);
  await page.route('**/config.json', (route) => route.fulfill({
    json: { provider: 'huawei', endpoint: '/sandbox/huawei', token: TOKEN, storage: 'session', poll_seconds: 1 },
  }));
  await page.goto(`${host}/host/direct.html`);
  await page.waitForFunction(() => window.hostReady);
  const before = await hostLook(page);
  const listenersBefore = await page.evaluate(() => ({ ...window.listenerCount }));

  await page.getByRole('button', { name: 'Order a certificate' }).click();
  await page.locator('#ssl-order h1').waitFor();
  assert.equal(await page.locator('#ssl-order').getAttribute('class'), 'ssl-order');
  assert.deepEqual(await hostLook(page), before, "the panel's own styles are untouched");
  // The panel's rules for .button, h1 and input do not reach into the form.
  const continueLook = await page.getByRole('button', { name: 'Continue' })
    .evaluate((b) => [getComputedStyle(b).backgroundColor, getComputedStyle(b).borderRadius]);
  assert.deepEqual(continueLook, ['rgb(0, 112, 60)', '0px']);
  const headingColor = await page.locator('#ssl-order h1').evaluate((h) => getComputedStyle(h).color);
  assert.equal(headingColor, 'rgb(11, 12, 12)');

  await fillToReview(page);
  await agreeAndSubmit(page);
  await waitForHeading(page, 'Application sent');
  const buy = (await sandboxLog(suite.server.url)).find((e) => e.path.endsWith('/certificates/buy'));
  assert.equal(buy.headers['x-auth-token'], redacted(TOKEN));

  await page.getByRole('button', { name: 'Close the form' }).click();
  await page.waitForFunction(() => document.querySelector('#ssl-order').childNodes.length === 0);
  assert.equal(await page.locator('#ssl-order').getAttribute('class'), '');
  const listenersAfter = await page.evaluate(() => ({ ...window.listenerCount }));
  for (const type of ['popstate', 'pointerdown', 'pointerup', 'pointercancel', 'message', 'beforeunload']) {
    assert.equal(listenersAfter[`window:${type}`] ?? 0, listenersBefore[`window:${type}`] ?? 0, `window ${type} listeners`);
  }
  assert.deepEqual(await hostLook(page), before);
  await context.close();
});
