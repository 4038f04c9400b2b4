// Hosts the admin allows at run time (an Okta org's custom URL domain, an Anypoint Private Cloud host): the
// browser's own prompt for one host, then the manifest's content scripts of that kind registered there. Used by
// the popup (a document on a custom domain) and the options page (the list of allowed hosts). The core decides
// what a host is and what its grant's id and patterns are (`grantFor`, `grantsOf`).

import { h } from './assist_ui.js';

/**
 * Ask the browser for one host (on the admin's click) and register the scripts of that kind there. Nothing is
 * awaited before permissions.request: it must run within the click's handling. `core` is the page's started core
 * (null while it starts). Answers whether the host is now allowed, and the words for it.
 * @param {{ grantFor: Function, words: Function } | null} core
 * @param {string} input
 * @param {'oktaCustomDomain' | 'anypointPrivateCloud'} kind
 */
export async function allow(core, input, kind) {
  // Before the core runs, the browser's own rendering of the catalogue (a message without arguments).
  if (!core) return { allowed: false, message: chrome.i18n.getMessage('popupStarting') };
  const grant = core.grantFor(input, kind);
  if ('message' in grant) return { allowed: false, message: grant.message };
  const granted = await chrome.permissions.request({ origins: [grant.origin] }).catch(() => false);
  if (!granted) return { allowed: false, message: core.words('popupNotAllowed', [grant.host]) };
  const scriptOf = (file) => chrome.runtime.getManifest().content_scripts.find((c) => c.js.some((js) => js.endsWith(file)));
  const base = kind === 'oktaCustomDomain' ? scriptOf('okta_metadata.js') : scriptOf('anypoint.js');
  await chrome.scripting.unregisterContentScripts({ ids: [grant.id] }).catch(() => {});
  // Paths from the extension's root: Firefox lists the manifest's scripts as full URLs and resolves relative
  // paths against this page; Chromium lists them relative to the root.
  const fromRoot = (file) => new URL(file, chrome.runtime.getURL('/')).pathname;
  await chrome.scripting.registerContentScripts([{
    id: grant.id, matches: grant.matches, js: base.js.map(fromRoot), runAt: 'document_idle', allFrames: Boolean(base.all_frames),
  }]);
  chrome.runtime.sendMessage({ grantsChanged: true }).catch(() => {});
  return { allowed: true, message: core.words('popupAllowed', [grant.host]) };
}

/**
 * The hosts allowed, as the content scripts registered for them (the core names their kind), each with Remove.
 * @param {{ grantsOf: Function, words: Function }} core
 * @param {chrome.scripting.RegisteredContentScript[]} scripts as chrome.scripting.getRegisteredContentScripts() gave them
 * @param {HTMLElement} list
 * @param {() => void} changed
 */
export function showGrants(core, scripts, list, changed) {
  const { grants } = core.grantsOf(scripts.map((script) => script.id));
  list.replaceChildren(...(grants.length ? grants.map(({ id, host, kind }) => h('li', {}, `${host} (${kind}) `,
    h('button', { type: 'button', onclick: async () => {
      await chrome.scripting.unregisterContentScripts({ ids: [id] });
      await chrome.permissions.remove({ origins: [`https://${host}/*`] });
      chrome.runtime.sendMessage({ grantsChanged: true }).catch(() => {});
      changed();
    } }, core.words('popupRemoveHost', [host])))) : [h('li', {}, core.words('popupNoHosts', []))]));
  return grants;
}
