// Hints while the admin types: the core's hints for a field, shown on a line under it and linked with
// aria-describedby (text only, never a secret). A hint with a certain fix gets a button (in a closed shadow
// root, trusted clicks only); the SSWS fix is applied by itself on paste and when the admin leaves the field.

import { controlValue, currentControl, setControlValue, settingValue, sharedValues } from './apply_fill.js';
import { attached, scan, updateCheckButton } from './helper_bar.js';
import { CONTROL_SELECTOR } from './snapshot_form.js';
import { askCore, wakeCore } from '../../shared/ask_core.js';
import { createAssistHost, followPageThemes, h, paletteAt } from '../../shared/assist_ui.js';

let hintSequence = 0;
const hintElements = new WeakMap(); // control → its hint line
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

// The one request that carries the field's own value (a header or secret too: its hints need it).
const askHints = (field, control) =>
  askCore({ fieldHints: { field, value: controlValue(control), others: sharedValues(control) } });

async function showHints(hit, applyFixes) {
  const { field } = hit;
  // Numbered before any await: a keystroke's request is newer than every earlier one, however slow its scan.
  const sequence = ++hintSequence;
  latestHintRequest.set(field, sequence);
  const control = await currentControl(hit.control, field);
  if (!control) return;
  const asked = controlValue(control);
  let answer = await askHints(field, control);
  if (answer.kind !== 'hints') return;
  let applied = null;
  const automatic = applyFixes ? answer.hints.find((hint) => hint.autoApply) : undefined;
  const current = await currentControl(control, field);
  // The fix is applied when the field still holds what was asked about, even if a later request (a keystroke's,
  // delayed by a page that rebuilt the field) overtook this one; otherwise only the newest request is shown.
  if (automatic && current && controlValue(current) === asked) {
    setControlValue(current, automatic.fix);
    applied = automatic;
    answer = await askHints(field, current);
    if (answer.kind !== 'hints') return;
  } else if (latestHintRequest.get(field) !== sequence || (current && controlValue(current) !== asked)) {
    return; // an older answer, or one about a value the field no longer holds
  }
  renderHints(await currentControl(current ?? control, field), field, answer.hints, applied);
}

// Hints from state, not only from change: what the form holds when it is found (a choice made before, an edit
// page, a form the browser restored) gets its hints without a keystroke. Once per form: a page that keeps
// removing the bar does not get every value sent again at each new bar.
const formsHinted = new WeakSet();

export function hintWhatIsThere() {
  if (formsHinted.has(attached.form)) return;
  formsHinted.add(attached.form);
  for (const [control, field] of attached.fields) {
    const value = controlValue(control);
    if (value !== '' && value !== 'false') showHints({ control, field }, false);
  }
}

// One hint line per field, made when the helper attaches, so a hint appearing does not move the form.
export function hintElementFor(control) {
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

// What each hint line shows: the same hints again (leaving the field re-asks) keep the line as it is, so that
// a fix button under the admin's pointer is not replaced mid-click, nor its text announced again.
const shownHints = new WeakMap(); // hint line → key of what it shows

function renderHints(control, field, hints, applied) {
  if (!control) return;
  const note = hintElementFor(control);
  const shown = applied ? [{ ...applied, severity: 'info' }, ...hints] : hints;
  const key = JSON.stringify([shown, applied?.message ?? null]);
  if (shownHints.get(note) !== key) {
    shownHints.set(note, key);
    // Hint lines sit in the page's own form: their colours follow the page's background there.
    const palette = paletteAt(note);
    note.replaceChildren(...shown.map((hint) => hintLine(hint, applied, control, field, palette)));
    followPageThemes();
  }
  if (hints.some((hint) => hint.severity === 'error')) control.setAttribute('aria-invalid', 'true');
  else control.removeAttribute('aria-invalid');
}

// A line under a control that says what the helper did there, or why not (the context menu's fill).
export function sayUnder(control, message, severity) {
  if (message) renderHints(control, null, [{ severity, message }], null);
}

function hintLine(hint, applied, control, field, palette) {
  const line = document.createElement('span');
  line.style.cssText = `display:block;color:${palette[hint.severity]};`;
  line.dataset.severity = hint.severity;
  line.textContent = hint.message;
  if (hint.fix !== undefined && hint.fixLabel && !hint.autoApply && hint !== applied) {
    line.append(fixButton(hint, control, field));
  }
  return line;
}

// A certain fix, one trusted click away. The fix value stays in this closure, never in the page's DOM.
function fixButton(hint, control, field) {
  const { host, root } = createAssistHost('hint-fix', 'inline');
  const apply = async () => {
    const current = await currentControl(control, field);
    if (!current) return;
    setControlValue(current, hint.fix);
    showHints({ control: current, field }, false);
  };
  root.append(h('button', { type: 'button', class: 'link', guard: 'style', onclick: apply }, hint.fixLabel));
  return host;
}

// Page events are only read, to know what the admin did; they never trigger an action on their own.
// Only the admin's own typing and ticking ask the core: a page's dispatched events could flood it.
document.addEventListener('input', async (event) => {
  if (settingValue) return;
  const hit = event.isTrusted ? await classifiedControl(event) : null;
  if (hit) showHints(hit, false);
  updateCheckButton();
}, true);
document.addEventListener('change', async (event) => {
  const origin = /** @type {HTMLInputElement} */ (event.composedPath()[0]);
  const toggle = origin?.type === 'checkbox' || origin?.type === 'radio';
  if (settingValue || !toggle || !event.isTrusted) return;
  const hit = await classifiedControl(event);
  if (hit) showHints(hit, false);
}, true);
document.addEventListener('paste', async (event) => {
  if (!event.isTrusted) return; // only the admin's own paste gets the automatic fix
  const hit = await classifiedControl(event);
  if (hit) setTimeout(() => showHints(hit, true)); // after the pasted text has landed
}, true);
document.addEventListener('focusin', (event) => {
  if (attached && !settingValue && attached.fields.has(event.composedPath()[0])) wakeCore();
}, true);
document.addEventListener('focusout', async (event) => {
  // A page script's el.blur() is trusted too; only an admin who is at the keyboard or mouse leaves a field.
  if (settingValue || !event.isTrusted || !navigator.userActivation?.isActive) return;
  // Leaving means focus went to another element (Tab, a click on a field). A page that rebuilds its fields
  // removes the one being typed in, which blurs it towards nothing: that is no leaving.
  if (!event.relatedTarget) return;
  const hit = await classifiedControl(event);
  if (!hit) return;
  // Once focus has settled: a page that rebuilds the field focuses its new element, which is not leaving it.
  setTimeout(async () => {
    const current = await currentControl(hit.control, hit.field);
    if (current && current === deepActiveElement()) return;
    showHints({ control: current ?? hit.control, field: hit.field }, true);
  });
}, true);

// The focused element, through open shadow roots (a design system's input inside its component).
export function deepActiveElement() {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}
