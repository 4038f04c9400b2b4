// Anypoint side: collect a snapshot of the page's form controls, let the core say whether it is the client
// provider form and which control is which field, and apply the fill plan it answers with.
// The hands only: snapshot_form, attach_bar, apply_fill. No label rules or texts of our own live here.

const CONTROL_SELECTOR = 'input, textarea, select';
const HEADING_SELECTOR = 'h1, h2, h3, h4, h5, h6, legend, [role=heading]';

let attached = null; // { host, form } while the helper is on the page
let scanQueued = false;

// ---- snapshot_form: what a person reads around each control ----

function allControls(root = document, out = []) {
  for (const element of root.querySelectorAll(`${CONTROL_SELECTOR}, *`)) {
    if (element.matches(CONTROL_SELECTOR)) out.push(element);
    if (element.shadowRoot && !element.matches('okta-anypoint-assist')) allControls(element.shadowRoot, out);
  }
  return out;
}

function textOf(element) {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function labelsOf(control) {
  const texts = [];
  for (const label of control.labels ?? []) texts.push(textOf(label));
  const scope = control.getRootNode();
  for (const id of (control.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean)) {
    texts.push(textOf(scope.getElementById?.(id) ?? document.getElementById(id)));
  }
  if (control.hasAttribute('aria-label')) texts.push(control.getAttribute('aria-label'));
  // A control inside a custom element's shadow root: the host's own label and aria-label speak for it.
  const host = scope.host;
  if (host) {
    if (host.hasAttribute('label')) texts.push(host.getAttribute('label'));
    if (host.hasAttribute('aria-label')) texts.push(host.getAttribute('aria-label'));
  }
  return texts.filter(Boolean);
}

function sectionOf(control, headings) {
  let section = '';
  const anchor = control.getRootNode().host ?? control;
  for (const heading of headings) {
    if (heading.compareDocumentPosition(anchor) & Node.DOCUMENT_POSITION_FOLLOWING) section = textOf(heading);
    else break;
  }
  return section;
}

function snapshotForm() {
  const controls = allControls();
  const forms = [...document.forms];
  const headings = [...document.querySelectorAll(HEADING_SELECTOR)];
  const snapshot = controls.map((control) => {
    const form = (control.getRootNode().host ?? control).closest('form');
    return {
      tag: control.tagName.toLowerCase(),
      type: control.type ?? '',
      name: control.getAttribute('name') ?? '',
      id: control.id ?? '',
      labels: labelsOf(control),
      placeholder: control.getAttribute('placeholder') ?? '',
      section: sectionOf(control, headings),
      form: form ? forms.indexOf(form) : forms.length,
      value: control.type === 'password' ? (control.value ? '*' : '') : control.value ?? '',
      checked: Boolean(control.checked),
    };
  });
  return { controls, snapshot, forms };
}

// ---- attach_bar: the helper bar before the form ----

async function scan() {
  scanQueued = false;
  if (attached && !attached.host.isConnected) attached = null;
  const { snapshot, controls, forms } = snapshotForm();
  if (snapshot.length === 0) return detach();
  const answer = await askCore({ kind: 'classifyForm', controls: snapshot });
  if (answer.kind !== 'formClassified' || !answer.classification.isClientProviderForm) return detach();
  const { classification } = answer;
  const firstControl = controls[classification.matches[0].control];
  const anchor = forms[classification.form] ?? (firstControl.getRootNode().host ?? firstControl).parentElement;
  if (attached && attached.form === anchor && attached.host.isConnected) return;
  detach();
  attachBar(anchor);
}

function detach() {
  attached?.host.remove();
  attached = null;
}

function attachBar(form) {
  const { host, root } = createShadowHost('anypoint-bar');
  const status = h('p', { role: 'status', 'aria-live': 'polite' });
  const fill = h('button', { type: 'button', class: 'primary', onclick: () => fillFromOkta(status) }, 'Fill from Okta');
  root.append(h('div', { class: 'card', role: 'group', 'aria-label': 'Okta → Anypoint Assist' }, h('div', { class: 'row' }, fill, status)));
  form.before(host);
  attached = { host, form };
}

// ---- apply_fill: values reach the framework's state ----

async function fillFromOkta(status) {
  const { snapshot, controls } = snapshotForm();
  const answer = await askCore({ kind: 'planFill', controls: snapshot });
  if (answer.kind !== 'fillPlanned') {
    status.textContent = answer.message;
    return;
  }
  for (const step of answer.plan.steps) setControlValue(controls[step.control], step.value);
  status.textContent = answer.plan.summary;
}

// React, Angular and Vue track values through the prototype's setter and bubbling input/change events.
function setControlValue(control, value) {
  const prototype = Object.getPrototypeOf(control);
  const setter = Object.getOwnPropertyDescriptor(prototype, 'value')?.set;
  if (setter) setter.call(control, value);
  else control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  control.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

// ---- watch the single-page app: one observer, batched per animation frame ----

function touchesControls(mutations) {
  for (const mutation of mutations) {
    for (const node of [...mutation.addedNodes, ...mutation.removedNodes]) {
      if (node.nodeType !== Node.ELEMENT_NODE || node.localName === 'okta-anypoint-assist') continue;
      if (node.matches(CONTROL_SELECTOR) || node.querySelector(CONTROL_SELECTOR) || node.shadowRoot) return true;
      if (attached && (node === attached.form || node.contains(attached.form))) return true;
    }
  }
  return false;
}

function queueScan() {
  if (scanQueued) return;
  scanQueued = true;
  requestAnimationFrame(() => scan());
}

new MutationObserver((mutations) => {
  if (touchesControls(mutations)) queueScan();
}).observe(document.documentElement, { childList: true, subtree: true });
queueScan();
