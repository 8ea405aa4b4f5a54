// Where settings come from: config.json, the embedding page's options (stronger), and the
// page address's query string, which changes nothing unless config.json allows it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sandboxLog } from '../lib/harness.mjs';
import { useSuite } from '../lib/suite.mjs';
import { waitForHeading, fillToReview, agreeAndSubmit, toDomainStep, DOMAIN } from '../lib/wizard.mjs';

const suite = useSuite({ issueDelaySecs: 1 });
const SHIPPED = {
  provider: 'huawei', endpoint: 'sandbox/huawei', token: 'sandbox-token-not-a-secret-0123456789',
  catalogue: 'catalog/huawei.json', storage: 'local', poll_seconds: 1, timeout_seconds: 10,
};

async function serveConfig(page, config, path = '**/config.json') {
  await page.route(path, (route) => route.fulfill({ json: config }));
}

const buys = async () => (await sandboxLog(suite.server.url))
  .filter((e) => e.method === 'POST' && e.path.endsWith('/certificates/buy'));

test('an endpoint in the page address is refused by default, said so, and the order goes where config.json says', async () => {
  const { context, page } = await suite.freshPage();
  const attacker = [];
  // Anything sent to the crafted endpoint would be seen here.
  await page.route('http://attacker.invalid/**', (route) => { attacker.push(route.request().url()); return route.abort(); });
  await page.goto(`${suite.server.url}?endpoint=${encodeURIComponent('http://attacker.invalid/scm')}&token=stolen`);
  const notice = page.getByTestId('refused-settings');
  await notice.waitFor();
  assert.match(await notice.textContent(), /endpoint, token.*ignored/);
  await fillToReview(page);
  await agreeAndSubmit(page);
  await waitForHeading(page, 'Application sent');
  assert.equal((await buys()).length, 1, 'ordered through the configured sandbox');
  assert.deepEqual(attacker, []);
  await context.close();
});

test('a query-string endpoint is taken when config.json lists it in allow_query', async () => {
  const { context, page } = await suite.freshPage();
  await serveConfig(page, { ...SHIPPED, endpoint: 'sandbox/nowhere', allow_query: ['endpoint'] });
  await page.goto(`${suite.server.url}?endpoint=sandbox%2Fhuawei`);
  await fillToReview(page);
  assert.equal(await page.getByTestId('refused-settings').count(), 0);
  await agreeAndSubmit(page);
  await waitForHeading(page, 'Application sent');
  assert.equal((await buys()).length, 1);
  await context.close();
});

test("the embedding page's options override config.json and may name config.json's address", async () => {
  const { context, page } = await suite.freshPage();
  let customRead = false;
  await page.route('**/panel/ssl-order.json', (route) => { customRead = true; return route.fulfill({ json: SHIPPED }); });
  await page.addInitScript(() => { window.sslOrderOptions = { config_url: 'panel/ssl-order.json', storage: 'none' }; });
  await page.goto(suite.server.url);
  await toDomainStep(page);
  await page.getByLabel('Domain name').fill(DOMAIN);
  assert.ok(customRead, 'config.json read from the address the page gave');
  const stored = await page.evaluate(() => localStorage.length + sessionStorage.length);
  assert.equal(stored, 0, 'the page asked for no storage');
  await context.close();
});

test('a configuration that is not valid says what is wrong on the page', async () => {
  const { context, page } = await suite.freshPage();
  await serveConfig(page, { ...SHIPPED, storage: 'cloud' });
  await page.goto(suite.server.url);
  await waitForHeading(page, 'The order form could not start');
  assert.match(await page.locator('.failure').textContent(), /storage "cloud" is not one of "local", "session", "none"/);
  await context.close();
});
