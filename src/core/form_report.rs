//! "Copy a report of this form": what the classifier read of a form it did not recognise, for the admin to
//! paste into a bug report. The snapshot holds no control's value; here the texts around controls are reduced
//! to what labels are, since a page may also show its org, its users and their keys: URLs and host names,
//! e-mail addresses, numbers and long tokens are masked. The admin reads the whole report before copying it.

use super::classify::{classify_controls, classify_one, ControlSnapshot};
use super::words::{say, Arg, Finding};

/// Words of at least this many characters are tokens (ids, keys, secrets someone typed into a label); of at least
/// `MIXED_TOKEN`, when they mix cases or letters and digits.
const LONG_TOKEN: usize = 16;
const MIXED_TOKEN: usize = 12;

/// One word of a text, masked when it is not a word a label would hold.
fn mask_word(word: &str) -> String {
    let core = word.trim_matches(|c: char| matches!(c, '(' | ')' | '[' | ']' | '"' | '\'' | ',' | ';' | ':' | '.' | '!' | '?'));
    let has_digit = core.chars().any(|c| c.is_ascii_digit());
    let has_letter = core.chars().any(|c| c.is_ascii_alphabetic() || !c.is_ascii());
    let mixed_case = core.chars().any(|c| c.is_ascii_lowercase()) && core.chars().skip(1).any(|c| c.is_ascii_uppercase());
    // A host with a path or a port after it is still a host: "acme.okta.com/", "acme.com:443".
    let host_part = core.split(['/', ':']).next().unwrap_or(core);
    let dotted_name = host_part.split('.').filter(|part| !part.is_empty()).count() >= 2 && has_letter;
    let length = core.chars().count();
    let masked = if core.contains("://") || core.starts_with("www.") {
        "<url>".to_string()
    } else if core.contains(['@', '＠']) {
        "<email>".to_string()
    } else if length >= LONG_TOKEN || (length >= MIXED_TOKEN && (has_digit || mixed_case) && has_letter) {
        "<token>".to_string()
    } else if dotted_name && host_part.rsplit('.').next().is_some_and(|tld| tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic())) {
        "<host>".to_string()
    } else if has_digit {
        // Every run of digits becomes one '#': "Step 2 of 3" keeps its shape, "dev-12345678" loses its org.
        let mut out = String::new();
        for c in core.chars() {
            if !c.is_ascii_digit() {
                out.push(c);
            } else if !out.ends_with('#') {
                out.push('#');
            }
        }
        out
    } else {
        return word.to_string();
    };
    word.replacen(core, &masked, 1)
}

/// A text as a label holds it: its words, masked where they are data.
pub fn masked(text: &str) -> String {
    text.split_whitespace().map(mask_word).collect::<Vec<_>>().join(" ")
}

/// One line of the report: `key: "text"`, masked; nothing when the text is empty.
fn line(out: &mut String, key: &str, text: &str) {
    if !text.trim().is_empty() {
        out.push_str(&format!("   {key}: \"{}\"\n", masked(text).replace('"', "'")));
    }
}

/// Whether the classifier recognised the client provider form in `controls`, and the report of what it read:
/// a heading from the catalogue, then each control (its kind, its texts masked, and the field its own words
/// would make it). Never a value: a snapshot has none, and `filled` is left out too.
pub fn form_report(controls: &[ControlSnapshot]) -> (bool, String) {
    let recognised = classify_controls(controls).is_client_provider_form;
    let mut out = say(&Finding::new("reportHeading").with(Arg::Count(controls.len() as u64)));
    out.push('\n');
    for (index, control) in controls.iter().enumerate() {
        let kind = if control.input_type.is_empty() { control.tag.clone() } else { format!("{}[type={}]", control.tag, control.input_type) };
        out.push_str(&format!("#{} {} form {}\n", index + 1, masked(&kind), control.form));
        for label in &control.labels {
            line(&mut out, "label", label);
        }
        line(&mut out, "name", &control.name);
        line(&mut out, "id", &control.id);
        line(&mut out, "testId", &control.test_id);
        line(&mut out, "placeholder", &control.placeholder);
        line(&mut out, "nearby", &control.nearby);
        line(&mut out, "section", &control.section);
        for option in &control.options {
            line(&mut out, "option", option);
        }
        if let Some(field) = classify_one(control) {
            out.push_str(&format!("   readAs: {}\n", field.label()));
        }
    }
    (recognised, out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_around_controls_is_masked_and_labels_stay() {
        let secretish = "00aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789";
        let controls = vec![
            ControlSnapshot {
                tag: "input".into(),
                input_type: "text".into(),
                name: "issuer-8f3a9c2e1b7d4a6f".into(),
                id: "field-42".into(),
                labels: vec!["Issuer URL (e.g. https://dev-12345678.okta.com/oauth2/default)".into()],
                placeholder: "admin@acme-corp.com".into(),
                nearby: format!("Signed in as jane.doe@acme-corp.com, org acme.okta-emea.com, token {secretish}, step 2 of 3"),
                section: "Provider for dev-12345678.okta.com".into(),
                filled: true,
                form: 0,
                ..Default::default()
            },
            ControlSnapshot { tag: "select".into(), labels: vec!["Environment".into()], section: "Sandbox 2024".into(), ..Default::default() },
        ];
        let (recognised, report) = form_report(&controls);
        assert!(!recognised);
        for leaked in ["dev-12345678", "12345678", "jane.doe", "acme-corp.com", "acme.okta-emea.com", secretish, "8f3a9c2e1b7d4a6f", "42", "2024", "https://"] {
            assert!(!report.contains(leaked), "{leaked} leaked into:\n{report}");
        }
        for (leaking, masked_as) in [("acme.okta.com/", "<host>"), ("okta.com/acme", "<host>"), ("acme.com:443", "<token>"), ("jane@acme-corp", "<email>"),
            ("kJhGfDsAqWeRtY-uIoP", "<token>"), ("ab12cd34ef56", "<token>"), ("ｊａｎｅ＠ａｃｍｅ．ｃｏｍ", "<email>")] {
            assert_eq!(masked(leaking), masked_as, "{leaking}");
        }
        for kept in ["Issuer URL", "<url>", "<email>", "<token>", "step # of #", "input[type=text]", "Environment", "Sandbox #", "readAs: Issuer", "2 controls"] {
            assert!(report.contains(kept), "{kept} missing from:\n{report}");
        }
        assert!(!report.contains("filled"), "not even whether a control holds a value");
    }

    #[test]
    fn plain_label_words_are_left_alone() {
        assert_eq!(masked("Client Registration URL"), "Client Registration URL");
        assert_eq!(masked("Token Introspection URL (optional)."), "Token Introspection URL (optional).");
        assert_eq!(masked("クライアント ID"), "クライアント ID");
        assert_eq!(masked("see https://x.okta.com/a, then"), "see <url>, then");
    }
}
