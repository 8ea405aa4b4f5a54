// Steps through the order form the way a person does: by labels and button names.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import assert from 'node:assert/strict';
import { root } from './harness.mjs';

export const CSR = readFileSync(path.join(root, 'tests/fixtures/csr/rsa2048-san.csr'), 'utf8');
export const DOMAIN = 'shop.example.com';
/** The CSR step's heading until the person says how the CSR is provided. */
export const CSR_STEP = 'Your certificate signing request (CSR)';
export const VALIDATION_STEP = 'How will you prove you control each name?';

export async function heading(page) {
  return (await page.locator('.ssl-order h1').first().textContent()).trim();
}

export async function waitForHeading(page, text) {
  try {
    await page.getByRole('heading', { level: 1, name: text }).waitFor({ timeout: 30000 });
  } catch (error) {
    // Says where the form stood instead, so a timeout names what was on screen.
    error.message += `\n  on screen: ${await onScreen(page)}`;
    throw error;
  }
  await framesDrawn(page);
}

/**
 * Waits until two more frames have been drawn. A step just shown moves the focus to its
 * heading on the next frame (`ui::dom::focus_later`): a field filled before then can lose
 * the focus between the click into it and the keys, which then go nowhere.
 */
async function framesDrawn(page) {
  await page.evaluate(() => new Promise((resolve) => {
    requestAnimationFrame(() => requestAnimationFrame(resolve));
  }));
}

/** The heading and any alerts the form shows, for a failure's message. */
async function onScreen(page) {
  try {
    return await page.evaluate(() => {
      const text = (selector) => [...document.querySelectorAll(selector)]
        .map((e) => e.textContent.trim().replace(/\s+/g, ' ')).filter(Boolean);
      return JSON.stringify({ headings: text('h1'), alerts: text('[role=alert], .error, [aria-invalid=true]') });
    });
  } catch (error) {
    return `unreadable (${error.message})`;
  }
}

export async function continueOn(page) {
  await steady(page);
  await page.getByRole('button', { name: 'Continue' }).click();
}

/**
 * In a frame from another site, waits until the form and its frame have stopped resizing.
 * Chromium routes a click into such a frame by where the frame was last drawn: a click sent
 * while the host is still applying a `height` message reaches the host's page instead, and
 * the form never sees it (as a person's click might land beside a moving button).
 */
export async function steady(scope) {
  if (typeof scope.parentFrame !== 'function' || !scope.parentFrame()) return;
  const element = await scope.frameElement();
  // Each side is read after two animation frames, so what it read has been drawn.
  const measure = async () => {
    const inner = await scope.evaluate(async () => {
      await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
      return document.documentElement.scrollHeight;
    }).catch(() => -1);
    const outer = await element.evaluate(async (frame) => {
      await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
      const events = frame.ownerDocument.defaultView.hostEvents ?? [];
      const reported = events.filter((e) => e.type === 'height').at(-1)?.height;
      return { box: frame.getBoundingClientRect().height, reported };
    });
    return { inner, ...outer };
  };
  let before = await measure();
  for (let i = 0; i < 100; i += 1) {
    const now = await measure();
    const same = now.inner === before.inner && now.box === before.box;
    // A host that sizes the frame has heard the form's current height.
    const heard = now.reported === undefined || now.reported === now.inner;
    if (same && heard) return;
    before = now;
  }
  throw new Error(`the frame kept resizing: ${JSON.stringify(before)}`);
}

/** Chooses the first product and continues to the domain step. */
export async function toDomainStep(page) {
  await waitForHeading(page, 'Choose a certificate');
  await page.getByLabel('GeoTrust DV SSL').check();
  await continueOn(page);
  await waitForHeading(page, 'Which domain name should the certificate cover?');
}

/**
 * On the CSR step (of a page or a frame): says the CSR was made elsewhere, then pastes it.
 * The step asks first how the CSR is provided; every walk that pastes one comes here.
 */
export async function pasteCsr(scope, csr = CSR) {
  await waitForHeading(scope, CSR_STEP);
  await scope.getByLabel('Paste one made elsewhere').check();
  await waitForHeading(scope, 'Paste your certificate signing request');
  await scope.getByLabel('Certificate signing request (CSR)').fill(csr);
}

/** On the validation step of a Huawei DNS-only product: keeps DNS and moves on. */
export async function keepDns(scope) {
  await waitForHeading(scope, VALIDATION_STEP);
  await continueOn(scope);
}

/** Fills every step up to the review page with a valid DV single-domain order. */
export async function fillToReview(page) {
  await toDomainStep(page);
  await page.getByLabel('Domain name').fill(DOMAIN);
  await continueOn(page);
  await pasteCsr(page);
  await continueOn(page);
  await keepDns(page);
  await contactsToReview(page);
  assert.equal(await heading(page), 'Check your order');
}

/** On the contacts step of a Huawei order: one applicant, then on to the review. */
export async function contactsToReview(page) {
  await waitForHeading(page, 'Who is applying?');
  await page.getByLabel('Full name').fill('Ada Lovelace');
  await page.getByLabel('Phone number').fill('+44 20 7946 0958');
  await page.getByLabel('Email address').fill('ada@example.com');
  await continueOn(page);
  await waitForHeading(page, 'Check your order');
}

/** Ticks the privacy agreement on the review page and presses the submit button. */
export async function agreeAndSubmit(page, button = 'Buy and apply') {
  await steady(page);
  await page.getByLabel(/I agree to the provider's privacy statement/).check();
  await page.getByRole('button', { name: button }).click();
}

/** Submits from the review page and returns the text of the failure it shows. */
export async function submitAndReadFailure(page, button = 'Buy and apply') {
  await agreeAndSubmit(page, button);
  const failure = page.locator('#submit-failure');
  await failure.waitFor();
  return failure.textContent();
}
