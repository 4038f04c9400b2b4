//! Property tests: the core never panics on any input, normalisation is idempotent, fixes fix.
#![cfg(not(target_arch = "wasm32"))]

use okta_anypoint_assist::core::classify::{classify_controls, ControlSnapshot};
use okta_anypoint_assist::core::fields::AnypointField;
use okta_anypoint_assist::core::header::normalize_authorization_header;
use okta_anypoint_assist::core::hints::{hints_for, FormValues};
use okta_anypoint_assist::core::metadata::inspect_metadata;
use okta_anypoint_assist::core::words::{Arg, Finding};
use proptest::prelude::*;

const SAMPLE: &str = include_str!("fixtures/custom-default.openid-configuration.json");
const SAMPLE_URL: &str = "https://dev-12345678.okta.com/oauth2/default/.well-known/openid-configuration";

fn field() -> impl Strategy<Value = AnypointField> {
    proptest::sample::select(AnypointField::ALL.to_vec())
}

/// Strings that look like what admins paste: URLs, tokens, spaces, schemes, unicode.
fn pasted() -> impl Strategy<Value = String> {
    prop_oneof![
        ".*",
        "(https?|javascript|data|SSWS|ssws|Bearer)?[: ]{0,3}[A-Za-z0-9._/?#=:-]{0,60}[ \t\n]{0,2}",
        "https://[a-z0-9-]{1,12}\\.okta\\.com(/oauth2(/[a-z0-9]{1,8})?(/v1/(authorize|token|introspect|clients(/[a-z0-9]{3,8})?))?)?(/\\.well-known/openid-configuration)?/?",
        "[ \t\n]{0,3}(SSWS |Bearer |ssws ){0,3}00[A-Za-z0-9_-]{40}[ \t\n]{0,3}",
        // Prefix fragments glued, split and repeated (the fuzzer found `SSWSS SWS` → `SSWS SSWS`).
        "([sS]{0,2}[ \n]?[sS]?[wW]?[ \n]?[sS]{0,2}[ \n]?){1,4}(00[A-Za-z0-9_-]{3})?",
    ]
}

/// A label as forms write it: a field's real label, often dressed (required marks, help text, other case,
/// punctuation), or sometimes noise. Drawn this way, two controls regularly claim the same field, so "each
/// field goes to one control" is really exercised (random strings almost never name a field).
fn label() -> impl Strategy<Value = String> {
    let real = proptest::sample::select(AnypointField::ALL.iter().map(|f| f.label()).collect::<Vec<_>>());
    let dressed = (real, "(|\\* |Required |\\(optional\\) )", "(| \\*| \\(required\\)|:| URL| of the IdP)", proptest::bool::ANY)
        .prop_map(|(label, before, after, upper)| {
            let text = format!("{before}{label}{after}");
            if upper { text.to_uppercase() } else { text }
        });
    prop_oneof![4 => dressed, 1 => ".{0,30}"]
}

/// Every text argument of a finding, nested ones included.
fn texts_of(finding: &Finding, out: &mut Vec<String>) {
    fn arg(a: &Arg, out: &mut Vec<String>) {
        match a {
            Arg::Text(text) => out.push(text.clone()),
            Arg::Words(inner) => texts_of(inner, out),
            Arg::List(items) => items.iter().for_each(|item| arg(item, out)),
            Arg::Count(_) => {}
        }
    }
    finding.args.iter().for_each(|a| arg(a, out));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// The arguments of a finding are built by the core: what is typed into a field whose value is a secret (the
    /// API token, the client secret, the private key) is never one of them, so no catalogue's template can put it
    /// into words. The secret's fix (the header with its prefix) goes only into its own field.
    #[test]
    fn no_finding_argument_holds_a_secret(
        field in proptest::sample::select(AnypointField::ALL.iter().copied().filter(|f| !f.shares_value()).collect::<Vec<_>>()),
        secret in "[A-Za-z0-9_-]{12,64}",
        prefix in "(|SSWS |Bearer |ssws  | )",
        issuer in pasted(),
    ) {
        let others = FormValues::from([(AnypointField::Issuer, issuer)]);
        for hint in hints_for(field, &format!("{prefix}{secret}"), &others) {
            let mut texts = Vec::new();
            texts_of(&hint.kind.finding(), &mut texts);
            prop_assert!(texts.iter().all(|text| !text.contains(&secret)), "{:?} carries the secret: {:?}", hint.code, texts);
            prop_assert!(!hint.message.contains(&secret));
            prop_assert!(hint.fix_label.as_deref().is_none_or(|label| !label.contains(&secret)));
        }
    }

    #[test]
    fn inspecting_any_text_never_panics(text in ".*", url in pasted()) {
        let _ = inspect_metadata(&text, &url);
        let _ = inspect_metadata(&text, SAMPLE_URL);
    }

    #[test]
    fn mutated_samples_never_panic(cut in 0usize..SAMPLE.len(), insert in ".{0,8}") {
        let mut text = SAMPLE.as_bytes()[..cut].to_vec();
        text.extend_from_slice(insert.as_bytes());
        text.extend_from_slice(&SAMPLE.as_bytes()[cut..]);
        let text = String::from_utf8_lossy(&text);
        let inspection = inspect_metadata(&text, SAMPLE_URL);
        // Valid ⇒ readable: never a valid verdict without values.
        prop_assert!(!inspection.is_valid() || inspection.metadata.is_some());
    }

    #[test]
    fn header_normalisation_is_idempotent(input in pasted()) {
        let once = normalize_authorization_header(&input);
        let twice = normalize_authorization_header(&once.value);
        prop_assert_eq!(&twice.value, &once.value);
        prop_assert!(twice.changes.is_empty(), "second pass changed {:?} for {:?}", twice.changes, once.value);
        prop_assert!(!once.value.to_ascii_lowercase().starts_with("ssws ssws"));
        prop_assert!(!once.value.contains(['\n', '\r', '\t']));
        prop_assert!(!once.value.starts_with(' '));
    }

    #[test]
    fn hints_never_panic_and_fixes_fix(field in field(), value in pasted(), issuer in pasted()) {
        let others = FormValues::from([(AnypointField::Issuer, issuer)]);
        for hint in hints_for(field, &value, &others) {
            prop_assert!(!hint.message.is_empty());
            if let Some(fix) = &hint.fix {
                let after = hints_for(field, fix, &others);
                prop_assert!(
                    after.iter().all(|h| h.code != hint.code),
                    "fix {:?} of {:?} still gives {}", fix, value, hint.code
                );
            }
        }
    }

    #[test]
    fn each_field_goes_to_at_most_one_control(labels in proptest::collection::vec(label(), 0..70), forms in proptest::collection::vec(0u32..3, 70)) {
        let controls: Vec<ControlSnapshot> = labels
            .iter()
            .zip(forms.iter())
            .map(|(label, form)| ControlSnapshot { labels: vec![label.clone()], form: *form, input_type: "text".into(), ..Default::default() })
            .collect();
        let classification = classify_controls(&controls);
        let mut fields: Vec<_> = classification.matches.iter().map(|m| m.field).collect();
        fields.sort();
        let before = fields.len();
        fields.dedup();
        prop_assert_eq!(before, fields.len(), "a field went to two controls");
        // Every match is in the chosen form, and a control holds one field at most.
        let mut controls_matched: Vec<_> = classification.matches.iter().map(|m| m.control).collect();
        controls_matched.dedup();
        prop_assert_eq!(controls_matched.len(), classification.matches.len());
        for m in &classification.matches {
            prop_assert_eq!(Some(controls[m.control].form), classification.form);
        }
    }
}
