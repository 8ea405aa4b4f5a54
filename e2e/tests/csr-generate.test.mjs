// Generate in the browser: WebCrypto makes the key pair, the app builds and signs the CSR
// for the order's names, openssl accepts it, the key matches it, and the private key is
// never sent or stored. Also prints the median generation time (benchmark figures).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sandboxLog } from '../lib/harness.mjs';
import { useSuite } from '../lib/suite.mjs';
import { waitForHeading, continueOn, agreeAndSubmit, keepDns, DOMAIN, CSR_STEP } from '../lib/wizard.mjs';

const suite = useSuite({ issueDelaySecs: 3 });

const CSR_LABEL = 'Certificate signing request (CSR)';
const KEY_LABEL = 'Private key (PKCS#8)';
const RUNS = 5;

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

function openssl(args, input) {
  return execFileSync('openssl', args, { input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
}

/** Runs openssl on the CSR and key in a temporary directory; returns what it printed. */
function inspect(csr, key) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ssl-order-csr-generate-'));
  try {
    const csrFile = path.join(dir, 'request.csr');
    const keyFile = path.join(dir, 'private.key');
    writeFileSync(csrFile, csr);
    writeFileSync(keyFile, key, { mode: 0o600 });
    // Throws (and fails the test) unless the self-signature verifies.
    const verify = execFileSync('openssl', ['req', '-in', csrFile, '-verify', '-noout'],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return {
      verify,
      text: openssl(['req', '-in', csrFile, '-noout', '-text']),
      csrPublicKey: openssl(['req', '-in', csrFile, '-pubkey', '-noout']),
      keyPublicKey: openssl(['pkey', '-in', keyFile, '-pubout']),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function toCsrStep(page) {
  await page.goto(suite.server.url);
  await waitForHeading(page, 'Choose a certificate');
  await page.getByLabel('GeoTrust DV SSL', { exact: true }).check();
  await continueOn(page);
  await waitForHeading(page, 'Which domain name should the certificate cover?');
  await page.getByLabel('Domain name').fill(DOMAIN);
  await continueOn(page);
  await waitForHeading(page, CSR_STEP);
  await page.getByLabel('Generate it here (recommended)').check();
  await waitForHeading(page, 'Generate your key pair and CSR');
  await page.getByTestId('csr-generate').waitFor();
}

/**
 * Chooses `keyType`, presses Generate and waits until the CSR field holds a new CSR.
 * Returns the time from the click to the filled field, measured in the page.
 */
async function generateOnce(page, keyType) {
  await page.getByLabel(keyType, { exact: true }).check();
  const csrField = await page.getByLabel(CSR_LABEL).elementHandle();
  const button = await page.getByRole('button', { name: 'Generate key and CSR' }).elementHandle();
  const ms = await page.evaluate(async ([csr, generate]) => {
    const before = csr.value;
    const filled = () => csr.value !== before && csr.value.includes('-----END CERTIFICATE REQUEST-----');
    const start = performance.now();
    generate.click();
    // Woken by the DOM change that comes with the new CSR, or after 2 ms at the latest.
    while (!filled()) {
      await new Promise((resolve) => {
        const observer = new MutationObserver(() => { observer.disconnect(); resolve(); });
        observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
        setTimeout(() => { observer.disconnect(); resolve(); }, 2);
      });
      if (performance.now() - start > 60000) throw new Error('no CSR after 60 s');
    }
    return performance.now() - start;
  }, [csrField, button]);
  await page.getByRole('status').filter({ hasText: 'Key pair and CSR generated' }).waitFor();
  return ms;
}

/** Generates RUNS times, prints the median, checks the last CSR and key with openssl. */
async function generateAndCheck(page, keyType, signatureAlgorithm) {
  const times = [];
  for (let run = 0; run < RUNS; run += 1) times.push(await generateOnce(page, keyType));
  console.log(`${keyType}: median generation time ${median(times).toFixed(1)} ms over ${RUNS} runs `
    + `(${times.map((t) => t.toFixed(1)).join(', ')} ms)`);
  assert.equal(await page.getByTestId('csr-generate-error').count(), 0);

  const csr = await page.getByLabel(CSR_LABEL).inputValue();
  const key = await page.getByLabel(KEY_LABEL).inputValue();
  assert.match(csr, /^-----BEGIN CERTIFICATE REQUEST-----\n/);
  assert.ok(key.startsWith('-----BEGIN PRIVATE KEY-----\n'), 'the key is PKCS#8 PEM');
  assert.ok(key.trimEnd().endsWith('-----END PRIVATE KEY-----'));
  assert.ok(!csr.includes('PRIVATE KEY'));

  const found = inspect(csr, key);
  assert.match(found.text, /CN ?= ?shop\.example\.com/);
  assert.match(found.text, /DNS:shop\.example\.com/);
  assert.ok(found.text.includes(signatureAlgorithm), found.text);
  assert.equal(found.keyPublicKey, found.csrPublicKey, 'the key is the one the CSR was made with');
  // The app's own reading of the CSR it made.
  await page.getByTestId('csr-summary').waitFor();
  // While the key is on the page: the draft, CSR included, is saved; the key is not.
  const stored = await storedText(page);
  assert.ok(stored.includes('BEGIN CERTIFICATE REQUEST'), 'the draft with the CSR was saved');
  assert.ok(!stored.includes('PRIVATE KEY'), 'the key is in browser storage');
  return { csr, key };
}

/** Whether a beforeunload event would be stopped (the page asks before it is left). */
async function asksBeforeLeaving(page) {
  return page.evaluate(() => {
    const event = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(event);
    return event.defaultPrevented;
  });
}

/** Every value in both storages, as one string. */
async function storedText(page) {
  return page.evaluate(() => [localStorage, sessionStorage]
    .flatMap((storage) => Object.keys(storage).map((name) => `${name}=${storage.getItem(name)}`))
    .join('\n'));
}

async function finishOrder(page) {
  await continueOn(page);
  await keepDns(page);
  await waitForHeading(page, 'Who is applying?');
  await page.locator('#applicant-name').fill('Ada Lovelace');
  await page.locator('#applicant-phone').fill('+44 20 7946 0958');
  await page.locator('#applicant-email').fill('ada@example.com');
  await continueOn(page);
  await waitForHeading(page, 'Check your order');
  await agreeAndSubmit(page);
  await waitForHeading(page, 'Application sent');
}

async function assertNoKeyLeft(page, sent, csr) {
  const log = await sandboxLog(suite.server.url);
  assert.ok(log.length >= 2, 'the order reached the sandbox');
  for (const entry of log) {
    const text = `${entry.query}\n${JSON.stringify(entry.headers)}\n${entry.body}`;
    assert.ok(!text.includes('PRIVATE KEY'), `${entry.method} ${entry.path} carries the key`);
  }
  for (const body of sent) assert.ok(!body.includes('PRIVATE KEY'), 'a request from the page carries the key');
  const apply = log.find((entry) => entry.path.endsWith('/apply'));
  assert.equal(JSON.parse(apply.body).csr.trim(), csr.trim(), 'the generated CSR is the one applied with');
  assert.ok(!(await storedText(page)).includes('PRIVATE KEY'), 'the key is in browser storage');
}

/** Records the body and URL of every request the page makes. */
function recordRequests(page) {
  const sent = [];
  page.on('request', (request) => sent.push(`${request.url()}\n${JSON.stringify(request.headers())}\n${request.postData() ?? ''}`));
  return sent;
}

test('a P-256 key and CSR are made in the browser; the key is offered for copying and never sent or stored', async () => {
  const { context, page } = await suite.freshPage();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(suite.server.url).origin });
  const sent = recordRequests(page);
  await toCsrStep(page);
  assert.equal(await asksBeforeLeaving(page), false, 'nothing to lose yet');
  const { csr, key } = await generateAndCheck(page, 'ECDSA P-256', 'ecdsa-with-SHA256');
  assert.match(await page.getByTestId('csr-signature').textContent(), /^verified/);
  await page.getByText('Save the private key now.').waitFor();
  assert.equal(await asksBeforeLeaving(page), true, 'the page asks before the unsaved key is lost');

  await page.getByRole('button', { name: 'Copy private key' }).click();
  await page.getByTestId('private-key-status').filter({ hasText: 'copied' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), key);
  assert.equal(await asksBeforeLeaving(page), false, 'saved: leaving no longer asks');

  await finishOrder(page);
  await assertNoKeyLeft(page, sent, csr);
  await context.close();
});

test('an RSA-2048 key and CSR are made in the browser; the key downloads, and leaving the step with a key unsaved asks first', async () => {
  const { context, page } = await suite.freshPage();
  const sent = recordRequests(page);
  await toCsrStep(page);
  const { csr, key } = await generateAndCheck(page, 'RSA 2048-bit', 'sha256WithRSAEncryption');
  assert.equal(await asksBeforeLeaving(page), true);
  // The browser's own leave-page dialog, not only the event: closing asks, staying keeps it.
  const dialog = new Promise((resolve) => page.once('dialog', (d) => { resolve(d.type()); d.dismiss(); }));
  await page.close({ runBeforeUnload: true });
  assert.equal(await dialog, 'beforeunload');
  assert.equal(page.isClosed(), false);
  assert.equal(await page.getByLabel(KEY_LABEL).inputValue(), key);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download private key' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), `${DOMAIN}.key`);
  assert.equal(readFileSync(await download.path(), 'utf8'), key);
  await page.getByTestId('private-key-status').filter({ hasText: `downloaded as ${DOMAIN}.key` }).waitFor();
  assert.equal(await asksBeforeLeaving(page), false);

  // A new key replaces the old one; unsaved, it is guarded again until the step is left.
  await generateOnce(page, 'ECDSA P-384');
  const p384 = await page.getByLabel(CSR_LABEL).inputValue();
  assert.notEqual(p384, csr);
  assert.match(inspect(p384, await page.getByLabel(KEY_LABEL).inputValue()).text, /ecdsa-with-SHA384/);
  assert.equal(await asksBeforeLeaving(page), true);
  // Continue with the key unsaved asks first: staying keeps the key, going on forgets it.
  const asked = new Promise((resolve) => page.once('dialog', (d) => { resolve(d.message()); d.dismiss(); }));
  await continueOn(page);
  assert.match(await asked, /private key made on this page has not been saved/);
  assert.ok((await page.getByLabel(KEY_LABEL).inputValue()).startsWith('-----BEGIN PRIVATE KEY-----'));
  page.once('dialog', (d) => d.accept());
  await finishOrder(page);
  assert.equal(await asksBeforeLeaving(page), false, 'the listener went with the step');
  await assertNoKeyLeft(page, sent, p384);
  await context.close();
});
