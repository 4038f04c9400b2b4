// The extension's UI inside web pages: a host element with a *closed* shadow root, so that page scripts can
// neither read it nor reach its buttons (docs/architecture.md, "Trust model"). Every event handler made
// with h() runs only for trusted events (a real click or key press of the admin), never for a page script's
// dispatchEvent or element.click(). Assistive technology still reads it: the accessibility tree is built from
// the rendered (composed) tree. Text is only ever set with textContent, never parsed as HTML. Styles come
// through a constructed stylesheet, which strict page CSPs (style-src 'self') allow.
// Also used by the popup, where the same panel is built without a host.

// Two palettes, both WCAG 2.2 AA on their card; the dark one when the page under the UI is dark (paletteAt). The
// closed roots get them as variables declared on every element of the shadow tree (`*`), never inherited from
// the host: a page can set custom properties on the host, which `all: initial` does not reset, but not inside
// the root. The hint lines, in the page's own form, take their severity's colour from the same palette.
const PALETTES = {
  light: { 'fg': '#1d1d1f', 'sub': '#555', 'card': '#f7f9fc', 'line': '#c9d3e0', 'accent': '#0b5cab', 'on-accent': '#fff',
    'button': '#fff', 'error': '#a30000', 'warning': '#8a5300', 'info': '#35506b', 'passed': '#1d6b2c', 'shadow': 'rgb(0 0 0 / 8%)' },
  dark: { 'fg': '#e6e8eb', 'sub': '#b4bac4', 'card': '#1e2230', 'line': '#46506a', 'accent': '#8ab4f8', 'on-accent': '#0b1a33',
    'button': '#1e2230', 'error': '#ff9a8f', 'warning': '#ffc46b', 'info': '#a8c7fa', 'passed': '#81c995', 'shadow': 'rgb(0 0 0 / 40%)' },
};
const asVariables = (palette) => `* { ${Object.entries(palette).map(([name, colour]) => `--${name}: ${colour};`).join(' ')} }`;
const LIGHT = asVariables(PALETTES.light);
const DARK = asVariables(PALETTES.dark);

const ASSIST_STYLES = `
  :host { all: initial; display: block; font: 14px/1.4 system-ui, sans-serif; }
  .card { color: var(--fg); border: 1px solid var(--line); border-radius: 8px; background: var(--card); padding: 12px 14px;
          margin: 8px 0; box-shadow: 0 1px 3px var(--shadow); max-width: 760px; }
  .fixed { position: fixed; top: 12px; right: 12px; z-index: 2147483647; width: min(560px, calc(100vw - 24px)); }
  h2 { font-size: 15px; margin: 0 0 8px; }
  .sub { color: var(--sub); font-size: 12px; margin: 0 0 8px; }
  dl { display: grid; grid-template-columns: max-content 1fr max-content; gap: 6px 10px; margin: 0 0 10px; align-items: center; }
  dt { font-weight: 600; }
  dd { margin: 0; font-family: ui-monospace, monospace; font-size: 12px; overflow-wrap: anywhere; }
  dd.missing { color: var(--error); font-family: inherit; }
  button { font: inherit; border: 1px solid var(--accent); background: var(--button); color: var(--accent); border-radius: 6px;
           padding: 3px 10px; cursor: pointer; }
  button.primary { background: var(--accent); color: var(--on-accent); padding: 5px 14px; }
  button.link { margin-left: 8px; padding: 0; border: 0; background: none; color: var(--accent); text-decoration: underline; }
  button:disabled { opacity: .5; cursor: not-allowed; }
  button:focus-visible { outline: 2px solid #ff9e00; outline-offset: 2px; }
  ul.problems { margin: 0 0 10px; padding-left: 18px; }
  li.error { color: var(--error); } li.warning { color: var(--warning); } li.info { color: var(--info); }
  .row { display: flex; gap: 10px; align-items: center; flex-wrap: wrap; }
  .source { flex-basis: 100%; color: var(--info); font-size: 12px; margin: 0; }
  [role=status] { min-height: 1.4em; font-size: 13px; margin: 0; }
  .results .summary { margin: 8px 0 4px; font-weight: 600; }
  ul.checks { margin: 0; padding-left: 18px; font-size: 13px; }
  li.passed { color: var(--passed); } li.failed { color: var(--error); }
`;

// What a page could set on the host to hide it under the admin's pointer (clickjacking), move it away or change
// what its words look like (a transparent text fill, a tiny font): everything reset, then our own.
const HOST_GUARD = 'all:initial!important;opacity:1!important;visibility:visible!important;pointer-events:auto!important;';
const HOST_FONT = 'font:14px/1.4 system-ui,sans-serif!important;color:#1d1d1f!important;';

