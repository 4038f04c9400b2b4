// Practice servers: an Okta org serving metadata documents and an Anypoint-like console, both over HTTPS
// with strict CSP headers, told apart by the Host header. The browser reaches them by their real host names
// (Chromium: --host-resolver-rules), so the extension's real match patterns are what is exercised.
//
//   node www/serve.mjs [--port 8443] [--cert cert.pem --key key.pem]   (cert made with openssl if absent)

import { createServer } from 'node:https';
import { readFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, extname } from 'node:path';
import { fileURLToPath } from 'node:url';

const WWW = dirname(fileURLToPath(import.meta.url));
// The sample metadata documents are the tests' shared fixtures: one copy for every test layer.
const DOCUMENTS = join(WWW, '..', 'tests', 'fixtures');

export const STRICT_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; frame-src 'self'";

// Okta paths → documents, per org. Every metadata path form of docs/facts.md, "Okta".
const OKTA_DOCUMENTS = {
  'dev-12345678.okta.com': {
    '/oauth2/default/.well-known/openid-configuration': 'custom-default.openid-configuration.json',
    '/oauth2/default/.well-known/oauth-authorization-server': 'custom-default.oauth-authorization-server.json',
    '/.well-known/oauth-authorization-server/oauth2/default': 'custom-default.oauth-authorization-server.json',
  },
  'acme.okta.com': {
    '/.well-known/openid-configuration': 'org.openid-configuration.json',
  },
  // Documents that must not be used: a registration endpoint on a foreign host, an issuer of another org.
  'dev-87654321.okta.com': {
    '/oauth2/default/.well-known/openid-configuration': 'foreign-registration-endpoint.openid-configuration.json',
  },
  'dev-120913.okta.com': {
    '/oauth2/default/.well-known/openid-configuration': 'issuer-of-another-org.openid-configuration.json',
  },
  // Older and odd documents: no registration endpoint (orgs before mid-2017), nesting no parser should recurse into.
  'dev-2016.okta.com': { '/.well-known/openid-configuration': 'before-mid-2017-no-registration-endpoint.openid-configuration.json' },
  'dev-deep.okta.com': { '/.well-known/openid-configuration': 'nested-too-deep.openid-configuration.json' },
  // An org's custom URL domain: reachable only once the admin granted it.
  'login.acme-corp.com': {
    '/oauth2/default/.well-known/openid-configuration': 'custom-domain.openid-configuration.json',
  },
};

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.png': 'image/png' };

function send(response, status, type, body) {
  response.writeHead(status, {
    'content-type': type,
    'content-security-policy': STRICT_CSP,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
  });
  response.end(body);
}

// Okta orgs that misbehave, for the fetch policy's tests: a redirect to another host, documents far over the
// size limit (with and without Content-Length), an answer that never comes.
const MISBEHAVING = {
  'dev-redirect.okta.com': (response) => {
    response.writeHead(302, { location: 'https://collector.example.com/.well-known/openid-configuration' });
    response.end();
  },
  'dev-huge.okta.com': (response) => {
    const body = `{"pad":"${'x'.repeat(2 << 20)}"}`;
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    response.end(body);
  },
  'dev-huge-stream.okta.com': (response) => {
    response.writeHead(200, { 'content-type': 'application/json' }); // chunked: no Content-Length
    const chunk = 'x'.repeat(64 << 10);
    response.write('{"pad":"');
    for (let i = 0; i < 40; i++) response.write(chunk);
    response.end('"}');
  },
  'dev-slow.okta.com': (response) => {
    setTimeout(() => send(response, 200, 'application/json', '{}'), 12000).unref();
  },
  // A host whose connection drops (a network failure), and one that serves a web page on every path.
  'dev-down.okta.com': (response) => response.socket.destroy(),
  'dev-html.okta.com': (response) => send(response, 200, 'text/html; charset=utf-8', '<!doctype html><title>Sign in</title><p>Not Okta.'),
};

