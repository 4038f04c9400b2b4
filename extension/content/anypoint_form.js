// Anypoint side: collect a snapshot of the page's form controls, let the core say whether it is the client
// provider form and which control is which field, and apply the fill plan it answers with.
// The hands only: snapshot_form, attach_bar, apply_fill. No label rules or texts of our own live here.

const CONTROL_SELECTOR = 'input, textarea, select';
const HEADING_SELECTOR = 'h1, h2, h3, h4, h5, h6, legend, [role=heading]';

let attached = null; // { host, form } while the helper is on the page
let scanQueued = false;

// ---- snapshot_form: what a person reads around each control ----

function allControls(root = document, out = []) {
  for (const element of root.querySelectorAll('*')) {
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
  const answer = await askCore({ classifyForm: { controls: snapshot } });
  if (answer.kind !== 'formClassified' || !answer.classification.isClientProviderForm) return detach();
  const { classification } = answer;
  const firstControl = controls[classification.matches[0].control];
  const anchor = forms[classification.form] ?? (firstControl.getRootNode().host ?? firstControl).parentElement;
  if (!(attached && attached.form === anchor && attached.host.isConnected)) {
    detach();
    attachBar(anchor);
  }
  attached.fields = new Map(classification.matches.map((m) => [controls[m.control], m.field]));
  for (const control of attached.fields.keys()) hintElementFor(control);
}

function detach() {
  attached?.host.remove();
  attached = null;
}

function attachBar(form) {
  const { host, root } = createShadowHost('anypoint-bar');
  const bar = {
    status: h('p', { role: 'status', 'aria-live': 'polite' }),
    undo: h('button', { type: 'button', hidden: true }, 'Undo fill'),
    replace: h('button', { type: 'button', hidden: true }),
  };
  bar.fill = h('button', { type: 'button', class: 'primary', onclick: () => fillFromOkta(bar) }, 'Fill from Okta');
  root.append(
    h('div', { class: 'card', role: 'group', 'aria-label': 'Okta → Anypoint Assist' },
      h('div', { class: 'row' }, bar.fill, bar.replace, bar.undo, bar.status)),
  );
  form.before(host);
  attached = { host, form, bar, fields: new Map() };
}

// ---- apply_fill: values reach the framework's state ----

async function fillFromOkta(bar) {
  const { snapshot, controls } = snapshotForm();
  const answer = await askCore({ planFill: { controls: snapshot } });
  bar.replace.hidden = true;
  if (answer.kind !== 'fillPlanned') {
    bar.status.textContent = answer.message;
    return;
  }
  const { plan } = answer;
  const previous = []; // [field, element, value before]
  // Each step finds its field's element anew: a page may rebuild its fields on every value set.
  const apply = async (steps) => {
    for (const step of steps) {
      const control = await currentControl(controls[step.control], step.field);
      if (!control) continue;
      previous.push([step.field, control, control.value]);
      setControlValue(control, step.value);
    }
  };
  await apply(plan.steps);
  bar.status.textContent = plan.summary;
  bar.undo.hidden = previous.length === 0;
  bar.undo.onclick = async () => {
    for (const [field, control, value] of previous.reverse()) {
      const current = await currentControl(control, field);
      if (current) setControlValue(current, value);
    }
    previous.length = 0;
    bar.undo.hidden = true;
    bar.replace.hidden = true;
    bar.status.textContent = '';
  };
  // Values the admin typed that differ from Okta's are only replaced when they say so.
  if (plan.conflicts.length > 0) {
    bar.replace.textContent = plan.replaceLabel;
    bar.replace.hidden = false;
    bar.replace.onclick = async () => {
      await apply(plan.conflicts);
      bar.replace.hidden = true;
      bar.undo.hidden = false;
      bar.status.textContent = plan.replacedSummary;
    };
  }
}

// React, Angular and Vue track values through the prototype's setter and bubbling input/change events.
let settingValue = false; // our own input/change events are not the admin typing

function setControlValue(control, value) {
  const prototype = Object.getPrototypeOf(control);
  const setter = Object.getOwnPropertyDescriptor(prototype, 'value')?.set;
  settingValue = true;
  try {
    // As a person would: focus, type, leave (Angular marks "touched" on blur). Synthetic focus events only:
    // the page's real focus stays where the admin has it.
    control.dispatchEvent(new FocusEvent('focus'));
    control.dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
    if (setter) setter.call(control, value);
    else control.value = value;
    control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    control.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    control.dispatchEvent(new FocusEvent('blur'));
    control.dispatchEvent(new FocusEvent('focusout', { bubbles: true, composed: true }));
  } finally {
    settingValue = false;
  }
}

// ---- hints while typing: the core's hints beside each field; the SSWS fix applied on paste / leaving ----

let hintSequence = 0;
const hintElements = new WeakMap(); // control → its hint element
const HINT_COLOURS = { error: '#a30000', warning: '#8a5300', info: '#35506b' };
const latestHintRequest = new Map(); // field → sequence number of its newest request (elements may be replaced)

// The field of the control an event came from. A control the helper has not seen yet (the page just rebuilt
// it) is classified first. The path is read at once: it is gone once the event has been dispatched.
async function classifiedControl(event) {
  const control = event.composedPath()[0];
  if (!attached || !(control instanceof Element) || !control.matches(CONTROL_SELECTOR)) return null;
  if (!attached.fields.has(control)) await scan();
  const field = attached?.fields.get(control);
  return field ? { control, field } : null;
}

function controlValue(control) {
  return control.type === 'checkbox' || control.type === 'radio' ? String(control.checked) : control.value;
}

// The other fields' values give context (Issuer, Client ID, checkboxes); masked fields are sent as '*'.
function otherValues(except) {
  const values = {};
  for (const [control, field] of attached.fields) {
    if (control === except || !control.isConnected) continue;
    values[field] = control.type === 'password' ? (control.value ? '*' : '') : controlValue(control);
  }
  return values;
}

// Pages that re-render their fields replace the element the admin is typing in: follow the field.
async function currentControl(control, field) {
  if (control.isConnected) return control;
  await scan();
  for (const [candidate, candidateField] of attached?.fields ?? []) if (candidateField === field) return candidate;
  return null;
}

async function showHints(hit, applyFixes) {
  const { field } = hit;
  const control = await currentControl(hit.control, field);
  if (!control) return;
  const sequence = ++hintSequence;
  latestHintRequest.set(field, sequence);
  let answer = await askCore({ fieldHints: { field, value: controlValue(control), others: otherValues(control) } });
  if (latestHintRequest.get(field) !== sequence || answer.kind !== 'hints') return;
  let applied = null;
  const automatic = applyFixes ? answer.hints.find((hint) => hint.autoApply) : undefined;
  if (automatic) {
    setControlValue(control, automatic.fix);
    applied = automatic;
    answer = await askCore({ fieldHints: { field, value: controlValue(control), others: otherValues(control) } });
    if (answer.kind !== 'hints') return;
  }
  renderHints(await currentControl(control, field), field, answer.hints, applied);
}

// One hint line per field, made when the helper attaches, so a hint appearing does not move the form.
function hintElementFor(control) {
  let note = hintElements.get(control);
  if (!note || !note.isConnected) {
    note = document.createElement('okta-anypoint-assist-hint');
    note.id = `okta-anypoint-assist-hint-${++hintSequence}`;
    note.setAttribute('aria-live', 'polite');
    note.style.cssText = 'display:block;min-height:1.4em;font:12px/1.4 system-ui,sans-serif;margin:2px 0 4px;grid-column:2;';
    // After a wrapping label, not inside it: text inside a label would become part of the field's name.
    (control.closest('label') ?? control).after(note);
    hintElements.set(control, note);
    const described = (control.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
    control.setAttribute('aria-describedby', [...described, note.id].join(' '));
  }
  return note;
}

function renderHints(control, field, hints, applied) {
  if (!control) return;
  const note = hintElementFor(control);
  const shown = applied ? [{ ...applied, severity: 'info' }, ...hints] : hints;
  note.replaceChildren(...shown.map((hint) => {
    const line = document.createElement('span');
    line.style.cssText = `display:block;color:${HINT_COLOURS[hint.severity]};`;
    line.dataset.severity = hint.severity;
    line.textContent = hint.message;
    if (hint.fix !== undefined && hint.fixLabel && !hint.autoApply && hint !== applied) {
      // A certain fix, one click away; the page sees the button, never a secret (the core's labels hold none).
      const fix = document.createElement('button');
      fix.type = 'button';
      fix.textContent = hint.fixLabel;
      // Link-like so a hint stays one line; the browser's own focus ring is kept for keyboard users.
      fix.style.cssText = 'margin-left:8px;padding:0;border:0;background:none;font:inherit;color:#0b5cab;text-decoration:underline;cursor:pointer;';
      fix.addEventListener('click', async () => {
        const current = await currentControl(control, field);
        if (!current) return;
        setControlValue(current, hint.fix);
        showHints({ control: current, field }, false);
      });
      line.append(fix);
    }
    return line;
  }));
  if (hints.some((hint) => hint.severity === 'error')) control.setAttribute('aria-invalid', 'true');
  else control.removeAttribute('aria-invalid');
}

document.addEventListener('input', async (event) => {
  if (settingValue) return;
  const hit = await classifiedControl(event);
  if (hit) showHints(hit, false);
}, true);
document.addEventListener('change', async (event) => {
  const origin = event.composedPath()[0];
  const toggle = origin?.type === 'checkbox' || origin?.type === 'radio';
  if (settingValue || !toggle) return;
  const hit = await classifiedControl(event);
  if (hit) showHints(hit, false);
}, true);
document.addEventListener('paste', async (event) => {
  const hit = await classifiedControl(event);
  if (hit) setTimeout(() => showHints(hit, true)); // after the pasted text has landed
}, true);
document.addEventListener('focusout', async (event) => {
  if (settingValue) return;
  const hit = await classifiedControl(event);
  if (!hit) return;
  // Once focus has settled: a page that rebuilds the field focuses its new element, which is not leaving it.
  setTimeout(async () => {
    const current = await currentControl(hit.control, hit.field);
    if (current && current === deepActiveElement()) return;
    showHints({ control: current ?? hit.control, field: hit.field }, true);
  });
}, true);

function deepActiveElement() {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

// The keyboard command (manifest "commands", default Alt+Shift+F) arrives from the worker.
chrome.runtime.onMessage.addListener((message) => {
  if (message?.command === 'fillFromOkta' && attached) fillFromOkta(attached.bar);
});

// ---- watch the single-page app: one observer, batched per animation frame ----

// Cheap on busy pages: only element nodes, removals only while the helper is attached (its form may go).
function touchesControls(mutations) {
  for (const mutation of mutations) {
    const lists = attached ? [mutation.addedNodes, mutation.removedNodes] : [mutation.addedNodes];
    for (const nodes of lists) {
      for (const node of nodes) {
        if (node.nodeType !== Node.ELEMENT_NODE || node.localName.startsWith('okta-anypoint-assist')) continue;
        if (node.matches(CONTROL_SELECTOR) || node.shadowRoot || node.querySelector(CONTROL_SELECTOR)) return true;
        if (attached && (node === attached.form || node.contains(attached.form))) return true;
      }
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
