// The options page (options_ui): what the organisation set by policy (read-only, "Managed by your
// organisation"), the switches the admin may change (kept in storage.local as `chosen`: no secret, only on/off),
// and the hosts allowed at run time, with the hosts the organisation listed one click away (no browser policy
// can grant an optional host permission: the admin's click asks the browser). The core decides what is in force
// (`policyShown`, src/core/policy.rs), as the worker does.

import init, { grantFor, grantsOf, policyShown, useWords, words } from '../core/okta_anypoint_assist.js';
import { startExtensionPageCore } from '../catalogues.js';
import { h } from '../shared/assist_ui.js';
import { allow, showGrants } from '../shared/grants.js';
import { readSettings as settings } from '../shared/settings.js';

const coreReady = startExtensionPageCore(init, { useWords, words });
let core = null;
const status = document.getElementById('grant-status');

let shows = 0;
async function show() {
  // Events come in bursts (a grant is a permission, then a script registered); only the latest read is shown.
  const mine = ++shows;
  await coreReady;
  core = { grantFor, grantsOf, words };
  const current = await settings();
  const scripts = await chrome.scripting.getRegisteredContentScripts();
  if (mine !== shows) return;
  const shown = policyShown(current);
  const managedNote = words('optionsManaged', []);
  // What the organisation set.
  /** @type {[string, string[], string][]} */
  const lists = [['policyOktaOrgs', shown.oktaOrgs, 'oktaOrgs'], ['policyCustomDomains', shown.customDomains, 'customDomains'],
    ['policyPrivateCloudHosts', shown.privateCloudHosts, 'privateCloudHosts']];
  document.getElementById('managed').hidden = shown.managed.length === 0 && !shown.warning;
  document.getElementById('managed-warning').textContent = shown.warning ?? '';
  document.getElementById('managed-lists').replaceChildren(...lists.filter(([, , key]) => shown.managed.includes(key)).flatMap(([title, hosts]) => [
    h('dt', {}, words(title, [])), h('dd', {}, hosts.join(', ') || '—'), h('dd', {}, managedNote)]));
  // The switches: the organisation's are shown, not changeable.
  document.getElementById('switches').replaceChildren(...shown.switches.map((item) => {
    const box = h('input', { type: 'checkbox', id: `switch-${item.key}`, 'data-switch': item.key });
    Object.assign(box, { checked: item.on, disabled: item.managed });
    box.addEventListener('change', async () => {
      const { chosen } = await settings();
      await chrome.storage.local.set({ chosen: { ...chosen, [item.key]: box.checked } });
    });
    return h('li', {}, h('label', { for: box.id, class: 'inline' }, box, ` ${item.label}`), item.managed ? h('span', { class: 'sub' }, ` (${managedNote})`) : null);
  }));
  // Hosts allowed, and those the organisation listed that are not allowed yet.
  const granted = showGrants(core, scripts, document.getElementById('domains'), show);
  const allowed = new Set(granted.map((g) => g.host));
  const listed = [...shown.customDomains.map((host) => [host, 'oktaCustomDomain']), ...shown.privateCloudHosts.map((host) => [host, 'anypointPrivateCloud'])]
    .filter(([host]) => !allowed.has(host));
  document.getElementById('listed').replaceChildren(...listed.map(([host, kind]) => h('li', {}, `${host} `,
    h('button', { type: 'button', onclick: async () => {
      status.textContent = (await allow(core, host, /** @type {'oktaCustomDomain' | 'anypointPrivateCloud'} */ (kind))).message;
      show();
    } }, words('optionsAllowListed', [host])))));
}

document.getElementById('private-cloud').addEventListener('submit', async (event) => {
  event.preventDefault();
  const input = /** @type {HTMLInputElement} */ (document.getElementById('private-cloud-host'));
  status.textContent = (await allow(core, input.value, 'anypointPrivateCloud')).message;
  show();
});
// A host allowed or removed elsewhere: the popup says so once its scripts are registered (the permission's own
// event comes before that); the browser's own settings change only the permission.
chrome.runtime.onMessage.addListener((message, sender) => {
  if (message?.grantsChanged !== undefined && sender.id === chrome.runtime.id) show();
  return false;
});
chrome.permissions.onAdded.addListener(() => show());
chrome.permissions.onRemoved.addListener(() => show());
chrome.storage.onChanged.addListener((changes, area) => { if (area === 'managed' || (area === 'local' && 'chosen' in changes)) show(); });
show();
