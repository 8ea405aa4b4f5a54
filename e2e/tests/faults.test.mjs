// Every fault the sandbox can inject, for every way of placing an order: what the page says,
// that nothing typed is lost (a reload shows the same answers), and that trying again places
// exactly one order, or, where the first attempt may have gone through, asks first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sandboxLog } from '../lib/harness.mjs';
import { useSuite } from '../lib/suite.mjs';
import { waitForHeading, fillToReview, agreeAndSubmit, DOMAIN } from '../lib/wizard.mjs';
import { useConfig, dvToReview, injectFault, pendingFaults } from '../lib/providers.mjs';

const suite = useSuite({ issueDelaySecs: 1 });

/**
 * The faults, and what each means for an order. `retried`: the app may send the request
 * again by itself where that is safe (no answer, 5xx). `doubt`: the provider may have acted.
 */
const FAULTS = [
  { name: 'a slow answer within the timeout', fault: { kind: 'delay', ms: 1500 }, slow: true },
  { name: 'no answer within the timeout', fault: { kind: 'delay', ms: 2500 }, timeout: 1, retried: true, doubt: true, said: /did not answer within 1 seconds/, actedAnyway: true },
  ...[500, 502, 503, 504].map((status) => (
    { name: `HTTP ${status} from a gateway`, fault: { kind: 'status', status }, retried: true, doubt: true, said: new RegExp(`HTTP ${status}`) })),
  { name: 'HTTP 429', fault: { kind: 'status', status: 429 }, said: /wait a minute, then try again/ },
  { name: 'a dropped connection', fault: { kind: 'drop' }, retried: true, doubt: true, said: /could not be reached/ },
  { name: 'an HTML page instead of JSON', fault: { kind: 'not_json' }, doubt: true, said: /Unexpected answer from the provider/ },
  { name: "the provider's own error", fault: { kind: 'provider_error', message: 'Injected refusal 4711' }, said: /Injected refusal 4711/ },
];

const failure = (page) => page.locator('#submit-failure');

async function expectFailure(page, summary, fault) {
  await failure(page).waitFor({ timeout: 30000 });
  const text = await failure(page).textContent();
  assert.match(text, summary, text);
  assert.match(text, fault.said, text);
  return text;
}

/** A reload keeps every answer: the review page comes back with the same name on it. */
async function expectDraftKept(page) {
  await page.reload();
  await waitForHeading(page, 'Check your order');
  assert.match(await page.locator('dl.summary').first().textContent(), /shop\.example\.com/);
}

const statusesOf = async (path, method = 'POST') => (await sandboxLog(suite.server.url))
  .filter((e) => e.method === method && e.path.endsWith(path))
  .map((e) => e.status);

// Generic JSON: every order carries an Idempotency-Key, so a lost answer is retried by itself.
const GENERIC = { provider: 'generic', endpoint: 'sandbox/generic', catalogue: 'catalog/gogetssl.json' };

for (const fault of FAULTS) {
  test(`Generic JSON, ${fault.name}`, async () => {
    const { context, page } = await suite.freshPage();
    await dvToReview(page, suite.server.url, { ...GENERIC, timeout_seconds: fault.timeout ?? 10 });
    // Enough to outlast the app's own retries, so the person sees the failure.
    const times = fault.retried ? 3 : 1;
    await injectFault(suite.server.url, { provider: 'generic', path: '/orders', method: 'POST', times, fault: fault.fault });
    await agreeAndSubmit(page, 'Place the order');
    if (fault.slow) {
      await page.getByRole('status').filter({ hasText: 'Placing the order' }).waitFor();
      await waitForHeading(page, 'Order placed');
      assert.deepEqual(await statusesOf('/sandbox/generic/orders'), [201]);
      await context.close();
      return;
    }
    const text = await expectFailure(page, fault.doubt ? /We could not confirm the order/ : /did not accept the order/, fault);
    if (fault.doubt) assert.match(text, /same order key is sent/);
    assert.equal(await page.getByTestId('buy-in-doubt').count(), 0, 'a kept key needs no check');
    await expectDraftKept(page);
    await agreeAndSubmit(page, 'Place the order');
    await waitForHeading(page, 'Order placed');

    const posts = (await sandboxLog(suite.server.url))
      .filter((e) => e.method === 'POST' && e.path === '/sandbox/generic/orders');
    assert.equal(posts.length, times + 1);
    if (fault.actedAnyway) {
      // The abandoned first call placed it (its log entry never completes, as nobody was
      // left to answer); the call after the reload, under the same key, was answered as a replay.
      assert.equal(posts.at(-1).status, 200, 'a replay of the order already placed');
      assert.ok(posts.every((e) => e.status !== 201), 'never placed by an answered call');
    } else {
      assert.equal(posts.filter((e) => e.status === 201).length, 1, 'placed exactly once');
    }
    const keys = new Set(posts.map((e) => e.headers['idempotency-key']));
    assert.equal(keys.size, fault.doubt ? 1 : 2, 'the same key while in doubt, a new one after a refusal');
    assert.deepEqual(await pendingFaults(suite.server.url), []);
    await context.close();
  });
}

