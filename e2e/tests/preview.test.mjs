// The review page's "exact requests" against what the sandbox recorded, for every API: the
// method, the path and query, the headers the app sets and the body, byte for byte, with
// the credential masked on both sides (the page masks it; the sandbox's log may redact it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sandboxLog } from '../lib/harness.mjs';
import { useSuite } from '../lib/suite.mjs';
import { fillToReview, waitForHeading, continueOn, agreeAndSubmit } from '../lib/wizard.mjs';
import { useConfig, chooseProduct, names, splitContact, dvToReview } from '../lib/providers.mjs';

const suite = useSuite({ issueDelaySecs: 3 });
const HUAWEI_TOKEN = 'sandbox-token-not-a-secret-0123456789';
const GOGETSSL_KEY = 'sandbox-auth-key-1234';
const CPANEL_TOKEN = '725431a1-d5bc-11e5-a28b-8b0e09a93f05';
const GENERIC_TOKEN = 'generic-proxy-token-5678';
const CREDENTIAL_HEADERS = ['authorization', 'x-auth-token'];

/** The review page's requests, each read back from its text into its parts. */
async function previews(page) {
  const texts = await page.locator('pre.request').allTextContents();
  return texts.map((text) => {
    const lines = text.split('\n');
    const head = lines.shift();
    const space = head.indexOf(' ');
    const headers = {};
    while (lines.length && lines[0] !== '') {
      const line = lines.shift();
      const colon = line.indexOf(': ');
      headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 2);
    }
    lines.shift();
    return { text, method: head.slice(0, space), url: head.slice(space + 1), headers, body: lines.join('\n') };
  });
}

/** A credential in a query, whatever stands there (the token, the page's mask, a redaction). */
const maskQuery = (target) => target.replace(/(auth_key|access_token)=[^&]*/g, '$1=<credential>');

/** Compares one preview with the log entry of the request sent. */
function assertSentAsShown(preview, sent, serverUrl, token, path = (p) => p) {
  assert.ok(!preview.text.includes(token), 'the page never shows the credential');
  assert.equal(preview.method, sent.method);
  assert.ok(preview.url.startsWith(serverUrl), `${preview.url} is the absolute URL the browser sends`);
  const shown = `/${preview.url.slice(serverUrl.length)}`;
  const target = sent.query === '' ? sent.path : `${sent.path}?${sent.query}`;
  assert.equal(maskQuery(shown), maskQuery(path(target)), 'path and query');
  assert.ok(!target.endsWith('&'), `no stray & in ${target}`);
  for (const [name, value] of Object.entries(preview.headers)) {
    assert.ok(name in sent.headers, `${name} was sent`);
    if (CREDENTIAL_HEADERS.includes(name)) {
      assert.match(value, /••••••/, `${name} is masked on the page`);
    } else {
      assert.equal(sent.headers[name], value, name);
    }
  }
  assert.equal(preview.body, sent.body, 'body');
}

test('Huawei: the buy and the apply are sent exactly as the review page shows them', async () => {
  const { context, page } = await suite.freshPage();
  await page.goto(suite.server.url);
  await fillToReview(page);
  const shown = await previews(page);
  assert.equal(shown.length, 2);
  await agreeAndSubmit(page, 'Buy and apply');
  await waitForHeading(page, 'Application sent');
  const cert = (await page.getByTestId('cert-id').textContent()).trim();
  const log = (await sandboxLog(suite.server.url)).filter((e) => e.method === 'POST');
  const buy = log.find((e) => e.path.endsWith('/certificates/buy'));
  const apply = log.find((e) => e.path.endsWith(`/certificates/${cert}/apply`));
  assert.ok(buy && apply, JSON.stringify(log.map((e) => e.path)));
  assertSentAsShown(shown[0], buy, suite.server.url, HUAWEI_TOKEN);
  // The apply's certificate ID is known only once the buy has answered.
  assertSentAsShown(shown[1], apply, suite.server.url, HUAWEI_TOKEN,
    (p) => p.replace(`/${cert}/`, '/{certificate_id}/'));
  await context.close();
});

