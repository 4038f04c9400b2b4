// Collect: a snapshot of the page's form controls with what a person reads around each one (labels, aria,
// title, placeholder, the text around it, the section heading), in the composed tree (shadow roots and slots
// as rendered), for the core's classifier (src/core/classify.rs). No values: the core decides which field is
// which from the texts alone. The elements stay here; the core answers with indices.

export const CONTROL_SELECTOR = 'input, textarea, select';
const MAX_OPTIONS = 50;
const HEADING_SELECTOR = 'h1, h2, h3, h4, h5, h6, legend, [role=heading]';

// Every control in document order, into open shadow roots (closed ones, ours included, are not reachable).
/** @param {Document | ShadowRoot} root */
function allControls(root = document, out = []) {
  for (const element of root.querySelectorAll('*')) {
    if (element.matches(CONTROL_SELECTOR)) out.push(element);
    if (element.shadowRoot) allControls(element.shadowRoot, out);
  }
  return out;
}

// What a person reads in an element: its text, without what controls inside it hold (a textarea's text is its
// value, which may be a secret) and without our own hint lines.
const SKIPPED_TEXT = 'input, textarea, select, option, okta-anypoint-assist, okta-anypoint-assist-hint, script, style';

export function textOf(element, limit = 200) {
  if (!element) return '';
  const texts = [];
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.parentElement?.closest(SKIPPED_TEXT)) texts.push(node.nodeValue);
  }
  return texts.join(' ').replace(/\s+/g, ' ').trim().slice(0, limit);
}

function labelsOf(control) {
  const texts = [];
  for (const label of control.labels ?? []) texts.push(textOf(label));
  const scope = control.getRootNode();
  for (const id of (control.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean)) {
    texts.push(textOf(scope.getElementById?.(id) ?? document.getElementById(id)));
  }
  if (control.hasAttribute('aria-label')) texts.push(control.getAttribute('aria-label'));
  if (control.hasAttribute('title')) texts.push(control.getAttribute('title'));
  // A control inside a custom element's shadow root: the host's own label and aria-label speak for it.
  const host = scope.host;
  if (host) {
    if (host.hasAttribute('label')) texts.push(host.getAttribute('label'));
    if (host.hasAttribute('aria-label')) texts.push(host.getAttribute('aria-label'));
  }
  return texts.filter(Boolean);
}

// The text around a control, as a person reads it next to the field: the text of the largest enclosing element
// (a few levels up, crossing from a shadow root to its host) that holds no other control. This is where design
// systems put labels that are not tied to the input: a slotted <label slot="label"> of the input's component,
// <mat-label> beside it, the previous table cell, a <span> just before it.
const NEARBY_LEVELS = 4;

export function composedParent(element) {
  return element.parentElement ?? element.getRootNode().host ?? null;
}

function controlsIn(element) {
  return element.querySelectorAll(CONTROL_SELECTOR).length + (element.shadowRoot?.querySelectorAll(CONTROL_SELECTOR).length ?? 0);
}

/** The largest element around a control (a few levels up) that holds no other control: the field as drawn. */
export function fieldAround(control) {
  let around = control;
  for (let level = 0; level < NEARBY_LEVELS; level++) {
    const parent = composedParent(around);
    if (!parent || parent === document.body || parent.localName === 'form' || controlsIn(parent) > 1) break;
    around = parent;
  }
  return around;
}

function nearbyText(control) {
  const around = fieldAround(control);
  return around === control ? '' : textOf(around);
}

// The test id of the control, or of the design-system component around it that holds no other control
// (MuleSoft's React components: data-anypoint-component, their testId as data-test-id; docs/facts.md).
function testIdOf(control) {
  const own = control.getAttribute('data-test-id');
  if (own) return own;
  const component = composedParent(control)?.closest('[data-anypoint-component]');
  return component && controlsIn(component) === 1 ? component.getAttribute('data-test-id') ?? '' : '';
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

// What the classifier reads of one control (`forms`, `headings`: the page's, read once per snapshot).
export function snapshotOf(control, forms = [...document.forms], headings = [...document.querySelectorAll(HEADING_SELECTOR)]) {
  const form = (control.getRootNode().host ?? control).closest('form');
  return {
    tag: control.tagName.toLowerCase(),
    type: control.type ?? '',
    name: control.getAttribute('name') ?? '',
    id: control.id ?? '',
    testId: testIdOf(control),
    labels: labelsOf(control),
    placeholder: control.getAttribute('placeholder') ?? '',
    nearby: nearbyText(control),
    section: sectionOf(control, headings),
    filled: control.type === 'checkbox' || control.type === 'radio' ? control.checked : control.value !== '',
    form: form ? forms.indexOf(form) : forms.length,
    // A list's options as the page names them (an environment's client provider choice), a bounded number.
    options: control instanceof HTMLSelectElement ? [...control.options].slice(0, MAX_OPTIONS).map((option) => option.text.trim().slice(0, 120)) : [],
  };
}

export function snapshotForm() {
  const controls = allControls();
  const forms = [...document.forms];
  const headings = [...document.querySelectorAll(HEADING_SELECTOR)];
  return { controls, snapshot: controls.map((control) => snapshotOf(control, forms, headings)), forms };
}
