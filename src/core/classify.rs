//! Which control of a page form is which Anypoint field. The markup is not ours and will change, so the
//! classifier reads what a person reads (labels, aria, placeholder, the section heading) plus name/id tokens,
//! scores every field for every control, and keeps the best unambiguous pairs.
//!
//! ```
//! use okta_anypoint_assist::core::classify::{classify_controls, ControlSnapshot};
//! use okta_anypoint_assist::core::fields::AnypointField;
//! let controls = vec![
//!     ControlSnapshot { labels: vec!["Issuer".into()], ..Default::default() },
//!     ControlSnapshot { labels: vec!["Token URL".into()], ..Default::default() },
//!     ControlSnapshot { placeholder: "Authorize URL".into(), ..Default::default() },
//! ];
//! let classification = classify_controls(&controls);
//! assert!(classification.is_client_provider_form);
//! assert_eq!(classification.field_of(1), Some(AnypointField::TokenUrl));
//! ```

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::fields::AnypointField;

/// One control as the content script saw it. Index = position in the snapshot (the script keeps the elements).
/// No value: what a control holds plays no part in which field it is (and may be a secret).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", default)]
pub struct ControlSnapshot {
    /// `input`, `textarea`, `select`.
    pub tag: String,
    /// The input's `type` (text, password, number, checkbox, ...).
    #[serde(rename = "type")]
    pub input_type: String,
    /// The `name` attribute.
    pub name: String,
    /// The `id` attribute.
    pub id: String,
    /// The `data-test-id` of the control or of the design-system component that holds it alone: MuleSoft's React
    /// components mark themselves `data-anypoint-component` and render their `testId` so, while their TextField is
    /// an input without a label of its own (docs/facts.md). Read as name and id are.
    pub test_id: String,
    /// Every label text a person reads for it: label[for], wrapping label, aria-labelledby, aria-label.
    pub labels: Vec<String>,
    /// The `placeholder` attribute.
    pub placeholder: String,
    /// The text around the control that belongs to it alone (a slotted label, `<mat-label>`, the previous
    /// table cell): read with less weight than a label, as it may hold help text too.
    pub nearby: String,
    /// The nearest heading above the control (section title).
    pub section: String,
    /// Whether it holds a value (never the value itself): a form that comes with its Issuer filled is an
    /// existing provider's.
    pub filled: bool,
    /// Index of the form (or form-like container) it belongs to, so two forms are not mixed up.
    pub form: u32,
    /// A list's options, as the page names them (an environment's client provider choice): page text, never a
    /// value typed.
    pub options: Vec<String>,
}

/// One control recognised as one field.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct FieldMatch {
    /// Index of the control in the snapshot.
    pub control: usize,
    /// The field it is.
    pub field: AnypointField,
    /// 0..1: how sure the classifier is.
    pub confidence: f32,
    /// Whether the page may send this control's value as context ([`AnypointField::shares_value`]).
    pub share_value: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
/// The classifier's answer for a whole snapshot.
pub struct Classification {
    /// Whether the controls make up an OIDC dynamic client registration form.
    pub is_client_provider_form: bool,
    /// Index of that form, when there is one.
    pub form: Option<u32>,
    /// The controls recognised, in document order.
    pub matches: Vec<FieldMatch>,
}

impl Classification {
    /// The control that is `field`, if any.
    pub fn control_for(&self, field: AnypointField) -> Option<usize> {
        self.matches.iter().find(|m| m.field == field).map(|m| m.control)
    }

    /// The field `control` is, if any.
    pub fn field_of(&self, control: usize) -> Option<AnypointField> {
        self.matches.iter().find(|m| m.control == control).map(|m| m.field)
    }
}

/// The signature of a field: sets of words that must all appear, and words that rule it out.
struct Signature {
    field: AnypointField,
    all_of: &'static [&'static [&'static str]],
    none_of: &'static [&'static str],
}

