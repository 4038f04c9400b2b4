// Collect: a snapshot of the page's form controls with what a person reads around each one (labels, aria,
// placeholder, the section heading), for the core's classifier (src/core/classify.rs). No values: the core
// decides which field is which from the texts alone. The elements stay here; the core answers with indices.

const CONTROL_SELECTOR = 'input, textarea, select';
const HEADING_SELECTOR = 'h1, h2, h3, h4, h5, h6, legend, [role=heading]';

// Every control in document order, into open shadow roots (closed ones, ours included, are not reachable).
function allControls(root = document, out = []) {
  for (const element of root.querySelectorAll('*')) {
    if (element.matches(CONTROL_SELECTOR)) out.push(element);
    if (element.shadowRoot) allControls(element.shadowRoot, out);
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
    };
  });
  return { controls, snapshot, forms };
}
