// Moving through the form: the browser's Back and Forward buttons, errors on leaving a
// field, a reload in the middle of every step, the storage a deployment chooses, and a
// submit button pressed twice.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { sandboxLog } from '../lib/harness.mjs';
import { useSuite } from '../lib/suite.mjs';
import {
  heading, waitForHeading, continueOn, toDomainStep, fillToReview, CSR, DOMAIN, CSR_STEP,
} from '../lib/wizard.mjs';
import { useConfig, dvToReview } from '../lib/providers.mjs';

const suite = useSuite({ issueDelaySecs: 2 });
const STORE_KEY = 'ssl-order:v1';

const title = (page) => page.evaluate(() => document.title);

test("the browser's Back and Forward buttons move between steps, with the step in the title", async () => {
  const { context, page } = await suite.freshPage();
  await page.goto(suite.server.url);
  await toDomainStep(page);
  assert.match(await title(page), /^Which domain name should the certificate cover\?/);
  await page.getByLabel('Domain name').fill(DOMAIN);
  await continueOn(page);
  await waitForHeading(page, CSR_STEP);

  await page.goBack();
  await waitForHeading(page, 'Which domain name should the certificate cover?');
  assert.equal(await page.getByLabel('Domain name').inputValue(), DOMAIN);
  await page.goBack();
  await waitForHeading(page, 'Choose a certificate');
  assert.match(await title(page), /^Choose a certificate/);
  await page.goForward();
  await waitForHeading(page, 'Which domain name should the certificate cover?');
  await page.goForward();
  await waitForHeading(page, CSR_STEP);
  assert.match(await title(page), /^Your certificate signing request \(CSR\)/);

  // Forward past a step whose answer was spoiled meanwhile stops at that step, and says why.
  await page.goBack();
  await waitForHeading(page, 'Which domain name should the certificate cover?');
  await page.getByLabel('Domain name').fill('');
  await page.goForward();
  await page.locator('#error-summary').waitFor();
  assert.equal(await heading(page), 'Which domain name should the certificate cover?');
  assert.match(await page.locator('#error-summary').textContent(), /Enter the domain name|Enter a domain name/);
  await context.close();
});

test('a field says what is wrong once it is changed and left; the summary waits for Continue', async () => {
  const { context, page } = await suite.freshPage();
  await page.goto(suite.server.url);
  await toDomainStep(page);
  const field = page.getByLabel('Domain name');
  // Visiting a field without changing it is no mistake.
  await field.focus();
  await page.keyboard.press('Tab');
  assert.equal(await page.locator('#domain-error').count(), 0);

  await field.focus();
  await page.keyboard.type('shop_example.com');
  assert.equal(await page.locator('#domain-error').count(), 0, 'no error while typing the first time');
  await page.keyboard.press('Tab');
  await page.locator('#domain-error').waitFor();
  assert.match(await page.locator('#domain-error').textContent(), /Underscores are not allowed/);
  assert.equal(await field.getAttribute('aria-invalid'), 'true');
  assert.match(await field.getAttribute('aria-describedby'), /domain-error/);
  assert.equal(await page.locator('#error-summary').count(), 0, 'the summary answers Continue');

  // Corrected as typed, once shown.
  await field.fill('shop.example.com');
  await page.locator('#domain-error').waitFor({ state: 'detached' });
  await field.fill('shop_example.com');
  await continueOn(page);
  await page.locator('#error-summary').waitFor();
  await context.close();
});

/** An OV multi-domain order, a step at a time; each entry fills part of its step. */
const STEPS = [
  { heading: 'Choose a certificate',
    fill: (page) => page.getByLabel('GlobalSign OV Multi-domain SSL', { exact: true }).check(),
    kept: async (page) => assert.ok(await page.getByLabel('GlobalSign OV Multi-domain SSL', { exact: true }).isChecked()) },
  { heading: 'Which domain names should the certificate cover?',
    fill: async (page) => {
      await page.getByLabel('Domain name').fill(DOMAIN);
      await page.getByLabel('Other names').fill('www.example.com');
    },
    kept: async (page) => assert.equal(await page.getByLabel('Other names').inputValue(), 'www.example.com') },
  { heading: 'certificate signing request',
    fill: async (page) => {
      await page.getByLabel('Paste one made elsewhere').check();
      await page.getByLabel('Certificate signing request (CSR)').fill(CSR);
    },
    kept: async (page) => {
      assert.ok(await page.getByLabel('Paste one made elsewhere').isChecked());
      assert.equal((await page.getByLabel('Certificate signing request (CSR)').inputValue()).trim(), CSR.trim());
    } },
  { heading: 'How will you prove you control each name?',
    fill: (page) => page.getByLabel('DNS record').check(),
    kept: async (page) => assert.ok(await page.getByLabel('DNS record').isChecked()) },
  { heading: 'Who is applying?',
    fill: async (page) => {
      await page.locator('#applicant-name').fill('Ada Lovelace');
      await page.locator('#applicant-phone').fill('+44 20 7946 0958');
      await page.locator('#applicant-email').fill('ada@example.com');
    },
    kept: async (page) => assert.equal(await page.locator('#applicant-email').inputValue(), 'ada@example.com') },
  { heading: 'Which organisation is the certificate for?',
    fill: async (page) => {
      await page.getByLabel('Legal name of the organisation').fill('Example Ltd');
      await page.getByLabel('Town or city').fill('Shenzhen');
      await page.getByLabel('State, province or region').fill('Guangdong');
      await page.getByLabel('Country').selectOption('CN');
    },
    kept: async (page) => assert.equal(await page.getByLabel('Country').inputValue(), 'CN') },
];

