// Benchmark figures for the release build: first-load sizes (raw, gzip, brotli) and the
// median time to interactive over fresh loads, beside a static HTML page of the same first
// step served by the same server in the same run. Prints figures; asserts nothing.
//
//   node e2e/bench.mjs [--runs N]
import { readFileSync, readdirSync, mkdtempSync, copyFileSync, rmSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { root, startServer, launchBrowser } from './lib/harness.mjs';
import { panelCopy, writeAppAddress } from './lib/panel.mjs';

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 15;
const dist = path.join(root, 'dist');

function sizes() {
  const files = readdirSync(dist).filter((f) => /\.(html|js|wasm|css)$/.test(f)).sort();
  const rows = files.map((name) => {
    const bytes = readFileSync(path.join(dist, name));
    return {
      name,
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      brotli: brotliCompressSync(bytes, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
      }).length,
    };
  });
  return rows;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

async function timeToInteractive(browser, url, locale = 'en-US') {
  // A new context is a fresh profile: empty cache, empty storage.
  const context = await browser.newContext({ locale });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('ssl-order:interactive').length > 0,
    null, { timeout: 30000 });
  const marks = await page.evaluate(() => Object.fromEntries(
    ['ssl-order:usable', 'ssl-order:start', 'ssl-order:loaded', 'ssl-order:interactive'].map((name) => {
      const mark = performance.getEntriesByName(name)[0];
      return [name.split(':')[1], mark ? mark.startTime : null];
    })));
  // The later module is asked for once the first step is interactive: wait until it has
  // arrived, so that it is counted (a build without one simply times out here).
  await page.waitForFunction(() => performance.getEntriesByType('resource')
    .some((entry) => /\/split_[^/]*\.wasm$/.test(new URL(entry.name).pathname)), null, { timeout: 10000 })
    .catch(() => {});
  // What the page asked for before its first step was usable, and what it asked for after.
  marks.fetched = await page.evaluate(() => {
    const interactive = performance.getEntriesByName('ssl-order:interactive')[0].startTime;
    const files = performance.getEntriesByType('resource')
      .map((entry) => ({ file: new URL(entry.name).pathname.split('/').pop(), first: entry.startTime < interactive }));
    return [{ file: 'index.html', first: true }, ...files];
  });
  await context.close();
  return marks;
}

/**
 * The form in a frame of the example control panel (examples/host, on another origin), from
 * the panel's navigation start: when the first module's first step is interactive, and when
 * the wizard has taken it over (its own `ssl-order:interactive`, just before it says `ready`).
 */
async function framedTimeToInteractive(browser, panelUrl, config) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.route('**/localhost:*/config.json', (route) => route.fulfill({ json: config }));
  await page.goto(panelUrl);
  const frame = await (await page.waitForSelector('#ssl-order-frame')).contentFrame();
  await frame.waitForURL(/^http:\/\/localhost:/, { waitUntil: 'commit' });
  await frame.waitForFunction(() => performance.getEntriesByName('ssl-order:interactive').length > 1,
    null, { timeout: 30000 });
  const origin = await page.evaluate(() => performance.timeOrigin);
  const [first, wizard] = await frame.evaluate(() => performance.getEntriesByName('ssl-order:interactive')
    .map((mark) => performance.timeOrigin + mark.startTime));
  await context.close();
  return { first: first - origin, wizard: wizard - origin };
}

/**
 * Types into the other-names list of a multi-domain order holding 250 names and times each
 * keystroke: the input event, the re-validation it triggers, the DOM update and a forced
 * style and layout, up to the point the browser could paint the next frame.
 */
async function keystrokeWith250Names(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await page.getByLabel('GlobalSign OV Multi-domain SSL', { exact: true }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Domain name').fill('shop.example.com');
  const names = Array.from({ length: 249 }, (_, i) => `host${i}.example.com`).join('\n');
  await page.getByLabel('Other names').fill(names);
  // Continue once so errors show and re-validate as typed, the costliest case (this product
  // takes at most 100 names, so the list is marked invalid).
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForSelector('#other-names[aria-invalid="true"]');
  const times = await page.evaluate(async () => {
    const area = document.getElementById('other-names');
    const samples = [];
    for (let i = 0; i < 31; i += 1) {
      const start = performance.now();
      area.value += i % 2 ? 'x' : '\n';
      area.dispatchEvent(new Event('input', { bubbles: true }));
      // Leptos runs its effects as microtasks; a message task runs after all of them
      // (setTimeout would be clamped to 4 ms once nested).
      await new Promise((resolve) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve();
        channel.port2.postMessage(0);
      });
      void document.body.offsetHeight; // style and layout of what changed
      samples.push(performance.now() - start);
    }
    return samples;
  });
  await context.close();
  return { runs: times.length, median: median(times), max: Math.max(...times) };
}

