// A practice copy of Anypoint's "Add OIDC client provider" page: a React single-page app whose form appears
// after a client-side route change, re-renders once settings "load", and keeps every input controlled.
// Its submit handler shows exactly what React's state holds, which is what the e2e test asserts on.
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';

const LIST = '/accounts/client-providers';
const NEW_OIDC = '/accounts/client-providers/new/openid-dynamic-client';

function navigate(path) {
  history.pushState(null, '', path);
  dispatchEvent(new PopStateEvent('popstate'));
}

function usePath() {
  const [path, setPath] = useState(location.pathname);
  useEffect(() => {
    const onPop = () => setPath(location.pathname);
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);
  return path;
}

const EMPTY = {
  name: '', description: '', issuer: '', registrationUrl: '', authorizationHeader: '', timeout: '5',
  clientId: '', clientSecret: '', authorizeUrl: '', tokenUrl: '', introspectionUrl: '',
  disableCertValidation: false, allowLocalDeletion: false, allowExternalModification: false,
};

function TextField({ id, label, value, onChange, type = 'text' }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} name={id} type={type} value={value} onChange={(e) => onChange(id, e.target.value)} autoComplete="off" />
    </div>
  );
}

function Check({ id, label, checked, onChange }) {
  return (
    <div className="check">
      <label>
        <input type="checkbox" name={id} checked={checked} onChange={(e) => onChange(id, e.target.checked)} /> {label}
      </label>
    </div>
  );
}

// After Create, the practice console can answer as Anypoint does when Okta refused (…?providerError=401,
// 400, 403, timeout): the one sentence Anypoint shows (docs/facts.md; the timeout's wording is unconfirmed).
function providerErrorMessage() {
  const code = new URLSearchParams(window.location.search).get('providerError');
  if (!code) return null;
  const prefix = 'Client: Invalid OpenID Connect client creation request.';
  if (code === 'timeout') return `${prefix} The request to the OpenID provider timed out.`;
  const detail = code === '400' ? " invalid_client_metadata: 'grant_types' must contain 'authorization_code' when 'application_type' is 'web'" : '';
  return `${prefix} OpenID provider responded with status code ${code}.${detail}`;
}

function ClientProviderForm() {
  const [values, setValues] = useState(EMPTY);
  const [error, setError] = useState(null);
  const [loaded, setLoaded] = useState(false);
  const [submitted, setSubmitted] = useState(null);
  // Settings "arrive" after a moment and the whole form re-mounts, as SPAs do.
  useEffect(() => {
    const timer = setTimeout(() => setLoaded(true), 400);
    return () => clearTimeout(timer);
  }, []);
  const set = (key, value) => setValues((v) => ({ ...v, [key]: value }));
  const submit = (event) => {
    event.preventDefault();
    setSubmitted(values);
    setError(providerErrorMessage());
  };
  const text = (id, label, type) => <TextField id={id} label={label} value={values[id]} onChange={set} type={type} />;
  return (
    <form key={loaded ? 'loaded' : 'loading'} onSubmit={submit} aria-label="Add OIDC client provider">
      <p className="note">{loaded ? 'Settings loaded.' : 'Loading settings…'}</p>
      <h2>Client Information</h2>
      {text('name', 'Name')}
      {text('description', 'Description')}
      <h2>Dynamic Client Registration</h2>
      {text('issuer', 'Issuer')}
      {text('registrationUrl', 'Client Registration URL')}
      {text('authorizationHeader', 'Authorization Header', 'password')}
      {text('timeout', 'Client Request Timeout', 'number')}
      <h2>Token Introspection Client</h2>
      {text('clientId', 'Client ID')}
      {text('clientSecret', 'Client Secret', 'password')}
      <h2>OpenID Connect Authorization URLs</h2>
      {text('authorizeUrl', 'Authorize URL')}
      {text('tokenUrl', 'Token URL')}
      {text('introspectionUrl', 'Token Introspection URL')}
      <h2>Advanced settings</h2>
      <Check id="disableCertValidation" label="Disable server certificate validation" checked={values.disableCertValidation} onChange={set} />
      <Check id="allowLocalDeletion" label="Enable client deletion in Anypoint Platform" checked={values.allowLocalDeletion} onChange={set} />
      <Check id="allowExternalModification" label="Enable client deletion and updates in IdP" checked={values.allowExternalModification} onChange={set} />
      {error && <div role="alert" className="error-banner">{error}</div>}
      <p><button type="submit">Create</button> <button type="button" className="secondary" onClick={() => navigate(LIST)}>Cancel</button></p>
      {submitted && (
        <section aria-label="Submitted">
          <h2>Submitted (practice page: nothing was sent)</h2>
          {/* The secret fields are masked: the page shows what React held, not the secrets themselves. */}
          <pre data-testid="submitted-state">{JSON.stringify({ ...submitted, authorizationHeader: mask(submitted.authorizationHeader), clientSecret: mask(submitted.clientSecret) }, null, 2)}</pre>
        </section>
      )}
    </form>
  );
}

// A console the helper's classifier does not know (…/new/openid-wizard): a future form split into steps whose
// first step holds the Issuer beside fields labelled in words the classifier has never seen. No bar comes; the
// admin fills by hand (the context menu, the keyboard command in a field it knows by itself).
const WIZARD = '/accounts/client-providers/new/openid-wizard';