const SIGNATURES: &[Signature] = &[
    Signature { field: AnypointField::Name, all_of: &[&["name"]], none_of: &["client", "user", "header"] },
    Signature { field: AnypointField::Description, all_of: &[&["description"]], none_of: &[] },
    Signature {
        field: AnypointField::Issuer,
        all_of: &[&["issuer"], &["iss"]],
        none_of: &["token", "authorize", "registration"],
    },
    Signature {
        field: AnypointField::ClientRegistrationUrl,
        all_of: &[&["registration", "url"], &["registration", "endpoint"], &["registration", "uri"], &["register", "url"]],
        none_of: &["header"],
    },
    Signature {
        field: AnypointField::AuthorizationHeader,
        all_of: &[&["authorization", "header"], &["auth", "header"]],
        none_of: &["url", "endpoint"],
    },
    Signature { field: AnypointField::ClientRequestTimeout, all_of: &[&["timeout"]], none_of: &[] },
    Signature {
        field: AnypointField::IntrospectionClientId,
        all_of: &[&["client", "id"], &["clientid"]],
        none_of: &["secret", "url"],
    },
    Signature {
        field: AnypointField::IntrospectionClientSecret,
        all_of: &[&["client", "secret"], &["secret"]],
        none_of: &["id"],
    },
    Signature {
        field: AnypointField::AuthorizeUrl,
        all_of: &[&["authorize"], &["authorization", "url"], &["authorization", "endpoint"], &["authorize", "url"]],
        none_of: &["header", "token", "client", "registration"],
    },
    Signature {
        field: AnypointField::TokenUrl,
        all_of: &[&["token", "url"], &["token", "endpoint"]],
        none_of: &["introspection", "introspect", "header"],
    },
    Signature {
        field: AnypointField::TokenIntrospectionUrl,
        all_of: &[&["introspection", "url"], &["introspect", "url"], &["introspection", "endpoint"]],
        none_of: &["client", "id", "secret"],
    },
    Signature {
        field: AnypointField::DisableCertificateValidation,
        all_of: &[&["certificate", "validation"], &["untrusted", "certificates"]],
        none_of: &[],
    },
    Signature {
        field: AnypointField::EnableIdpDeletionAndUpdates,
        all_of: &[&["deletion", "idp"], &["updates", "idp"], &["external", "modification"]],
        none_of: &[],
    },
    Signature {
        field: AnypointField::EnableClientDeletion,
        all_of: &[&["deletion", "anypoint"], &["local", "deletion"]],
        none_of: &["idp"],
    },
    // The client authentication choice of newer Anypoint (labels unconfirmed): two radio buttons, read by what
    // they say; checkbox fields go to toggles only, so the text fields of the same names are not confused.
    Signature {
        field: AnypointField::AuthenticationByHeader,
        all_of: &[&["authorization", "header"], &["auth", "header"]],
        none_of: &["jwt"],
    },
    Signature { field: AnypointField::AuthenticationByPrivateKeyJwt, all_of: &[&["jwt"]], none_of: &[] },
    Signature { field: AnypointField::PrivateKey, all_of: &[&["private", "key"]], none_of: &["jwt", "id"] },
    // The service app's client ID of the JWT method: a "Client ID" too, told apart by its section (`score`).
    Signature { field: AnypointField::JwtClientId, all_of: &[&["client", "id"], &["clientid"]], none_of: &["secret", "url"] },
];