/**
 * Pastes a CSR into the CSR step and times it to the summary being on the page: reading
 * the PEM and DER, the checks, and rendering what it holds (the signature check by
 * WebCrypto runs after, asynchronously, and is not counted).
 */
async function csrPaste(browser, url) {
  const csr = readFileSync(path.join(root, 'tests/fixtures/csr/rsa4096-full-subject.csr'), 'utf8');
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await page.getByLabel('GeoTrust DV SSL', { exact: true }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Domain name').fill('www.example.com');
  await page.getByRole('button', { name: 'Continue' }).click();
  // The CSR step asks first how the CSR is provided.
  await page.getByLabel('Paste one made elsewhere').check();
  await page.getByLabel('Certificate signing request (CSR)').waitFor();
  const times = await page.evaluate(async (text) => {
    const area = document.getElementById('csr');
    const samples = [];
    for (let i = 0; i < 21; i += 1) {
      area.value = '';
      area.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((resolve) => setTimeout(resolve, 20));
      const start = performance.now();
      area.value = text;
      area.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((resolve) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve();
        channel.port2.postMessage(0);
      });
      if (!document.querySelector('[data-testid="csr-summary"]')) throw new Error('no summary');
      samples.push(performance.now() - start);
    }
    return samples;
  }, csr);
  await context.close();
  return { runs: times.length, median: median(times), max: Math.max(...times) };
}

/** Times "Generate key and CSR" on the CSR step from the click to the CSR in its field. */
async function generation(browser, url, kind, runs = 7) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await page.getByLabel('GeoTrust DV SSL', { exact: true }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Domain name').fill('shop.example.com');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Generate it here', { exact: false }).check();
  await page.getByLabel(kind).check();
  const times = [];
  for (let i = 0; i < runs; i += 1) {
    times.push(await page.evaluate(async () => {
      const field = document.getElementById('csr');
      const before = field.value;
      const start = performance.now();
      document.getElementById('generate-csr').click();
      while (field.value === before) {
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
      return performance.now() - start;
    }));
  }
  await context.close();
  return { runs, median: median(times), max: Math.max(...times) };
}

const kb = (n) => (n / 1024).toFixed(1);

const table = sizes();
const kb1 = (n) => kb(n).padStart(9);
/** Prints the files of `rows` with their sizes, and their total. */
function printFiles(title, rows) {
  console.log(`\n${title}`);
  console.log('file'.padEnd(40), 'raw KB'.padStart(9), 'gzip KB'.padStart(9), 'brotli KB'.padStart(10));
  for (const row of rows) console.log(row.name.padEnd(40), kb1(row.raw), kb1(row.gzip), kb(row.brotli).padStart(10));
  const sum = (key) => rows.reduce((total, row) => total + row[key], 0);
  console.log('total'.padEnd(40), kb1(sum('raw')), kb1(sum('gzip')), kb(sum('brotli')).padStart(10));
  return sum('brotli');
}

// The static yardstick gets the app's own stylesheet, so both pages style the same fields.
const staticDir = mkdtempSync(path.join(tmpdir(), 'ssl-order-static-'));
for (const file of ['index.html', 'mark.js']) {
  copyFileSync(path.join(root, 'bench/static', file), path.join(staticDir, file));
}
const css = table.find((row) => row.name.endsWith('.css'));
if (css) copyFileSync(path.join(dist, css.name), path.join(staticDir, 'style.css'));

