// The first slice end to end: a Huawei SCM DV single-domain order typed and clicked
// through the release build, checked against what the sandbox actually received.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { root, sandboxLog, redacted } from '../lib/harness.mjs';
import { useSuite } from '../lib/suite.mjs';
import {
  fillToReview, toDomainStep, heading, waitForHeading, agreeAndSubmit, submitAndReadFailure,
  CSR, DOMAIN,
} from '../lib/wizard.mjs';

const suite = useSuite({ issueDelaySecs: 3 });
const freshPage = () => suite.freshPage();

/** Serves the deployment's own config.json with `changes` applied on top. */
async function overrideConfig(page, changes) {
  await page.route('**/config.json', async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, json: { ...(await response.json()), ...changes } });
  });
}

/** Waits for the result page, then checks the sandbox saw exactly one buy and one apply. */
async function expectPlacedOnce(page) {
  await waitForHeading(page, 'Application sent');
  const log = await sandboxLog(suite.server.url);
  assert.equal(calls(log, 'buy').length, 1, 'bought once');
  assert.equal(calls(log, 'apply').length, 1, 'applied once');
  return log;
}

const calls = (log, kind) => log.filter((entry) => {
  if (kind === 'buy') return entry.method === 'POST' && entry.path.endsWith('/v3/scm/certificates/buy');
  if (kind === 'apply') return entry.method === 'POST' && entry.path.endsWith('/apply');
  return entry.method === 'GET' && /\/v3\/scm\/certificates\/scs\d+$/.test(entry.path);
});

const header = (entry, name) => {
  const key = Object.keys(entry.headers).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : entry.headers[key];
};

test('a DV single-domain order is bought, applied for, and its DNS record shown until issued', async () => {
  const { context, page } = await freshPage();
  await page.goto(suite.server.url);
  await fillToReview(page);

  // The review lists every answer as it will be sent, then the exact requests, token hidden.
  const answers = await page.locator('dl.summary').textContent();
  assert.ok(answers.includes('+442079460958'), answers);
  assert.ok(answers.includes('GeoTrust DV SSL'), answers);
  await page.getByText('See exactly what will be sent').click();
  const shown = await page.locator('pre.request').allTextContents();
  // The URL as the browser sends it: the configured relative endpoint resolved against the page.
  assert.ok(shown[0].startsWith(`POST ${suite.server.url}sandbox/huawei/v3/scm/certificates/buy\n`), shown[0]);
  assert.match(shown[1], /\/v3\/scm\/certificates\/\{certificate_id\}\/apply/);
  assert.ok(shown.every((text) => text.includes('X-Auth-Token: •••••• (hidden)')));
  assert.ok(!shown.join('').includes('sandbox-token-not-a-secret'));

  await agreeAndSubmit(page);

  await waitForHeading(page, 'Application sent');
  const certId = (await page.getByTestId('cert-id').textContent()).trim();
  const orderId = (await page.getByTestId('order-id').textContent()).trim();
  assert.match(certId, /^scs\d{13}$/);
  assert.match(orderId, /^CS[0-9A-Z]{15}$/);

  const records = page.getByTestId('dns-records');
  await records.waitFor();
  const recordText = await records.textContent();
  assert.ok(recordText.includes(`_dnsauth.${DOMAIN}`), recordText);
  assert.ok(recordText.includes('TXT'), recordText);

  // The page keeps checking the status until the sandbox issues the certificate.
  await page.getByTestId('status').getByText('Issued').waitFor({ timeout: 20000 });
  // A final status stops the checks, and the page no longer says it will check again.
  await page.getByText(/^Last checked at [0-9:]+\.$/).waitFor();

  const log = await sandboxLog(suite.server.url);
  const buys = calls(log, 'buy');
  const applies = calls(log, 'apply');
  assert.equal(buys.length, 1, 'exactly one buy');
  assert.equal(applies.length, 1, 'exactly one apply');
  assert.ok(calls(log, 'details').length >= 2, 'the status was polled');
  assert.deepEqual(JSON.parse(buys[0].body), {
    cert_brand: 'GEOTRUST',
    cert_type: 'DV_SSL_CERT',
    domain_type: 'SINGLE_DOMAIN',
    effective_time: 1,
    domain_numbers: 1,
    order_number: 1,
    agree_privacy_protection: true,
  });
  assert.equal(applies[0].path, `/sandbox/huawei/v3/scm/certificates/${certId}/apply`);
  assert.deepEqual(JSON.parse(applies[0].body), {
    domain: DOMAIN,
    csr: CSR,
    applicant_name: 'Ada Lovelace',
    applicant_phone: '+442079460958',
    applicant_email: 'ada@example.com',
    domain_method: 'DNS',
    agree_privacy_protection: true,
  });
  for (const entry of log) {
    // The config's token, as the sandbox's log names it.
    assert.equal(header(entry, 'X-Auth-Token'), redacted('sandbox-token-not-a-secret-0123456789'), 'token sent');
    assert.equal(entry.status, 200, `${entry.method} ${entry.path}`);
  }

  // A reload comes back to the result, not to a form that could buy again.
  await page.reload();
  await waitForHeading(page, 'Application sent');
  assert.equal((await page.getByTestId('cert-id').textContent()).trim(), certId);
  await page.getByTestId('status').getByText('Issued').waitFor();
  assert.equal(calls(await sandboxLog(suite.server.url), 'buy').length, 1);

  // Nothing secret was kept in the browser.
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
  assert.ok(!stored.includes('sandbox-token-not-a-secret'), 'no token in storage');
  assert.ok(!stored.includes('PRIVATE KEY'), 'no key in storage');
  await context.close();
});