/// Japanese words of the form and the English vocabulary word each means. Whether Anypoint has a Japanese UI is
/// unconfirmed (docs/facts.md): these are the words a Japanese form would use for its labels (発行者 Issuer,
/// 認可ヘッダー Authorization Header, トークン イントロスペクション URL, …), read by meaning as the English ones are.
/// Longer words first, so that 秘密鍵 is read before 鍵.
const JAPANESE_WORDS: &[(&str, &str)] = &[
    ("イントロスペクション", "introspection"),
    ("タイムアウト", "timeout"),
    ("クライアント", "client"),
    ("シークレット", "secret"),
    ("エンドポイント", "endpoint"),
    ("ヘッダー", "header"),
    ("トークン", "token"),
    ("発行者", "issuer"),
    ("秘密鍵", "private key"),
    ("証明書", "certificate"),
    ("名前", "name"),
    ("説明", "description"),
    ("登録", "registration"),
    ("認可", "authorization"),
    ("認証", "auth"),
    ("検証", "validation"),
    ("削除", "deletion"),
    ("更新", "updates"),
];

/// Calls `each` with the vocabulary words a run of non-ASCII text holds (`JAPANESE_WORDS`), in order. Substring
/// search only: no Unicode tables in the wasm.
fn for_each_japanese_word(run: &str, each: &mut impl FnMut(&str)) {
    let mut rest = run;
    while !rest.is_empty() {
        match JAPANESE_WORDS.iter().find(|(japanese, _)| rest.starts_with(japanese)) {
            Some((japanese, english)) => {
                english.split(' ').for_each(&mut *each);
                rest = &rest[japanese.len()..];
            }
            None => rest = &rest[rest.chars().next().map_or(rest.len(), char::len_utf8)..],
        }
    }
}

/// Calls `each` with every word of a text: lower case, split on anything but ASCII letters and digits and at
/// camelCase boundaries; runs of other text are read for the Japanese words they hold. A lone capital that ends
/// a word stays with it ("IdP" is one word, "tokenIntrospectionURL" three). One buffer, no Vec.
fn for_each_word(text: &str, mut each: impl FnMut(&str)) {
    let bytes = text.as_bytes();
    let mut current = String::new();
    let mut run_start = None;
    for (i, &b) in bytes.iter().enumerate() {
        // A run of non-ASCII text ends at the next ASCII byte (always a char boundary in UTF-8).
        match (b.is_ascii(), run_start) {
            (false, None) => run_start = Some(i),
            (true, Some(start)) => {
                for_each_japanese_word(&text[start..i], &mut each);
                run_start = None;
            }
            _ => {}
        }
        if !b.is_ascii_alphanumeric() {
            if !current.is_empty() {
                each(&current);
                current.clear();
            }
            continue;
        }
        let after_lower = i > 0 && (bytes[i - 1].is_ascii_lowercase() || bytes[i - 1].is_ascii_digit());
        let ends_word = bytes.get(i + 1).is_none_or(|n| !n.is_ascii_alphanumeric());
        if b.is_ascii_uppercase() && after_lower && !ends_word && !current.is_empty() {
            each(&current);
            current.clear();
        }
        current.push(b.to_ascii_lowercase() as char);
    }
    if !current.is_empty() {
        each(&current);
    }
    if let Some(start) = run_start {
        for_each_japanese_word(&text[start..], &mut each);
    }
}

#[cfg(test)]
fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for_each_word(text, |w| out.push(w.to_string()));
    out
}

/// Every word some signature mentions. A text becomes a bitmask over this list, so matching a control
/// against every signature is a few integer operations.
fn vocabulary() -> &'static [&'static str] {
    static VOCABULARY: OnceLock<Vec<&'static str>> = OnceLock::new();
    VOCABULARY.get_or_init(|| {
        let mut words: Vec<&'static str> = Vec::new();
        for sig in SIGNATURES {
            for word in sig.all_of.iter().flat_map(|set| set.iter()).chain(sig.none_of.iter()) {
                if !words.contains(word) {
                    words.push(word);
                }
            }
        }
        assert!(words.len() <= 64, "the vocabulary must fit a u64 mask");
        words
    })
}

fn mask_of(text: &str) -> u64 {
    let vocabulary = vocabulary();
    let mut mask = 0;
    for_each_word(text, |word| {
        if let Some(bit) = vocabulary.iter().position(|v| *v == word) {
            mask |= 1 << bit;
        }
    });
    mask
}