const sheets = {};
const sheet = (name, text) => {
  if (!sheets[name]) {
    sheets[name] = new CSSStyleSheet();
    sheets[name].replaceSync(text);
  }
  return sheets[name];
};

// The page's own background where `element` sits: the first ancestor (through shadow roots) that paints one
// mostly opaque, else the canvas, dark only when the page opted into a dark color-scheme and the system is dark.
// The UI inside Okta's and Anypoint's pages follows what the admin sees there, not the system setting.
export function pageIsDark(element) {
  for (let node = element; node; node = node.parentElement ?? /** @type {ShadowRoot} */ (node.getRootNode()).host ?? null) {
    if (!(node instanceof Element)) break;
    const rgba = /rgba?\(([\d.]+)[, ]+([\d.]+)[, ]+([\d.]+)(?:[,/ ]+([\d.]+%?))?\)/.exec(getComputedStyle(node).backgroundColor);
    if (!rgba) continue;
    const alpha = rgba[4] === undefined ? 1 : rgba[4].endsWith('%') ? parseFloat(rgba[4]) / 100 : parseFloat(rgba[4]);
    if (alpha < 0.5) continue;
    const [r, g, b] = rgba.slice(1, 4).map((c) => {
      const v = parseFloat(c) / 255;
      return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.18; // below mid-grey's relative luminance
  }
  return getComputedStyle(document.documentElement).colorScheme.includes('dark') && matchMedia('(prefers-color-scheme: dark)').matches;
}

// The palette for UI placed at `element`.
export function paletteAt(element) {
  return pageIsDark(element) ? PALETTES.dark : PALETTES.light;
}

// Each host takes the palette of the page where it is: when it is put there, and again whenever the extension's
// UI changes (a scan, a hint) or the system's scheme does, so that a console switching its own theme is followed
// without watching its styles.
const themed = new Set(); // { host, root } while connected
function followPage(host, root) {
  const palette = pageIsDark(host.parentElement) ? sheet('dark', DARK) : sheet('light', LIGHT);
  if (root.adoptedStyleSheets[1] !== palette) root.adoptedStyleSheets = [sheet('assist', ASSIST_STYLES), palette];
}
export function followPageThemes() {
  for (const entry of themed) {
    if (entry.host.isConnected) followPage(entry.host, entry.root);
    else themed.delete(entry);
  }
}
matchMedia('(prefers-color-scheme: dark)').addEventListener('change', followPageThemes);

export function createAssistHost(kind, display = 'block') {
  const host = document.createElement('okta-anypoint-assist');
  const root = host.attachShadow({ mode: 'closed' });
  root.adoptedStyleSheets = [sheet('assist', ASSIST_STYLES), sheet('light', LIGHT)];
  // The caller puts the host in the page right after this: its palette is the page's there.
  queueMicrotask(() => {
    if (!host.isConnected) return;
    followPage(host, root);
    themed.add({ host, root });
  });
  // An inline host (a fix button in a hint line) takes the line's font, so that it does not make the line taller.
  const guard = `${HOST_GUARD}display:${display}!important;${display === 'inline' ? 'font:inherit!important;' : HOST_FONT}`;
  const restore = () => {
    if (host.getAttribute('style') !== guard) host.setAttribute('style', guard);
    if (host.dataset.assist !== kind) host.dataset.assist = kind;
    for (const attribute of ['hidden', 'inert']) if (host.hasAttribute(attribute)) host.removeAttribute(attribute);
  };
  restore();
  // A page that restyles the host gets it put back (as password managers guard their inline menus).
  new MutationObserver(restore).observe(host, { attributes: true });
  return { host, root };
}

// h('button', { class: 'primary', onclick: fn }, 'Text') → element; strings become text nodes.
// on* handlers fire for trusted events only; a click only when the admin could plainly see the button.
// `guard: 'style'`: a button whose click only writes the core's certain fix into its own field (a hint's fix)
// is not held to the observer (below), whose occlusion test counts a design system's decorative outline drawn
// over the field's content (Material's outlined text field) as a cover: nothing a page could gain there.
export function h(tag, props, ...children) {
  const element = document.createElement(tag);
  let guard = 'seen';
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'guard') guard = value;
    else if (key.startsWith('on')) element.addEventListener(key.slice(2), onlyTrusted(value));
    else element.setAttribute(key, value === true ? '' : String(value));
  }
  if (tag === 'button') {
    watchSeen(element, guard);
    trackKeyboardArrival(element);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return element;
}

export function onlyTrusted(handler) {
  return (event) => {
    if (!event.isTrusted) return;
    const refusal = event.type === 'click' ? whyNotSeen(event) : null;
    if (refusal) explainRefusal(event.currentTarget, refusal);
    else handler(event);
  };
}

// The clickjacking guard (docs/architecture.md, "Trust model"): a trusted click on our button that the admin
// could not plainly see is no choice of theirs. Chromium's IntersectionObserver v2 says whether the button is
// painted unobscured (by anything, even a pointer-events: none decoy), undimmed and undistorted; a mouse click
// counts once it has been so, where it is now, for SEEN_FOR_MS, as browsers arm their own permission prompts
// after a delay (the last report may be ~100 ms old, and a button moved under the pointer was not seen there).
// Where the observer is missing (Firefox), a button counts as seen from its layout, at that place: one the page
// moved since (under the admin's waiting pointer) has its next mouse click refused and is seen there from then.
// For what the observer cannot see (clip-path, mask, frames around the page), the composed ancestors are read at
// the click, and the click must land on our host. A key press counts only on a button the admin moved to with
// the keyboard (a Tab's keyup landed on it; a pointer press that focused a
// covered button does not count, and a later key press makes any focused button `:focus-visible`), plainly
// visible now.
const SEEN_FOR_MS = 400;
export const TRACKS_VISIBILITY = typeof IntersectionObserverEntry !== 'undefined' && 'isVisible' in IntersectionObserverEntry.prototype;
// The extension's own page (the popup) has no page around it to cover the buttons: nothing to observe there.
const IN_EXTENSION_PAGE = location.href.startsWith(chrome.runtime.getURL(''));
export const seen = new WeakMap(); // button → { since, where } while the observer says it is plainly visible
const armTimers = new WeakMap();
const styleGuardOnly = new WeakSet(); // buttons judged by the style walk and the hit test alone
const watched = new Set(); // the observed buttons still on the page
let visibilityObserver = null;
let scrollQueued = false;

// Scrolling (a container, or the window itself) moves our buttons without the observer saying so: one that moved
// is seen there only from then (a page could scroll it under the admin's resting pointer). Once per frame, only
// while buttons are watched.
addEventListener('scroll', () => {
  if (scrollQueued || watched.size === 0) return;
  scrollQueued = true;
  requestAnimationFrame(() => {
    scrollQueued = false;
    for (const button of watched) {
      if (!button.isConnected) watched.delete(button);
      else if (seen.has(button) && seen.get(button).where !== placeOf(button)) armButton(button);
    }
  });
}, { capture: true, passive: true });

// Where an element is in the viewport, where the admin's pointer is (a scroll of the window moves it too).
/** @param {Element} element */
export function placeOf(element) {
  const box = element.getBoundingClientRect();
  return `${Math.round(box.left)},${Math.round(box.top)},${Math.round(box.width)},${Math.round(box.height)}`;
}

// Counted as seen from now, where it is now; `data-seen` once that is long enough (also what tests wait for).
function armButton(button) {
  clearTimeout(armTimers.get(button));
  seen.set(button, { since: performance.now(), where: placeOf(button) });
  delete button.dataset.seen;
  armTimers.set(button, setTimeout(() => { button.dataset.seen = ''; }, SEEN_FOR_MS));
}

// Without the observer, a button is seen from each layout that gives it a new size: its first, and its showing
// after it was hidden (Undo, Replace). One that went from the page is watched no more.
let layoutObserver = null;
function armAtEachLayout(button) {
  layoutObserver ??= new ResizeObserver((entries) => {
    for (const { target } of entries) {
      if (target.isConnected) armButton(/** @type {HTMLElement} */ (target));
      else {
        layoutObserver?.unobserve(target);
        watched.delete(/** @type {HTMLElement} */ (target));
      }
    }
  });
  layoutObserver.observe(button);
}

function watchSeen(button, guard) {
  if (IN_EXTENSION_PAGE) {
    styleGuardOnly.add(button);
    button.dataset.seen = '';
    return;
  }
  if (!TRACKS_VISIBILITY || guard === 'style') {
    // No observer to say when it is plainly visible: seen from its layout, where it was drawn. A page that moves
    // it later (a layout shift or a scroll under the waiting pointer) gets the next mouse click refused.
    styleGuardOnly.add(button);
    watched.add(button);
    armAtEachLayout(button);
    return;
  }
  visibilityObserver ??= new IntersectionObserver((entries) => {
    for (const { target, isVisible } of entries) {
      if (isVisible) {
        armButton(target);
      } else {
        clearTimeout(armTimers.get(target));
        seen.delete(target);
        delete /** @type {HTMLElement} */ (target).dataset.seen;
      }
    }
  }, { trackVisibility: true, delay: 100 });
  visibilityObserver.observe(button);
  watched.add(button);
}

// Whether focus arrived on the button from the keyboard: the Tab's keyup lands on the element it moved to. A
// pointer press (which may have hit the button under a cover) or leaving it forgets that. A page that swallows
// the keyup only costs the admin the keyboard path (refused, never wrongly allowed).
const arrivedByKeyboard = new WeakSet();

function trackKeyboardArrival(button) {
  button.addEventListener('keyup', (event) => { if (event.isTrusted && event.key === 'Tab') arrivedByKeyboard.add(button); });
  for (const type of ['pointerdown', 'blur']) button.addEventListener(type, () => arrivedByKeyboard.delete(button));
}

function whyNotSeen(event) {
  const button = event.currentTarget;
  const host = button.getRootNode?.().host;
  if (!host) return null; // an extension page (the popup): no page around it
  const byKeyboard = event.detail === 0;
  if (byKeyboard && !arrivedByKeyboard.has(button)) return 'clickRefusedHidden';
  const state = seen.get(button);
  if (state === undefined && !(styleGuardOnly.has(button) && byKeyboard)) return 'clickRefusedHidden';
  if (state !== undefined) {
    if (!byKeyboard && state.where !== placeOf(button)) {
      armButton(button); // moved since it was seen: seen here only from now
      return 'clickRefusedSoon';
    }
    if (!byKeyboard && performance.now() - state.since < SEEN_FOR_MS) return 'clickRefusedSoon';
  }
  if (host.checkVisibility && !host.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return 'clickRefusedHidden';
  if (hiddenByStyle(host)) return 'clickRefusedHidden';
  // Where the press lands (the pointer, or the middle of the focused button) must be our host, in the host's own
  // tree (a hint's fix button may sit in the shadow root of the page's input component) and in every frame
  // around it.
  const box = button.getBoundingClientRect();
  const [x, y] = byKeyboard ? [box.left + box.width / 2, box.top + box.height / 2] : [event.clientX, event.clientY];
  if (host.getRootNode().elementFromPoint(x, y) !== host) return 'clickRefusedHidden';
  if (!framesShowIt(x, y)) return 'clickRefusedHidden';
  return null;
}

// A page framed by a page of the same origin (the helper runs in such frames): each frame element must be
// plainly shown and be what lies at that point in its parent. A cross-origin parent cannot be read: its
// browser's own frame-ancestors rules apply (and Chromium's observer covers it).
function framesShowIt(x, y) {
  let frameWindow = /** @type {Window} */ (window);
  try {
    while (frameWindow.frameElement) {
      const frame = frameWindow.frameElement;
      const box = frame.getBoundingClientRect();
      [x, y] = [x + box.left + frame.clientLeft, y + box.top + frame.clientTop];
      if (hiddenByStyle(frame) || frame.ownerDocument.elementFromPoint(x, y) !== frame) return false;
      frameWindow = frameWindow.parent;
    }
  } catch {
    return true; // a cross-origin parent: not ours to read
  }
  return true;
}

// Whether anything from the host up through the page's composed tree dims, clips, masks, blends or shrinks it.
function hiddenByStyle(host) {
  let opacity = 1;
  for (let node = host; node instanceof Element; node = node.assignedSlot ?? node.parentElement ?? /** @type {ShadowRoot} */ (node.getRootNode()).host) {
    const style = getComputedStyle(node);
    opacity *= Number(style.opacity);
    const mask = style.maskImage ?? style.webkitMaskImage ?? 'none';
    if (style.filter !== 'none' || style.clipPath !== 'none' || mask !== 'none' || style.mixBlendMode !== 'normal') return true;
    if (Number(style.zoom || 1) < 1 || !plainTransform(style)) return true;
  }
  return opacity < 1;
}

// Only what keeps the button as drawn: a 2D translation and/or an even scale up (as IntersectionObserver v2 rules).
function plainTransform(style) {
  if (style.rotate && style.rotate !== 'none' && parseFloat(style.rotate) !== 0) return false;
  if (style.scale && style.scale !== 'none') {
    const factors = style.scale.split(' ').map(Number);
    if (factors.some((factor) => factor !== factors[0] || !(factor >= 1))) return false;
  }
  if (style.transform === 'none') return true;
  try {
    const m = new DOMMatrixReadOnly(style.transform);
    return m.is2D && m.b === 0 && m.c === 0 && m.a === m.d && m.a >= 1;
  } catch {
    return false;
  }
}

// A refused click says why, in the status line of the button's own bar (or on the button itself).
function explainRefusal(button, reason) {
  const text = chrome.i18n.getMessage(reason);
  const status = button.getRootNode().querySelector?.('[role=status]');
  if (status) status.textContent = text;
  else button.title = text;
}
