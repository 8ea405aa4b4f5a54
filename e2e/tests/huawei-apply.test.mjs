// Huawei's apply as Huawei defines it, end to end: Huawei adding the DNS records itself
// (auto_dns_auth) and Huawei making the key pair (key_algorithm, no CSR), checked against
// what the sandbox received and what the result page says.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sandboxLog } from '../lib/harness.mjs';
import { useSuite } from '../lib/suite.mjs';
import { useConfig } from '../lib/providers.mjs';
import {
  toDomainStep, waitForHeading, continueOn, pasteCsr, agreeAndSubmit, contactsToReview, DOMAIN,
  CSR_STEP, VALIDATION_STEP,
} from '../lib/wizard.mjs';

const suite = useSuite({ issueDelaySecs: 3600 });
const AUTO_DNS = 'My DNS is hosted on Huawei Cloud DNS: let Huawei add the validation records';

/** The one apply call the sandbox received, its body parsed. */
async function appliedBody() {
  const log = await sandboxLog(suite.server.url);
  const applies = log.filter((entry) => entry.method === 'POST' && entry.path.endsWith('/apply'));
  assert.equal(applies.length, 1, 'applied once');
  return JSON.parse(applies[0].body);
}


test('ticking "Huawei adds the DNS records" sends auto_dns_auth, survives a reload, and leaves nothing to create by hand', async () => {
  const { context, page } = await suite.freshPage();
  await page.goto(suite.server.url);
  await toDomainStep(page);
  await page.getByLabel('Domain name').fill(DOMAIN);
  await continueOn(page);
  await pasteCsr(page);
  await continueOn(page);

  await waitForHeading(page, VALIDATION_STEP);
  const box = page.getByLabel(AUTO_DNS);
  assert.equal(await box.isChecked(), false, 'left out unless asked for');
  await box.check();
  await page.reload();
  await waitForHeading(page, VALIDATION_STEP);
  assert.equal(await page.getByLabel(AUTO_DNS).isChecked(), true, 'kept in the draft');
  // On a phone, the hint reads in the label's column, not squeezed beside the box.
  await page.setViewportSize({ width: 375, height: 800 });
  const label = await page.locator('label[for="auto-dns-auth"]').boundingBox();
  const hint = await page.locator('#auto-dns-auth-hint').boundingBox();
  assert.ok(Math.abs(hint.x - label.x) < 1, `hint at x=${hint.x}, label at x=${label.x}`);
  assert.ok(hint.width >= label.width * 0.9, `hint ${hint.width} px wide, label ${label.width} px`);
  await continueOn(page);

  await contactsToReview(page);
  assert.match(await page.locator('dl.summary').textContent(),
    /Huawei adds the DNS records to Huawei Cloud DNS itself/);
  await agreeAndSubmit(page);
  await waitForHeading(page, 'Application sent');

  const body = await appliedBody();
  assert.equal(body.auto_dns_auth, true);
  assert.equal(body.domain_method, 'DNS');
  // The records are Huawei's to add: the page says so instead of asking for them.
  const automatic = page.getByTestId('automatic-validations');
  await automatic.getByText('there is nothing to create by hand').waitFor();
  assert.match(await automatic.textContent(), new RegExp(DOMAIN.replace(/\./g, '\\.')));
  assert.equal(await page.getByTestId('dns-records').count(), 0);
  // Also after a reload, when the order is no longer in the (cleared) draft.
  await page.reload();
  await page.getByTestId('automatic-validations').getByText('there is nothing to create by hand').waitFor();
  assert.equal(await page.getByTestId('dns-records').count(), 0);
  await context.close();
});

test('letting Huawei make the key pair sends key_algorithm and no CSR, and says Huawei holds the key', async () => {
  const { context, page } = await suite.freshPage();
  await page.goto(suite.server.url);
  await toDomainStep(page);
  await page.getByLabel('Domain name').fill(DOMAIN);
  await continueOn(page);

  await waitForHeading(page, CSR_STEP);
  await page.getByLabel('Let Huawei make the key pair').check();
  await waitForHeading(page, 'Huawei makes the key pair');
  await page.getByText(/Huawei then holds the private key, not you/).waitFor();
  const keyTypes = page.getByTestId('provider-key');
  assert.equal(await keyTypes.getByLabel('RSA 2048').isChecked(), true, "Huawei's default");
  await keyTypes.getByLabel('ECDSA P-256').check();
  assert.equal(await page.getByLabel('Certificate signing request (CSR)').count(), 0);
  await continueOn(page);

  await waitForHeading(page, VALIDATION_STEP);
  await continueOn(page);
  await contactsToReview(page);
  const answers = await page.locator('dl.summary').textContent();
  assert.match(answers, /Made by Huawei \(ECDSA P-256\); Huawei holds the private key/);
  assert.ok(!answers.includes('CSR Common Name'), answers);
  await page.getByText('See exactly what will be sent').click();
  const apply = (await page.locator('pre.request').allTextContents())[1];
  assert.match(apply, /"key_algorithm": "EC_P256"/);
  assert.ok(!apply.includes('"csr"'), apply);

  await agreeAndSubmit(page);
  await waitForHeading(page, 'Application sent');
  const body = await appliedBody();
  assert.equal(body.key_algorithm, 'EC_P256');
  assert.equal('csr' in body, false);
  assert.equal(body.domain, DOMAIN);
  await context.close();
});

test('through the generic format, a Huawei product\'s review says nothing of Huawei adding records, since the order does not ask for it', async () => {
  const { context, page } = await suite.freshPage();
  await page.goto(suite.server.url);
  await toDomainStep(page);
  await page.getByLabel('Domain name').fill(DOMAIN);
  await continueOn(page);
  await pasteCsr(page);
  await continueOn(page);
  await waitForHeading(page, VALIDATION_STEP);
  await page.getByLabel(AUTO_DNS).check();

  // The same draft, now sent through a proxy's generic format, which carries no auto_dns_auth.
  await useConfig(page, { provider: 'generic', endpoint: 'sandbox/generic', catalogue: 'catalog/huawei.json' });
  await page.reload();
  await waitForHeading(page, VALIDATION_STEP);
  assert.equal(await page.getByLabel(AUTO_DNS).count(), 0, 'not offered through the generic format');
  await continueOn(page);
  await contactsToReview(page);
  const answers = await page.locator('dl.summary').textContent();
  assert.ok(!answers.includes('Huawei adds the DNS records'), answers);
  await page.getByText('See exactly what will be sent').click();
  const [order] = await page.locator('pre.request').allTextContents();
  assert.ok(!order.includes('auto_dns_auth'), order);
  await context.close();
});