fn mask_of_words(words: &[&str]) -> u64 {
    mask_of(&words.join(" "))
}

/// A signature as masks: any `all_of` set fully present, no `none_of` word present.
struct SignatureMask {
    field: AnypointField,
    all_of: Vec<u64>,
    none_of: u64,
}

fn signature_masks() -> &'static [SignatureMask] {
    static MASKS: OnceLock<Vec<SignatureMask>> = OnceLock::new();
    MASKS.get_or_init(|| {
        SIGNATURES
            .iter()
            .map(|sig| SignatureMask {
                field: sig.field,
                all_of: sig.all_of.iter().map(|set| mask_of_words(set)).collect(),
                none_of: mask_of_words(sig.none_of),
            })
            .collect()
    })
}

fn matches_signature(words: u64, sig: &SignatureMask) -> bool {
    sig.all_of.iter().any(|set| words & set == *set) && words & sig.none_of == 0
}

/// Weight of each source a person (or a developer) reads: labels count most.
const LABEL_WEIGHT: f32 = 1.0;
const NAME_ID_WEIGHT: f32 = 0.75;
const PLACEHOLDER_WEIGHT: f32 = 0.7;
const NEARBY_WEIGHT: f32 = 0.65;
const MIN_CONFIDENCE: f32 = 0.6;
/// At least this many of the registration fields make a form an OIDC DCR client provider form.
const MIN_FIELDS_FOR_FORM: usize = 3;

/// A control's texts reduced once to word masks, then matched against every signature.
struct ControlWords {
    labels: Vec<u64>,
    name_and_id: [u64; 3],
    placeholder: u64,
    nearby: u64,
    in_introspection_section: bool,
    in_registration_section: bool,
    is_toggle: bool,
    is_fillable: bool,
}

impl ControlWords {
    fn of(control: &ControlSnapshot) -> Self {
        let t = control.input_type.to_ascii_lowercase();
        let (mut in_introspection_section, mut in_registration_section) = (false, false);
        for_each_word(&control.section, |w| {
            // Some versions of MuleSoft's docs title the section "Token Inspection Client".
            in_introspection_section |= w == "introspection" || w == "inspection";
            in_registration_section |= matches!(w, "registration" | "authentication" | "auth" | "jwt");
        });
        Self {
            labels: control.labels.iter().map(|l| mask_of(l)).collect(),
            name_and_id: [mask_of(&control.name), mask_of(&control.id), mask_of(&control.test_id)],
            placeholder: mask_of(&control.placeholder),
            nearby: mask_of(&control.nearby),
            in_introspection_section,
            in_registration_section,
            is_toggle: matches!(t.as_str(), "checkbox" | "radio" | "switch"),
            is_fillable: !matches!(t.as_str(), "hidden" | "submit" | "button" | "reset" | "file" | "image"),
        }
    }

    /// Checkbox fields go to toggles only; text fields to anything a person can type in.
    fn fits(&self, field: AnypointField) -> bool {
        if field.is_checkbox() {
            self.is_toggle
        } else {
            !self.is_toggle && self.is_fillable
        }
    }
}

fn score(words: &ControlWords, sig: &SignatureMask) -> f32 {
    if !words.fits(sig.field) {
        return 0.0;
    }
    let mut best: f32 = 0.0;
    if words.labels.iter().any(|label| matches_signature(*label, sig)) {
        best = LABEL_WEIGHT;
    }
    if words.name_and_id.iter().any(|attr| matches_signature(*attr, sig)) {
        best = best.max(NAME_ID_WEIGHT);
    }
    if matches_signature(words.placeholder, sig) {
        best = best.max(PLACEHOLDER_WEIGHT);
    }
    if matches_signature(words.nearby, sig) {
        best = best.max(NEARBY_WEIGHT);
    }
    // Section headings disambiguate the generic "Client ID"/"Client Secret" of the introspection client.
    let introspection_client =
        matches!(sig.field, AnypointField::IntrospectionClientId | AnypointField::IntrospectionClientSecret);
    if best > 0.0 && introspection_client && words.in_introspection_section {
        best = (best + 0.1).min(1.0);
    }
    // A "Client ID" in the registration section is the JWT method's service app, never the introspection
    // client's; outside it, never the service app's.
    let in_registration = words.in_registration_section && !words.in_introspection_section;
    match sig.field {
        AnypointField::JwtClientId if !in_registration => 0.0,
        AnypointField::IntrospectionClientId if in_registration => best - 0.2,
        _ => best,
    }
}