test('GoGetSSL: a multi-domain email order is sent as shown, and the result page lists every name\'s approver', async () => {
  const { context, page } = await suite.freshPage();
  await useConfig(page, { provider: 'gogetssl', endpoint: 'sandbox/gogetssl', token: GOGETSSL_KEY });
  await page.goto(suite.server.url);
  await chooseProduct(page, 'Sectigo PositiveSSL Multi-Domain');
  await names(page, 'shop.example.com', 'www.example.com\napi.example.com');
  await waitForHeading(page, 'How will you prove you control each name?');
  const approvers = {
    'shop.example.com': 'admin@shop.example.com',
    'www.example.com': 'webmaster@www.example.com',
    'api.example.com': 'hostmaster@example.com',
  };
  for (const [name, address] of Object.entries(approvers)) {
    await page.getByLabel(`Validation method for ${name}`).selectOption('email');
    await page.getByLabel(`Approver address for ${name}`).selectOption(address);
  }
  await continueOn(page);
  await splitContact(page);
  await waitForHeading(page, 'Check your order');
  const [shown] = await previews(page);
  await agreeAndSubmit(page, 'Place the order');
  await waitForHeading(page, 'Order placed');
  const [sent] = (await sandboxLog(suite.server.url)).filter((e) => e.path === '/sandbox/gogetssl/orders/add_ssl_order/');
  assertSentAsShown(shown, sent, suite.server.url, GOGETSSL_KEY);

  const list = page.getByTestId('email-validations');
  for (const [name, address] of Object.entries(approvers)) {
    await list.getByRole('listitem').filter({ hasText: name }).filter({ hasText: address }).waitFor();
  }
  await page.getByText(/Open every message and approve it: the certificate is issued only once every name is approved/).waitFor();
  await context.close();
});

test('cPanel: the request is sent as shown, where checkout returns to included, with no stray &', async () => {
  const { context, page } = await suite.freshPage();
  await dvToReview(page, suite.server.url,
    { provider: 'cpanel', endpoint: 'sandbox/cpanel/cpsess0123456789/execute', token: CPANEL_TOKEN },
    'Sectigo Domain Validated SSL', 'http');
  const [shown] = await previews(page);
  assert.match(shown.url, /[?&]url_after_checkout=/);
  await agreeAndSubmit(page, 'Place the order');
  await waitForHeading(page, 'Order placed');
  const [sent] = (await sandboxLog(suite.server.url)).filter((e) => e.path.endsWith('/Market/request_ssl_certificates'));
  assertSentAsShown(shown, sent, suite.server.url, CPANEL_TOKEN);
  await context.close();
});

test('Generic JSON: the order is sent as shown, under the very Idempotency-Key shown', async () => {
  const { context, page } = await suite.freshPage();
  await dvToReview(page, suite.server.url,
    { provider: 'generic', endpoint: 'sandbox/generic', catalogue: 'catalog/gogetssl.json', token: GENERIC_TOKEN },
    'Sectigo PositiveSSL', 'dns');
  const [shown] = await previews(page);
  assert.match(shown.headers['idempotency-key'], /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  await agreeAndSubmit(page, 'Place the order');
  await waitForHeading(page, 'Order placed');
  const [sent] = (await sandboxLog(suite.server.url)).filter((e) => e.method === 'POST' && e.path === '/sandbox/generic/orders');
  assertSentAsShown(shown, sent, suite.server.url, GENERIC_TOKEN);
  await context.close();
});

for (const [what, script] of [
  ['throws', () => {
    delete Crypto.prototype.randomUUID;
    Crypto.prototype.getRandomValues = () => { throw new Error('no randomness here'); };
  }],
  ['gives zeros', () => {
    delete Crypto.prototype.randomUUID;
    Crypto.prototype.getRandomValues = (array) => array;
  }],
]) {
  test(`Generic JSON: when the browser's random source ${what}, nothing is sent and the page says why`, async () => {
    const { context, page } = await suite.freshPage();
    await page.addInitScript(script);
    await dvToReview(page, suite.server.url,
      { provider: 'generic', endpoint: 'sandbox/generic', catalogue: 'catalog/gogetssl.json' },
      'Sectigo PositiveSSL', 'dns');
    await page.getByTestId('no-key').waitFor({ state: 'attached' });
    await agreeAndSubmit(page, 'Place the order');
    const failure = page.locator('#submit-failure');
    await failure.filter({ hasText: 'Nothing was sent: this browser could not make a random order key' }).waitFor();
    assert.match(await failure.textContent(), /Try another browser/);
    const posts = (await sandboxLog(suite.server.url)).filter((e) => e.method === 'POST');
    assert.deepEqual(posts, [], 'no order went');
    await context.close();
  });
}
