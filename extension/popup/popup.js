// The extension's own UI (toolbar button): load a metadata document by the org, issuer or Metadata URI, and
// see what is kept for Anypoint. Works where content scripts can't run (Firefox's JSON viewer). Thin hands:
// the worker fetches and the core decides, through the same protocol as the content scripts.

const form = document.getElementById('load');
const input = document.getElementById('location');
const loadStatus = document.getElementById('load-status');
const reportArea = document.getElementById('report');
const keptArea = document.getElementById('kept');

async function showKept() {
  const answer = await askCore('getKept');
  keptArea.textContent = answer.kind === 'kept' ? `${answer.draft.issuer} (from ${answer.draft.sourceUrl})` : answer.message;
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const location = input.value;
  reportArea.replaceChildren();
  loadStatus.textContent = '';
  const report = await askCore({ fetchMetadata: { input: location, keep: false } });
  if (report.kind !== 'metadataReport') {
    loadStatus.textContent = report.message;
    return;
  }
  reportArea.append(metadataPanel(report, async () => {
    const answer = await askCore({ fetchMetadata: { input: location, keep: true } });
    await showKept();
    return keepAnswerText(answer);
  }));
});

showKept();
