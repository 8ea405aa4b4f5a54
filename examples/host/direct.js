// Mounts the form into #ssl-order and takes it out again. The form's address is part of this
// page (the element's data-app attribute); the token comes from the panel's own server
// (session.js). Nothing is read from this page's address.
import { panelSession } from './session.js';

const target = document.getElementById('ssl-order');
const appUrl = new URL(target.dataset.app, location.href);
const { mount, unmount } = await import(new URL('embed.js', appUrl).href);

document.getElementById('open-form').addEventListener('click', async () => {
  const { token, locale } = await panelSession();
  await mount(target, { token, storage: 'session', locale });
});
document.getElementById('close-form').addEventListener('click', () => unmount());
window.hostReady = true;
