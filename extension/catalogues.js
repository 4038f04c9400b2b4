// The words' catalogues (_locales/{en,ja}/messages.json) for an instance of the core, which renders them
// (src/core/words.rs): English, and the language chosen for this browser when there is a catalogue of it
// ("ja", "en_US" → its base "en" → none needed). Used by the worker, the popup and the web page (which gets a
// copy of this file and of _locales from build.sh); a catalogue that cannot be read is none.

/**
 * @param {(path: string) => string} urlOf where a path of the extension (or of the web page) is
 * @param {string} chosen the browser's language: chrome.i18n's `@@ui_locale`, or the web page's `navigator.language`
 * @returns {Promise<[unknown, unknown]>} English, and the chosen language's catalogue or null
 */
export function catalogues(urlOf, chosen) {
  const catalogue = (/** @type {string} */ locale) => fetch(urlOf(`_locales/${locale}/messages.json`))
    .then((response) => (response.ok ? response.json() : null))
    .catch(() => null);
  const locale = chosen.replace('-', '_');
  const base = locale.split('_')[0];
  const language = base === 'en' || base === '' ? null : catalogue(locale).then((found) => found ?? (base !== locale ? catalogue(base) : null));
  return Promise.all([catalogue('en'), language]);
}
