// Insert: ask the core for a fill plan (from the values kept in Okta, from the Issuer's metadata, or, on an
// edit page, what differs from Okta's live metadata), apply it so that the app's own state sees it (React,
// Angular and Vue), and offer Undo and, for values the admin typed, Replace. The plan is per field; the
// elements are found anew at each step, as pages may rebuild their fields on every change.

import { attached, scan, updateCheckButton } from './helper_bar.js';
import { askCore } from '../../shared/ask_core.js';
import { onlyTrusted } from '../../shared/assist_ui.js';

// The values the core may read: the fields it marked as shared context (never the header or a secret).
export function sharedValues(except) {
  const values = {};
  for (const [control, field] of attached.fields) {
    if (control === except || !control.isConnected || !attached.shared.has(field)) continue;
    values[field] = controlValue(control);
  }
  return values;
}

export function controlValue(control) {
  return control.type === 'checkbox' || control.type === 'radio' ? String(control.checked) : control.value;
}

// The page may have rebuilt its fields since the last scan (the watch looks at a busy page only every few
// hundred milliseconds): an action of the admin's reads them anew first. Answers whether the same helper is
// still there afterwards; if not (the form went), the action is dropped.
export async function freshFields() {
  const before = attached;
  if (!before) return false;
  if ([...before.fields.keys()].some((control) => !control.isConnected)) await scan();
  return attached !== null && attached === before;
}

export async function fillFromOkta(bar) {
  if (await freshFields()) await offerPlan(bar, await askCore({ planFill: { values: sharedValues(null) } }));
}

// The edit page of an existing provider: what differs from Okta's live metadata, each one replaceable.
export async function compareWithOkta(bar) {
  if (await freshFields()) await offerPlan(bar, await askCore({ compareWithOkta: { values: sharedValues(null) } }));
}

// Apply a plan's steps, say what happened, and offer Undo and, for values that differ from Okta's, Replace.
async function offerPlan(bar, answer) {
  bar.replace.hidden = true;
  if (answer.kind !== 'fillPlanned') {
    bar.status.textContent = answer.message;
    return;
  }
  const { plan } = answer;
  const previous = []; // [field, element, value before]
  const apply = async (steps) => {
    for (const step of steps) {
      const control = await controlOf(step.field);
      if (!control) continue;
      previous.push([step.field, control, control.value]);
      setControlValue(control, step.value);
    }
  };
  await apply(plan.steps);
  updateCheckButton();
  bar.status.textContent = plan.summary;
  if (answer.source) bar.source.textContent = answer.source; // issuer first may have kept new values
  bar.undo.hidden = previous.length === 0;
  bar.undo.onclick = onlyTrusted(async () => {
    for (const [field, control, value] of previous.reverse()) {
      const current = await currentControl(control, field);
      if (current) setControlValue(current, value);
    }
    previous.length = 0;
    bar.undo.hidden = true;
    bar.replace.hidden = true;
    bar.status.textContent = '';
  });
  // Values the admin typed that differ from Okta's are only replaced when they say so.
  if (plan.conflicts.length > 0) {
    bar.replace.textContent = plan.replaceLabel;
    bar.replace.hidden = false;
    bar.replace.onclick = onlyTrusted(async () => {
      await apply(plan.conflicts);
      bar.replace.hidden = true;
      bar.undo.hidden = false;
      bar.status.textContent = plan.replacedSummary;
    });
  }
}

// The element of a field as last scanned, if it is still on the page.
export function connectedControlOf(field) {
  for (const [control, candidate] of attached?.fields ?? []) if (candidate === field && control.isConnected) return control;
  return null;
}

// The value of a field as typed, read only on the admin's click (the header and secret go nowhere else).
export function typedValue(field) {
  const control = connectedControlOf(field);
  return control ? controlValue(control) : '';
}

async function controlOf(field) {
  const known = connectedControlOf(field);
  if (known) return known;
  await scan();
  for (const [control, candidate] of attached?.fields ?? []) if (candidate === field) return control;
  return null;
}

// Pages that re-render their fields replace the element the admin is typing in: follow the field.
export async function currentControl(control, field) {
  return control.isConnected ? control : controlOf(field);
}

export let settingValue = false; // our own input/change events are not the admin typing

// React tracks values through the prototype's setter; every framework listens to bubbling input/change.
export function setControlValue(control, value) {
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
