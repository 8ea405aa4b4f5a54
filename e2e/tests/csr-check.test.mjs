// The CSR step in the browser: what a pasted CSR holds is shown, its own signature is
// checked by WebCrypto, and what a CA would refuse is refused with a way to fix it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { root } from '../lib/harness.mjs';
import { useSuite } from '../lib/suite.mjs';
import {
  toDomainStep, waitForHeading, continueOn, pasteCsr, keepDns, DOMAIN, CSR_STEP, VALIDATION_STEP,
} from '../lib/wizard.mjs';

const suite = useSuite();
const fixture = (name) => readFileSync(path.join(root, 'tests/fixtures/csr', name), 'utf8');

async function toCsrStep(page) {
  await page.goto(suite.server.url);
  await toDomainStep(page);
  await page.getByLabel('Domain name').fill(DOMAIN);
  await continueOn(page);
  await waitForHeading(page, CSR_STEP);
}

test('a pasted CSR is shown in full and its signature verified by the browser', async () => {
  const { context, page } = await suite.freshPage();
  await toCsrStep(page);
  await pasteCsr(page, fixture('rsa2048-san.csr'));
  const summary = page.getByTestId('csr-summary');
  await summary.waitFor();
  await page.getByTestId('csr-signature').getByText('verified: the CSR is intact').waitFor();
  const text = await summary.textContent();
  assert.match(text, /RSA 2048 bits/);
  assert.match(text, /RSA with SHA-256/);
  // The CSR names one more host than the order: said, name by name, without blocking.
  assert.match(await page.getByTestId('csr-notes').textContent(), /also names www\.shop\.example\.com/);
  await continueOn(page);
  await keepDns(page);
  await waitForHeading(page, 'Who is applying?');
  await context.close();
});

test('a CSR whose signature does not verify is refused and the reason given', async () => {
  const { context, page } = await suite.freshPage();
  await toCsrStep(page);
  await pasteCsr(page, fixture('tampered-signature.csr'));
  await page.getByTestId('csr-signature').getByText('does not verify').waitFor();
  await continueOn(page);
  await page.locator('#error-summary').waitFor();
  assert.match(await page.locator('#csr-error').textContent(), /signature does not match its content/);
  await context.close();
});

test('a weak key and a SHA-1 signature are refused, a P-521 key is warned about', async () => {
  const { context, page } = await suite.freshPage();
  await toCsrStep(page);
  await pasteCsr(page, fixture('rsa1024.csr'));
  const field = page.getByLabel('Certificate signing request (CSR)');
  await continueOn(page);
  await page.locator('#csr-error').getByText(/RSA key has 1024 bits/).waitFor();
  await field.fill(fixture('rsa2048-sha1.csr'));
  await page.locator('#csr-error').getByText(/signed with SHA-1/).waitFor();
  await field.fill(fixture('p521.csr'));
  await page.getByTestId('csr-notes').getByText(/P-521/).waitFor();
  await context.close();
});

test('the organisation is offered from the CSR for an OV order', async () => {
  const { context, page } = await suite.freshPage();
  await page.goto(suite.server.url);
  await waitForHeading(page, 'Choose a certificate');
  await page.getByLabel('GlobalSign OV SSL', { exact: true }).check();
  await continueOn(page);
  await page.getByLabel('Domain name').fill('www.example.com');
  await continueOn(page);
  await pasteCsr(page, fixture('rsa4096-full-subject.csr'));
  await page.getByRole('button', { name: "Use the CSR's organisation details" }).click();
  await continueOn(page);
  await waitForHeading(page, VALIDATION_STEP);
  await page.getByLabel('DNS record').check();
  await continueOn(page);
  await page.locator('#applicant-name').fill('Ada Lovelace');
  await page.locator('#applicant-phone').fill('+44 20 7946 0958');
  await page.locator('#applicant-email').fill('ada@example.com');
  await continueOn(page);
  await waitForHeading(page, 'Which organisation is the certificate for?');
  assert.equal(await page.getByLabel('Legal name of the organisation').inputValue(), 'Example Ltd');
  assert.equal(await page.getByLabel('Town or city').inputValue(), 'London');
  assert.equal(await page.getByLabel('Country').inputValue(), 'GB');
  await context.close();
});

test('the CSR step asks first how the CSR is provided, and shows only that way', async () => {
  const { context, page } = await suite.freshPage();
  await toCsrStep(page);
  const field = page.getByLabel('Certificate signing request (CSR)');
  const generate = page.getByRole('button', { name: 'Generate key and CSR' });
  // Neither way is shown before the question is answered; Continue says what is missing.
  assert.equal(await field.count(), 0);
  assert.equal(await generate.isVisible(), false);
  await continueOn(page);
  await page.locator('#error-summary').getByText('Choose how you will provide the certificate signing request (CSR)').click();
  await page.waitForFunction(() => document.activeElement?.id === 'csr-source');
  // The choices are one radio group named by its legend, Huawei's own key pair included.
  const group = page.getByRole('group', { name: 'How will you provide the certificate signing request (CSR)?' });
  for (const choice of ['Generate it here (recommended)', 'Paste one made elsewhere', 'Let Huawei make the key pair']) {
    await group.getByRole('radio', { name: choice }).waitFor();
  }
  await page.getByLabel('Generate it here (recommended)').check();
  await waitForHeading(page, 'Generate your key pair and CSR');
  await generate.waitFor();
  // Chosen but incomplete: the error says what to do.
  await continueOn(page);
  await page.locator('#csr-error').getByText(/Generate the key pair and CSR/).waitFor();
  await page.getByLabel('Paste one made elsewhere').check();
  await waitForHeading(page, 'Paste your certificate signing request');
  await field.fill(fixture('rsa2048-san.csr'));
  assert.equal(await generate.isVisible(), false);
  // The choice and what was pasted survive a reload; switching away and back keeps it.
  await page.getByLabel('Let Huawei make the key pair').check();
  await waitForHeading(page, 'Huawei makes the key pair');
  assert.equal(await field.count(), 0);
  await page.reload();
  await waitForHeading(page, 'Huawei makes the key pair');
  assert.equal(await page.getByLabel('Let Huawei make the key pair').isChecked(), true);
  await page.getByLabel('Paste one made elsewhere').check();
  assert.equal((await field.inputValue()).trim(), fixture('rsa2048-san.csr').trim());
  await context.close();
});
