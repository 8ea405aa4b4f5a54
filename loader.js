// Starts the app. Trunk's own loader is an inline <script type="module">, which a strict
// Content-Security-Policy refuses unless its hash is listed; a file needs only 'self'.
// The hashed file names come from the two <meta>s that Trunk.toml's pattern_script writes.
const url = (name) => {
  const meta = document.querySelector(`meta[name="${name}"]`);
  if (!meta) throw new Error(`index.html has no <meta name="${name}">: build it with trunk`);
  return new URL(meta.content, document.baseURI).href;
};
const bindings = await import(url('ssl-order-js'));
const wasm = await bindings.default({ module_or_path: url('ssl-order-wasm') });
// As trunk's loader does: a page embedding the app calls window.wasmBindings.setToken(…).
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