test('Generic JSON: two 503s in a row are overcome by the retries alone', async () => {
  const { context, page } = await suite.freshPage();
  await dvToReview(page, suite.server.url, { ...GENERIC });
  await injectFault(suite.server.url, { provider: 'generic', path: '/orders', method: 'POST', times: 2, fault: { kind: 'status', status: 503 } });
  await agreeAndSubmit(page, 'Place the order');
  await page.getByRole('status').filter({ hasText: 'trying again (attempt 2 of 3)' }).waitFor();
  await waitForHeading(page, 'Order placed');
  assert.deepEqual(await statusesOf('/sandbox/generic/orders'), [503, 503, 201]);
  await context.close();
});

// GoGetSSL and cPanel have no idempotency key: an order is never sent again by itself, and
// a failure that may have placed it asks the person to check their account first.
const NO_KEY = [
  { provider: 'gogetssl', name: 'GoGetSSL', product: 'Sectigo PositiveSSL', account: /order list of your GoGetSSL account/,
    config: { provider: 'gogetssl', endpoint: 'sandbox/gogetssl', token: 'sandbox-auth-key-1234' },
    path: 'add_ssl_order', logged: '/sandbox/gogetssl/orders/add_ssl_order/' },
  { provider: 'cpanel', name: 'cPanel', product: 'Sectigo Domain Validated SSL', account: /SSL\/TLS Status page of your cPanel account/,
    config: { provider: 'cpanel', endpoint: 'sandbox/cpanel/cpsess0123456789/execute', token: '725431a1-d5bc-11e5-a28b-8b0e09a93f05' },
    path: 'request_ssl_certificates', logged: '/execute/Market/request_ssl_certificates', method: 'GET' },
];

for (const api of NO_KEY) {
  for (const fault of FAULTS) {
    test(`${api.name}, ${fault.name}`, async () => {
      const { context, page } = await suite.freshPage();
      await dvToReview(page, suite.server.url, { ...api.config, timeout_seconds: fault.timeout ?? 10 }, api.product, api.method === 'GET' ? 'http' : undefined);
      await injectFault(suite.server.url, { provider: api.provider, path: api.path, times: 1, fault: fault.fault });
      await agreeAndSubmit(page, 'Place the order');
      const orders = () => statusesOf(api.logged, api.method ?? 'POST');
      if (fault.slow) {
        await waitForHeading(page, 'Order placed');
        assert.equal((await orders()).length, 1);
        await context.close();
        return;
      }
      const text = await expectFailure(page, fault.doubt ? /We could not confirm the order/ : /did not accept the order/, fault);
      assert.equal((await orders()).length, 1, 'never sent again by itself');
      await expectDraftKept(page);
      if (fault.doubt) {
        assert.match(text, api.account);
        await page.getByTestId('buy-in-doubt').waitFor();
        await agreeAndSubmit(page, 'Place the order');
        await failure(page).filter({ hasText: 'Check for the earlier order first' }).waitFor();
        assert.equal((await orders()).length, 1, 'nothing sent before the check');
        if (fault.actedAnyway) {
          // The slow order did go through: the person finds it in the account and stops here.
          await context.close();
          return;
        }
        await page.getByLabel('I have checked: nothing was ordered, so order now').check();
        await page.getByRole('button', { name: 'Place the order' }).click();
      } else {
        assert.equal(await page.getByTestId('buy-in-doubt').count(), 0, 'a refusal placed nothing');
        await agreeAndSubmit(page, 'Place the order');
      }
      await waitForHeading(page, 'Order placed');
      assert.equal((await orders()).length, 2, 'the faulted attempt and one order');
      assert.deepEqual(await pendingFaults(suite.server.url), []);
      await context.close();
    });
  }
}

