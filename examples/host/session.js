// What the panel's own server says about the logged-in customer's session: the provider
// token for the form, and optionally the customer's language and where orders go.
//
// This is a same-origin request to the panel's backend, which knows the customer by their
// session cookie and issues a short-lived token for them here. In this example a static
// file (session.json, holding the sandbox's token, no secret) stands in for that backend.
// Nothing comes from this page's address: a crafted link must not hand the form a token
// (or an endpoint) of its choosing.
export async function panelSession() {
  const response = await fetch(new URL('session.json', import.meta.url), {
    credentials: 'same-origin',
    cache: 'no-store',
  });
  if (!response.ok) throw new Error(`the panel's session: HTTP ${response.status}`);
  return response.json();
}