test('what was typed survives a reload, at the same step', async () => {
  const { context, page } = await freshPage();
  await page.goto(suite.server.url);
  await toDomainStep(page);
  await page.getByLabel('Domain name').fill(DOMAIN);
  await page.reload();
  await waitForHeading(page, 'Which domain name should the certificate cover?');
  assert.equal(await page.getByLabel('Domain name').inputValue(), DOMAIN);
  assert.match(await page.title(), /^Which domain name should the certificate cover\?/);
  await context.close();
});

test('a double click on "Buy and apply" buys once', async () => {
  const { context, page } = await freshPage();
  await page.goto(suite.server.url);
  await fillToReview(page);
  await page.getByLabel(/I agree to the provider's privacy statement/).check();
  await page.getByRole('button', { name: 'Buy and apply' }).dblclick();
  await expectPlacedOnce(page);
  await context.close();
});

test('a failed apply followed by a reload applies for the paid certificate without buying again', async () => {
  const { context, page } = await freshPage();
  await page.goto(suite.server.url);
  await fillToReview(page);
  await page.getByLabel(/I agree to the provider's privacy statement/).check();

  // The network drops every apply before it reaches the provider: the first and its two retries.
  let dropped = 0;
  await page.route('**/apply', async (route) => { dropped += 1; await route.abort('connectionreset'); });
  await page.getByRole('button', { name: 'Buy and apply' }).click();
  await page.getByRole('status').filter({ hasText: 'trying again (attempt 2 of 3)' }).waitFor();
  const failure = page.getByRole('alert').filter({ hasText: 'is paid for, but the application could not be sent' });
  await failure.waitFor();
  assert.equal(dropped, 3, 'the apply was tried three times');
  await page.unroute('**/apply');

  await page.reload();
  await waitForHeading(page, 'Check your order');
  await page.getByTestId('paid-notice').waitFor();
  await page.getByRole('button', { name: 'Apply for the certificate' }).click();
  // The dropped applies never reached the sandbox; the one after the reload did, and nothing was bought again.
  await expectPlacedOnce(page);
  assert.equal(dropped, 3);
  await context.close();
});

test('errors are listed in a summary and beside each field, and nothing is sent', async () => {
  const { context, page } = await freshPage();
  await page.goto(suite.server.url);
  await toDomainStep(page);
  await page.getByLabel('Domain name').fill('https://shop_example.com/');
  await page.getByRole('button', { name: 'Continue' }).click();
  const summary = page.locator('#error-summary');
  await summary.waitFor();
  assert.ok((await summary.textContent()).includes('Underscores are not allowed'));
  await page.waitForFunction(() => document.activeElement?.id === 'error-summary');
  await summary.getByRole('link').click();
  await page.waitForFunction(() => document.activeElement?.id === 'domain');
  assert.equal(await page.getByLabel('Domain name').getAttribute('aria-invalid'), 'true');
  assert.equal((await sandboxLog(suite.server.url)).length, 0);
  await context.close();
});

test("the provider's refusal is shown with its code, message and next step, and nothing typed is lost", async () => {
  const { context, page } = await freshPage();
  // The same deployment, but with a token the sandbox answers 403 to.
  await overrideConfig(page, { token: 'forbidden-token-0123456789abcdefghij' });
  await page.goto(suite.server.url);
  await fillToReview(page);
  const text = await submitAndReadFailure(page);
  assert.ok(text.includes('The provider did not sell the certificate'), text);
  assert.ok(text.includes('HTTP 403, SCM.0403'), text);
  assert.ok(text.includes('ask your administrator for the permission'), text);
  await page.waitForFunction(() => document.activeElement?.id === 'submit-failure');

  await page.reload();
  await waitForHeading(page, 'Check your order');
  assert.ok((await page.locator('dl.summary').textContent()).includes(DOMAIN));
  const log = await sandboxLog(suite.server.url);
  assert.equal(calls(log, 'buy').length, 1);
  assert.equal(calls(log, 'buy')[0].status, 403);
  assert.equal(calls(log, 'apply').length, 0);
  await context.close();
});

test('a buy that got no answer must be checked before buying again, even after a reload', async () => {
  const { context, page } = await freshPage();
  await page.goto(suite.server.url);
  await fillToReview(page);
  // The connection drops before the purchase's answer arrives: it may or may not have gone through.
  await page.route('**/certificates/buy', (route) => route.abort('connectionreset'));
  assert.ok((await submitAndReadFailure(page)).includes('We could not confirm the purchase'));
  await page.unroute('**/certificates/buy');

  await page.reload();
  await waitForHeading(page, 'Check your order');
  await page.getByTestId('buy-in-doubt').waitFor();
  await page.getByLabel(/I agree to the provider's privacy statement/).check();
  await page.getByRole('button', { name: 'Buy and apply' }).click();
  assert.ok((await page.locator('#submit-failure').textContent()).includes('Check for the earlier purchase first'));
  await page.waitForFunction(() => document.activeElement?.id === 'confirm-no-purchase');
  assert.equal(calls(await sandboxLog(suite.server.url), 'buy').length, 0, 'nothing bought without the check');

  await page.getByLabel('I have checked: no certificate was bought, so buy one now').check();
  await page.getByRole('button', { name: 'Buy and apply' }).click();
  await expectPlacedOnce(page);
  await context.close();
});

test('a provider that does not answer in time is given up on, and the purchase is treated as in doubt', async () => {
  const { context, page } = await freshPage();
  await overrideConfig(page, { timeout_seconds: 1 });
  // The buy is held until the page has given up on it, then dropped.
  let giveUp;
  const givenUp = new Promise((resolve) => { giveUp = resolve; });
  await page.route('**/certificates/buy', async (route) => {
    await givenUp;
    await route.abort('timedout').catch(() => {});
  });
  await page.goto(suite.server.url);
  await fillToReview(page);
  const text = await submitAndReadFailure(page);
  giveUp();
  assert.ok(text.includes('did not answer within 1 seconds'), text);
  assert.ok(text.includes('We could not confirm the purchase'), text);
  await page.getByTestId('buy-in-doubt').waitFor();
  await context.close();
});

test('the release build is served precompressed with brotli', async () => {
  const wasm = readdirSync(path.join(root, 'dist')).find((f) => f.endsWith('_bg.wasm'));
  const expected = statSync(path.join(root, 'dist', `${wasm}.br`)).size;
  const headers = await new Promise((resolve, reject) => {
    http.get(new URL(wasm, suite.server.url), { headers: { 'accept-encoding': 'br' } }, (response) => {
      response.resume();
      let length = 0;
      response.on('data', (chunk) => { length += chunk.length; });
      response.on('end', () => resolve({ ...response.headers, length }));
    }).on('error', reject);
  });
  assert.equal(headers['content-encoding'], 'br');
  assert.equal(headers['content-type'], 'application/wasm');
  assert.equal(headers.length, expected, 'the file written at build time, not compressed again');
});

test('"Start over" does nothing while the order is being sent', async () => {
  const { context, page } = await freshPage();
  await page.goto(suite.server.url);
  await fillToReview(page);
  // The buy is held until "Start over" has been tried.
  let release;
  const released = new Promise((resolve) => { release = resolve; });
  await page.route('**/certificates/buy', async (route) => {
    await released;
    await route.continue();
  });
  await agreeAndSubmit(page);
  await page.getByRole('status').filter({ hasText: 'Buying the certificate' }).waitFor();
  await page.getByRole('button', { name: 'Start over' }).click();
  // A wrongly accepted "Start over" would have drawn the first step by the second frame.
  await page.evaluate(() => new Promise((resolve) => {
    requestAnimationFrame(() => requestAnimationFrame(resolve));
  }));
  assert.equal(await heading(page), 'Check your order');
  release();
  await expectPlacedOnce(page);
  await context.close();
});

test('a certificate bought earlier is applied for by its ID, and is not bought again', async () => {
  // Bought outside this page (another tab, the console): paid, not yet applied for.
  const bought = await fetch(new URL('sandbox/huawei/v3/scm/certificates/buy', suite.server.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-auth-token': 'sandbox-token-not-a-secret-0123456789' },
    body: JSON.stringify({
      cert_brand: 'GEOTRUST', cert_type: 'DV_SSL_CERT', domain_type: 'SINGLE_DOMAIN', effective_time: 1,
      domain_numbers: 1, order_number: 1, agree_privacy_protection: true,
    }),
  });
  assert.equal(bought.status, 200);
  const certId = (await bought.json()).cert[0].cert_id;

  const { context, page } = await freshPage();
  await page.goto(suite.server.url);
  await fillToReview(page);
  await page.getByText('Already paid for this certificate?').click();
  await page.getByLabel('Certificate ID').fill('not-an-id');
  await page.getByRole('button', { name: 'Use this certificate' }).click();
  assert.match(await page.locator('#existing-cert-id-error').textContent(), /16 letters and digits/);
  await page.getByLabel('Certificate ID').fill(certId);
  await page.getByRole('button', { name: 'Use this certificate' }).click();
  await page.getByTestId('paid-notice').filter({ hasText: certId }).waitFor();
  await agreeAndSubmit(page, 'Apply for the certificate');
  await waitForHeading(page, 'Application sent');
  assert.equal((await page.getByTestId('cert-id').textContent()).trim(), certId);

  const log = await sandboxLog(suite.server.url);
  assert.equal(calls(log, 'buy').length, 1, 'only the purchase made outside the page');
  const applies = calls(log, 'apply');
  assert.equal(applies.length, 1);
  assert.ok(applies[0].path.endsWith(`/${certId}/apply`), applies[0].path);
  await context.close();
});