// The practice org's API, as Okta answers it (docs/facts.md, "Okta"): for "Check with Okta" and "Create the
// introspection client". The fixtures' API token belongs to a Super Administrator; the read-only one to an admin
// without a role that may register apps; any other token is invalid. One introspection client for the checks.
// Its clients (`org.clients`, per server) are listed by a prefix search of their names (`q`), registered by a
// POST (RFC 7591, Okta's answer), read one by one (`…/clients/{id}`, without the secret), and given a new secret
// by `…/lifecycle/newSecret`; `org.faults` makes the next
// write answer 400, 429 or nothing at all, as tests ask.
const fixture = (name) => readFile(join(DOCUMENTS, name), 'utf8').then((text) => text.trim());
// A token whose users/me never answers in time: the second round of a check times out.
export const SLOW_TOKEN = '00slowAnswerToken0123456789abcdefghijklmn';
const oktaError = (code, summary) => JSON.stringify({ errorCode: code, errorSummary: summary, errorLink: code, errorId: 'oaePractice', errorCauses: [] });

async function oktaApi(request, path, response, org) {
  const [token, readOnly, clientId, secret] = await Promise.all(
    ['api-token.txt', 'api-token-read-only-admin.txt', 'client-id.txt', 'client-secret.txt'].map(fixture));
  const authorization = request.headers.authorization ?? '';
  const json = (status, body) => send(response, status, 'application/json', typeof body === 'string' ? body : JSON.stringify(body));
  if (path === '/api/v1/users/me' && authorization === `SSWS ${SLOW_TOKEN}`) {
    setTimeout(() => json(200, { id: '00uslow', status: 'ACTIVE' }), 12000).unref();
    return true;
  }
  const clientsPath = /^\/oauth2\/v1\/clients(?:\/([A-Za-z0-9_-]+)(\/lifecycle\/newSecret)?)?$/.exec(path);
  if (path === '/api/v1/users/me' || clientsPath) {
    const admin = authorization === `SSWS ${token}` ? 'super' : authorization === `SSWS ${readOnly}` ? 'read-only' : null;
    if (!admin) return json(401, oktaError('E0000011', 'Invalid token provided')), true;
    if (path === '/api/v1/users/me') return json(200, { id: '00upractice', status: 'ACTIVE', profile: { login: `${admin}@example.com` } }), true;
    if (admin === 'read-only') return json(403, oktaError('E0000006', 'You do not have permission to perform the requested action')), true;
    const notFound = () => json(404, oktaError('E0000007', `Not found: Resource not found: ${clientsPath[1]} (AppInstance)`));
    if (request.method === 'GET' && clientsPath[1] && !clientsPath[2]) {
      const client = org.clients.find((c) => c.client_id === clientsPath[1]);
      if (!client) return notFound(), true;
      const { client_secret, ...shown } = client;
      return json(200, shown), true;
    }
    if (request.method === 'GET') {
      const q = new URL(request.url, 'https://x').searchParams.get('q') ?? '';
      return json(200, org.clients.filter((client) => client.client_name.startsWith(q)).map(({ client_secret, ...listed }) => listed)), true;
    }
    const fault = org.faults.shift();
    if (fault === 'timeout') return true; // never answers
    if (fault === 429) return json(429, oktaError('E0000047', 'API call exceeded rate limit due to too many requests.')), true;
    if (fault === 400) return json(400, { error: 'invalid_client_metadata', error_description: "'grant_types' must contain 'client_credentials' when 'application_type' is 'service'." }), true;
    const secret = () => randomBytes(48).toString('base64url').slice(0, 64);
    if (clientsPath[1]) {
      const client = clientsPath[2] && org.clients.find((c) => c.client_id === clientsPath[1]);
      if (!client) return notFound(), true;
      client.client_secret = secret();
      return json(200, client), true;
    }
    const body = await new Promise((resolve) => { let text = ''; request.on('data', (c) => { text += c; }); request.on('end', () => resolve(text)); });
    let metadata;
    try { metadata = JSON.parse(body); } catch { return json(400, { error: 'invalid_client_metadata', error_description: 'The request body is not valid JSON.' }), true; }
    const client = { ...metadata, client_id: `0oa${randomBytes(9).toString('hex').slice(0, 17)}`, client_id_issued_at: Math.floor(Date.now() / 1000), client_secret: secret(), client_secret_expires_at: 0 };
    org.clients.push(client);
    return json(201, client), true;
  }
  if (/^\/oauth2\/(default\/)?v1\/introspect$/.test(path) && request.method === 'POST') {
    if (!authorization.startsWith('Basic ')) return json(401, { error: 'invalid_client', error_description: 'No client credentials found.' }), true;
    const [id, given] = Buffer.from(authorization.slice(6), 'base64').toString().split(':').map(decodeURIComponent);
    if (id !== clientId || given !== secret) {
      return json(401, { error: 'invalid_client', error_description: 'Client authentication failed. Either the client or the client credentials are invalid.' }), true;
    }
    return json(200, { active: false }), true;
  }
  return false;
}

