//! The core says what, the catalogue says how (docs/architecture.md, "Words"). A [`Finding`] is a message key and
//! its arguments, built by the core; the words are the browser's own catalogue,
//! `extension/_locales/{en,ja}/messages.json`, and this is the one renderer of it wherever the core runs: the
//! worker (wasm, which gets the catalogue from `worker.js`), and natively the tests and the CLI.
//!
//! It renders as `chrome.i18n.getMessage` does: named placeholders (`$CODE$`, case-insensitive) whose content
//! is `$1`…`$9`, and `$$` for a dollar sign. It adds what chrome.i18n lacks: an argument may be another finding
//! (rendered first, in the same language), a list (joined by the catalogue's own `listSeparator`), or a count
//! that chooses the message's plural form (`key_one` when the language has one and the count is 1, else
//! `key_other`). A key the language lacks falls back to English, as chrome.i18n falls back to the default
//! locale; a key no catalogue has renders as the key and its arguments, never a panic.
//!
//! Arguments are values the core computed (hosts, Okta's well-formed error codes, Anypoint's field labels,
//! numbers), never a secret; the templates are the catalogue's constants.

use serde::Deserialize;

/// One argument of a finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    /// A value the core computed: a host, a code, a label, a number.
    Text(String),
    /// Another message, rendered first.
    Words(Finding),
    /// Several, joined by the catalogue's `listSeparator`.
    List(Vec<Arg>),
    /// A number that also chooses the plural form of the message.
    Count(u64),
}

impl From<String> for Arg {
    fn from(text: String) -> Self {
        Self::Text(text)
    }
}

impl From<&str> for Arg {
    fn from(text: &str) -> Self {
        Self::Text(text.to_string())
    }
}

impl From<Finding> for Arg {
    fn from(finding: Finding) -> Self {
        Self::Words(finding)
    }
}

/// What to say: a message key of the catalogue and its arguments, in the order of its `$1`…`$9`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The key in `messages.json` (without a plural suffix).
    pub key: &'static str,
    /// Its arguments.
    pub args: Vec<Arg>,
}

impl Finding {
    /// A finding without arguments.
    pub fn new(key: &'static str) -> Self {
        Self { key, args: Vec::new() }
    }

    /// With one more argument.
    pub fn with(mut self, arg: impl Into<Arg>) -> Self {
        self.args.push(arg.into());
        self
    }
}

/// A message as `messages.json` writes it.
#[derive(Debug, Clone, Deserialize)]
pub struct Entry {
    /// The text, with `$NAME$` placeholders.
    pub message: String,
    /// What each placeholder stands for (`$1`…`$9`).
    #[serde(default)]
    pub placeholders: Pairs<Placeholder>,
}

/// A placeholder of a message.
#[derive(Debug, Clone, Deserialize)]
pub struct Placeholder {
    /// `$1`…`$9`, or fixed text.
    pub content: String,
}

/// A JSON object's members in their order. Not a map type: a `BTreeMap` of strings here cost ~20 KB of wasm in
/// generic code, for a few hundred lookups in a sorted list.
#[derive(Debug, Clone)]
pub struct Pairs<T>(pub Vec<(String, T)>);

impl<T> Default for Pairs<T> {
    fn default() -> Self {
        Self(Vec::new())
    }
}

impl<T> Pairs<T> {
    /// The value of `key`, if any.
    pub fn get(&self, key: &str) -> Option<&T> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, value)| value)
    }

    /// Whether it has `key`.
    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// The keys.
    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.0.iter().map(|(key, _)| key)
    }

    /// The values.
    pub fn values(&self) -> impl Iterator<Item = &T> {
        self.0.iter().map(|(_, value)| value)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Pairs<T> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Members<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> serde::de::Visitor<'de> for Members<T> {
            type Value = Pairs<T>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut members = Vec::new();
                while let Some(member) = map.next_entry()? {
                    members.push(member);
                }
                Ok(Pairs(members))
            }
        }
        deserializer.deserialize_map(Members(std::marker::PhantomData))
    }
}

