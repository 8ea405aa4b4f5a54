// The result page after the order: what it says once the certificate is issued, and how its
// status checks stop on a refusal.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sandboxLog } from '../lib/harness.mjs';
import { useSuite } from '../lib/suite.mjs';
import {
  waitForHeading, agreeAndSubmit, fillToReview, toDomainStep, continueOn, keepDns,
  contactsToReview, DOMAIN, CSR_STEP,
} from '../lib/wizard.mjs';
import { dvToReview, injectFault } from '../lib/providers.mjs';

const suite = useSuite({ issueDelaySecs: 3 });
const GENERIC = { provider: 'generic', endpoint: 'sandbox/generic', catalogue: 'catalog/gogetssl.json' };

const ISSUED = [
  {
    name: 'Generic JSON',
    toReview: (page) => dvToReview(page, suite.server.url, GENERIC, 'Sectigo PositiveSSL', 'dns'),
    button: 'Place the order', heading: 'Order placed', where: /your provider's order list/,
  },
  {
    // Huawei's details list the DNS records while they are checked, and none once issued.
    name: 'Huawei',
    toReview: async (page) => { await page.goto(suite.server.url); await fillToReview(page); },
    button: 'Buy and apply', heading: 'Application sent',
    where: /Download the certificate from the certificate list of your Huawei Cloud console .* the private key that belongs to your CSR/,
  },
  {
    // Huawei made the key pair: its private key is downloaded with the certificate.
    name: 'Huawei, key pair made by Huawei',
    toReview: async (page) => {
      await page.goto(suite.server.url);
      await toDomainStep(page);
      await page.getByLabel('Domain name').fill(DOMAIN);
      await continueOn(page);
      await waitForHeading(page, CSR_STEP);
      await page.getByLabel('Let Huawei make the key pair').check();
      await continueOn(page);
      await keepDns(page);
      await contactsToReview(page);
    },
    button: 'Buy and apply', heading: 'Application sent',
    where: /Download the certificate and its private key \(Huawei made the key pair\) from the certificate list of your Huawei Cloud console/,
  },
];

for (const api of ISSUED) {
  test(`${api.name}: once the status says issued, validation is shown as complete and what comes next is said`, async () => {
    const { context, page } = await suite.freshPage();
    await api.toReview(page);
    await agreeAndSubmit(page, api.button);
    await waitForHeading(page, api.heading);
    const heading = page.getByTestId('validation-heading');
    await heading.filter({ hasText: 'What you need to do now' }).waitFor();
    await page.getByTestId('dns-records').waitFor();
    // The sandbox issues after issueDelaySecs; the page's own checks find it.
    await page.getByTestId('status').filter({ hasText: 'Issued' }).waitFor({ timeout: 20000 });
    await heading.filter({ hasText: 'Validation complete' }).waitFor();
    assert.equal(await page.getByRole('heading', { name: 'What you need to do now' }).count(), 0);
    assert.match(await page.getByTestId('next-step').textContent(), api.where);
    // The records are kept, as done, behind a closed details element.
    const done = page.getByTestId('validation-steps-done');
    assert.equal(await done.evaluate((d) => d.open), false);
    assert.match(await done.getByTestId('dns-records').textContent(), /shop\.example\.com/);
    await context.close();
  });
}

// The sandbox's fault switch answers a status call with the proxy's own refusal (422); it
// offers no 404, so the 404 is answered by a route in the browser, in the proxy's shape.
const REFUSALS = [
  {
    name: 'a 4xx refusal from the sandbox',
    arm: (page) => injectFault(suite.server.url, {
      provider: 'generic', path: '/orders/', method: 'GET', times: 1, fault: { kind: 'provider_error' },
    }),
    said: /The provider refused the status check: .*This page has stopped checking by itself/,
    logged: [422],
  },
  {
    name: 'a 404',
    arm: async (page) => {
      let answered = false;
      await page.route('**/sandbox/generic/orders/*', async (route) => {
        if (answered || route.request().method() !== 'GET') return route.continue();
        answered = true;
        await route.fulfill({ status: 404, json: { error: { code: 'not_found', message: 'No such order' } } });
      });
    },
    said: /The provider no longer knows this order \(HTTP 404\), so this page has stopped checking/,
    logged: [],
  },
];

for (const refusal of REFUSALS) {
  test(`${refusal.name} on the status call stops the checks with a message, and the person can check again`, async () => {
    const { context, page } = await suite.freshPage();
    // The page's timers run on the test's clock, and its status checks are counted as they
    // are asked for, whoever answers them (the 404 comes from a route, not the sandbox).
    await page.clock.install();
    await page.addInitScript(() => {
      const fetch = window.fetch;
      window.statusChecks = 0;
      window.fetch = (...args) => {
        const { url, method } = args[0] instanceof Request
          ? args[0] : { url: String(args[0]), method: args[1]?.method ?? 'GET' };
        if (method === 'GET' && url.includes('/sandbox/generic/orders/')) window.statusChecks += 1;
        return fetch.apply(window, args);
      };
    });
    // poll_seconds is 1 (useConfig): were the page to go on, the next check would come 1 s later.
    await dvToReview(page, suite.server.url, GENERIC, 'Sectigo PositiveSSL', 'dns');
    await refusal.arm(page);
    await agreeAndSubmit(page, 'Place the order');
    await waitForHeading(page, 'Order placed');
    const statusCalls = async () => (await sandboxLog(suite.server.url))
      .filter((e) => e.method === 'GET' && e.path.startsWith('/sandbox/generic/orders/'));
    await page.getByTestId('poll-error').filter({ hasText: refusal.said }).waitFor();
    assert.deepEqual((await statusCalls()).map((e) => e.status), refusal.logged);
    assert.equal((await page.getByTestId('status').textContent()).trim(), 'Not known');
    // No later event shows that a check did not happen, so the page's clock is run on past
    // the time the next check was due (1 s after the first, 1.5 s after that): every timer
    // due meanwhile fires at once, and no check may be asked for.
    const checks = () => page.evaluate(() => window.statusChecks);
    const asked = await checks();
    assert.equal(asked, 1, 'the one refused check');
    await page.clock.runFor(10_000);
    assert.equal(await checks(), asked, 'no check after the refusal');
    assert.equal((await statusCalls()).length, refusal.logged.length, 'none reached the sandbox');
    // Checking again by hand asks once more; the refusal is spent, so the order is found.
    await page.getByRole('button', { name: 'Check the status again' }).click();
    await page.getByTestId('status')
      .filter({ hasText: /^(Issued|Waiting for domain validation|Being processed)/ }).waitFor();
    await page.getByTestId('poll-error').waitFor({ state: 'detached' });
    assert.equal(await page.getByRole('button', { name: 'Check the status again' }).count(), 0);
    assert.ok((await statusCalls()).length > refusal.logged.length);
    await context.close();
  });
}