// Huawei: the buy is never repeated by itself; the apply, for a certificate already paid
// for, is.
const HUAWEI_TOKEN = 'sandbox-token-not-a-secret-0123456789';
const HUAWEI = { provider: 'huawei', endpoint: 'sandbox/huawei', token: HUAWEI_TOKEN, catalogue: 'catalog/huawei.json' };
const buys = () => statusesOf('/v3/scm/certificates/buy');
const applies = () => statusesOf('/apply');

async function huaweiToReview(page, fault) {
  await useConfig(page, { ...HUAWEI, timeout_seconds: fault.timeout ?? 10 });
  await page.goto(suite.server.url);
  await fillToReview(page);
}

for (const fault of FAULTS) {
  test(`Huawei buy, ${fault.name}`, async () => {
    const { context, page } = await suite.freshPage();
    await huaweiToReview(page, fault);
    await injectFault(suite.server.url, { provider: 'huawei', path: '/certificates/buy', times: 1, fault: fault.fault });
    await agreeAndSubmit(page, 'Buy and apply');
    if (fault.slow) {
      await waitForHeading(page, 'Application sent');
      assert.equal((await buys()).length, 1);
      await context.close();
      return;
    }
    const text = await expectFailure(page, fault.doubt ? /We could not confirm the purchase/ : /did not sell the certificate/, fault);
    assert.equal((await buys()).length, 1, 'never bought again by itself');
    assert.equal((await applies()).length, 0);
    await expectDraftKept(page);
    if (fault.doubt) {
      assert.match(text, /check .*before trying again/);
      await page.getByTestId('buy-in-doubt').waitFor();
      await agreeAndSubmit(page, 'Buy and apply');
      await failure(page).filter({ hasText: 'Check for the earlier purchase first' }).waitFor();
      if (fault.actedAnyway) {
        await context.close();
        return;
      }
      await page.getByLabel('I have checked: no certificate was bought, so buy one now').check();
      await page.getByRole('button', { name: 'Buy and apply' }).click();
    } else {
      await agreeAndSubmit(page, 'Buy and apply');
    }
    await waitForHeading(page, 'Application sent');
    assert.equal((await buys()).length, 2, 'the faulted attempt and one purchase');
    assert.equal((await applies()).length, 1);
    await context.close();
  });
}

for (const fault of FAULTS.filter((f) => !f.slow)) {
  test(`Huawei apply, ${fault.name}`, async () => {
    const { context, page } = await suite.freshPage();
    await huaweiToReview(page, fault);
    const times = fault.retried ? 3 : 1;
    await injectFault(suite.server.url, { provider: 'huawei', path: '/apply', times, fault: fault.fault });
    await agreeAndSubmit(page, 'Buy and apply');
    const text = await expectFailure(page, /is paid for, but the application (could not be sent|was not accepted)/, fault);
    assert.ok(!/could not confirm the purchase/.test(text), text);
    assert.equal((await applies()).length, times);
    // The purchase is remembered: the reload resumes at "apply", and nothing is bought again.
    await page.reload();
    await waitForHeading(page, 'Check your order');
    await page.getByTestId('paid-notice').waitFor();
    assert.match(await page.locator('dl.summary').first().textContent(), new RegExp(DOMAIN.replace(/\./g, '\\.')));
    await agreeAndSubmit(page, 'Apply for the certificate');
    await waitForHeading(page, 'Application sent');
    assert.equal((await buys()).length, 1, 'bought once');
    const statuses = await applies();
    if (fault.actedAnyway) {
      // The first slow apply went in; the one after the reload was refused as already
      // applied for, which the certificate's own status confirmed.
      assert.equal(statuses.at(-1), 400, String(statuses));
    } else {
      // The faulted attempts never reached Huawei's handler; the one after the reload did.
      assert.equal(statuses.at(-1), 200, String(statuses));
      assert.equal(statuses.length, times + 1, String(statuses));
    }
    await context.close();
  });
}