/// A catalogue as read from `messages.json`.
pub type Catalogue = Pairs<Entry>;

/// The words of one language, with English for the keys it lacks. Templates are kept with their placeholders
/// already replaced by their content, as chrome.i18n does first, sorted by key.
#[derive(Debug, Clone, Default)]
pub struct Words {
    language: Vec<(String, String)>,
    english: Vec<(String, String)>,
}

/// What follows each key and each template in a compiled catalogue: the ASCII unit separator, which no message
/// holds.
pub const SEPARATOR: char = '\u{1f}';

/// A catalogue compiled for an instance of the core: [`templates`], each key and template followed by
/// [`SEPARATOR`].
pub fn compiled(catalogue: &Catalogue) -> String {
    templates(catalogue).into_iter().flat_map(|(key, template)| [key, template]).fold(String::new(), |mut out, item| {
        out.push_str(&item);
        out.push(SEPARATOR);
        out
    })
}

/// A catalogue as the core renders it: each key with its template (placeholders already replaced by their
/// content, as chrome.i18n does first), sorted by key. `assist-layout` writes these at build time
/// (`words/{lang}.txt`, see [`Words::from_templates`]), so that an instance of the core starts without reading,
/// converting or sorting `messages.json`.
pub fn templates(catalogue: &Catalogue) -> Vec<(String, String)> {
    let mut templates: Vec<(String, String)> = catalogue.0.iter().map(|(key, entry)| (key.clone(), template(entry))).collect();
    // An insertion sort: a few hundred keys, and `sort` would add kilobytes of wasm.
    for i in 1..templates.len() {
        let mut j = i;
        while j > 0 && templates[j - 1].0 > templates[j].0 {
            templates.swap(j - 1, j);
            j -= 1;
        }
    }
    templates
}

impl Words {
    /// From the English catalogue and, when the browser speaks another language the extension has, that one's.
    pub fn new(english: &Catalogue, language: Option<&Catalogue>) -> Self {
        Self { language: language.map(templates).unwrap_or_default(), english: templates(english) }
    }

    /// From catalogues as `assist-layout` writes them ([`compiled`]): keys and templates, sorted by key, each
    /// followed by [`SEPARATOR`]. One string, so that a page hands it over in one copy. Anything else (empty, a
    /// key without its template, keys out of order) is no catalogue, never a panic: without English there are
    /// no words (`None`: the current ones stay); a language that is no catalogue is left out (English alone).
    pub fn from_templates(english: &str, language: Option<&str>) -> Option<Self> {
        fn pairs(compiled: &str) -> Option<Vec<(String, String)>> {
            let mut items = compiled.split_terminator(SEPARATOR);
            let mut pairs: Vec<(String, String)> = Vec::new();
            while let Some(key) = items.next() {
                pairs.push((key.to_string(), items.next()?.to_string()));
            }
            pairs.windows(2).all(|w| w[0].0 < w[1].0).then_some(pairs)
        }
        let english = pairs(english).filter(|pairs| !pairs.is_empty())?;
        Some(Self { language: language.and_then(pairs).unwrap_or_default(), english })
    }

