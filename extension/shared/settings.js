// The settings as the core reads them (src/core/policy.rs): the organisation's (managed storage, set by policy)
// and the admin's own (the options page's choices, `chosen` in storage.local). Firefox fails to read managed
// storage when no policy is set for the extension: that, and only that, is "no policy". Any other failure is a
// policy that exists but could not be read, and the core then lets nothing leave the browser.
const NO_POLICY = /managed storage manifest not found/i;

// One failure may be the browser still starting its policy service: read once more before calling it unreadable.
const readManaged = (tries = 2) => chrome.storage.managed.get().catch((/** @type {unknown} */ error) => {
  if (NO_POLICY.test(String(/** @type {Error} */ (error)?.message ?? error))) return {};
  if (tries > 1) return new Promise((resolve) => setTimeout(resolve, 200)).then(() => readManaged(tries - 1));
  return { unreadable: true };
});

/** @returns {Promise<{ managed: Record<string, unknown>, chosen: Record<string, unknown> }>} */
export async function readSettings() {
  const [managed, chosen] = await Promise.all([
    readManaged(),
    chrome.storage.local.get('chosen').then(({ chosen }) => /** @type {Record<string, unknown>} */ (chosen ?? {}), () => ({})),
  ]);
  return { managed, chosen };
}