// An org without API Access Management: its custom authorization servers answer "feature not enabled", its
// org authorization server works.
async function orgWithoutApiAccessManagement(request, path, response) {
  if (path.startsWith('/oauth2/') && !path.startsWith('/oauth2/v1/')) {
    return send(response, 400, 'application/json', oktaError('E0000015', 'The requested feature is not enabled in this environment.'));
  }
  if (path === '/.well-known/openid-configuration' || path === '/.well-known/oauth-authorization-server') {
    const text = await readFile(join(DOCUMENTS, 'org.openid-configuration.json'), 'utf8');
    return send(response, 200, 'application/json', text.replaceAll('acme.okta.com', 'dev-noaam.okta.com'));
  }
  if (await oktaApi(request, path, response, { clients: [], faults: [] })) return;
  send(response, 404, 'application/json', oktaError('E0000022', 'Not found'));
}

// The stand-alone web page (www/tool): static files, the core's wasm allowed by its CSP and nothing else.
const TOOL_CSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'; img-src 'self'; frame-ancestors 'none'";
const TOOL_TYPES = { ...TYPES, '.wasm': 'application/wasm' };

async function toolSite(path, response) {
  const file = path === '/' || path === '' ? 'index.html' : path.slice(1);
  if (file.includes('..')) return send(response, 404, 'text/plain', 'Not found');
  try {
    const body = await readFile(join(WWW, 'tool', file));
    response.writeHead(200, { 'content-type': TOOL_TYPES[extname(file)] ?? 'application/octet-stream', 'content-security-policy': TOOL_CSP,
      'x-content-type-options': 'nosniff', 'cache-control': 'no-store' });
    response.end(body);
  } catch {
    send(response, 404, 'text/plain', `Missing ${file}: run ./build.sh build first.`);
  }
}

// The org's admin console ({org}-admin.okta.com): a single-page app on every /admin/ path.
async function oktaAdminSite(path, response) {
  const assets = { '/admin-assets/admin.js': 'admin.js', '/admin-assets/admin.css': 'admin.css' };
  const file = assets[path] ?? (path.startsWith('/admin/') ? 'index.html' : null);
  if (!file) return send(response, 404, 'text/plain', 'Not found');
  send(response, 200, TYPES[extname(file)], await readFile(join(WWW, 'okta', 'admin', file)));
}

async function oktaSite(host, path, request, response, org) {
  if (MISBEHAVING[host]) return MISBEHAVING[host](response);
  if (/-admin\.okta\.com$/.test(host)) return oktaAdminSite(path, response);
  if (host === 'dev-noaam.okta.com') return orgWithoutApiAccessManagement(request, path, response);
  if (host === 'dev-12345678.okta.com' && await oktaApi(request, path, response, org)) return;
  const file = OKTA_DOCUMENTS[host]?.[path];
  if (!file) return send(response, 404, 'application/json', JSON.stringify({ errorCode: 'E0000022', errorSummary: 'Not found' }));
  send(response, 200, 'application/json', await readFile(join(DOCUMENTS, file)));
}