    /// The English words of `extension/_locales/en/messages.json` (native builds: tests, the CLI).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn english() -> Self {
        Self::new(&parsed(include_str!("../../extension/_locales/en/messages.json")), None)
    }

    /// The words of a language folder of `extension/_locales` (native builds: tests), English for what it lacks.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn of_language(catalogue_json: &str) -> Self {
        Self::new(&parsed(include_str!("../../extension/_locales/en/messages.json")), Some(&parsed(catalogue_json)))
    }

    fn lookup(&self, key: &str, fall_back: bool) -> Option<&str> {
        find_in(&self.language, key).or_else(|| if fall_back { find_in(&self.english, key) } else { None })
    }

    /// The finding in words.
    pub fn render(&self, finding: &Finding) -> String {
        self.render_message(finding.key, &finding.args)
    }

    /// The message `key` (any string: a page names it) with `args` in words.
    pub fn render_message(&self, key: &str, args: &[Arg]) -> String {
        let count = args.iter().find_map(|arg| match arg {
            Arg::Count(n) => Some(*n),
            _ => None,
        });
        let template = match count {
            Some(n) => {
                let one = (n == 1).then(|| self.lookup(&format!("{key}_one"), self.language.is_empty())).flatten();
                one.or_else(|| self.lookup(&format!("{key}_other"), true))
            }
            None => None,
        }
        .or_else(|| self.lookup(key, true));
        let args: Vec<String> = args.iter().map(|arg| self.render_arg(arg)).collect();
        match template {
            Some(template) => substitute(template, &args),
            None => format!("{key}({})", args.join(", ")),
        }
    }

    fn render_arg(&self, arg: &Arg) -> String {
        match arg {
            Arg::Text(text) => text.clone(),
            Arg::Words(finding) => self.render(finding),
            Arg::List(items) => {
                let separator = self.lookup("listSeparator", true).unwrap_or(", ");
                items.iter().map(|item| self.render_arg(item)).collect::<Vec<_>>().join(separator)
            }
            Arg::Count(n) => n.to_string(),
        }
    }
}

thread_local! {
    // The words answers are rendered in. Each instance of the core has its own: the worker's, the popup's and the
    // web page's are given theirs by `useWords` when they start; native builds (tests, the CLI) start in English.
    static CURRENT: std::cell::RefCell<std::rc::Rc<Words>> = std::cell::RefCell::new(std::rc::Rc::new(Words::at_start()));
}

impl Words {
    #[cfg(not(target_arch = "wasm32"))]
    fn at_start() -> Self {
        Self::english()
    }

    // Before `useWords` a wasm instance has no catalogue: a finding renders as its key, never a panic.
    #[cfg(target_arch = "wasm32")]
    fn at_start() -> Self {
        Self::default()
    }
}

/// From now on, the answers of this instance are in `words`.
pub fn use_words(words: Words) {
    CURRENT.with(|current| *current.borrow_mut() = std::rc::Rc::new(words));
}

/// The words answers are rendered in.
pub fn current() -> std::rc::Rc<Words> {
    CURRENT.with(|current| current.borrow().clone())
}

/// The finding in the current words.
pub fn say(finding: &Finding) -> String {
    current().render(finding)
}

/// The message `key`, which has no arguments, in the current words.
pub fn text(key: &'static str) -> String {
    say(&Finding::new(key))
}

/// Sentences as one text, joined as the language joins them (English with a space, Japanese without).
pub fn sentences(parts: &[String]) -> String {
    parts.iter().filter(|part| !part.is_empty()).cloned().collect::<Vec<_>>().join(&text("sentenceSeparator"))
}

/// A catalogue shipped with the extension (native builds).
#[cfg(not(target_arch = "wasm32"))]
fn parsed(json: &str) -> Catalogue {
    serde_json::from_str(json).expect("the extension's catalogue is JSON")
}

/// The template of `key` in a sorted list.
fn find_in<'a>(templates: &'a [(String, String)], key: &str) -> Option<&'a str> {
    templates.binary_search_by(|(k, _)| k.as_str().cmp(key)).ok().map(|at| templates[at].1.as_str())
}

