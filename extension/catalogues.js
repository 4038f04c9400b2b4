// The words' catalogues for an instance of the core, which renders them (src/core/words.rs): English, and the
// language chosen for this browser when there is a catalogue of it ("ja", "en_US" → its base "en" → none
// needed). Each is `words/{lang}.txt`, the browser's catalogue (_locales/{lang}/messages.json) compiled by the
// core at build time (`assist-layout`). Used by the worker, the popup and the web page (which gets a copy of
// this file and of words/ from build.sh); a catalogue that cannot be read is none.

/**
 * @param {(path: string) => string} urlOf where a path of the extension (or of the web page) is
 * @param {string} chosen the browser's language: chrome.i18n's `@@ui_locale`, or the web page's `navigator.language`
 * @returns {Promise<{english: string, language: string | undefined, lang: string}>} English, the chosen
 *   language's catalogue if there is one, and the language the words are in ("en" when none of the chosen)
 */
export function catalogues(urlOf, chosen) {
  const catalogue = (/** @type {string} */ locale) => fetch(urlOf(`words/${locale}.txt`))
    .then((response) => (response.ok ? response.text() : null))
    .catch(() => null);
  const locale = chosen.replace('-', '_');
  const base = locale.split('_')[0];
  const language = base === 'en' || base === '' ? null : catalogue(locale).then((found) => found ?? (base !== locale ? catalogue(base) : null));
  return Promise.all([catalogue('en'), language])
    .then(([english, found]) => ({ english: english ?? '', language: found ?? undefined, lang: found ? base : 'en' }));
}

/**
 * An extension page's or the web page's own instance of the core, started in the browser's language with the
 * page's words in place (`localise`).
 * @param {Promise<unknown>} started the glue's `init`
 * @param {{useWords: (english: string, language?: string) => void, words: (key: string, args: string[]) => string}} glue
 * @param {(path: string) => string} urlOf as for `catalogues`
 * @param {string} chosen as for `catalogues`
 * @returns {Promise<void>} once the core answers in the page's language
 */
export function startPageCore(started, glue, urlOf, chosen) {
  return Promise.all([started, catalogues(urlOf, chosen)]).then(([, { english, language, lang }]) => {
    glue.useWords(english, language);
    localise(document, glue.words, lang);
  });
}

/**
 * An extension page's own instance of the core (the popup, the options page), in the browser's language.
 * @param {(options: { module_or_path: URL }) => Promise<unknown>} init the glue's `init`
 * @param {{useWords: (english: string, language?: string) => void, words: (key: string, args: string[]) => string}} glue
 * @returns {Promise<void>} as `startPageCore`
 */
export function startExtensionPageCore(init, glue) {
  const urlOf = (/** @type {string} */ path) => chrome.runtime.getURL(path);
  return startPageCore(init({ module_or_path: new URL(urlOf('core/okta_anypoint_assist_bg.wasm')) }), glue, urlOf,
    chrome.i18n.getMessage('@@ui_locale'));
}

/**
 * The words of an extension page or the web page, put in place: each element marked `data-words="key"` gets that
 * message as its text, with the messages named in `data-words-args` (a JSON array of keys) as its arguments. The
 * HTML holds no words of its own: they are the catalogue's, rendered by the core (`words`).
 * @param {ParentNode} root
 * @param {(key: string, args: string[]) => string} words the core's export
 * @param {string} lang the language the words are in
 */
export function localise(root, words, lang) {
  document.documentElement.lang = lang;
  for (const element of /** @type {NodeListOf<HTMLElement>} */ (root.querySelectorAll('[data-words]'))) {
    const args = JSON.parse(element.dataset.wordsArgs ?? '[]').map((/** @type {string} */ key) => words(key, []));
    element.textContent = words(element.dataset.words ?? '', args);
  }
}
