// The stand-alone web page: the extension's Rust core (same wasm) in a normal page. Paste a metadata document
// and its address; the core checks it, maps it to the Anypoint fields, hints while the admin edits, and builds
// the Access Management API body. Thin hands, as in the extension: every decision and text is the core's.
import init, { inspectPasted, fieldHints, apiBody, controlPlanes, useWords, words } from './core/okta_anypoint_assist.js';
import { startPageCore } from './catalogues.js';

// The core in the page's language: the extension's catalogues, copied beside this page by build.sh.
const coreReady = startPageCore(
  init({ module_or_path: new URL('./core/okta_anypoint_assist_bg.wasm', import.meta.url) }),
  { useWords, words },
  (path) => new URL(path, import.meta.url).href,
  navigator.language,
);
/** @type {(id: string) => HTMLElement & HTMLInputElement} the page's own elements, by id (its inputs among them) */
const $ = (id) => /** @type {any} */ (document.getElementById(id));
// The control planes, as the core knows them (US first: the default).
coreReady.then(() => $('plane').replaceChildren(...controlPlanes().map(({ host, name }) => element('option', { value: host }, `${name} (${host})`))));
const FIELDS = [
  ['issuer', 'Issuer'],
  ['clientRegistrationUrl', 'Client Registration URL'],
  ['authorizeUrl', 'Authorize URL'],
  ['tokenUrl', 'Token URL'],
  ['tokenIntrospectionUrl', 'Token Introspection URL'],
  ['authorizationHeader', 'Authorization Header'],
  ['clientRequestTimeout', 'Client Request Timeout'],
];
const inputs = new Map();

function element(tag, props = {}, text) {
  const node = Object.assign(document.createElement(tag), props);
  if (text !== undefined) node.textContent = text;
  return node;
}

function currentValues(except) {
  const values = {};
  for (const [field, input] of inputs) {
    // The header is never part of the context or the body: it is a secret.
    if (field !== except && field !== 'authorizationHeader' && input.value) values[field] = input.value;
  }
  return values;
}

function showHints(field) {
  const input = inputs.get(field);
  const hints = fieldHints(field, input.value, currentValues(field)) ?? [];
  const line = $(`hint-${field}`);
  line.replaceChildren(...hints.map((hint) => {
    const span = element('span', { className: `hint ${hint.severity}` }, `${hint.message} `);
    if (hint.fix !== undefined && hint.fixLabel) {
      const fix = element('button', { type: 'button', className: 'secondary' }, hint.fixLabel);
      fix.addEventListener('click', () => { input.value = hint.fix; showHints(field); showApiBody(); });
      span.append(fix);
    }
    return span;
  }));
  input.setAttribute('aria-invalid', String(hints.some((hint) => hint.severity === 'error')));
}

function showApiBody() {
  const provider = $('provider').value.trim();
  const { body, curl, updates } = apiBody(currentValues(null), $('plane').value, provider);
  $('provider-note').textContent = updates ? words('toolProviderUpdate', [updates]) : provider ? words('toolProviderUnknown', []) : '';
  $('api-body').textContent = JSON.stringify(body, null, 2);
  $('curl').textContent = curl;
}

function buildFields(values) {
  const container = $('fields');
  container.replaceChildren();
  inputs.clear();
  for (const [field, label] of FIELDS) {
    const id = `field-${field}`;
    const input = element('input', { id, type: field === 'authorizationHeader' ? 'password' : 'text', value: values[field] ?? '' });
    input.setAttribute('aria-describedby', `hint-${field}`);
    input.addEventListener('input', () => { showHints(field); showApiBody(); });
    const copy = element('button', { type: 'button', className: 'secondary' }, words('panelCopy', []));
    copy.setAttribute('aria-label', words('panelCopyField', [label]));
    copy.addEventListener('click', () => copyText(input.value));
    inputs.set(field, input);
    const row = element('div', { className: 'row' });
    row.append(input, copy);
    const box = element('div', { className: 'field' });
    box.append(element('label', { htmlFor: id }, label), row, element('div', { id: `hint-${field}`, className: 'hint' }));
    container.append(box);
  }
  for (const [field] of FIELDS) showHints(field);
  showApiBody();
}

async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    $('status').textContent = words('panelCopied', []);
  } catch (error) {
    $('status').textContent = words('toolCouldNotCopy', [error.message]);
  }
}

$('paste').addEventListener('submit', async (event) => {
  event.preventDefault();
  await coreReady;
  const { report, values, checkedAs, assumed } = inspectPasted($('document-text').value, $('document-url').value);
  $('result').hidden = false;
  $('checked-as').textContent = !checkedAs ? '' : words(assumed ? 'toolCheckedAsAssumed' : 'toolCheckedAs', [checkedAs]);
  $('problems').replaceChildren(...(report.kind === 'metadataReport' ? report.problems : []).map((p) => element('li', { className: p.severity }, p.message)));
  $('status').textContent = report.kind !== 'metadataReport' ? words('toolNotMetadata', [])
    : report.valid ? words('toolValid', [report.title]) : words('toolInvalid', []);
  buildFields(values ?? {});
});
$('copy-body').addEventListener('click', () => copyText($('api-body').textContent));
$('copy-curl').addEventListener('click', () => copyText($('curl').textContent));
$('plane').addEventListener('change', showApiBody);
$('provider').addEventListener('input', showApiBody);
