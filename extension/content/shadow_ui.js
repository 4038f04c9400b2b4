// Page-side UI lives in an open shadow root: the page's CSS cannot reach it, while tests and assistive
// technology find it by role and name. Text is only ever set with textContent, never parsed as HTML.
// Styles come through a constructed stylesheet, which strict page CSPs (style-src 'self') allow.

const ASSIST_STYLES = `
  :host { all: initial; display: block; font: 14px/1.4 system-ui, sans-serif; color: #1d1d1f; }
  .card { border: 1px solid #c9d3e0; border-radius: 8px; background: #f7f9fc; padding: 12px 14px; margin: 8px 0;
          box-shadow: 0 1px 3px rgb(0 0 0 / 8%); max-width: 760px; }
  .fixed { position: fixed; top: 12px; right: 12px; z-index: 2147483647; width: min(560px, calc(100vw - 24px)); }
  h2 { font-size: 15px; margin: 0 0 8px; }
  .sub { color: #555; font-size: 12px; margin: 0 0 8px; }
  dl { display: grid; grid-template-columns: max-content 1fr max-content; gap: 6px 10px; margin: 0 0 10px; align-items: center; }
  dt { font-weight: 600; }
  dd { margin: 0; font-family: ui-monospace, monospace; font-size: 12px; overflow-wrap: anywhere; }
  dd.missing { color: #a33; font-family: inherit; }
  button { font: inherit; border: 1px solid #0b5cab; background: #fff; color: #0b5cab; border-radius: 6px;
           padding: 3px 10px; cursor: pointer; }
  button.primary { background: #0b5cab; color: #fff; padding: 5px 14px; }
  button:disabled { opacity: .5; cursor: not-allowed; }
  button:focus-visible { outline: 2px solid #ff9e00; outline-offset: 2px; }
  ul.problems { margin: 0 0 10px; padding-left: 18px; }
  li.error { color: #a30000; } li.warning { color: #8a5300; } li.info { color: #35506b; }
  .row { display: flex; gap: 10px; align-items: center; flex-wrap: wrap; }
  [role=status] { min-height: 1.4em; font-size: 13px; }
`;

function createShadowHost(kind) {
  const host = document.createElement('okta-anypoint-assist');
  host.dataset.assist = kind;
  const root = host.attachShadow({ mode: 'open' });
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(ASSIST_STYLES);
  root.adoptedStyleSheets = [sheet];
  return { host, root };
}

// h('button', { class: 'primary', onclick: fn }, 'Text') → element; strings become text nodes.
function h(tag, props, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on')) element.addEventListener(key.slice(2), value);
    else element.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return element;
}
