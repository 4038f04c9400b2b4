// The client provider form built from real design systems' components, and from two markups that are not tied
// to any kit. The kit is the path's segment after /kit/:
//   anypoint-web-components — MuleSoft's <anypoint-input> (npm @anypoint-web-components/anypoint-input): a slotted
//                             <label slot="label">, the <input> in the component's shadow root
//   material-web            — Google's <md-outlined-text-field label="…"> (npm @material/web): the <input> in its
//                             shadow root, the label text in another component's shadow root inside it
//   labels-beside           — light DOM: the label text in an element beside the input, not tied to it
//   table                   — light DOM: the label text in the previous table cell, inputs named f1, f2, …
//   anypoint-react          — light DOM as MuleSoft's React component library renders it (docs/facts.md): each
//                             input in a <div data-anypoint-component="TextField" data-test-id="…"> with no
//                             label of its own, the label text rendered apart; the console's own wording
//                             ("Client Request Timeout (seconds)", "Token Inspection Client")
// As a single-page app renders it: the form comes a moment after load, and a component kit's definitions come
// later still (its script loads late), so its elements are upgraded after their markup arrived. "Show again"
// is a route change (pushState) that renders the form anew. The components keep their own `value`.
const [, , , kit] = location.pathname.split('/');
document.getElementById('kit-name').textContent = kit;

// ?late: long after load, when nothing has moved for seconds (no click, no route change).
const late = new URLSearchParams(location.search).has('late');
const FORM_AFTER_MS = late ? 6000 : 300;
const DEFINITIONS_AFTER_MS = FORM_AFTER_MS + 500;
const COMPONENT_KITS = ['anypoint-web-components', 'material-web'];

const REACT = kit === 'anypoint-react';
const SECTIONS = [
  ['Client Information', [['name', 'Name']]],
  ['Dynamic Client Registration', [['issuer', 'Issuer'], ['registrationUrl', 'Client Registration URL'],
    ['authorizationHeader', 'Authorization Header', 'password'],
    ['timeout', REACT ? 'Client Request Timeout (seconds)' : 'Client Request Timeout', 'number']]],
  [REACT ? 'Token Inspection Client' : 'Token Introspection Client', [['clientId', 'Client ID'], ['clientSecret', 'Client Secret', 'password']]],
  ['OpenID Connect Authorization URLs', [['authorizeUrl', 'Authorize URL'], ['tokenUrl', 'Token URL'],
    ['introspectionUrl', 'Token Introspection URL']]],
];
const model = { timeout: '5' }; // the app's own state (the components keep theirs from it on), as a framework keeps it
const touched = new Set();
const ROW = 'display:grid;grid-template-columns:230px 1fr;gap:12px;margin:8px 0;align-items:center;';

function bind(input, key) {
  input.value = model[key] ?? '';
  input.addEventListener('input', () => { model[key] = input.value; });
  input.addEventListener('blur', () => touched.add(key));
}

// Components made as a framework's template makes them: in a document of their own, upgraded when they are
// connected (<anypoint-input> sets attributes in its constructor, which document.createElement refuses once the
// element is defined).
const templates = document.implementation.createHTMLDocument('');

// A kit's component for a field, its initial value from the app's state.
function component(tag, key, attributes) {
  const host = templates.createElement(tag);
  Object.entries({ name: key, value: model[key] ?? '', ...attributes }).forEach(([k, v]) => host.setAttribute(k, v));
  return host;
}

function field(key, text, type, index) {
  if (kit === 'anypoint-web-components') {
    const host = component('anypoint-input', key, { type });
    const label = templates.createElement('label');
    label.slot = 'label';
    label.textContent = text;
    host.append(label);
    return host;
  }
  if (kit === 'material-web') {
    const host = component('md-outlined-text-field', key, { type, label: text });
    host.style.cssText = 'display:flex;margin:8px 0;';
    return host;
  }
  const input = document.createElement('input');
  input.type = type;
  bind(input, key);
  if (REACT) {
    const row = document.createElement('div');
    row.style.cssText = ROW;
    const label = document.createElement('span');
    label.textContent = text;
    const textField = document.createElement('div');
    textField.dataset.anypointComponent = 'TextField';
    textField.dataset.testId = key;
    textField.append(input);
    row.append(label, textField);
    return row;
  }
  if (kit === 'labels-beside') {
    const row = document.createElement('div');
    row.style.cssText = ROW;
    const label = document.createElement('span');
    label.textContent = text;
    input.id = `beside-${index}`;
    row.append(label, input);
    return row;
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

const main = document.querySelector('main');

function renderForm() {
  document.getElementById('provider')?.remove();
  const form = document.createElement('form');
  form.id = 'provider';
  form.setAttribute('aria-label', 'Add OIDC client provider');
  let index = 0;
  for (const [title, fields] of SECTIONS) {
    const heading = document.createElement('h2');
    heading.textContent = title;
    form.append(heading);
    const nodes = fields.map(([key, text, type = 'text']) => field(key, text, type, ++index));
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
    const components = [...form.querySelectorAll('[name]')].filter((element) => element.localName.includes('-'));
    showSubmitted(COMPONENT_KITS.includes(kit)
      ? Object.fromEntries(components.map((element) => [element.getAttribute('name'), element.value]))
      : { ...model, touched: [...touched].sort().join(',') });
  });
  main.querySelector('h1').after(form);
}

// A route change inside the app: the form goes and comes back, rendered anew.
document.getElementById('show-again').addEventListener('click', () => {
  document.getElementById('provider')?.remove();
  history.pushState(null, '', `/practice/kit/${kit}/again`);
  setTimeout(renderForm, 300); // the new screen's data first
});

setTimeout(renderForm, FORM_AFTER_MS);
if (COMPONENT_KITS.includes(kit)) {
  setTimeout(() => {
    const script = document.createElement('script');
    script.src = `/assets/kit-${kit}.js`;
    // When the form became usable (the benchmark times the bar from here): the kit's elements are upgraded as
    // its script runs, and render their shadow roots in the microtasks right after.
    script.onload = () => { window.formUsableAt = performance.now(); };
    document.head.append(script);
  }, DEFINITIONS_AFTER_MS);
}
