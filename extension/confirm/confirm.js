// Firefox: the confirming click of a write into Okta ("Create the introspection client in Okta"), made here, in a
// window of the extension's own, which no page can cover, dim or restyle. Firefox has no IntersectionObserver v2
// to tell whether the page's copy of the button was plainly shown (assist_ui.js). The worker holds what the
// core offered (its words and actions, no secret); a choice goes back through the worker to the frame that
// asked, which acts only on an action it was offered (create_client.js) and the core checks it again.

const say = (key) => chrome.i18n.getMessage(key);
document.title = say('confirmWindowTitle');
document.documentElement.lang = chrome.i18n.getMessage('@@ui_locale').split('_')[0] || 'en';
document.getElementById('title').textContent = say('confirmWindowTitle');
const message = document.getElementById('message');
const choices = document.getElementById('choices');
const nonce = location.hash.slice(1); // which offer this window shows (the worker's)

// A press counts only when it began at least ARM_MS after the window was last shown or focused: a double click or
// a key press the page prompted, meant for the page, must not land here the moment the window opens.
const ARM_MS = 500;
let shownAt = performance.now();
let pressedAt = -Infinity;
let armTimer;
// `data-armed` once ARM_MS have passed (what the tests wait for); a timer may fire a little early by the clock
// Firefox coarsens, so it checks and waits out the rest.
const armWhenDue = () => {
  const left = ARM_MS - (performance.now() - shownAt);
  if (left <= 0) choices.dataset.armed = '';
  else armTimer = setTimeout(armWhenDue, left + 1);
};
const rearm = () => {
  shownAt = performance.now();
  delete choices.dataset.armed;
  clearTimeout(armTimer);
  armWhenDue();
};
addEventListener('focus', rearm);
document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'visible') rearm(); });
for (const type of ['pointerdown', 'keydown']) addEventListener(type, (event) => { if (event.isTrusted) pressedAt = performance.now(); }, true);
rearm();

/** @type {{ message: string, labels: string[] } | null} */
const pending = await chrome.runtime.sendMessage({ pendingConfirm: nonce }).catch(() => null);
if (!pending) {
  message.textContent = say('confirmNothingPending');
} else {
  message.textContent = pending.message; // text, never HTML
  choices.replaceChildren(...pending.labels.map((label, index) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'primary';
    button.textContent = label;
    button.addEventListener('click', async (event) => {
      if (!event.isTrusted || pressedAt - shownAt < ARM_MS) return;
      await chrome.runtime.sendMessage({ confirmed: { nonce, index } });
      window.close();
    });
    return button;
  }));
}
