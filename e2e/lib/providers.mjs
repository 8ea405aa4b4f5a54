// Steps shared by the tests that switch the deployment to another provider API.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import assert from 'node:assert/strict';
import { root } from './harness.mjs';
import { waitForHeading, continueOn, pasteCsr } from './wizard.mjs';

export const MULTI_CSR = readFileSync(path.join(root, 'tests/fixtures/csr/multi.csr'), 'utf8');

/** Serves config.json as a deployment switched to another provider would. */
export async function useConfig(page, config) {
  await page.route('**/config.json', (route) => route.fulfill({
    json: { storage: 'local', poll_seconds: 1, timeout_seconds: 10, ...config },
  }));
}

export async function chooseProduct(page, name) {
  await waitForHeading(page, 'Choose a certificate');
  await page.getByLabel(name, { exact: true }).check();
  await continueOn(page);
}

/** The names step (one name, or a primary and others) and the CSR step. */
export async function names(page, primary, others) {
  await waitForHeading(page, others
    ? 'Which domain names should the certificate cover?'
    : 'Which domain name should the certificate cover?');
  await page.getByLabel(/^Domain name|^Main domain name/).first().fill(primary);
  if (others) await page.getByLabel(/^Other names/).fill(others);
  await continueOn(page);
  await pasteCsr(page, MULTI_CSR);
  await continueOn(page);
}

/** A contact asked for by first and last name, as GoGetSSL and cPanel do. */
export async function splitContact(page) {
  await waitForHeading(page, 'Who is applying?');
  await page.getByLabel(/^First name/).fill('Ada');
  await page.getByLabel(/^Last name/).fill('Lovelace');
  if (await page.getByLabel(/^Job title/).count()) await page.getByLabel(/^Job title/).fill('Director');
  await page.getByLabel(/^Phone number/).fill('+44 20 7946 0958');
  await page.getByLabel(/^Email address/).fill('ada@example.com');
  await continueOn(page);
}

export async function organisation(page) {
  await waitForHeading(page, 'Which organisation is the certificate for?');
  await page.getByLabel(/^Legal name of the organisation/).fill('Acme Widgets Ltd');
  if (await page.getByLabel(/^Department/).count()) await page.getByLabel(/^Department/).fill('Web Services');
  await page.getByLabel(/^Street address/).fill('1 Example Street');
  await page.getByLabel(/^Town or city/).fill('London');
  await page.getByLabel(/^State, province or region/).fill('Greater London');
  await page.getByLabel(/^Postal code/).fill('SW1A 1AA');
  await page.getByLabel(/^Country/).selectOption('GB');
  if (await page.getByLabel(/^Organisation phone number/).count()) {
    await page.getByLabel(/^Organisation phone number/).fill('+44 20 7946 0000');
  }
  await continueOn(page);
}

/** A DV order of one name, up to the review page; `method` when there is no default. */
export async function dvToReview(page, url, config, product = 'Sectigo PositiveSSL', method = undefined) {
  await useConfig(page, config);
  await page.goto(url);
  await chooseProduct(page, product);
  await names(page, 'shop.example.com');
  await waitForHeading(page, 'How will you prove you control each name?');
  if (method) await page.getByLabel('Validation method for shop.example.com').selectOption(method);
  await continueOn(page);
  // cPanel's DV products ask for no contact.
  await page.waitForFunction(() => ['Who is applying?', 'Check your order']
    .includes(document.querySelector('h1')?.textContent.trim()));
  if (await page.getByRole('heading', { level: 1, name: 'Who is applying?' }).count()) await splitContact(page);
  await waitForHeading(page, 'Check your order');
}

/** Arms a sandbox fault switch (see POST /sandbox/_faults in the README). */
export async function injectFault(serverUrl, rule) {
  const response = await fetch(new URL('sandbox/_faults', serverUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(rule),
  });
  assert.equal(response.status, 201, await response.text());
}

/** The fault rules not yet used up. */
export async function pendingFaults(serverUrl) {
  const response = await fetch(new URL('sandbox/_faults', serverUrl));
  return response.json();
}
