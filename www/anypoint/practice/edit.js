// The edit page of an existing OpenID Connect client provider: the same fields, filled from what was saved
// (some of it stale: an http authorize URL, a token URL of the org server, an introspection URL on a custom
// domain), the secrets masked as Anypoint shows them. What the submit handler reads is the state tests assert on.
const saved = {
  name: 'Okta (production)',
  issuer: 'https://dev-12345678.okta.com/oauth2/default',
  registrationUrl: 'https://dev-12345678.okta.com/oauth2/v1/clients',
  authorizationHeader: '••••••••',
  clientId: '0oa1b2c3d4e5f6g7h8i9',
  clientSecret: '••••••••',
  authorizeUrl: 'http://dev-12345678.okta.com/oauth2/default/v1/authorize',
  tokenUrl: 'https://dev-12345678.okta.com/oauth2/v1/token',
  introspectionUrl: 'https://login.acme-corp.com/oauth2/default/v1/introspect',
};
const form = document.getElementById('provider');
for (const [name, value] of Object.entries(saved)) form.elements[name].value = value;
form.addEventListener('submit', (event) => {
  event.preventDefault();
  showSubmitted(Object.fromEntries(new FormData(event.target)));
});
