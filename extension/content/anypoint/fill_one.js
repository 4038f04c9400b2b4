// One field by hand, for forms the classifier does not recognise (the console's markup is a guess from public
// sources): the context menu "Fill with Okta value ▸ Issuer / …" writes the kept value into the field the admin
// right-clicked, and the keyboard command into the field the admin is in, by that field's own words. Only on
// the admin's own moves: both come from the worker (a page cannot message this script), the right-click must
// be a trusted one, and the core answers only from kept values.

import { placeOf } from '../../shared/assist_ui.js';
import { setControlValue } from './apply_fill.js';
import { deepActiveElement, sayUnder } from './field_hints.js';
import { snapshotOf } from './snapshot_form.js';
import { askCore, messageOf } from '../../shared/ask_core.js';

const TEXT_CONTROL = 'input, textarea';
const editable = (element) => element instanceof HTMLElement && (element.matches(TEXT_CONTROL) || element.isContentEditable);

// The admin's last right-click on an editable element: the element, when, and where it was. Used once.
let rightClicked = null;
const MENU_WITHIN_MS = 60000; // a menu left open longer is no answer to that right-click

// On the window, capturing: before the page's own listeners on the document can stop the event.
addEventListener('contextmenu', (event) => {
  const target = event.composedPath()[0];
  rightClicked = event.isTrusted && editable(target) ? { element: new WeakRef(target), at: event.timeStamp, place: placeOf(/** @type {HTMLElement} */ (target)) } : null;
}, true);

// The menu's item `field` (a field's wire name) was chosen. Only into the element of that right-click, still
// where it was and still focused (a right-click focuses a field): one the page removed, moved or swapped gets
// nothing.
export async function fillRightClicked(field) {
  const clicked = rightClicked;
  rightClicked = null;
  const control = clicked?.element.deref();
  if (!control?.isConnected || performance.now() - clicked.at > MENU_WITHIN_MS) return;
  if (placeOf(control) !== clicked.place || deepActiveElement() !== control) return;
  await fillOne(control, { field });
}

// The keyboard command where no form was recognised: the focused text control, by its own words.
export async function fillFocused() {
  const control = deepActiveElement();
  if (control instanceof HTMLElement && control.matches(TEXT_CONTROL)) await fillOne(control, { control: snapshotOf(control) });
}

async function fillOne(control, request) {
  const answer = await askCore({ fillOne: request });
  if (!control.isConnected) return;
  if (answer.kind !== 'oneFilled') {
    sayUnder(control, messageOf(answer), 'warning');
    return;
  }
  if (writeAsTyped(control, answer.value)) sayUnder(control, answer.message, 'info');
}

// As the admin's typing would: the browser's own editing command, so that the app's state sees the value and
// the browser's Undo (Ctrl+Z) puts back what was there. Where the browser cannot (a number field, a control
// it refuses), the fill's own way: the app's state sees it, without the browser's Undo. Answers whether it wrote.
function writeAsTyped(control, value) {
  const current = () => (control.isContentEditable ? control.textContent : /** @type {HTMLInputElement} */ (control).value);
  control.focus();
  if (deepActiveElement() !== control) return false; // the page moved focus elsewhere: the editing command would write there
  if (control.isContentEditable) getSelection()?.selectAllChildren(control);
  else /** @type {HTMLInputElement} */ (control).select();
  if (!document.execCommand('insertText', false, value) || current() !== value) {
    if (control.isContentEditable) return false;
    setControlValue(/** @type {HTMLInputElement} */ (control), value);
  }
  return true;
}
