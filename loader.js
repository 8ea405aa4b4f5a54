// Starts the app. Trunk's own loader is an inline <script type="module">, which a strict
// Content-Security-Policy refuses unless its hash is listed; a file needs only 'self'.
// The hashed file names come from the two <meta>s that Trunk.toml's pattern_script writes.
const url = (name) => {
  const meta = document.querySelector(`meta[name="${name}"]`);
  if (!meta) throw new Error(`index.html has no <meta name="${name}">: build it with trunk`);
  return new URL(meta.content, document.baseURI).href;
};
// The first step written into index.html at build time (scripts/split.sh) is usable before
// the wasm runs: a Continue pressed there is held (data-continued) until the app takes the
// step over, which it does with the choice made.
// It is written hidden, and shown only where the app starts with that step, in that language:
// - in one language: kept where config.json fixes that language, or where the browser
//   prefers it; elsewhere the app draws the step in the visitor's language once it runs;
// - not in a frame, nor where a previous visit left a draft (src/ui/app.rs, Begin): the app
//   goes straight to the wizard there, which may be at another step.
const language = (tag) => (tag ?? '').toLowerCase().split('-')[0];
const draftSaved = () => {
  try {
    return ['localStorage', 'sessionStorage'].some((store) => window[store]?.getItem('ssl-order:v1') != null);
  } catch {
    return false; // storage refused (a sandboxed frame, blocked cookies): the app saves nothing there either
  }
};
let first = document.querySelector('[data-ssl-order-static]');
if (first && ((!first.hasAttribute('data-fixed-lang')
    && language(navigator.languages?.[0] ?? navigator.language) !== language(first.lang))
    || window.top !== window.self || draftSaved())) {
  first.remove();
  first = null;
}
if (first) {
  first.hidden = false;
  first.querySelector('form')?.addEventListener('submit', (event) => {
    event.preventDefault();
    first.setAttribute('data-continued', '');
    first.querySelector('button[type=submit]')?.setAttribute('aria-busy', 'true');
  });
  performance.mark('ssl-order:usable');
}
// What index.html preloads as data (the configuration and the catalogue) is asked for now and handed
// to the app as text (transport::fetch_text), so the wasm does not wait for it.
const prefetch = (href) => {
  const text = fetch(href).then((response) => (response.ok ? response.text() : Promise.reject(new Error(`HTTP ${response.status}`))));
  // A failure is the app's to report (it asks again); one it never reads is not an error.
  text.catch(() => {});
  return [href, text];
};
window.sslOrderPrefetch = Object.fromEntries(
  [...document.querySelectorAll('link[rel=preload][data-ssl-order-data]')].map((link) => prefetch(link.href)),
);
const bindings = await import(url('ssl-order-js'));
const wasm = await bindings.default({ module_or_path: url('ssl-order-wasm') });
// As trunk's loader does: a page embedding the app calls window.wasmBindings.setToken(…).
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
