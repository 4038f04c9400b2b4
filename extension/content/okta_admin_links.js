// Okta admin console: beside each link the core recognises as a Metadata URI of this org (an authorization
// server's settings page shows it as a link), a "Use in Anypoint" button that loads, checks and keeps it. Found
// by where links point, never by the console's markup. Pages that show secrets (Security > API > Tokens) are
// neither matched by the manifest nor answered by the core; when the admin reaches one inside the app, the core
// says so before any link is sent, and none is until the app navigates elsewhere. The console is a single-page
// app: new links are looked at once per animation frame.

import { askCore } from '../shared/ask_core.js';
import { createAssistHost, h } from '../shared/assist_ui.js';
import { keepAnswerText } from '../shared/metadata_panel.js';

const linksSeen = new WeakSet();
let frameQueued = false;
let pageAsked = null; // { href, read }: whether the page at `href` may be read, as the core said

// Asked once per address, with no link in the question: nothing of a page that is never read leaves it.
function pageMayBeRead() {
  if (pageAsked?.href !== location.href) {
    const answer = askCore({ recogniseLinks: { hrefs: [], page: location.href } });
    pageAsked = { href: location.href, read: answer.then((a) => a.kind === 'metadataLinks' && a.pageRead) };
  }
  return pageAsked.read;
}

async function offerLinks() {
  frameQueued = false;
  const page = location.href;
  if (!(await pageMayBeRead()) || location.href !== page) return; // a navigation brings another look
  const links = [...document.querySelectorAll('a[href]')].map((a) => /** @type {HTMLAnchorElement} */ (a)).filter((link) => !linksSeen.has(link));
  if (links.length === 0) return;
  links.forEach((link) => linksSeen.add(link));
  const answer = await askCore({ recogniseLinks: { hrefs: links.map((link) => link.href), page } });
  if (answer.kind !== 'metadataLinks') return;
  for (const index of answer.links) offerButton(links[index], answer.button);
}

function offerButton(link, label) {
  const { host, root } = createAssistHost('okta-link', 'inline');
  const status = h('span', { role: 'status', 'aria-live': 'polite' });
  const keep = async () => {
    status.textContent = '';
    const answer = await askCore({ keepLinkedMetadata: { href: link.href, page: location.href } });
    status.textContent = keepAnswerText(answer);
  };
  root.append(h('button', { type: 'button', class: 'link', onclick: keep }, label), ' ', status);
  link.after(host);
}

new MutationObserver(() => {
  if (frameQueued) return;
  frameQueued = true;
  requestAnimationFrame(offerLinks);
}).observe(document.documentElement, { childList: true, subtree: true });
offerLinks();
