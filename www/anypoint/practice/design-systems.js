// The client provider form as real design systems render a labelled input (the markup of MuleSoft's console is
// not visible from here, so the helper must read labels the way these kits place them). The kit is the last
// part of the path:
//   anypoint  — anypoint-web-components style: <anypoint-input><label slot="label">Issuer</label></anypoint-input>,
//               the <input> in the component's shadow root, no for/id association across the boundary
//   material  — Angular Material style: <mat-form-field><mat-label>Issuer</mat-label><input matInput></mat-form-field>,
//               no shadow root, the model updated on input and "touched" on blur
//   lightning — Lightning base component style: label and input both inside the component's shadow root
//   table     — a table layout: the label text in the previous cell, inputs named f1, f2, …
const kit = location.pathname.split('/').pop();
document.getElementById('kit-name').textContent = kit;

const SECTIONS = [
  ['Client Information', [['name', 'Name']]],
  ['Dynamic Client Registration', [['issuer', 'Issuer'], ['registrationUrl', 'Client Registration URL'],
    ['authorizationHeader', 'Authorization Header', 'password'], ['timeout', 'Client Request Timeout', 'number']]],
  ['Token Introspection Client', [['clientId', 'Client ID'], ['clientSecret', 'Client Secret', 'password']]],
  ['OpenID Connect Authorization URLs', [['authorizeUrl', 'Authorize URL'], ['tokenUrl', 'Token URL'],
    ['introspectionUrl', 'Token Introspection URL']]],
];
const model = { timeout: '5' }; // the app's own state, as a framework keeps it
const touched = new Set();

function bind(input, key) {
  input.value = model[key] ?? '';
  input.addEventListener('input', () => { model[key] = input.value; });
  input.addEventListener('blur', () => touched.add(key));
}

class AnypointInput extends HTMLElement {
  connectedCallback() {
    if (this.shadowRoot) return;
    const root = this.attachShadow({ mode: 'open' });
    const label = document.createElement('div');
    label.append(document.createElement('slot'));
    label.firstChild.name = 'label';
    const input = document.createElement('input');
    input.type = this.getAttribute('type') ?? 'text';
    bind(input, this.getAttribute('name'));
    const style = 'display:grid;grid-template-columns:230px 1fr;gap:12px;margin:8px 0;align-items:center;';
    const row = document.createElement('div');
    row.style.cssText = style;
    row.append(label, input);
    root.append(row);
  }
}
customElements.define('anypoint-input', AnypointInput);

let lightningIds = 0;
class LightningInput extends HTMLElement {
  connectedCallback() {
    if (this.shadowRoot) return;
    const root = this.attachShadow({ mode: 'open' });
    const id = `input-${++lightningIds}`;
    const label = document.createElement('label');
    label.htmlFor = id;
    label.className = 'slds-form-element__label';
    label.textContent = this.getAttribute('label');
    const input = document.createElement('input');
    input.id = id;
    input.className = 'slds-input';
    input.type = this.getAttribute('type') ?? 'text';
    bind(input, this.getAttribute('name'));
    const row = document.createElement('div');
    row.style.cssText = 'display:grid;grid-template-columns:230px 1fr;gap:12px;margin:8px 0;align-items:center;';
    row.append(label, input);
    root.append(row);
  }
}
customElements.define('lightning-input', LightningInput);

function field(key, text, type = 'text', index) {
  if (kit === 'anypoint') {
    const host = document.createElement('anypoint-input');
    host.setAttribute('name', key);
    host.setAttribute('type', type);
    const label = document.createElement('label');
    label.slot = 'label';
    label.textContent = text;
    host.append(label);
    return host;
  }
  if (kit === 'lightning') {
    const host = document.createElement('lightning-input');
    Object.entries({ name: key, label: text, type }).forEach(([k, v]) => host.setAttribute(k, v));
    return host;
  }
  const input = document.createElement('input');
  input.type = type;
  bind(input, key);
  if (kit === 'material') {
    const formField = document.createElement('mat-form-field');
    formField.style.cssText = 'display:grid;grid-template-columns:230px 1fr;gap:12px;margin:8px 0;align-items:center;';
    const label = document.createElement('mat-label');
    label.textContent = text;
    input.setAttribute('matinput', '');
    input.className = 'mat-mdc-input-element';
    input.id = `mat-input-${index}`;
    formField.append(label, input);
    return formField;
  }
  // table: the label in the previous cell; names that say nothing
  input.name = `f${index}`;
  const row = document.createElement('tr');
  const cell = document.createElement('td');
  cell.textContent = text;
  const inputCell = document.createElement('td');
  inputCell.append(input);
  row.append(cell, inputCell);
  return row;
}

const form = document.getElementById('provider');
let index = 0;
for (const [title, fields] of SECTIONS) {
  const heading = document.createElement('h2');
  heading.textContent = title;
  form.append(heading);
  const nodes = fields.map(([key, text, type]) => field(key, text, type, ++index));
  if (kit === 'table') {
    const table = document.createElement('table');
    table.append(...nodes);
    form.append(table);
  } else {
    form.append(...nodes);
  }
}
const submit = document.createElement('button');
submit.type = 'submit';
submit.textContent = 'Create';
form.append(submit);
form.addEventListener('submit', (event) => {
  event.preventDefault();
  showSubmitted({ ...model, touched: [...touched].sort().join(',') });
});
