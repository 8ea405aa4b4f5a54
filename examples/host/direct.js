// Mounts the form into #ssl-order and takes it out again. The form's address comes from this
// page's own query (?app=…, default: the site root).
const params = new URLSearchParams(location.search);
const appUrl = new URL(params.get('app') || '/', location.href);
const { mount, unmount } = await import(new URL('embed.js', appUrl).href);
const target = document.getElementById('ssl-order');

document.getElementById('open-form').addEventListener('click', () => mount(target, {
  token: params.get('token') || undefined,
  storage: 'session',
  locale: params.get('lang') || undefined,
}));
document.getElementById('close-form').addEventListener('click', () => unmount());
window.hostReady = true;