/// The message with each `$NAME$` replaced by its placeholder's content (names are case-insensitive). An unknown
/// name is left as it is, as chrome.i18n leaves it.
fn template(entry: &Entry) -> String {
    let mut out = String::with_capacity(entry.message.len());
    let mut rest = entry.message.as_str();
    while let Some(start) = rest.find('$') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        let name_end = after.find('$');
        let named = name_end.and_then(|end| {
            let name = &after[..end];
            let valid = !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'@');
            valid.then(|| entry.placeholders.0.iter().find(|(key, _)| key.eq_ignore_ascii_case(name)).map(|(_, p)| (end, p)))?
        });
        match named {
            Some((end, placeholder)) => {
                out.push_str(&placeholder.content);
                rest = &after[end + 1..];
            }
            None => {
                out.push('$');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// `$1`…`$9` replaced by the arguments (an absent one by nothing), `$$` by `$`.
fn substitute(template: &str, args: &[String]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut chars = template.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '$' {
            out.push(c);
            continue;
        }
        match chars.peek() {
            Some('$') => {
                chars.next();
                out.push('$');
            }
            Some(digit @ '1'..='9') => {
                let index = *digit as usize - '1' as usize;
                chars.next();
                out.push_str(args.get(index).map(String::as_str).unwrap_or(""));
            }
            _ => out.push('$'),
        }
    }
    out
}

/// For the tests of the modules that build findings: each of `findings`, and every finding inside it, names a
/// message that every catalogue has, with exactly as many placeholders as it has arguments, and renders in
/// every language without a placeholder or a key left.
#[cfg(test)]
pub(crate) fn assert_worded_everywhere(findings: &[Finding]) {
    fn each<'a>(finding: &'a Finding, out: &mut Vec<&'a Finding>) {
        out.push(finding);
        for arg in &finding.args {
            let inner: Vec<&Arg> = match arg {
                Arg::List(items) => items.iter().collect(),
                other => vec![other],
            };
            for arg in inner {
                if let Arg::Words(nested) = arg {
                    each(nested, out);
                }
            }
        }
    }
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/extension/_locales");
    let languages = ["en", "ja"];
    for lang in languages {
        let json = std::fs::read_to_string(format!("{dir}/{lang}/messages.json")).unwrap();
        let own: Catalogue = serde_json::from_str(&json).unwrap();
        let words = Words::of_language(&json);
        for finding in findings {
            let mut all = Vec::new();
            each(finding, &mut all);
            for inner in all {
                let counted = inner.args.iter().any(|arg| matches!(arg, Arg::Count(_)));
                let key = if counted { format!("{}_other", inner.key) } else { inner.key.to_string() };
                let Some(entry) = own.get(&key) else { panic!("{lang} lacks {key}") };
                let mut numbers: Vec<&str> = entry.placeholders.values().map(|p| p.content.as_str()).collect();
                numbers.sort();
                numbers.dedup();
                // A count chooses the form; the words may or may not show it.
                let shown = inner.args.len() - usize::from(counted && numbers.len() < inner.args.len());
                assert_eq!(numbers.len(), shown, "{lang}/{key}: {} placeholders for {:?}", numbers.len(), inner.args);
            }
            let text = words.render(finding);
            assert!(!text.is_empty() && !text.contains('$'), "{lang}: {text}");
            let left = own.keys().find(|key| text.contains(&format!("{key}(")));
            assert!(left.is_none(), "{lang}: the key {left:?} left as it is: {text}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalogue(json: &str) -> Catalogue {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn renders_as_chrome_i18n_does_and_composes_what_it_cannot() {
        let english = catalogue(
            r#"{
              "hello": { "message": "Hello $WHO$, $$5 for $Thing$.", "placeholders": { "who": { "content": "$1" }, "thing": { "content": "$2" } } },
              "ago_one": { "message": "$N$ minute ago", "placeholders": { "n": { "content": "$1" } } },
              "ago_other": { "message": "$N$ minutes ago", "placeholders": { "n": { "content": "$1" } } },
              "outer": { "message": "[$INNER$] $LIST$", "placeholders": { "inner": { "content": "$1" }, "list": { "content": "$2" } } },
              "listSeparator": { "message": ", " },
              "only": { "message": "English only" }
            }"#,
        );
        let japanese = catalogue(
            r#"{
              "ago_other": { "message": "$N$ 分前", "placeholders": { "n": { "content": "$1" } } },
              "listSeparator": { "message": "、" }
            }"#,
        );
        let en = Words::new(&english, None);
        assert_eq!(en.render(&Finding::new("hello").with("Ada").with("tea")), "Hello Ada, $5 for tea.");
        assert_eq!(en.render(&Finding { key: "ago", args: vec![Arg::Count(1)] }), "1 minute ago");
        assert_eq!(en.render(&Finding { key: "ago", args: vec![Arg::Count(3)] }), "3 minutes ago");
        let nested = Finding::new("outer").with(Finding::new("only")).with(Arg::List(vec!["a".into(), "b".into()]));
        assert_eq!(en.render(&nested), "[English only] a, b");
        let ja = Words::new(&english, Some(&japanese));
        assert_eq!(ja.render(&Finding { key: "ago", args: vec![Arg::Count(1)] }), "1 分前", "no singular in Japanese: not the English one");
        assert_eq!(ja.render(&nested), "[English only] a、b", "a key the language lacks falls back to English");
        assert_eq!(ja.render(&Finding::new("missing").with("x")), "missing(x)", "never a panic");
    }

    #[test]
    fn compiled_catalogues_start_an_instance_as_messages_json_would() {
        let english = catalogue(include_str!("../../extension/_locales/en/messages.json"));
        let japanese = catalogue(include_str!("../../extension/_locales/ja/messages.json"));
        let compiled_words = Words::from_templates(&compiled(&english), Some(&compiled(&japanese))).expect("compiled");
        let parsed = Words::new(&english, Some(&japanese));
        for key in english.keys() {
            let finding = Finding { key: Box::leak(key.clone().into_boxed_str()), args: vec!["a".into(), "b".into(), "c".into(), "d".into()] };
            assert_eq!(compiled_words.render(&finding), parsed.render(&finding), "{key}");
        }
        for bad in ["", "key-without-template\u{1f}", "b\u{1f}1\u{1f}a\u{1f}2\u{1f}"] {
            assert!(Words::from_templates(bad, None).is_none(), "{bad:?} is no catalogue");
            let english_alone = Words::from_templates(&compiled(&english), Some(bad)).expect("English stays");
            assert_eq!(english_alone.render(&Finding::new("barFill")), "Fill from Okta", "a broken language falls back to English");
        }
    }

    /// Every catalogue the extension has, by folder.
    fn catalogues() -> Vec<(String, Catalogue)> {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/extension/_locales");
        let mut found: Vec<(String, Catalogue)> = std::fs::read_dir(dir)
            .unwrap()
            .map(|entry| entry.unwrap().file_name().into_string().unwrap())
            .map(|lang| {
                let text = std::fs::read_to_string(format!("{dir}/{lang}/messages.json")).unwrap();
                (lang, serde_json::from_str(&text).unwrap())
            })
            .collect();
        found.sort_by(|a, b| a.0.cmp(&b.0));
        found
    }

    #[test]
    fn every_catalogue_declares_the_placeholders_it_uses_and_uses_those_it_declares() {
        let all = catalogues();
        assert!(all.len() >= 2, "English and Japanese at least");
        let english = &all.iter().find(|(lang, _)| lang == "en").unwrap().1;
        for (lang, catalogue) in &all {
            // Complete: every English message (a language without a singular form needs no `_one`).
            let missing: Vec<&String> = english.keys().filter(|key| !key.ends_with("_one") && !catalogue.contains_key(key)).collect();
            assert!(missing.is_empty(), "{lang} lacks {missing:?}");
            for (key, entry) in &catalogue.0 {
                let named: Vec<String> = entry.message.split('$').skip(1).step_by(2).map(str::to_ascii_lowercase).collect();
                let declared: Vec<String> = entry.placeholders.keys().map(|k| k.to_ascii_lowercase()).collect();
                for name in &named {
                    assert!(declared.contains(name), "{lang}/{key}: ${name}$ is not declared");
                }
                for name in &declared {
                    assert!(named.contains(name), "{lang}/{key}: placeholder {name} is never used");
                }
                let Some(original) = english.get(key) else { panic!("{lang}/{key}: no English message of that key") };
                let contents = |e: &Entry| e.placeholders.values().map(|p| p.content.clone()).collect::<std::collections::BTreeSet<_>>();
                assert_eq!(contents(entry), contents(original), "{lang}/{key}: the same arguments as in English");
            }
        }
    }
}
