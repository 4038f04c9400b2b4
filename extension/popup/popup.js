// The extension's own UI (toolbar button): load a metadata document by the org, issuer or Metadata URI, see
// and forget what is kept for Anypoint, and allow or remove custom domains one host at a time. Works where
// content scripts can't run (Firefox's JSON viewer). Thin hands: the worker fetches under its policy and the
// core decides, through the same protocol as the content scripts. The API body is built by the same core,
// loaded in this page (a pure function: nothing to ask the worker).

import init, { apiBody, grantFor, isMetadataUrl, useWords, words } from '../core/okta_anypoint_assist.js';
import { startExtensionPageCore } from '../catalogues.js';
import { askCore, messageOf } from '../shared/ask_core.js';
import { h } from '../shared/assist_ui.js';
import { allow } from '../shared/grants.js';
import { keepAnswerText, metadataPanel } from '../shared/metadata_panel.js';

// This page's own instance of the core, in the browser's language.
const coreReady = startExtensionPageCore(init, { useWords, words });
let coreLoaded = false;
coreReady.then(() => { coreLoaded = true; });

const form = /** @type {HTMLFormElement} */ (document.getElementById('load'));
const input = /** @type {HTMLInputElement} */ (document.getElementById('location'));
const loadStatus = document.getElementById('load-status');
const grantRow = document.getElementById('grant-row');
const grantButton = document.getElementById('grant');
const reportArea = document.getElementById('report');
const keptArea = document.getElementById('kept');
const forgetButton = document.getElementById('forget');
const copyBodyButton = document.getElementById('copy-api-body');
const keptStatus = document.getElementById('kept-status');
let keptDraft = null;

async function showKept() {
  const [answer] = await Promise.all([askCore('getKept'), coreReady]);
  keptArea.textContent = answer.kind === 'kept' ? words('popupKept', [answer.draft.issuer, answer.message]) : messageOf(answer);
  keptDraft = answer.kind === 'kept' ? answer.draft : null;
  // Values a form loaded from the Issuer it holds: kept only on this click, with the org's full host in view.
  const offered = answer.kind === 'nothingKept' ? answer.offered : null;
  document.getElementById('offered').replaceChildren(...(offered ? [
    h('p', {}, offered.message),
    h('button', { type: 'button', onclick: async () => {
      const kept = await askCore({ keepOffered: { issuer: offered.issuer } });
      keptStatus.textContent = messageOf(kept);
      await showKept();
    } }, offered.keepLabel),
  ] : []));
  forgetButton.hidden = copyBodyButton.hidden = keptDraft === null;
  await showChecklist();
}

// The whole procedure, with links into the admin's own org and what the extension proved so far.
async function showChecklist() {
  const list = document.getElementById('checklist');
  const answer = await askCore('getChecklist');
  if (answer.kind !== 'checklist') {
    list.replaceChildren(h('li', {}, messageOf(answer)));
    return;
  }
  document.getElementById('checklist-plane').textContent = words('popupPlane', [answer.planeName]);
  // Each step's how-to folds away under its title: the popup fits the browser's 600 px with a document checked.
  list.replaceChildren(...answer.steps.map((step) => h('li', { 'data-proved': String(Boolean(step.proved)) },
    h('details', {}, h('summary', {}, h('strong', {}, step.title)), h('p', { class: 'sub' }, step.detail)),
    step.links.map((link) => h('a', { href: link.url, target: '_blank', rel: 'noopener' }, link.label)),
    step.proved ? h('p', { class: 'proved' }, `✓ ${step.proved}`) : null,
    step.seen ? h('p', { class: 'seen' }, step.seen) : null)));
}

// The Access Management API body of the kept values, secrets as placeholders (the draft's URL fields carry
// the names of the form's fields).
copyBodyButton.addEventListener('click', async () => {
  await coreReady;
  const { sourceUrl, server, keptAt, ...urls } = keptDraft; // the five URLs, named as the form's fields
  const { body } = apiBody(Object.fromEntries(Object.entries(urls).filter(([, value]) => value !== null)), '', '');
  try {
    await navigator.clipboard.writeText(JSON.stringify(body, null, 2));
    keptStatus.textContent = words('popupApiBodyCopied', []);
  } catch (error) {
    keptStatus.textContent = words('popupCouldNotCopy', [error.message]);
  }
});

