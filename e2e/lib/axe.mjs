// Accessibility checks with axe-core (the npm package, pinned in package.json), injected into
// the page under test and run against WCAG 2.0, 2.1 and 2.2, levels A and AA.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const AXE_SCRIPT = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
// Evaluated rather than added as a <script>: the page's Content-Security-Policy refuses
// inline scripts, and evaluation by the test driver is not subject to it.
const AXE_SOURCE = readFileSync(AXE_SCRIPT, 'utf8');

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/** Runs axe on the whole document; resolves to its violations (an empty array when none). */
export async function axeViolations(page) {
  // Injected once per document: a navigation or reload brings a fresh one without it.
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    await page.evaluate(AXE_SOURCE);
  }
  return page.evaluate(async (tags) => {
    const results = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
    // Only what the report needs: the full results hold DOM-derived objects.
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target, html: n.html, summary: n.failureSummary })),
    }));
  }, WCAG_TAGS);
}

/** The violations as a list a person can act on: rule, impact, help, and each node. */
export function formatViolations(violations) {
  return violations.map((v) => [
    `- ${v.id} (${v.impact}): ${v.help}`,
    ...v.nodes.map((n) => `    at ${JSON.stringify(n.target)}\n      ${n.html}\n      ${(n.summary || '').replace(/\n/g, '\n      ')}`),
  ].join('\n')).join('\n');
}

/** Fails, listing every violation, unless axe finds none on the page as it is now. */
export async function expectNoAxeViolations(page, where) {
  const violations = await axeViolations(page);
  assert.equal(violations.length, 0,
    `${violations.length} accessibility violation(s) on ${where}:\n${formatViolations(violations)}`);
}