/// Map controls to Anypoint fields. Each field goes to at most one control (the best-scoring, in the form that
/// holds most registration fields); each control to at most one field; unknown controls are left alone.
pub fn classify_controls(controls: &[ControlSnapshot]) -> Classification {
    let mut candidates: Vec<FieldMatch> = Vec::new();
    for (index, control) in controls.iter().enumerate() {
        let words = ControlWords::of(control);
        for sig in signature_masks() {
            let confidence = score(&words, sig);
            if confidence >= MIN_CONFIDENCE {
                candidates.push(FieldMatch {
                    control: index,
                    field: sig.field,
                    confidence,
                    share_value: sig.field.shares_value(),
                });
            }
        }
    }
    // No sorting below: each `sort` instantiation costs kilobytes of wasm, and n is a few dozen.
    // The client provider form: the form with the most distinct registration fields (lowest index on ties).
    let registration_fields = |form: u32| {
        let mut fields: Vec<AnypointField> = Vec::new();
        for m in candidates.iter().filter(|m| controls[m.control].form == form) {
            if (m.field.is_url() || m.field == AnypointField::AuthorizationHeader) && !fields.contains(&m.field) {
                fields.push(m.field);
            }
        }
        fields.len()
    };
    let mut best: Option<(u32, usize)> = None;
    for form in controls.iter().map(|c| c.form) {
        if best.is_some_and(|(seen, _)| seen == form) {
            continue;
        }
        let count = registration_fields(form);
        if best.is_none_or(|(best_form, best_count)| count > best_count || (count == best_count && form < best_form)) {
            best = Some((form, count));
        }
    }
    let Some((form, _)) = best.filter(|(_, count)| *count >= MIN_FIELDS_FOR_FORM) else {
        return Classification { is_client_provider_form: false, form: None, matches: Vec::new() };
    };
    candidates.retain(|m| controls[m.control].form == form);
    // Greedy assignment, most confident first; ties go to the earlier control (document order).
    let mut chosen: Vec<FieldMatch> = Vec::new();
    loop {
        let free = candidates
            .iter()
            .filter(|c| !chosen.iter().any(|m| m.field == c.field || m.control == c.control));
        let Some(next) = free.fold(None::<&FieldMatch>, |best, c| match best {
            Some(b) if b.confidence > c.confidence || (b.confidence == c.confidence && b.control <= c.control) => Some(b),
            _ => Some(c),
        }) else {
            break;
        };
        chosen.push(next.clone());
    }
    let matches = (0..controls.len()).filter_map(|i| chosen.iter().find(|m| m.control == i).cloned()).collect();
    Classification { is_client_provider_form: true, form: Some(form), matches }
}

/// The field one control is by its own words alone, when the form around it was not recognised (the keyboard
/// command on the field the admin is in): the best-scoring field, if any scores enough.
pub fn classify_one(control: &ControlSnapshot) -> Option<AnypointField> {
    let words = ControlWords::of(control);
    let mut best: Option<(AnypointField, f32)> = None;
    for sig in signature_masks() {
        let confidence = score(&words, sig);
        if confidence >= MIN_CONFIDENCE && best.is_none_or(|(_, b)| confidence > b) {
            best = Some((sig.field, confidence));
        }
    }
    best.map(|(field, _)| field)
}

#[cfg(test)]
mod tests;
