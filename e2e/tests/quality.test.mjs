// Quality a person notices: no WCAG 2.2 A/AA violation that axe-core can find on any step,
// error state, review or result; a whole order placed with the keyboard alone, focus always
// visible; and every page laid out for a 375 px phone and a 1280 px desktop, with
// screenshots kept in e2e/screenshots/ for a person to look at.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { root, sandboxLog } from '../lib/harness.mjs';
import { useSuite } from '../lib/suite.mjs';
import { expectNoAxeViolations } from '../lib/axe.mjs';
import { waitForHeading, continueOn, pasteCsr, CSR, DOMAIN, CSR_STEP } from '../lib/wizard.mjs';

// Long enough that the result page still shows what to do when it is checked.
const suite = useSuite({ issueDelaySecs: 120 });

const OV_PRODUCT = 'GlobalSign OV SSL';
const WIDTHS = [375, 1280];
const SCREENSHOTS = path.join(root, 'e2e/screenshots');

// Huawei validates domain names by DNS or email (its file method is for IP addresses only).
const METHOD_LABELS = { dns: 'DNS record', email: 'Email to an approver address' };
const MULTI_CSR = readFileSync(path.join(root, 'tests/fixtures/csr/multi.csr'), 'utf8');

async function errorSummaryShown(page) {
  await page.locator('#error-summary').waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'error-summary');
}

/** Makes the sandbox refuse the next purchase in Huawei's own error shape. */
async function refuseNextBuy() {
  const response = await fetch(new URL('sandbox/_faults', suite.server.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      provider: 'huawei', path: '/certificates/buy', method: 'POST', times: 1,
      fault: { kind: 'provider_error', message: 'The account balance is not enough.' },
    }),
  });
  assert.equal(response.status, 201, await response.text());
}

/**
 * Walks a Huawei OV single-domain order, which has every step, through the app with the
 * mouse, calling `visit(name)` on each step as first shown, on each step's error state
 * (Continue pressed with nothing filled in), on the key generation panel, on the review page
 * with its error and with a refusal from the provider, and on the result page with its DNS
 * record.
 */
