// One complete order per provider API, through the sandbox: what the sandbox received, byte
// for byte where it matters, and what the page shows afterwards.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { root, sandboxLog, redacted } from '../lib/harness.mjs';
import { useSuite } from '../lib/suite.mjs';
import { waitForHeading, continueOn, agreeAndSubmit } from '../lib/wizard.mjs';
import {
  useConfig, chooseProduct, names, splitContact, organisation, injectFault as arm, dvToReview,
} from '../lib/providers.mjs';

const suite = useSuite({ issueDelaySecs: 3 });
const CPANEL_TOKEN = '725431a1-d5bc-11e5-a28b-8b0e09a93f05';

const form = (body) => Object.fromEntries(new URLSearchParams(body));

test('GoGetSSL: a multi-domain order with a method per name is one form post, and the page shows each name\'s step', async () => {
  const { context, page } = await suite.freshPage();
  await useConfig(page, { provider: 'gogetssl', endpoint: 'sandbox/gogetssl', token: 'sandbox-auth-key-1234' });
  await page.goto(suite.server.url);
  await chooseProduct(page, 'Sectigo PositiveSSL Multi-Domain');
  await names(page, 'shop.example.com', 'www.example.com\napi.example.com');
  await waitForHeading(page, 'How will you prove you control each name?');
  await page.getByLabel('Validation method for shop.example.com').selectOption('http');
  await page.getByLabel('Validation method for www.example.com').selectOption('dns');
  await page.getByLabel('Validation method for api.example.com').selectOption('email');
  await page.getByLabel('Approver address for api.example.com').selectOption('admin@example.com');
  await continueOn(page);
  await splitContact(page);
  await waitForHeading(page, 'Check your order');
  // GoGetSSL's dry run checks every answer and orders nothing; it sends the answers to the
  // provider, so the privacy statement must be agreed to first.
  await page.getByRole('button', { name: 'Check with GoGetSSL first (nothing is ordered)' }).click();
  await page.locator('#error-summary').filter({ hasText: 'privacy' }).waitFor();
  await page.getByLabel(/I agree to the provider's privacy statement/).check();
  await page.getByRole('button', { name: 'Check with GoGetSSL first (nothing is ordered)' }).click();
  await page.getByTestId('check-outcome').filter({ hasText: 'GoGetSSL accepted every answer' }).waitFor();
  const checks = (await sandboxLog(suite.server.url)).filter((e) => e.path === '/sandbox/gogetssl/orders/add_ssl_order/');
  assert.equal(checks.length, 1);
  assert.equal(form(checks[0].body).test, 'Y');
  await agreeAndSubmit(page, 'Place the order');
  await waitForHeading(page, 'Order placed');

  const orders = (await sandboxLog(suite.server.url))
    .filter((e) => e.method === 'POST' && e.path === '/sandbox/gogetssl/orders/add_ssl_order/')
    .filter((e) => form(e.body).test !== 'Y');
  assert.equal(orders.length, 1, 'ordered once');
  assert.equal(new URLSearchParams(orders[0].query).get('auth_key'), redacted('sandbox-auth-key-1234'));
  assert.equal(orders[0].headers['content-type'], 'application/x-www-form-urlencoded');
  const sent = form(orders[0].body);
  assert.equal(sent.product_id, '47');
  assert.equal(sent.period, '12');
  assert.equal(sent.dcv_method, 'http');
  assert.equal(sent.dns_names, 'www.example.com,api.example.com');
  assert.equal(sent.approver_emails, 'dns,admin@example.com');
  assert.equal(sent.admin_title, 'Director');
  assert.equal(sent.tech_email, 'ada@example.com');
  assert.equal(orders[0].status, 200);

  const orderId = await page.getByTestId('order-id').textContent();
  assert.match(orderId, /^\d+$/);
  assert.match(await page.getByTestId('file-validations').textContent(), /shop\.example\.com.*\/\.well-known\/pki-validation\//s);
  assert.match(await page.getByTestId('dns-records').textContent(), /CNAME/);
  assert.match(await page.getByTestId('email-validations').textContent(), /api\.example\.com.*admin@example\.com/s);
  // The status is read from the order's own status call, and becomes final once issued.
  await page.getByTestId('status').filter({ hasText: 'Issued' }).waitFor({ timeout: 20000 });
  const statuses = (await sandboxLog(suite.server.url)).filter((e) => e.path.startsWith(`/sandbox/gogetssl/orders/status/${orderId}`));
  assert.ok(statuses.length >= 1);
  await context.close();
});

test('GoGetSSL: an OV order asks the applicant for a fax, keeps it over a reload, and sends it as admin_fax', async () => {
  const { context, page } = await suite.freshPage();
  await useConfig(page, { provider: 'gogetssl', endpoint: 'sandbox/gogetssl', token: 'sandbox-auth-key-1234' });
  await page.goto(suite.server.url);
  await chooseProduct(page, 'Sectigo OV SSL');
  await names(page, 'shop.example.com');
  await waitForHeading(page, 'How will you prove you control each name?');
  await continueOn(page);
  await waitForHeading(page, 'Who is applying?');
  const fax = page.getByLabel(/^Fax number/);
  // Why it is asked is said beside it; the technical contact is asked for none.
  assert.match(await page.locator('#applicant-fax-hint').textContent(),
    /GoGetSSL requires a fax number for OV/);
  await page.getByLabel(/^First name/).fill('Ada');
  await page.getByLabel(/^Last name/).fill('Lovelace');
  await page.getByLabel(/^Job title/).fill('Director');
  await page.getByLabel(/^Phone number/).fill('+44 20 7946 0958');
  await page.getByLabel(/^Email address/).fill('ada@example.com');
  await continueOn(page);
  await page.locator('#error-summary').filter({ hasText: "Enter the applicant's fax number" }).waitFor();
  await fax.fill('0044 20 7946 0999');
  await page.reload();
  await waitForHeading(page, 'Who is applying?');
  assert.equal(await fax.inputValue(), '0044 20 7946 0999', 'the fax typed survives a reload');
  await page.getByLabel('Someone else is the technical contact').check();
  assert.equal(await page.getByLabel(/^Fax number/).count(), 1, 'only the applicant has a fax field');
  await page.getByLabel('Someone else is the technical contact').uncheck();
  await continueOn(page);
  await organisation(page);
  await waitForHeading(page, 'Check your order');
  assert.match(await page.locator('dl.summary').first().textContent(), /Fax: \+442079460999/);
  await agreeAndSubmit(page, 'Place the order');
  await waitForHeading(page, 'Order placed');

  const orders = (await sandboxLog(suite.server.url))
    .filter((e) => e.method === 'POST' && e.path === '/sandbox/gogetssl/orders/add_ssl_order/')
    .filter((e) => form(e.body).test !== 'Y');
  assert.equal(orders.length, 1, 'ordered once');
  const sent = form(orders[0].body);
  assert.equal(sent.admin_fax, '+442079460999', 'the fax as typed, normalised');
  assert.equal(sent.admin_phone, '+442079460958');
  assert.equal(sent.org_phone, '+442079460000');
  assert.equal(orders[0].status, 200);
  await context.close();
});

test('cPanel: an OV order is one GET with JSON in the query, then checkout and the checks', async () => {
  const { context, page } = await suite.freshPage();
  await useConfig(page, {
    provider: 'cpanel', endpoint: 'sandbox/cpanel/cpsess0123456789/execute', token: CPANEL_TOKEN,
  });
  await page.goto(suite.server.url);
  await chooseProduct(page, 'Sectigo Organization Validated SSL');
  await names(page, 'shop.example.com');
  await waitForHeading(page, 'How will you prove you control each name?');
  await page.getByLabel('Validation method for shop.example.com').selectOption('http');
  await continueOn(page);
  await splitContact(page);
  await organisation(page);
  await waitForHeading(page, 'Check your order');
  await agreeAndSubmit(page, 'Place the order');
  await waitForHeading(page, 'Order placed');

  const calls = (await sandboxLog(suite.server.url))
    .filter((e) => e.path.endsWith('/execute/Market/request_ssl_certificates'));
  assert.equal(calls.length, 1, 'requested once');
  assert.equal(calls[0].method, 'GET');
  const query = new URLSearchParams(calls[0].query);
  assert.equal(query.get('access_token'), redacted(CPANEL_TOKEN));
  assert.equal(query.get('provider'), 'cPStore');
  const certificate = JSON.parse(query.get('certificate'));
  assert.deepEqual(certificate.subject_names, [{ dNSName: 'shop.example.com' }]);
  assert.equal(certificate.product_id, '144');
  assert.equal(certificate.price, 40);
  assert.deepEqual(certificate.vhost_names, ['shop.example.com']);
  const identity = JSON.parse(query.get('identity_verification'));
  assert.equal(identity.organizationName, 'Acme Widgets Ltd');
  assert.equal(identity.rep_surname, 'Lovelace');
  assert.equal(query.get('url_after_checkout'), suite.server.url);

  assert.match(await page.getByTestId('automatic-validations').textContent(), /shop\.example\.com/);
  await page.getByTestId('status-checks').waitFor();
  // Checkout: the sandbox's payment page returns to the form, which still shows the order.
  await page.getByTestId('checkout-link').click();
  await page.getByRole('button', { name: /Pay/ }).click();
  await waitForHeading(page, 'Order placed');
  await page.getByTestId('status').filter({ hasText: 'Issued' }).waitFor({ timeout: 20000 });
  await context.close();
});

test('cPanel: a checkout address that is not https is not made a link; the person is sent to their cPanel account', async () => {
  const { context, page } = await suite.freshPage();
  await dvToReview(page, suite.server.url, {
    provider: 'cpanel', endpoint: 'sandbox/cpanel/cpsess0123456789/execute', token: CPANEL_TOKEN,
  }, 'Sectigo Domain Validated SSL', 'http');
  // A provider (or something between) answers with a script for a checkout address.
  await page.route('**/execute/Market/request_ssl_certificates?*', async (route) => {
    const response = await route.fetch();
    const json = await response.json();
    json.result.data.checkout_url = 'javascript:alert(document.domain)';
    await route.fulfill({ response, json });
  });
  await agreeAndSubmit(page, 'Place the order');
  await waitForHeading(page, 'Order placed');
  assert.match(await page.getByTestId('checkout-unsafe').textContent(),
    /checkout link was not safe to show.*Pay for the order in your cPanel account instead/s);
  assert.equal(await page.getByTestId('checkout-link').count(), 0);
  assert.equal(await page.locator('a[href^="javascript:"]').count(), 0);
  await context.close();
});

test('Generic JSON: the order carries an Idempotency-Key, and a lost answer is retried by itself with the same key, placing it once', async () => {
  const { context, page } = await suite.freshPage();
  await useConfig(page, { provider: 'generic', endpoint: 'sandbox/generic', catalogue: 'catalog/gogetssl.json' });
  await page.goto(suite.server.url);
  await chooseProduct(page, 'Sectigo PositiveSSL');
  await names(page, 'shop.example.com');
  await waitForHeading(page, 'How will you prove you control each name?');
  await page.getByLabel('Validation method for shop.example.com').selectOption('dns');
  await continueOn(page);
  await splitContact(page);
  await waitForHeading(page, 'Check your order');
  // The proxy places the order, but the answer is lost on the way back.
  let dropped = false;
  await page.route('**/sandbox/generic/orders', async (route) => {
    if (dropped) return route.continue();
    dropped = true;
    await route.fetch();
    await route.abort('connectionreset');
  });
  await agreeAndSubmit(page, 'Place the order');
  await waitForHeading(page, 'Order placed');
  assert.equal(await page.locator('#submit-failure').count(), 0, 'the retry needed nobody');

  const posts = (await sandboxLog(suite.server.url)).filter((e) => e.method === 'POST' && e.path === '/sandbox/generic/orders');
  assert.equal(posts.length, 2, 'sent twice');
  const keys = posts.map((e) => e.headers['idempotency-key']);
  assert.match(keys[0], /^[0-9a-f-]{36}$/);
  assert.equal(keys[0], keys[1], 'the retry reuses the key');
  assert.deepEqual(posts.map((e) => e.status), [201, 200], 'the proxy placed it once and replayed it');
  const body = JSON.parse(posts[0].body);
  assert.equal(body.format, 'ssl-order/1');
  assert.equal(body.names[0].name, 'shop.example.com');
  assert.equal(body.names[0].method, 'dns');
  assert.match(await page.getByTestId('dns-records').textContent(), /shop\.example\.com/);
  await context.close();
});

const injectFault = (rule) => arm(suite.server.url, rule);

async function gogetsslDvToReview(page) {
  await useConfig(page, { provider: 'gogetssl', endpoint: 'sandbox/gogetssl', token: 'sandbox-auth-key-1234' });
  await page.goto(suite.server.url);
  await chooseProduct(page, 'Sectigo PositiveSSL');
  await names(page, 'shop.example.com');
  await waitForHeading(page, 'How will you prove you control each name?');
  await continueOn(page);
  await splitContact(page);
  await waitForHeading(page, 'Check your order');
}

test('GoGetSSL: a provider error is shown with its code and nothing is in doubt; a 503 asks the person to check first', async () => {
  const { context, page } = await suite.freshPage();
  await gogetsslDvToReview(page);
  await injectFault({ provider: 'gogetssl', path: 'add_ssl_order', fault: { kind: 'provider_error', message: 'Insufficient balance' } });
  await agreeAndSubmit(page, 'Place the order');
  const failure = page.locator('#submit-failure');
  await failure.waitFor();
  assert.match(await failure.textContent(), /did not accept the order.*Insufficient balance/s);
  assert.equal(await page.getByTestId('buy-in-doubt').count(), 0, 'a refusal placed nothing');

  await injectFault({ provider: 'gogetssl', path: 'add_ssl_order', fault: { kind: 'status', status: 503 } });
  await page.getByRole('button', { name: 'Place the order' }).click();
  await page.locator('#submit-failure').filter({ hasText: 'We could not confirm the order' }).waitFor();
  assert.match(await page.locator('#submit-failure').textContent(), /order list of your GoGetSSL account/);
  // The answers survive a reload, and so does the question about the earlier order.
  await page.reload();
  await waitForHeading(page, 'Check your order');
  await page.getByTestId('buy-in-doubt').waitFor();
  await agreeAndSubmit(page, 'Place the order');
  await page.locator('#submit-failure').filter({ hasText: 'Check for the earlier order first' }).waitFor();
  await page.getByLabel('I have checked: nothing was ordered, so order now').check();
  await page.getByRole('button', { name: 'Place the order' }).click();
  await waitForHeading(page, 'Order placed');
  const statuses = (await sandboxLog(suite.server.url))
    .filter((e) => e.path === '/sandbox/gogetssl/orders/add_ssl_order/')
    .map((e) => e.status);
  assert.deepEqual(statuses, [200, 503, 200]);
  await context.close();
});

test('a dropped connection from the sandbox is reported as no answer, and the typed order is kept', async () => {
  const { context, page } = await suite.freshPage();
  await gogetsslDvToReview(page);
  await injectFault({ provider: 'gogetssl', path: 'add_ssl_order', fault: { kind: 'drop' } });
  await agreeAndSubmit(page, 'Place the order');
  await page.locator('#submit-failure').filter({ hasText: 'We could not confirm the order' }).waitFor();
  assert.match(await page.locator('#submit-failure').textContent(), /could not be reached/);
  await page.reload();
  await waitForHeading(page, 'Check your order');
  assert.match(await page.locator('.summary').first().textContent(), /shop\.example\.com/);
  await context.close();
});

test('a token handed over by the embedding page is used, masked, and never stored', async () => {
  const { context, page } = await suite.freshPage();
  await useConfig(page, { provider: 'gogetssl', endpoint: 'sandbox/gogetssl' });
  await page.goto(suite.server.url);
  await waitForHeading(page, 'Choose a certificate');
  await page.evaluate(() => window.wasmBindings.setToken('embedded-auth-key-5678'));
  await chooseProduct(page, 'Sectigo PositiveSSL');
  await names(page, 'shop.example.com');
  await waitForHeading(page, 'How will you prove you control each name?');
  await continueOn(page);
  await splitContact(page);
  await waitForHeading(page, 'Check your order');
  await page.getByText('See exactly what will be sent').click();
  const shown = (await page.locator('pre.request').allTextContents()).join('\n');
  assert.match(shown, /auth_key=•••••• \(hidden\)/);
  assert.ok(!shown.includes('embedded-auth-key'), shown);
  await agreeAndSubmit(page, 'Place the order');
  await waitForHeading(page, 'Order placed');
  const orders = (await sandboxLog(suite.server.url)).filter((e) => e.path === '/sandbox/gogetssl/orders/add_ssl_order/');
  assert.equal(new URLSearchParams(orders[0].query).get('auth_key'), redacted('embedded-auth-key-5678'));
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
  assert.ok(!stored.includes('embedded-auth-key'), stored);
  await context.close();
});

test('the result page copies DNS values and downloads the validation file with its own name', async () => {
  const { context, page } = await suite.freshPage();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(suite.server.url).origin });
  await useConfig(page, { provider: 'gogetssl', endpoint: 'sandbox/gogetssl', token: 'sandbox-auth-key-1234' });
  await page.goto(suite.server.url);
  await chooseProduct(page, 'Sectigo PositiveSSL Multi-Domain');
  await names(page, 'shop.example.com', 'www.example.com\napi.example.com');
  await waitForHeading(page, 'How will you prove you control each name?');
  await page.getByLabel('Validation method for shop.example.com').selectOption('http');
  await page.getByLabel('Validation method for www.example.com').selectOption('dns');
  await continueOn(page);
  await splitContact(page);
  await waitForHeading(page, 'Check your order');
  await agreeAndSubmit(page, 'Place the order');
  await waitForHeading(page, 'Order placed');

  const valueCell = page.getByTestId('dns-records').locator('tbody tr').first().locator('td').nth(2);
  const value = (await valueCell.locator('code').textContent()).trim();
  await page.getByRole('button', { name: /^Copy the value for / }).first().click();
  await page.getByTestId('copy-status').filter({ hasText: 'Copied the value for' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), value);

  const files = page.getByTestId('file-validations');
  const url = (await files.locator('code').first().textContent()).trim();
  const content = await files.locator('pre').first().textContent();
  const expectedName = url.split('/').pop();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: `Download ${expectedName}` }).click(),
  ]);
  assert.equal(download.suggestedFilename(), expectedName);
  const saved = await download.path();
  assert.equal(readFileSync(saved, 'utf8'), content);
  await context.close();
});
