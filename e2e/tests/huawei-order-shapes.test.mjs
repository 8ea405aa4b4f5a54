// The order model in the browser: the steps and fields follow the certificate type and the
// domain type, names are checked against the Public Suffix List and converted from Unicode,
// and an OV multi-domain order reaches the sandbox in Huawei's exact wire format.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sandboxLog } from '../lib/harness.mjs';
import { useSuite } from '../lib/suite.mjs';
import { heading, waitForHeading, continueOn, agreeAndSubmit, pasteCsr, CSR, DOMAIN } from '../lib/wizard.mjs';

const suite = useSuite({ issueDelaySecs: 3 });
const freshPage = () => suite.freshPage();

async function chooseProduct(page, name) {
  await waitForHeading(page, 'Choose a certificate');
  await page.getByLabel(name, { exact: true }).check();
  await continueOn(page);
}

const progress = async (page) => (await page.locator('.progress li').allTextContents())
  .map((text) => text.replace(/^Step \d+ of \d+: /, '').trim());

/** Waits until the Public Suffix List fetched after start-up has been read. */
async function suffixListLoaded(page) {
  await page.waitForResponse((r) => r.url().endsWith('data/public-suffix-icann.dat'), { timeout: 30000 })
    .catch(() => {});
}

test('the steps follow the certificate type: DV asks no organisation, OV does', async () => {
  const { context, page } = await freshPage();
  await page.goto(suite.server.url);
  await chooseProduct(page, 'GeoTrust DV SSL');
  // Huawei asks on the validation step whether it is to add the DNS records itself.
  assert.deepEqual(await progress(page), ['Certificate', 'Domains', 'CSR', 'Validation', 'Contacts', 'Review']);
  await page.getByRole('button', { name: 'Back' }).click();
  await chooseProduct(page, 'GlobalSign OV SSL');
  assert.deepEqual(await progress(page),
    ['Certificate', 'Domains', 'CSR', 'Validation', 'Contacts', 'Organisation', 'Review']);
  // A single-name certificate has no list of other names.
  assert.equal(await page.getByLabel('Other names').count(), 0);
  await context.close();
});

test('a wildcard on a public suffix is refused, and an internationalised name is shown in both forms', async () => {
  const { context, page } = await freshPage();
  const listLoaded = suffixListLoaded(page);
  await page.goto(suite.server.url);
  await chooseProduct(page, 'GeoTrust DV Wildcard SSL');
  await listLoaded;
  await page.getByLabel('Domain name').fill('*.co.uk');
  await continueOn(page);
  const summary = page.locator('#error-summary');
  await summary.waitFor();
  assert.match(await summary.textContent(), /public suffix/);
  assert.match(await page.locator('#domain-error').textContent(), /\*\. followed by|public suffix/);

  await page.getByLabel('Domain name').fill('*.Bücher.example.com');
  await page.getByText('*.bücher.example.com will be sent as *.xn--bcher-kva.example.com.').waitFor();
  await context.close();
});