// The Anypoint console is a single-page app: every unknown path serves index.html.
async function anypointSite(path, response) {
  const assets = {
    '/assets/app.js': 'dist/app.js',
    '/assets/app.css': 'app.css',
    // Other markups of the same form, each under the same strict CSP.
    '/practice/show_submitted.js': 'practice/show_submitted.js',
    '/practice/plain': 'practice/plain.html',
    '/practice/plain.js': 'practice/plain.js',
    '/practice/busy': 'practice/busy.html',
    '/practice/busy.js': 'practice/busy.js',
    // The design-system kits, and their bundles (./build.sh bundles www/anypoint/kits/*.js from npm packages).
    ...Object.fromEntries(['anypoint-web-components', 'material-web', 'labels-beside', 'table', 'anypoint-react'].flatMap((kit) => [
      [`/practice/kit/${kit}`, 'practice/design-systems.html'],
      [`/practice/kit/${kit}/again`, 'practice/design-systems.html'],
    ])),
    '/assets/kit-anypoint-web-components.js': 'dist/kit-anypoint-web-components.js',
    '/assets/kit-material-web.js': 'dist/kit-material-web.js',
    '/practice/design-systems.js': 'practice/design-systems.js',
    '/practice/framed': 'practice/framed.html',
    '/practice/edit': 'practice/plain.html',
    '/practice/jwt': 'practice/plain.html',
    '/practice/jwt-chosen': 'practice/plain.html',
    '/practice/form-beside-list': 'practice/plain.html',
    '/practice/exchange': 'practice/exchange.html',
    '/practice/exchange.js': 'practice/exchange.js',
    '/practice/users': 'practice/users.html',
    '/practice/users.js': 'practice/users.js',
    '/practice/rerender': 'practice/rerender.html',
    '/practice/rerender.js': 'practice/rerender.js',
    '/practice/custom-elements': 'practice/custom-elements.html',
    '/practice/custom-elements.js': 'practice/custom-elements.js',
  };
  const file = assets[path] ?? 'index.html';
  try {
    send(response, 200, TYPES[extname(file)], await readFile(join(WWW, 'anypoint', file)));
  } catch {
    send(response, 500, 'text/plain', `Missing ${file}: run ./build.sh build first.`);
  }
}

export function ensureCertificate(dir = mkdtempSync(join(tmpdir(), 'assist-cert-'))) {
  const cert = join(dir, 'cert.pem');
  const key = join(dir, 'key.pem');
  if (!existsSync(cert)) {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=practice',
      '-keyout', key, '-out', cert, '-addext', 'subjectAltName=DNS:*.okta.com,DNS:anypoint.mulesoft.com,DNS:login.acme-corp.com,DNS:localhost'],
    { stdio: 'ignore' });
  }
  return { cert, key };
}

/**
 * Start the practice servers on one port; resolves to { port, requests, close }. `requests` lists every
 * request received ({ host, path, cookie }), so tests can show what reached which host.
 */
export async function startPracticeServer({ port = 0, cert, key } = {}) {
  const files = cert && key ? { cert, key } : ensureCertificate();
  const requests = [];
  const org = { clients: [], faults: [] }; // the practice org's applications, and the answers tests ask for
  const server = createServer({ cert: await readFile(files.cert), key: await readFile(files.key) }, (request, response) => {
    const host = (request.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    const path = new URL(request.url, 'https://x').pathname;
    requests.push({ host, path, method: request.method, search: new URL(request.url, 'https://x').search, cookie: request.headers.cookie ?? null, authorized: 'authorization' in request.headers });
    const okta = OKTA_DOCUMENTS[host] || /\.okta(preview|-emea|-gov)?\.(com|mil)$/.test(host); // unknown orgs: 404
    const site = host === TOOL_HOST ? toolSite(path, response) : okta ? oktaSite(host, path, request, response, org) : anypointSite(path, response);
    site.catch((error) => send(response, 500, 'text/plain', String(error)));
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { port: server.address().port, requests, org, close: () => new Promise((resolve) => { server.close(resolve); server.closeAllConnections(); }) };
}

export const OKTA_HOSTS = Object.keys(OKTA_DOCUMENTS);
/** Where the stand-alone web page is served (any static host will do in real life). */
export const TOOL_HOST = 'assist.example.com';

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = (name) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1] : undefined; };
  const { port } = await startPracticeServer({ port: Number(arg('port') ?? 8443), cert: arg('cert'), key: arg('key') });
  console.log(`practice servers on https://127.0.0.1:${port} (hosts: ${OKTA_HOSTS.join(', ')}, anypoint.mulesoft.com)`);
}
