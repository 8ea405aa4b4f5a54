// Puts the order form into a page of your own, without an iframe:
//
//   import { mount, unmount } from 'https://your.host/ssl-order/embed.js';
//   await mount(document.getElementById('ssl-order'), { storage: 'session' });
//   …
//   await unmount();
//
// The options are those of config.json (see the README); config.json, the catalogues and
// the form's stylesheet are read from this file's folder. The hashed names of the app's
// files are read from the built index.html beside this file, so this loader never changes.
const base = new URL('.', import.meta.url);
let loading;

function load() {
  loading ??= (async () => {
    const response = await fetch(new URL('index.html', base));
    if (!response.ok) throw new Error(`ssl-order: index.html could not be read (HTTP ${response.status})`);
    const page = new DOMParser().parseFromString(await response.text(), 'text/html');
    const href = (selector, attribute = 'href') => {
      const element = page.querySelector(selector);
      if (!element) throw new Error(`ssl-order: the built index.html has no ${selector}`);
      return new URL(element.getAttribute(attribute), base).href;
    };
    const css = href('link[rel="stylesheet"]');
    if (![...document.styleSheets].some((sheet) => sheet.href === css)) {
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = css;
      document.head.append(link);
    }
    // The app would otherwise mount itself into the body when it starts.
    window.sslOrderOptions = { ...(window.sslOrderOptions || {}), manual_mount: true };
    // The two <meta>s Trunk.toml's pattern_script writes, which loader.js reads too.
    const bindings = await import(href('meta[name="ssl-order-js"]', 'content'));
    await bindings.default({ module_or_path: href('meta[name="ssl-order-wasm"]', 'content') });
    return bindings;
  })();
  return loading;
}

export async function mount(element, options = {}) {
  const bindings = await load();
  bindings.mount(element, { base_url: base.href, ...options });
}

export async function unmount() {
  if (loading) (await loading).unmount();
}