test('a reload in the middle of every step comes back to that step with what was typed', async () => {
  const { context, page } = await suite.freshPage();
  await page.goto(suite.server.url);
  for (const step of STEPS) {
    await waitForHeading(page, step.heading);
    await step.fill(page);
    // The draft is saved as it is typed, not on Continue.
    await page.reload();
    await waitForHeading(page, step.heading);
    await step.kept(page);
    await continueOn(page);
  }
  await waitForHeading(page, 'Check your order');
  await page.reload();
  await waitForHeading(page, 'Check your order');
  const answers = await page.locator('dl.summary').textContent();
  for (const text of [DOMAIN, 'www.example.com', 'Ada Lovelace', 'Example Ltd', 'Shenzhen']) {
    assert.ok(answers.includes(text), `${text} in ${answers}`);
  }
  await context.close();
});

const stored = (page) => page.evaluate((key) => ({
  local: localStorage.getItem(key), session: sessionStorage.getItem(key),
}), STORE_KEY);

test('storage "session" keeps the draft for the tab only, "none" keeps nothing, "local" survives the tab', async () => {
  const GENERIC = { provider: 'generic', endpoint: 'sandbox/generic', catalogue: 'catalog/gogetssl.json' };
  for (const storage of ['local', 'session', 'none']) {
    const { context, page } = await suite.freshPage();
    await useConfig(page, { ...GENERIC, storage });
    await page.goto(suite.server.url);
    await waitForHeading(page, 'Choose a certificate');
    await page.getByLabel('Sectigo PositiveSSL', { exact: true }).check();
    await continueOn(page);
    await page.getByLabel('Domain name').fill(DOMAIN);
    const saved = await stored(page);
    assert.equal(saved.local !== null, storage === 'local', `${storage}: ${JSON.stringify(saved)}`);
    assert.equal(saved.session !== null, storage === 'session', `${storage}: ${JSON.stringify(saved)}`);

    await page.reload();
    if (storage === 'none') {
      await waitForHeading(page, 'Choose a certificate');
    } else {
      await waitForHeading(page, 'Which domain name should the certificate cover?');
      assert.equal(await page.getByLabel('Domain name').inputValue(), DOMAIN);
    }
    // A new tab of the same browser: only local storage carries over.
    const other = await context.newPage();
    await useConfig(other, { ...GENERIC, storage });
    await other.goto(suite.server.url);
    await waitForHeading(other, storage === 'local'
      ? 'Which domain name should the certificate cover?' : 'Choose a certificate');
    await context.close();
  }
});

for (const [provider, config, path] of [
  ['GoGetSSL', { provider: 'gogetssl', endpoint: 'sandbox/gogetssl', token: 'sandbox-auth-key-1234' }, '/sandbox/gogetssl/orders/add_ssl_order/'],
  ['Generic JSON', { provider: 'generic', endpoint: 'sandbox/generic', catalogue: 'catalog/gogetssl.json' }, '/sandbox/generic/orders'],
]) {
  test(`${provider}: a double click and a repeated Enter on "Place the order" place one order, and the draft is then cleared`, async () => {
    for (const press of ['double click', 'Enter twice']) {
      const { context, page } = await suite.freshPage();
      await dvToReview(page, suite.server.url, { ...config });
      await page.getByLabel(/I agree to the provider's privacy statement/).check();
      const button = page.getByRole('button', { name: 'Place the order' });
      if (press === 'double click') {
        await button.dblclick();
      } else {
        await button.focus();
        await page.keyboard.press('Enter');
        await page.keyboard.press('Enter');
      }
      await waitForHeading(page, 'Order placed');
      const orders = (await sandboxLog(suite.server.url)).filter((e) => e.method === 'POST' && e.path === path);
      assert.equal(orders.length, 1, `${press}: ${orders.length} orders`);
      const saved = JSON.parse((await stored(page)).local);
      assert.equal(saved.draft.domain, '', 'the typed order is gone once placed');
      await context.close();
      await fetch(new URL('sandbox/_reset', suite.server.url), { method: 'POST' });
    }
  });
}

test('the review page shows the exact requests with the token masked, to copy and to download', async () => {
  const { context, page } = await suite.freshPage();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(suite.server.url).origin });
  await page.goto(suite.server.url);
  await fillToReview(page);
  await page.getByText('See exactly what will be sent').click();
  const shown = await page.locator('pre.request').allTextContents();
  assert.equal(shown.length, 2, 'buy, then apply');
  assert.match(shown[0], /^POST .*\/v3\/scm\/certificates\/buy/);
  assert.match(shown[0], /X-Auth-Token: •••••• \(hidden\)/i);

  await page.getByRole('button', { name: 'Copy the request: 2. Apply' }).click();
  await page.getByTestId('request-copy-status').getByText('Copied the request (2. Apply).').waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), shown[1]);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download ssl-order-requests.txt' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'ssl-order-requests.txt');
  const text = readFileSync(await download.path(), 'utf8');
  assert.ok(text.includes(shown[0]) && text.includes(shown[1]), text);
  assert.ok(!text.includes('sandbox-token-not-a-secret'), 'the token never leaves masked');
  await context.close();
});
