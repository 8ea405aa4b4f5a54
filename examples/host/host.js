// The host side of the iframe protocol: loads the form, introduces itself with `init`
// once the form says `ready`, sizes the frame from `height`, and lists every message.
// The form's address comes from this page's own query (?app=…), the token and prefill from
// the panel's session (here: fixed example values).
const params = new URLSearchParams(location.search);
const appUrl = new URL(params.get('app') || '/', location.href);
const appOrigin = appUrl.origin;
const frame = document.getElementById('ssl-order-frame');
const list = document.getElementById('events');

// Kept for tests and for anyone watching the console.
window.hostEvents = [];

window.addEventListener('message', (event) => {
  // Only the form, from its own origin, in this frame.
  if (event.origin !== appOrigin || event.source !== frame.contentWindow) return;
  const data = event.data;
  if (!data || data.source !== 'ssl-order') return;
  window.hostEvents.push(data);
  const item = document.createElement('li');
  item.textContent = `${data.type} ${JSON.stringify(data)}`;
  list.append(item);
  if (data.type === 'ready') {
    frame.contentWindow.postMessage({
      type: 'init',
      token: params.get('token') || undefined,
      // The panel's own language; the form falls back to the browser's without it.
      locale: params.get('lang') || undefined,
      // Where the panel wants orders to go; the form takes these only where its
      // config.json lists them in allow_init.
      provider: params.get('provider') || undefined,
      endpoint: params.get('endpoint') || undefined,
      prefill: {
        domains: ['shop.example.com'],
        contact: { name: 'Ada Lovelace', email: 'ada@example.com', phone: '+44 20 7946 0958' },
      },
      theme: { '--so-button': '#2d3e50', '--so-link': '#2d3e50' },
    }, appOrigin);
  }
  if (data.type === 'height') frame.style.height = `${Math.max(300, data.height)}px`;
});

frame.src = appUrl.href;