test('an OV multi-domain order with a wildcard and an internationalised name is sent in Huawei\'s format', async () => {
  const { context, page } = await freshPage();
  const listLoaded = suffixListLoaded(page);
  await page.goto(suite.server.url);
  await chooseProduct(page, 'GlobalSign OV Multi-domain SSL');
  await waitForHeading(page, 'Which domain names should the certificate cover?');
  await listLoaded;
  await page.getByLabel('Domain name').fill(DOMAIN);
  await page.getByLabel('Other names').fill(`www.example.com, *.shop.example.com\nbücher.example.com\nwww.example.com ${DOMAIN}`);
  await page.getByText('We removed 1 repeated name: www.example.com.').waitFor();
  await page.getByText('4 names in all; this certificate covers 2 to 100, wildcards included.').waitFor();
  await continueOn(page);

  await pasteCsr(page);
  await continueOn(page);

  await waitForHeading(page, 'How will you prove you control each name?');
  // Huawei takes file validation only for bare IP addresses: never offered for names.
  assert.equal(await page.getByLabel('File on the web server (http)').count(), 0);
  await page.getByLabel('DNS record').check();
  await continueOn(page);

  await waitForHeading(page, 'Who is applying?');
  await page.locator('#applicant-name').fill('Ada Lovelace');
  await page.locator('#applicant-phone').fill('+44 20 7946 0958');
  await page.locator('#applicant-email').fill('ada@example.com');
  await page.getByLabel('Someone else is the technical contact').check();
  await continueOn(page);
  // The technical contact, once asked for, must be complete.
  await page.locator('#error-summary').waitFor();
  assert.match(await page.locator('#error-summary').textContent(), /Enter the technical contact's full name/);
  await page.locator('#tech-name').fill('Grace Hopper');
  await page.locator('#tech-phone').fill('+1 202 555 0143');
  await page.locator('#tech-email').fill('grace@example.com');
  await continueOn(page);

  await waitForHeading(page, 'Which organisation is the certificate for?');
  await page.getByLabel('Legal name of the organisation').fill('Example Ltd');
  await page.getByLabel('Department (optional)').fill('IT');
  await page.getByLabel('Town or city').fill('Shenzhen');
  await page.getByLabel('State, province or region').fill('Guangdong');
  await page.getByLabel('Country').selectOption('CN');
  await continueOn(page);

  await waitForHeading(page, 'Check your order');
  const answers = await page.locator('dl.summary').textContent();
  assert.ok(answers.includes('xn--bcher-kva.example.com (bücher.example.com)'), answers);
  assert.ok(answers.includes('Grace Hopper'), answers);
  await agreeAndSubmit(page);
  await waitForHeading(page, 'Application sent');

  const log = await sandboxLog(suite.server.url);
  const buys = log.filter((e) => e.path.endsWith('/certificates/buy'));
  const applies = log.filter((e) => e.path.endsWith('/apply'));
  assert.equal(buys.length, 1);
  assert.equal(applies.length, 1);
  assert.deepEqual(JSON.parse(buys[0].body), {
    cert_brand: 'GLOBALSIGN',
    cert_type: 'OV_SSL_CERT',
    domain_type: 'MULTI_DOMAIN',
    effective_time: 1,
    domain_numbers: 4,
    order_number: 1,
    agree_privacy_protection: true,
    primary_domain_type: 'SINGLE_DOMAIN',
    single_domain_number: 2,
    wildcard_domain_number: 1,
  });
  const apply = JSON.parse(applies[0].body);
  assert.equal(apply.domain, DOMAIN);
  assert.equal(apply.sans, 'www.example.com;*.shop.example.com;xn--bcher-kva.example.com');
  assert.equal(apply.domain_method, 'DNS');
  assert.equal(apply.company_name, 'Example Ltd');
  assert.equal(apply.company_unit, 'IT');
  assert.equal(apply.company_city, 'Shenzhen');
  assert.equal(apply.company_province, 'Guangdong');
  assert.equal(apply.country, 'CN');
  assert.equal(apply.contact_name, 'Grace Hopper');
  assert.equal(apply.contact_phone, '+12025550143');
  assert.equal(applies[0].status, 200, applies[0].body);
  await context.close();
});

test('changing the certificate keeps the answers that still apply', async () => {
  const { context, page } = await freshPage();
  await page.goto(suite.server.url);
  await chooseProduct(page, 'GlobalSign OV Multi-domain SSL');
  await page.getByLabel('Domain name').fill(DOMAIN);
  await page.getByLabel('Other names').fill('www.example.com');
  await page.getByRole('button', { name: 'Back' }).click();
  await chooseProduct(page, 'GeoTrust DV SSL');
  assert.equal(await page.getByLabel('Domain name').inputValue(), DOMAIN);
  await page.getByRole('button', { name: 'Back' }).click();
  await chooseProduct(page, 'GlobalSign OV Multi-domain SSL');
  assert.equal(await page.getByLabel('Other names').inputValue(), 'www.example.com');
  assert.equal(await heading(page), 'Which domain names should the certificate cover?');
  await context.close();
});
