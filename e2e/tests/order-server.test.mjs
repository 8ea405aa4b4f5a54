// The production path: the page talks only to the order server, which holds the provider's
// credentials. For each provider: a whole order in Chromium, no request of the browser
// carrying a credential, and the sandbox seeing exactly one order per submission.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, sandboxLog } from '../lib/harness.mjs';
import { waitForHeading, continueOn, pasteCsr, CSR, agreeAndSubmit } from '../lib/wizard.mjs';
import { chooseProduct, names, splitContact } from '../lib/providers.mjs';

const browser = await launchBrowser();
after(() => browser.close());

// The sandbox's published credentials (README, "The sandbox provider"): none may ever
// appear in what the browser sends or receives.
const SECRETS = ['sandbox-secret-key-not-a-secret-00000000', 'SANDBOXAKEXAMPLE0001',
  'sandbox-password-not-a-secret', 'SANDBOXCPANELTOKEN00000000000001', 'sandbox-reseller',
  'sandbox-iam-password-not-a-secret'];

/** Records every request the page makes, with its headers and body. */
function watch(page) {
  const seen = [];
  page.on('request', (request) => seen.push({
    url: request.url(), method: request.method(), headers: request.headers(), body: request.postData() ?? '',
  }));
  return seen;
}

function assertNoCredential(seen, server) {
  assert.ok(seen.length > 0);
  for (const request of seen) {
    const where = `${request.method} ${request.url}`;
    assert.ok(request.url.startsWith(server), `${where}: only the order server's own origin`);
    assert.ok(!new URL(request.url).pathname.startsWith('/sandbox/'), `${where}: never the provider`);
    assert.ok(!/auth_key|access_token/.test(request.url), `${where}: no key in the URL`);
    for (const name of ['authorization', 'x-auth-token', 'x-sdk-date', 'x-domain-id']) {
      assert.equal(request.headers[name], undefined, `${where}: no ${name} header`);
    }
    const all = `${request.url}\n${JSON.stringify(request.headers)}\n${request.body}`;
    for (const secret of SECRETS) assert.ok(!all.includes(secret), `${where} carries a credential`);
  }
}

const ORDER_CALLS = {
  huawei: (e) => e.method === 'POST' && e.path.endsWith('/certificates/buy'),
  gogetssl: (e) => e.method === 'POST' && e.path.includes('/orders/add_ssl_order'),
  cpanel: (e) => e.path.includes('/request_ssl_certificates'),
};

async function orderThrough(provider, walk) {
  const server = await startServer({ demo: { provider } });
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    const seen = watch(page);
    await page.goto(server.url);
    await walk(page);
    await waitForHeading(page, 'Check your order');
    await agreeAndSubmit(page, 'Place the order');
    await waitForHeading(page, 'Order placed');
    const orderId = await page.getByTestId('order-id').textContent();
    assert.match(orderId.trim(), /^[0-9a-f-]{36}$/, 'the order server\'s own ID');
    // The status comes through the order server too.
    await page.waitForFunction(() => document.querySelector('[data-testid="status"]'));
    const log = await sandboxLog(server.url);
    assert.equal(log.filter(ORDER_CALLS[provider]).length, 1, `${provider}: exactly one order`);
    if (provider === 'huawei') {
      assert.equal(log.filter((e) => e.path.endsWith('/apply')).length, 1, 'applied once');
    }
    assertNoCredential(seen, server.url);
    await context.close();
  } finally {
    await server.stop();
  }
}

test('order server, Huawei: bought and applied by the server; the page never holds a credential', async () => {
  await orderThrough('huawei', async (page) => {
    await chooseProduct(page, 'GeoTrust DV SSL');
    await waitForHeading(page, 'Which domain name should the certificate cover?');
    await page.getByLabel('Domain name').fill('shop.example.com');
    await continueOn(page);
    await pasteCsr(page, CSR);
    await continueOn(page);
    await waitForHeading(page, 'How will you prove you control each name?');
    await continueOn(page);
    await waitForHeading(page, 'Who is applying?');
    await page.getByLabel('Full name').fill('Ada Lovelace');
    await page.getByLabel('Phone number').fill('+44 20 7946 0958');
    await page.getByLabel('Email address').fill('ada@example.com');
    await continueOn(page);
  });
});

test('order server, GoGetSSL: logged in and ordered by the server; the page never holds a credential', async () => {
  await orderThrough('gogetssl', async (page) => {
    await chooseProduct(page, 'Sectigo PositiveSSL');
    await names(page, 'shop.example.com');
    await waitForHeading(page, 'How will you prove you control each name?');
    await continueOn(page);
    await splitContact(page);
  });
});

test('order server, cPanel: ordered with the server\'s token; the page never holds a credential', async () => {
  await orderThrough('cpanel', async (page) => {
    await chooseProduct(page, 'Sectigo Domain Validated SSL');
    await names(page, 'shop.example.com');
    await waitForHeading(page, 'How will you prove you control each name?');
    await continueOn(page);
  });
});