async function walkOvOrder(page, visit) {
  await page.goto(suite.server.url);
  await waitForHeading(page, 'Choose a certificate');
  await visit('product');
  await continueOn(page);
  await errorSummaryShown(page);
  await visit('product-error');
  await page.getByLabel(OV_PRODUCT, { exact: true }).check();
  await continueOn(page);

  await waitForHeading(page, 'Which domain name should the certificate cover?');
  await visit('domain');
  await continueOn(page);
  await errorSummaryShown(page);
  await visit('domain-error');
  await page.getByLabel('Domain name').fill(DOMAIN);
  await continueOn(page);

  await waitForHeading(page, CSR_STEP);
  await visit('csr');
  await continueOn(page);
  await errorSummaryShown(page);
  await visit('csr-error');
  await page.getByLabel('Generate it here (recommended)').check();
  await page.getByRole('button', { name: 'Generate key and CSR' }).click();
  await page.getByTestId('generated-key').waitFor({ timeout: 30000 });
  await page.getByTestId('csr-summary').waitFor();
  await visit('csr-generated');
  // Saving the key lets the step be left without the "key not saved" question.
  await page.getByRole('button', { name: 'Download private key' }).click();
  await page.getByTestId('private-key-status').filter({ hasText: 'downloaded' }).waitFor();
  await page.getByLabel('Certificate signing request (CSR)').fill(CSR);
  await page.getByTestId('csr-signature').filter({ hasText: 'verified' }).waitFor();
  await continueOn(page);

  await waitForHeading(page, 'How will you prove you control each name?');
  await visit('validation');
  // Another method is picked and then DNS again: Huawei's answers carry DNS records only.
  await page.getByLabel(METHOD_LABELS.email, { exact: true }).check();
  await page.getByLabel(METHOD_LABELS.dns, { exact: true }).check();
  await continueOn(page);

  await waitForHeading(page, 'Who is applying?');
  await visit('contacts');
  await continueOn(page);
  await errorSummaryShown(page);
  await visit('contacts-error');
  await page.getByLabel('Full name').fill('Ada Lovelace');
  await page.getByLabel('Phone number').fill('+44 20 7946 0958');
  await page.getByLabel('Email address').fill('ada@example.com');
  await continueOn(page);

  await waitForHeading(page, 'Which organisation is the certificate for?');
  await visit('organisation');
  await continueOn(page);
  await errorSummaryShown(page);
  await visit('organisation-error');
  await page.getByLabel('Legal name of the organisation').fill('Acme Widgets Ltd');
  await page.getByLabel('Town or city').fill('London');
  await page.getByLabel('State, province or region').fill('Greater London');
  await page.getByLabel('Country').selectOption('GB');
  await continueOn(page);

  await waitForHeading(page, 'Check your order');
  await visit('review');
  await page.getByRole('button', { name: 'Buy and apply' }).click();
  await errorSummaryShown(page);
  await visit('review-error');
  await page.getByLabel(/I agree to the provider's privacy statement/).check();
  await refuseNextBuy();
  await page.getByRole('button', { name: 'Buy and apply' }).click();
  await page.locator('#submit-failure').waitFor();
  await visit('review-failure');
  await page.getByRole('button', { name: 'Buy and apply' }).click();

  await waitForHeading(page, 'Application sent');
  await page.getByTestId('dns-records').waitFor({ timeout: 30000 });
  await page.getByTestId('status').filter({ hasNotText: 'Checking' }).waitFor({ timeout: 30000 });
  await visit('result');
}

/** Serves config.json as a deployment switched to GoGetSSL would. */
async function useGoGetSsl(page) {
  await page.route('**/config.json', (route) => route.fulfill({
    json: {
      provider: 'gogetssl', endpoint: 'sandbox/gogetssl', token: 'sandbox-auth-key-1234',
      storage: 'local', poll_seconds: 1, timeout_seconds: 10,
    },
  }));
}

/**
 * Walks a GoGetSSL multi-domain order, whose pages the Huawei order does not show: the list
 * of other names, a method chosen per name with an approver address, the dry-run check, and
 * a result page with a DNS record, a file and an email to act on.
 */
async function walkMultiOrder(page, visit) {
  await useGoGetSsl(page);
  await page.goto(suite.server.url);
  await waitForHeading(page, 'Choose a certificate');
  await page.getByLabel('Sectigo PositiveSSL Multi-Domain', { exact: true }).check();
  await continueOn(page);
  await waitForHeading(page, 'Which domain names should the certificate cover?');
  await page.getByLabel('Domain name').fill(DOMAIN);
  await page.getByLabel(/^Other names/).fill('www.example.com\napi.example.com www.example.com');
  await page.getByText('We removed 1 repeated name: www.example.com.').waitFor();
  await visit('multi-domain');
  await continueOn(page);
  await pasteCsr(page, MULTI_CSR);
  await page.getByTestId('csr-summary').waitFor();
  await visit('multi-csr');
  await continueOn(page);
  await waitForHeading(page, 'How will you prove you control each name?');
  await page.getByLabel(`Validation method for ${DOMAIN}`).selectOption('http');
  await page.getByLabel('Validation method for api.example.com').selectOption('email');
  await continueOn(page);
  await errorSummaryShown(page);
  await visit('multi-validation-error');
  await page.getByLabel('Approver address for api.example.com').selectOption('admin@example.com');
  await continueOn(page);
  await waitForHeading(page, 'Who is applying?');
  await visit('multi-contacts');
  await page.getByLabel(/^First name/).fill('Ada');
  await page.getByLabel(/^Last name/).fill('Lovelace');
  await page.getByLabel(/^Job title/).fill('Director');
  await page.getByLabel(/^Phone number/).fill('+44 20 7946 0958');
  await page.getByLabel(/^Email address/).fill('ada@example.com');
  await continueOn(page);
  await waitForHeading(page, 'Check your order');
  await page.getByLabel(/I agree to the provider's privacy statement/).check();
  await page.getByRole('button', { name: 'Check with GoGetSSL first (nothing is ordered)' }).click();
  await page.getByTestId('check-outcome').filter({ hasText: 'GoGetSSL accepted every answer' }).waitFor();
  await visit('multi-review');
  await page.getByRole('button', { name: 'Place the order' }).click();
  await waitForHeading(page, 'Order placed');
  await page.getByTestId('file-validations').waitFor();
  await page.getByTestId('email-validations').waitFor();
  await page.getByTestId('dns-records').waitFor();
  await visit('multi-result');
}

test('axe finds no WCAG 2.2 A/AA violation on any step, error state, review or result', async () => {
  const { context, page } = await suite.freshPage();
  const visited = [];
  await walkOvOrder(page, async (name) => {
    visited.push(name);
    await expectNoAxeViolations(page, name);
  });
  // Every state was reached and checked, not skipped by a changed flow.
  assert.equal(visited.length, 16, visited.join(', '));
  await context.close();
});

test('axe finds no violation on the multi-domain pages: names, a method per name, every kind of instruction', async () => {
  const { context, page } = await suite.freshPage();
  const visited = [];
  await walkMultiOrder(page, async (name) => {
    visited.push(name);
    await expectNoAxeViolations(page, name);
  });
  assert.equal(visited.length, 6, visited.join(', '));
  await context.close();
});

// --- Keyboard only ---------------------------------------------------------------------------

/** The focused element's accessible name, as far as this form needs it. */
const focusedName = (page) => page.evaluate(() => {
  const el = document.activeElement;
  if (!el || el === document.body) return '';
  const labelled = el.getAttribute('aria-labelledby');
  const name = el.getAttribute('aria-label')
    || (labelled && labelled.split(/\s+/).map((id) => document.getElementById(id)?.textContent || '').join(' '))
    || (el.labels?.length ? [...el.labels].map((l) => l.textContent).join(' ') : '')
    || el.textContent;
  return (name || '').replace(/\s+/g, ' ').trim();
});

/**
 * Presses Tab (or Shift+Tab) until the focused element matches `target`: an accessible name
 * (string, matched exactly, or RegExp) or a predicate run in the page on the focused element.
 * Fails after `limit` presses, naming where focus went.
 */
async function tabTo(page, target, { backwards = false, limit = 60 } = {}) {
  const matches = async () => {
    if (typeof target === 'function') return page.evaluate(target);
    const name = await focusedName(page);
    return target instanceof RegExp ? target.test(name) : name === target;
  };
  const seen = [];
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    if (await matches()) return;
    seen.push(await focusedName(page));
  }
  assert.fail(`focus never reached ${target} after ${limit} presses; it went through: ${seen.join(' | ')}`);
}

/** Fails unless the focused element shows a focus indicator of its own. */
async function expectFocusVisible(page, what) {
  const style = await page.evaluate(() => {
    const el = document.activeElement;
    const focused = getComputedStyle(el);
    // The same element at rest: an unfocused copy beside it, so the same rules apply.
    const copy = el.cloneNode(false);
    copy.removeAttribute('id');
    copy.style.visibility = 'hidden';
    el.after(copy);
    const restingShadow = getComputedStyle(copy).boxShadow;
    copy.remove();
    return {
      tag: el.tagName,
      outlineStyle: focused.outlineStyle,
      outlineWidth: parseFloat(focused.outlineWidth) || 0,
      boxShadow: focused.boxShadow,
      restingShadow,
    };
  });
  const outline = style.outlineStyle !== 'none' && style.outlineWidth >= 1;
  const shadow = style.boxShadow !== 'none' && style.boxShadow !== style.restingShadow;
  assert.ok(outline || shadow, `no visible focus on ${what}: ${JSON.stringify(style)}`);
}

test('a whole OV order is placed with the keyboard alone, focus always visible', async () => {
  const { context, page } = await suite.freshPage();
  await page.goto(suite.server.url);
  await waitForHeading(page, 'Choose a certificate');

  // Product: Tab into the radio group, Space picks the first, arrows move the choice.
  await tabTo(page, () => document.activeElement?.name === 'product');
  await expectFocusVisible(page, 'a radio button');
  await page.keyboard.press('Space');
  for (let i = 0; i < 20 && (await focusedName(page)) !== OV_PRODUCT; i += 1) {
    await page.keyboard.press('ArrowDown');
  }
  assert.equal(await focusedName(page), OV_PRODUCT);
  assert.ok(await page.evaluate(() => document.activeElement.checked), 'the arrow keys choose the radio');
  await tabTo(page, 'Continue');
  await expectFocusVisible(page, 'a button');
  await page.keyboard.press('Enter');

  // Domain: Continue empty, follow the error summary's link back to the field, then type.
  await waitForHeading(page, 'Which domain name should the certificate cover?');
  await tabTo(page, 'Continue');
  await page.keyboard.press('Space');
  await page.waitForFunction(() => document.activeElement?.id === 'error-summary');
  await tabTo(page, () => document.activeElement?.closest('#error-summary') !== null
    && document.activeElement.tagName === 'A');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'domain');
  await expectFocusVisible(page, 'a text input');
  await page.keyboard.type(DOMAIN);
  await page.keyboard.press('Enter');

  // CSR: typed into the text area (pasting is a mouse or clipboard act).
  // CSR: first how it is provided, a radio group the arrows move through and choose in.
  await waitForHeading(page, CSR_STEP);
  await tabTo(page, () => document.activeElement?.name === 'csr-source');
  assert.equal(await focusedName(page), 'Generate it here (recommended)');
  await page.keyboard.press('ArrowDown');
  await waitForHeading(page, 'Paste your certificate signing request');
  assert.equal(await focusedName(page), 'Paste one made elsewhere');
  await tabTo(page, 'Certificate signing request (CSR)');
  await expectFocusVisible(page, 'the CSR text area');
  await page.keyboard.type(CSR);
  await page.getByTestId('csr-summary').waitFor();
  await tabTo(page, 'Continue');
  await page.keyboard.press('Enter');

  // Validation: DNS is chosen already; the arrows move to another method and back.
  await waitForHeading(page, 'How will you prove you control each name?');
  await tabTo(page, () => document.activeElement?.name === 'method');
  assert.equal(await focusedName(page), METHOD_LABELS.dns);
  await page.keyboard.press('ArrowDown');
  assert.equal(await focusedName(page), METHOD_LABELS.email);
  await page.keyboard.press('ArrowUp');
  assert.equal(await focusedName(page), METHOD_LABELS.dns);
  assert.ok(await page.evaluate(() => document.activeElement.checked));
  await tabTo(page, 'Continue');
  await page.keyboard.press('Enter');

  // Contacts: each field in turn; Enter in a text field submits the step.
  await waitForHeading(page, 'Who is applying?');
  await tabTo(page, 'Full name');
  await page.keyboard.type('Ada Lovelace');
  await tabTo(page, 'Phone number');
  await page.keyboard.type('+44 20 7946 0958');
  await tabTo(page, 'Email address');
  await page.keyboard.type('ada@example.com');
  await page.keyboard.press('Enter');

  // Organisation: the country is picked by typing its name, then Shift+Tab goes back to a
  // field skipped on the way down.
  await waitForHeading(page, 'Which organisation is the certificate for?');
  await tabTo(page, 'Legal name of the organisation');
  await page.keyboard.type('Acme Widgets Ltd');
  await tabTo(page, 'Country');
  await expectFocusVisible(page, 'a select');
  await page.keyboard.type('United Kingdom');
  assert.equal(await page.evaluate(() => document.activeElement.value), 'GB');
  await tabTo(page, 'Town or city', { backwards: true });
  await page.keyboard.type('London');
  await tabTo(page, 'State, province or region');
  await page.keyboard.type('Greater London');
  await tabTo(page, 'Continue');
  await page.keyboard.press('Enter');

  // Review: the request preview opens with Enter, the agreement is ticked with Space.
  await waitForHeading(page, 'Check your order');
  await tabTo(page, 'See exactly what will be sent');
  await expectFocusVisible(page, 'a disclosure summary');
  await page.keyboard.press('Enter');
  assert.ok(await page.evaluate(() => document.activeElement.parentElement.open), 'the preview opened');
  await tabTo(page, /^I agree to the provider's privacy statement/);
  await expectFocusVisible(page, 'a checkbox');
  await page.keyboard.press('Space');
  assert.ok(await page.evaluate(() => document.activeElement.checked), 'Space ticks the agreement');
  await tabTo(page, 'Buy and apply');
  await page.keyboard.press('Enter');

  await waitForHeading(page, 'Application sent');
  await page.getByTestId('dns-records').waitFor();
  // Focus is on the result's heading, so the next Tab starts from the result.
  await page.waitForFunction(() => document.activeElement?.id === 'result-heading');
  await tabTo(page, /^Copy the name /);
  await expectFocusVisible(page, 'a copy button');

  const log = await sandboxLog(suite.server.url);
  const buys = log.filter((e) => e.method === 'POST' && e.path.endsWith('/v3/scm/certificates/buy'));
  const applies = log.filter((e) => e.method === 'POST' && e.path.endsWith('/apply'));
  assert.equal(buys.length, 1, 'bought exactly once');
  assert.equal(applies.length, 1, 'applied exactly once');
  const apply = JSON.parse(applies[0].body);
  assert.equal(apply.domain, DOMAIN);
  assert.equal(apply.domain_method, 'DNS');
  assert.equal(apply.company_name, 'Acme Widgets Ltd');
  assert.equal(apply.company_city, 'London');
  assert.equal(apply.country, 'GB');
  assert.equal(apply.applicant_email, 'ada@example.com');
  await context.close();
});

// --- Layout at phone and desktop widths -------------------------------------------------------

/** What is wrong with the layout as shown: sideways scrolling, or a control too small or cut off. */
const layoutProblems = (page) => page.evaluate(() => {
  const problems = [];
  const width = window.innerWidth;
  const scrollWidth = document.documentElement.scrollWidth;
  if (scrollWidth > width) problems.push(`the page scrolls sideways: ${scrollWidth} px wide in ${width} px`);
  const focusable = 'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])';
  const describe = (el) => `<${el.tagName.toLowerCase()}${el.id ? ` id="${el.id}"` : ''}> "${(el.getAttribute('aria-label') || el.textContent || el.labels?.[0]?.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 50)}"`;
  for (const el of document.querySelectorAll(focusable)) {
    if (el.disabled || el.closest('[hidden], details:not([open]) > :not(summary)')) continue;
    const rect = el.getBoundingClientRect();
    if (rect.width === 0 && rect.height === 0) continue;
    // A link inside a sentence is exempt from the target size (WCAG 2.5.8, inline).
    const inline = el.tagName === 'A' && getComputedStyle(el).display === 'inline'
      && el.parentElement.textContent.trim() !== el.textContent.trim();
    if (!inline && (rect.width < 24 || rect.height < 24)) {
      problems.push(`${describe(el)} is ${Math.round(rect.width)}×${Math.round(rect.height)} px, under 24 px`);
    }
    const left = rect.left + window.scrollX;
    const right = rect.right + window.scrollX;
    if (left < 0 || right > document.documentElement.clientWidth + 0.5) {
      problems.push(`${describe(el)} is cut off at the page edge (${Math.round(left)}–${Math.round(right)} px)`);
    }
    // Cut off by an ancestor that clips its overflow instead of scrolling it.
    for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
      const style = getComputedStyle(up);
      const clips = (value) => value === 'hidden' || value === 'clip';
      if (!clips(style.overflowX) && !clips(style.overflowY)) continue;
      const box = up.getBoundingClientRect();
      if (rect.left < box.left - 0.5 || rect.right > box.right + 0.5
        || rect.top < box.top - 0.5 || rect.bottom > box.bottom + 0.5) {
        problems.push(`${describe(el)} is cut off by its container <${up.tagName.toLowerCase()} class="${up.className}">`);
      }
    }
  }
  return problems;
});

test('every page fits a 375 px phone and a 1280 px desktop, with screenshots to look at', async () => {
  for (const width of WIDTHS) {
    rmSync(path.join(SCREENSHOTS, String(width)), { recursive: true, force: true });
    mkdirSync(path.join(SCREENSHOTS, String(width)), { recursive: true });
  }
  let count = 0;
  const problems = [];
  /** Shows the page as it is at each width: a screenshot, then the layout's problems. */
  const capture = async (page, name) => {
    count += 1;
    const file = `${String(count).padStart(2, '0')}-${name}.png`;
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      // Let the layout settle at the new width before measuring it.
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      await page.screenshot({ path: path.join(SCREENSHOTS, String(width), file), fullPage: true });
      for (const problem of await layoutProblems(page)) problems.push(`${width} px, ${name}: ${problem}`);
    }
  };
  const huawei = await suite.freshPage();
  await walkOvOrder(huawei.page, (name) => capture(huawei.page, name));
  await huawei.context.close();
  const multi = await suite.freshPage();
  await walkMultiOrder(multi.page, (name) => capture(multi.page, name));
  await multi.context.close();
  assert.equal(count, 22);
  assert.deepEqual(problems, [], problems.join('\n'));
});
