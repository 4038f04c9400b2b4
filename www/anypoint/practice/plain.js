// Plain HTML form: what the submit handler reads (FormData) is the state the tests assert on. The same page
// serves two variants by path:
//   /practice/edit — the edit page of an existing provider: the fields filled from what was saved (some of it
//                    stale: an http authorize URL, a token URL of the org server, an introspection URL on a custom
//                    domain), the secrets masked as Anypoint shows them
//   /practice/jwt  — newer Anypoint's client authentication choice (MuleSoft docs, March 2026; labels
//                    unconfirmed): an Authorization Header or a private key JWT, with the service app's own
//                    Client ID beside the private key
//   /practice/jwt-chosen — the same, with the private key JWT already chosen when the form appears
//   /practice/form-beside-list — the form beside a live list of users (users.js) that the benchmark churns
const form = document.getElementById('provider');
const variant = location.pathname.split('/').pop();

if (variant === 'edit') {
  document.querySelector('h1').textContent = 'Edit OIDC client provider';
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
  for (const [name, value] of Object.entries(saved)) form.elements[name].value = value;
}

if (variant === 'jwt' || variant === 'jwt-chosen') {
  const jwtChosen = variant === 'jwt-chosen';
  const header = document.getElementById('p-header').closest('.field');
  const choice = document.createElement('fieldset');
  const legend = document.createElement('legend');
  legend.textContent = 'Client authentication';
  choice.append(legend);
  for (const [value, text, checked] of [['header', 'Authorization Header', !jwtChosen], ['privateKeyJwt', 'Private Key JWT', jwtChosen]]) {
    const row = document.createElement('div');
    row.className = 'field';
    const label = document.createElement('label');
    const radio = Object.assign(document.createElement('input'), { type: 'radio', name: 'clientAuthentication', value, checked });
    label.append(radio, ` ${text}`);
    row.append(label);
    choice.append(row);
  }
  const keyRow = document.createElement('div');
  keyRow.className = 'field';
  const keyLabel = Object.assign(document.createElement('label'), { htmlFor: 'p-private-key', textContent: 'Private Key' });
  const key = Object.assign(document.createElement('textarea'), { id: 'p-private-key', name: 'privateKey', rows: 3 });
  keyRow.append(keyLabel, key);
  // The service app whose key signs the JWT (Salesforce KB 005315457): its client ID beside the key.
  const idRow = document.createElement('div');
  idRow.className = 'field';
  const idLabel = Object.assign(document.createElement('label'), { htmlFor: 'p-jwt-client-id', textContent: 'Client ID' });
  const id = Object.assign(document.createElement('input'), { id: 'p-jwt-client-id', name: 'jwtClientId', type: 'text' });
  idRow.append(idLabel, id);
  header.before(choice);
  header.after(idRow, keyRow);
}

if (variant === 'form-beside-list') {
  const summary = Object.assign(document.createElement('p'), { id: 'summary', textContent: '0 users' });
  const list = Object.assign(document.createElement('ul'), { id: 'users' });
  form.after(summary, list);
  document.head.append(Object.assign(document.createElement('script'), { src: '/practice/users.js' }));
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const values = Object.fromEntries(new FormData(event.target));
  if ('privateKey' in values) values.privateKey = values.privateKey ? `${values.privateKey.length} chars` : '';
  showSubmitted(values);
});
