// A practice Okta admin console (a single-page app): an authorization server's settings page, which shows its
// Metadata URI as a link, and the API tokens page, which shows a newly created token (never to be read).
const org = location.host.replace('-admin.', '.');
const app = document.getElementById('app');

function row(list, term, value) {
  const dt = document.createElement('dt');
  dt.textContent = term;
  const dd = document.createElement('dd');
  dd.append(value);
  list.append(dt, dd);
}

function link(href, text = href) {
  const a = document.createElement('a');
  a.href = href;
  a.textContent = text;
  return a;
}

// A link the app follows itself (pushState), as the console's own menu does.
function route(path, text) {
  const a = link(path, text);
  a.addEventListener('click', (event) => {
    event.preventDefault();
    history.pushState(null, '', path);
    render();
  });
  return a;
}
addEventListener('popstate', render);

function render() {
  app.replaceChildren();
  const title = document.createElement('h1');
  const list = document.createElement('dl');
  if (location.pathname.startsWith('/admin/access/api/tokens')) {
    title.textContent = 'API Tokens';
    const token = document.createElement('code');
    token.id = 'new-token';
    token.textContent = '00PRACTICEtokenShownOnceXXXXXXXXXXXXXXXXXX';
    row(list, 'Token value (shown once)', token);
    row(list, 'Metadata URI', link(`https://${org}/oauth2/default/.well-known/oauth-authorization-server`));
    row(list, 'Navigation', route('/admin/oauth2/as/default', 'Authorization Servers'));
  } else {
    title.textContent = 'Authorization Servers › default';
    row(list, 'Issuer', document.createTextNode(`https://${org}/oauth2/default`));
    row(list, 'Metadata URI', link(`https://${org}/oauth2/default/.well-known/oauth-authorization-server`));
    row(list, 'Another org', link('https://other-org.okta.com/oauth2/default/.well-known/openid-configuration'));
    row(list, 'Applications', link('/admin/apps/active', 'Applications'));
    row(list, 'Navigation', route('/admin/access/api/tokens', 'API Tokens'));
  }
  app.append(title, list);
}

// Rendered late, as the console's app does after its route resolves.
setTimeout(render, 300);