// The example panel on 127.0.0.1 frames the form on localhost: two origins, as in a real panel.
const panel = panelCopy();
const server = await startServer({
  mounts: [`/static-first-step=${staticDir}`, `/host=${panel}`],
  frameAncestors: "'self' http://127.0.0.1:*",
});
const port = new URL(server.url).port;
writeAppAddress(panel, `http://localhost:${port}/`);
const framedConfig = {
  ...JSON.parse(readFileSync(path.join(dist, 'config.json'), 'utf8')),
  parent_origins: [`http://127.0.0.1:${port}`],
};
const browser = await launchBrowser();
try {
  const app = [];
  const plain = [];
  // A browser that prefers Chinese: index.html's English first step is not shown, and the
  // first step's Chinese words are fetched.
  const chinese = [];
  // Alternate the pages so any drift in the machine's load affects them alike.
  for (let i = 0; i < RUNS; i += 1) {
    app.push(await timeToInteractive(browser, server.url));
    plain.push((await timeToInteractive(browser, new URL('static-first-step/index.html', server.url).href)).interactive);
    chinese.push(await timeToInteractive(browser, server.url, 'zh-CN'));
  }
  // Sizes of what a fresh load fetched before its first step was usable (first load) and
  // of the build's files it fetched after (the later module), from the first run.
  const fetched = app[0].fetched;
  const when = (name) => fetched.find((f) => f.file === name);
  const first = table.filter((row) => when(row.name)?.first);
  const later = table.filter((row) => when(row.name) && !when(row.name).first);
  const firstLoad = printFiles('First load: the build\'s files fetched before the first step is usable', first);
  console.log(`first load, brotli: ${kb(firstLoad)} KB (budget 120 KB, aim 100 KB)`);
  const laterLoad = printFiles('Fetched once the first step is usable (the later module)', later);
  console.log(`later, brotli: ${kb(laterLoad)} KB; first + later: ${kb(firstLoad + laterLoad)} KB`);
  const inChinese = table.filter((row) => chinese[0].fetched.some((f) => f.first && f.file === row.name) && !when(row.name)?.first);
  const sum = (rows) => rows.reduce((total, row) => total + row.brotli, 0);
  console.log(`first load in a browser that prefers Chinese, brotli: ${kb(firstLoad + sum(inChinese))} KB`
    + ` (adds ${inChinese.map((row) => `${row.name} ${kb(row.brotli)}`).join(', ') || 'nothing'})`);
  const data = fetched.filter((f) => f.first && !table.some((row) => row.name === f.file)).map((f) => f.file);
  console.log(`data read before the first step (not counted above): ${data.join(', ')}`);

  const plainMedian = median(plain);
  const phase = (name) => median(app.map((m) => m[name]));
  const row = (label, values) => {
    const at = median(values);
    console.log(`${label.padEnd(44)} ${at.toFixed(1).padStart(6)} ms  [min ${Math.min(...values).toFixed(1)}, max ${Math.max(...values).toFixed(1)}]  ${(at / plainMedian).toFixed(2)}x`);
  };
  console.log(`\nTime to interactive, median of ${RUNS} fresh loads (headless Chromium, loopback), and its ratio to the static page (budget 2x, aim 1.5x)`);
  row('static HTML page, same first step', plain);
  if (app.every((m) => m.usable !== null)) {
    row('app: index.html\'s first step usable', app.map((m) => m.usable));
  }
  row('app: the wasm\'s first step interactive', app.map((m) => m.interactive));
  console.log(`  of which: wasm running at ${phase('start').toFixed(1)} ms, config and catalogue read at ${phase('loaded').toFixed(1)} ms`);
  row('app in Chinese: the wasm\'s first step', chinese.map((m) => m.interactive));
  const framed = [];
  for (let i = 0; i < RUNS; i += 1) {
    framed.push(await framedTimeToInteractive(browser, `http://127.0.0.1:${port}/host/index.html`, framedConfig));
  }
  // No ratio: these include the panel's own page, which the static yardstick does not have.
  const ms = (label, values) => console.log(`${label.padEnd(44)} ${median(values).toFixed(1).padStart(6)} ms  [min ${Math.min(...values).toFixed(1)}, max ${Math.max(...values).toFixed(1)}]`);
  console.log('in a frame of the example panel (another origin), from the panel\'s navigation start:');
  ms('  the first module\'s first step interactive', framed.map((m) => m.first));
  ms('  the wizard took it over (and says ready)', framed.map((m) => m.wizard));

  const paste = await csrPaste(browser, server.url);
  console.log(`\nPaste a CSR, read, checked and shown (RSA-4096, median of ${paste.runs}): ${paste.median.toFixed(2)} ms [max ${paste.max.toFixed(2)}] (target < 2 ms for the check alone)`);

  for (const kind of ['ECDSA P-256', 'RSA 2048-bit']) {
    const made = await generation(browser, server.url, kind);
    console.log(`Generate a key pair and CSR in the browser (${kind}, median of ${made.runs}): ${made.median.toFixed(1)} ms [max ${made.max.toFixed(1)}]`);
  }

  const keystroke = await keystrokeWith250Names(browser, server.url);
  console.log(`\nA keystroke with 250 names in the list, re-validated and rendered (median of ${keystroke.runs}):`);
  console.log(`  ${keystroke.median.toFixed(2)} ms  [max ${keystroke.max.toFixed(2)}] (budget 16 ms, one frame)`);
} finally {
  await browser.close();
  await server.stop();
  rmSync(staticDir, { recursive: true, force: true });
  rmSync(panel, { recursive: true, force: true });
}
