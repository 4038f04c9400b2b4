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

use serde::{Deserialize, Serialize};

use super::fields::AnypointField;

/// One control as the content script saw it. Index = position in the snapshot (the script keeps the elements).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ControlSnapshot {
    /// `input`, `textarea`, `select`.
    pub tag: String,
    /// The input's `type` (text, password, number, checkbox, ...).
    #[serde(rename = "type")]
    pub input_type: String,
    pub name: String,
    pub id: String,
    /// Every label text a person reads for it: label[for], wrapping label, aria-labelledby, aria-label.
    pub labels: Vec<String>,
    pub placeholder: String,
    /// The nearest heading above the control (section title).
    pub section: String,
    /// Index of the form (or form-like container) it belongs to, so two forms are not mixed up.
    pub form: u32,
    pub value: String,
    pub checked: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FieldMatch {
    pub control: usize,
    pub field: AnypointField,
    /// 0..1: how sure the classifier is.
    pub confidence: f32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Classification {
    /// Whether the controls make up an OIDC dynamic client registration form.
    pub is_client_provider_form: bool,
    /// Index of that form, when there is one.
    pub form: Option<u32>,
    pub matches: Vec<FieldMatch>,
}

impl Classification {
    pub fn control_for(&self, field: AnypointField) -> Option<usize> {
        self.matches.iter().find(|m| m.field == field).map(|m| m.control)
    }

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
];

/// Words of a text: lower case, split on anything but ASCII letters and digits (labels are English; ASCII
/// keeps the Unicode tables out of the wasm), and camelCase boundaries. A lone capital that
/// ends a word stays with it ("IdP" is one word, "tokenIntrospectionURL" three).
fn words(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut current = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if !c.is_ascii_alphanumeric() {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            continue;
        }
        let after_lower = i > 0 && (chars[i - 1].is_ascii_lowercase() || chars[i - 1].is_ascii_digit());
        let ends_word = chars.get(i + 1).is_none_or(|n| !n.is_ascii_alphanumeric());
        if c.is_ascii_uppercase() && after_lower && !ends_word && !current.is_empty() {
            out.push(std::mem::take(&mut current));
        }
        current.push(c.to_ascii_lowercase());
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

fn matches_signature(words: &[String], sig: &Signature) -> bool {
    let has = |w: &str| words.iter().any(|x| x == w);
    sig.all_of.iter().any(|set| set.iter().all(|w| has(w))) && !sig.none_of.iter().any(|w| has(w))
}

/// Weight of each source a person (or a developer) reads: labels count most.
const LABEL_WEIGHT: f32 = 1.0;
const NAME_ID_WEIGHT: f32 = 0.75;
const PLACEHOLDER_WEIGHT: f32 = 0.7;
const MIN_CONFIDENCE: f32 = 0.6;
/// At least this many of the registration fields make a form an OIDC DCR client provider form.
const MIN_FIELDS_FOR_FORM: usize = 3;

/// A control's texts split into words once, then matched against every signature.
struct ControlWords {
    labels: Vec<Vec<String>>,
    name_and_id: [Vec<String>; 2],
    placeholder: Vec<String>,
    in_introspection_section: bool,
}

impl ControlWords {
    fn of(control: &ControlSnapshot) -> Self {
        Self {
            labels: control.labels.iter().map(|l| words(l)).collect(),
            name_and_id: [words(&control.name), words(&control.id)],
            placeholder: words(&control.placeholder),
            in_introspection_section: words(&control.section).iter().any(|w| w == "introspection"),
        }
    }
}

fn score(control: &ControlSnapshot, words: &ControlWords, sig: &Signature) -> f32 {
    if !type_fits(control, sig.field) {
        return 0.0;
    }
    let mut best: f32 = 0.0;
    if words.labels.iter().any(|label| matches_signature(label, sig)) {
        best = LABEL_WEIGHT;
    }
    if words.name_and_id.iter().any(|attr| matches_signature(attr, sig)) {
        best = best.max(NAME_ID_WEIGHT);
    }
    if matches_signature(&words.placeholder, sig) {
        best = best.max(PLACEHOLDER_WEIGHT);
    }
    // Section headings disambiguate the generic "Client ID"/"Client Secret" of the introspection client.
    let introspection_client =
        matches!(sig.field, AnypointField::IntrospectionClientId | AnypointField::IntrospectionClientSecret);
    if best > 0.0 && introspection_client && words.in_introspection_section {
        best = (best + 0.1).min(1.0);
    }
    best
}

fn type_fits(control: &ControlSnapshot, field: AnypointField) -> bool {
    let t = control.input_type.to_ascii_lowercase();
    let is_toggle = t == "checkbox" || t == "radio" || t == "switch";
    if field.is_checkbox() {
        return is_toggle;
    }
    !is_toggle && !matches!(t.as_str(), "hidden" | "submit" | "button" | "reset" | "file" | "image")
}

/// Map controls to Anypoint fields. Each field goes to at most one control (the best-scoring, in the form that
/// holds most registration fields); each control to at most one field; unknown controls are left alone.
pub fn classify_controls(controls: &[ControlSnapshot]) -> Classification {
    let mut candidates: Vec<FieldMatch> = Vec::new();
    for (index, control) in controls.iter().enumerate() {
        let words = ControlWords::of(control);
        for sig in SIGNATURES {
            let confidence = score(control, &words, sig);
            if confidence >= MIN_CONFIDENCE {
                candidates.push(FieldMatch { control: index, field: sig.field, confidence });
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

#[cfg(test)]
mod tests;
