// The host side of the iframe protocol: loads the form, introduces itself with `init`
// once the form says `ready`, sizes the frame from `height`, and lists every message.
// The form's address is part of this page (the frame's data-app attribute); the token comes
// from the panel's own server (session.js). Nothing is read from this page's address.
import { panelSession } from './session.js';

const frame = document.getElementById('ssl-order-frame');
const appUrl = new URL(frame.dataset.app, location.href);
const appOrigin = appUrl.origin;
const list = document.getElementById('events');
// Asked for at once, so it is there by the time the form says ready.
const session = panelSession();

// Kept for tests and for anyone watching the console.
window.hostEvents = [];

window.addEventListener('message', async (event) => {
  // Only the form, from its own origin, in this frame.
  if (event.origin !== appOrigin || event.source !== frame.contentWindow) return;
  const data = event.data;
  if (!data || data.source !== 'ssl-order') return;
  window.hostEvents.push(data);
  const item = document.createElement('li');
  item.textContent = `${data.type} ${JSON.stringify(data)}`;
  list.append(item);
  if (data.type === 'height') frame.style.height = `${Math.max(300, data.height)}px`;
  if (data.type === 'ready') {
    const { token, locale, provider, endpoint } = await session;
    frame.contentWindow.postMessage({
      type: 'init',
      token,
      // The customer's language; the form falls back to the browser's without it.
      locale,
      // Where the panel wants orders to go; the form takes these only where its
      // config.json lists them in allow_init.
      provider,
      endpoint,
      prefill: {
        domains: ['shop.example.com'],
        contact: { name: 'Ada Lovelace', email: 'ada@example.com', phone: '+44 20 7946 0958' },
      },
      theme: { '--so-button': '#2d3e50', '--so-link': '#2d3e50' },
    }, appOrigin);
  }
});

frame.src = appUrl.href;