forgetButton.addEventListener('click', async () => {
  await askCore('forgetKept');
  await showKept();
});

// Allowed hosts, the switches and what the organisation set: the options page.
document.getElementById('options').addEventListener('click', () => chrome.runtime.openOptionsPage());

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  reportArea.replaceChildren();
  loadStatus.textContent = '';
  grantRow.hidden = true;
  const report = await askCore({ fetchMetadata: { input: input.value, keep: false } });
  if (report.kind === 'hostNotGranted') {
    // The admin's click asks the browser for this one host; the browser shows its own prompt.
    loadStatus.textContent = report.message;
    grantButton.textContent = report.grantLabel;
    grantButton.onclick = async () => {
      const outcome = await allow(coreLoaded ? { grantFor, words } : null, report.host, 'oktaCustomDomain');
      loadStatus.textContent = outcome.message;
      if (!outcome.allowed) return;
      grantRow.hidden = true;
      form.requestSubmit();
    };
    grantRow.hidden = false;
    return;
  }
  if (report.kind !== 'metadataReport') {
    loadStatus.textContent = messageOf(report);
    return;
  }
  // A report takes the room: the checklist folds to its title (one click opens it), so the popup fits.
  /** @type {HTMLDetailsElement} */ (document.getElementById('checklist-section')).open = false;
  // "Use in Anypoint" keeps what was just checked: no second fetch in between.
  reportArea.append(metadataPanel(report, async () => {
    const answer = await askCore('keepChecked');
    await showKept();
    return keepAnswerText(answer);
  }));
});

// A tab showing an Okta metadata document (the active one, else the one last used): one click loads it. Tab
// URLs are visible only for the Okta hosts the extension may access.
async function offerThisTab() {
  await coreReady;
  const tabs = (await chrome.tabs.query({})).filter((tab) => tab.url !== undefined && isMetadataUrl(tab.url));
  const tab = tabs.find((t) => t.active) ?? tabs.sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0];
  if (!tab) return;
  document.getElementById('this-tab-row').hidden = false;
  document.getElementById('this-tab').addEventListener('click', () => {
    input.value = tab.url;
    form.requestSubmit();
  });
}

// The tab the admin is on: the active one most recently used, not this page's own (the popup shown as a tab).
async function activeTab() {
  const own = await chrome.tabs.getCurrent();
  const tabs = (await chrome.tabs.query({ active: true })).filter((tab) => tab.id !== own?.id);
  return tabs.sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0];
}

// A page whose form controls the helper read without recognising Anypoint's form (the console changed, or a
// markup the classifier misreads): a report for a bug report, shown in full before the admin copies it. Only
// frames with controls answer; the content script has the core write it (no values, data masked).
async function offerFormReport() {
  const tab = await activeTab();
  if (tab?.id === undefined) return;
  const answer = await chrome.tabs.sendMessage(tab.id, { command: 'reportForm' }).catch(() => null);
  if (answer?.kind !== 'formReported' || answer.recognised) return;
  const text = /** @type {HTMLTextAreaElement} */ (document.getElementById('form-report-text'));
  const status = document.getElementById('form-report-status');
  text.value = answer.report;
  document.getElementById('form-report').hidden = false;
  document.getElementById('show-form-report').addEventListener('click', () => {
    document.getElementById('form-report-view').hidden = false;
    text.focus();
  });
  document.getElementById('copy-form-report').addEventListener('click', async () => {
    await coreReady;
    try {
      await navigator.clipboard.writeText(text.value);
      status.textContent = words('popupFormReportCopied', []);
    } catch (error) {
      status.textContent = words('popupCouldNotCopy', [error.message]);
    }
  });
}

showKept();
offerThisTab();
offerFormReport();

// What the tests ask the core with from this page (`popup.evaluate(() => askCore(…))`): the extension's own page,
// which no web page can reach.
Object.defineProperty(globalThis, 'askCore', { value: askCore });