function WizardForm() {
  const [values, setValues] = useState({ displayName: '', issuer: '', signIn: '', exchange: '' });
  const [submitted, setSubmitted] = useState(null);
  // Help text beside a field, as consoles show it: data of the org and its admin that a report must not carry.
  const field = (id, label, help) => (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} name={id} value={values[id]} onChange={(e) => setValues((v) => ({ ...v, [id]: e.target.value }))} autoComplete="off" />
      {help && <p className="note">{help}</p>}
    </div>
  );
  return (
    <form onSubmit={(e) => { e.preventDefault(); setSubmitted(values); }} aria-label="New identity provider">
      <p className="note">Step 1 of 2: connection</p>
      {field('displayName', 'Display name')}
      {field('issuer', 'Issuer')}
      {field('signIn', 'Sign-in endpoint')}
      {field('exchange', 'Exchange endpoint', 'For example https://acme.okta.com/oauth2/v1/token. Questions: jane.doe@acme-corp.com, org 00o1a2b3c4d5e6f7g8h9.')}
      <p><button type="submit">Create</button></p>
      {submitted && <pre data-testid="submitted-state">{JSON.stringify(submitted, null, 2)}</pre>}
    </form>
  );
}

// Access Management > Business Groups > a group > Environments: the list, and an environment's dialog with its
// client provider choice and Update (the markup is a guess: MuleSoft documents the steps, not the page).
// ?providers=two-okta: two providers named after Okta, so that only the name given at Create tells them apart.
const ENVIRONMENTS = '/accounts/businessGroups/practice-group/environments';

function Environments() {
  const [open, setOpen] = useState(null);
  const [provider, setProvider] = useState('anypoint');
  const [updated, setUpdated] = useState(null);
  const providers = new URLSearchParams(location.search).get('providers') === 'two-okta'
    ? [['anypoint', 'Anypoint Platform (default)'], ['okta-prod', 'Okta (production)'], ['okta-test', 'Okta (test)']]
    : [['anypoint', 'Anypoint Platform (default)'], ['okta', 'Okta (practice)'], ['ping', 'PingFederate (old)']];
  return (
    <>
      <h1>Environments</h1>
      {['Design', 'Sandbox', 'Production'].map((name) => (
        <p key={name}><button type="button" className="secondary" onClick={() => { setOpen(name); setUpdated(null); }}>{name}</button></p>
      ))}
      {open && (
        <div className="backdrop">
          <div role="dialog" aria-modal="true" aria-labelledby="environment-title" className="dialog">
            <h1 id="environment-title">{open}</h1>
            <form onSubmit={(e) => { e.preventDefault(); setUpdated({ environment: open, clientProvider: provider }); }}>
              <div className="field"><label htmlFor="environment-name">Name</label><input id="environment-name" defaultValue={open} /></div>
              <div className="field">
                <label htmlFor="environment-type">Type</label>
                <select id="environment-type" defaultValue="sandbox"><option value="sandbox">Sandbox</option><option value="production">Production</option></select>
              </div>
              <div className="field">
                <label htmlFor="client-provider">Client provider</label>
                <select id="client-provider" value={provider} onChange={(e) => setProvider(e.target.value)}>
                  {providers.map(([value, text]) => <option key={value} value={value}>{text}</option>)}
                </select>
              </div>
              <p><button type="submit">Update</button> <button type="button" className="secondary" onClick={() => setOpen(null)}>Cancel</button></p>
              {updated && <pre data-testid="submitted-state">{JSON.stringify(updated)}</pre>}
            </form>
          </div>
        </div>
      )}
    </>
  );
}

function mask(secret) {
  return secret ? `${secret.slice(0, 5)}…(${secret.length} chars)` : '';
}

function ClientProviders() {
  const [menu, setMenu] = useState(false);
  return (
    <>
      <h1>Client Providers</h1>
      <p>Anypoint Platform (default client provider)</p>
      <button type="button" onClick={() => setMenu(true)}>Add Client Provider</button>
      {menu && (
        <div className="menu" role="menu">
          <button type="button" role="menuitem" className="secondary" onClick={() => navigate(NEW_OIDC)}>OpenID Connect Dynamic Client Registration</button>
          <button type="button" role="menuitem" className="secondary">PingFederate</button>
        </div>
      )}
    </>
  );
}

// The same form in a modal dialog over the list, as consoles often show "add" forms (?dialog in the URL).
function Dialog({ children }) {
  return (
    <div className="backdrop">
      <div role="dialog" aria-modal="true" aria-labelledby="dialog-title" className="dialog">
        <h1 id="dialog-title">Add OIDC client provider</h1>
        {children}
      </div>
    </div>
  );
}

function App() {
  const path = usePath();
  const inDialog = new URLSearchParams(location.search).has('dialog');
  let page = <ClientProviders />;
  if (path === NEW_OIDC && inDialog) page = <><ClientProviders /><Dialog><ClientProviderForm /></Dialog></>;
  else if (path === NEW_OIDC) page = <><h1>Add OIDC client provider</h1><ClientProviderForm /></>;
  else if (path === WIZARD) page = <><h1>New identity provider</h1><WizardForm /></>;
  else if (path === ENVIRONMENTS) page = <Environments />;
  return (
    <>
      <header>Anypoint Platform — Access Management (practice page)</header>
      <main>{page}</main>
    </>
  );
}

createRoot(document.getElementById('root')).render(<App />);
