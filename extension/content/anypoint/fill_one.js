// One field by hand, for forms the classifier does not recognise (the console's markup is a guess from public
// sources): the context menu "Fill with Okta value ▸ Issuer / …" writes the kept value into the field the admin
// right-clicked, and the keyboard command into the field the admin is in, by that field's own words. Only on
// the admin's own moves: both come from the worker (a page cannot message this script), the right-click must
// be a trusted one, and the core answers only from kept values.

import { setControlValue } from './apply_fill.js';
import { sayUnder } from './field_hints.js';
import { snapshotOf } from './snapshot_form.js';
import { askCore, messageOf } from '../../shared/ask_core.js';

const TEXT_CONTROL = 'input, textarea';
const editable = (element) => element instanceof HTMLElement && (element.matches(TEXT_CONTROL) || element.isContentEditable);

let rightClicked = null; // WeakRef to the editable element of the admin's last right-click

// On the window, capturing: before the page's own listeners on the document can stop the event.
addEventListener('contextmenu', (event) => {
  const target = event.composedPath()[0];
  rightClicked = event.isTrusted && editable(target) ? new WeakRef(target) : null;
}, true);

// The menu's item `field` (a field's wire name) was chosen. A control the page removed since gets nothing.
export async function fillRightClicked(field) {
  const control = rightClicked?.deref();
  if (control?.isConnected) await fillOne(control, { field });
}

// The keyboard command where no form was recognised: the focused text control, by its own words.
export async function fillFocused() {
  let control = document.activeElement;
  while (control?.shadowRoot?.activeElement) control = control.shadowRoot.activeElement;
  if (control instanceof HTMLElement && control.matches(TEXT_CONTROL)) await fillOne(control, { control: snapshotOf(control) });
}

async function fillOne(control, request) {
  const answer = await askCore({ fillOne: request });
  if (!control.isConnected) return;
  if (answer.kind !== 'oneFilled') {
    sayUnder(control, messageOf(answer), 'warning');
    return;
  }
  writeAsTyped(control, answer.value);
  sayUnder(control, answer.message, 'info');
}

// As the admin's typing would: the browser's own editing command, so that the app's state sees the value and
// the browser's Undo (Ctrl+Z) puts back what was there. Where the browser cannot (a number field, a control
// it refuses), the fill's own way: the app's state sees it, without the browser's Undo.
function writeAsTyped(control, value) {
  const current = () => (control.isContentEditable ? control.textContent : /** @type {HTMLInputElement} */ (control).value);
  control.focus();
  if (control.isContentEditable) getSelection()?.selectAllChildren(control);
  else /** @type {HTMLInputElement} */ (control).select();
  if (!document.execCommand('insertText', false, value) || current() !== value) {
    if (!control.isContentEditable) setControlValue(/** @type {HTMLInputElement} */ (control), value);
  }
}
