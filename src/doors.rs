//! Every door through which untrusted input reaches the core, as one function per door that takes raw bytes,
//! walks them through as the extension would, and asserts what must hold (a failed assertion is a finding).
//! The fuzz targets (`fuzz/fuzz_targets/`) call these under libFuzzer; `tests/fuzz_corpus.rs` replays the
//! kept corpus (`fuzz/corpus/<door>/`) through them on stable Rust in every `./build.sh test`.
//!
//! Not part of the extension: native builds only.

use crate::core::classify::{classify_controls, ControlSnapshot};
use crate::core::draft::AnypointDraft;
use crate::core::fields::AnypointField;
use crate::core::fill::plan_fill;
use crate::core::header::normalize_authorization_header;
use crate::core::hints::{hints_for, FormValues};
use crate::core::metadata::{inspect_metadata, metadata_url_for};
use crate::core::okta_check::{judge, plan_checks, plan_second_round, CheckKind, Filled, Outcome, Verdict, CHECKS};
use crate::core::protocol::{Envelope, Request, Response};
use crate::core::tree;
use crate::core::sender::{check, Sender};
use crate::core::service::{answer, version_mismatch, Situation};

/// A door: raw bytes in, assertions inside.
pub type Door = fn(&[u8]);

/// The doors, by the name of their fuzz target and corpus folder.
pub const DOORS: [(&str, Door); 8] = [
    ("metadata", metadata),
    ("header", header),
    ("hints", hints),
    ("location", location),
    ("envelope", envelope),
    ("form", form),
    ("okta_answer", okta_answer),
    ("okta_create_answer", okta_create_answer),
];

const METADATA_URLS: [&str; 4] = [
    "https://dev-12345678.okta.com/oauth2/default/.well-known/openid-configuration",
    "https://dev-12345678.okta.com/.well-known/oauth-authorization-server/oauth2/default",
    "https://acme.okta.com/.well-known/openid-configuration?client_id=0oa1",
    "https://login.acme.com/oauth2/aus1/.well-known/oauth-authorization-server",
];

/// Splits the input at the first NUL: two independent strings from one input (e.g. a document and its URL).
fn two_parts(data: &[u8]) -> (String, String) {
    let text = String::from_utf8_lossy(data);
    match text.split_once('\0') {
        Some((a, b)) => (a.to_string(), b.to_string()),
        None => (text.to_string(), String::new()),
    }
}

/// A metadata document (before the first NUL) and the URL it was read from (after it, or each usual form).
/// Valid ⇒ readable: never a valid verdict without values; the values of a valid document pass their own
/// inspection again.
pub fn metadata(data: &[u8]) {
    let (text, url) = two_parts(data);
    let urls: Vec<&str> = if url.is_empty() { METADATA_URLS.to_vec() } else { vec![url.as_str()] };
    for url in urls {
        let inspection = inspect_metadata(&text, url);
        assert!(!inspection.is_valid() || inspection.metadata.is_some(), "valid without values");
    }
}

/// What the admin types into the Authorization Header: normalising twice equals once, the second pass
/// changes nothing, and the value never holds a doubled prefix or whitespace other than one space.
pub fn header(data: &[u8]) {
    let input = String::from_utf8_lossy(data);
    let once = normalize_authorization_header(&input);
    let twice = normalize_authorization_header(&once.value);
    assert_eq!(twice.value, once.value, "not idempotent");
    assert!(twice.changes.is_empty(), "second pass changed {:?}", twice.changes);
    let lower = once.value.to_ascii_lowercase();
    assert!(!lower.starts_with("ssws ssws") && !lower.starts_with("ssws bearer"), "double prefix {:?}", once.value);
    assert!(once.value.is_empty() || once.value.split(' ').all(|word| !word.is_empty() && !word.contains(char::is_whitespace)));
}

/// A value typed into each field with another value as the Issuer: no panic, every hint has words, a fix
/// is not hinted again once applied, and no hint's message repeats a secret (header, client secret, key).
pub fn hints(data: &[u8]) {
    let (value, issuer) = two_parts(data);
    let others = FormValues::from([(AnypointField::Issuer, issuer)]);
    for field in AnypointField::ALL {
        for hint in hints_for(field, &value, &others) {
            assert!(!hint.message.is_empty());
            if !field.shares_value() {
                assert_no_secret_in(&hint.message, &value);
            }
            if let Some(fix) = &hint.fix {
                assert!(hints_for(field, fix, &others).iter().all(|after| after.code != hint.code), "fix did not fix {}", hint.code);
            }
        }
    }
}

/// What the admin types in the popup as an org, issuer or Metadata URI: when a URL comes out, it is one the
/// core itself recognises as a metadata URL, and asking again for that URL gives the same URL.
pub fn location(data: &[u8]) {
    let input = String::from_utf8_lossy(data);
    if let Ok(url) = metadata_url_for(&input) {
        assert_eq!(metadata_url_for(&url).as_deref(), Ok(url.as_str()), "not stable for {input:?}");
        assert!(crate::core::metadata::MetadataLocation::parse(&url).is_ok(), "{url} is not a metadata URL");
    }
}

/// A protocol envelope decoded as the worker decodes it (the browser's JSON value, then `core::tree`), sent from
/// each kind of sender with values kept: no panic; what serde_json also decodes is decoded alike; a refused
/// sender gets nothing but a refusal; a secret typed into a hint request never appears in the answer's messages.
pub fn envelope(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(value) = serde_json::from_str::<serde_json::Value>(text) else { return };
    let tree = tree::of_json(value);
    // serde_json reads more shapes (a struct from an array): where both read the value (its numbers as JavaScript
    // holds them), they must read it alike.
    let direct = serde_json::from_value::<Envelope>(tree.to_json());
    let Ok(envelope) = tree::decode::<Envelope>(tree) else { return };
    if let Ok(direct) = direct {
        assert_eq!(format!("{direct:?}"), format!("{envelope:?}"), "the worker's decoder and serde_json disagree");
    }
    if version_mismatch(&envelope).is_some() {
        return;
    }
    let kept = sample_draft();
    let senders = [
        ("https://dev-12345678.okta.com/oauth2/default/.well-known/openid-configuration", true),
        ("https://anypoint.mulesoft.com/accounts/", true),
        ("chrome-extension://own/popup/popup.html", true),
        ("https://evil.example.com/", false),
    ];
    for (url, ours) in senders {
        let sender = Sender {
            id: Some(if ours { "own" } else { "other" }.to_string()),
            url: Some(url.to_string()),
            own_id: "own".to_string(),
            own_origin: "chrome-extension://own/".to_string(),
            ..Sender::default()
        };
        let request = envelope.request.clone();
        let Ok(context) = check(&sender, &request) else { continue };
        assert!(ours, "a page of neither console was let in: {}", request.name());
        let secret = match &request {
            Request::FieldHints { field, value, .. } if !field.shares_value() => Some(value.clone()),
            _ => None,
        };
        let situation = Situation { kept: Some(&kept), ..Situation::at(&context, 1_800_000_000_000) };
        let answered = answer(request, situation);
        if let (Some(secret), Response::Hints { hints, .. }) = (secret, &answered.response) {
            for hint in hints {
                assert_no_secret_in(&hint.message, &secret);
            }
        }
        serde_json::to_string(&answered.response).expect("every answer serialises");
    }
}

/// A form snapshot (JSON, as the content script sends it) for the classifier, then a fill planned over the
/// fields it found: no control claimed twice, no field on two controls, indices in range; a fill never
/// targets a field twice, and never one whose value the admin typed (that is a conflict, asked first).
pub fn form(data: &[u8]) {
    let (snapshot, typed) = two_parts(data);
    if let Ok(controls) = serde_json::from_str::<Vec<ControlSnapshot>>(&snapshot) {
        let classification = classify_controls(&controls);
        let mut controls_seen = std::collections::BTreeSet::new();
        let mut fields_seen = std::collections::BTreeSet::new();
        for found in &classification.matches {
            assert!(found.control < controls.len(), "match outside the snapshot");
            assert!(controls_seen.insert(found.control), "control {} claimed twice", found.control);
            assert!(fields_seen.insert(found.field), "{:?} on two controls", found.field);
        }
    }
    // The typed values: one per line, for the fields in form order.
    let current: FormValues = AnypointField::ALL.iter().copied().zip(typed.lines().map(str::to_string)).collect();
    let plan = plan_fill(&sample_draft(), &current);
    let mut targeted = std::collections::BTreeSet::new();
    for step in plan.steps.iter().chain(&plan.conflicts) {
        assert!(targeted.insert(step.field), "{:?} targeted twice", step.field);
    }
    for step in &plan.steps {
        let typed = current.get(&step.field).map(|value| value.trim()).unwrap_or("");
        assert!(typed.is_empty() || typed == step.value, "{:?} overwritten without asking", step.field);
    }
}

/// Okta's answers to "Check with Okta". The first byte picks what the admin filled; then records, each tagged
/// with the check it answers: the check (its place in `CHECKS`, modulo their number), an outcome byte (0–3:
/// timeout, unreachable, redirect, too large; else answered), the status (u16, big-endian), the body's length
/// (u16, big-endian) and the body. Each request gets the first unused record of its check (a 200 `{}` when
/// there is none). Every check gets exactly one line; no request leaves the org; no line repeats the token or
/// the secret, whatever Okta answered; a check passes only on a 200. The seeds come from
/// [`okta_answer_seeds`].
pub fn okta_answer(data: &[u8]) {
    okta_answer_lines(data);
}

const OKTA_ANSWER_TOKEN: &str = "00abcdefghijklmnopqrstuvwxyzABCDEFGHIJ_-01";
const OKTA_ANSWER_SECRET: &str = "Ab9-kLmNoPqRsTuVwXyZ0123456789abcdefghij";

/// [`okta_answer`]'s walk, answering the lines (the corpus test checks that the seeds reach the second round).
pub fn okta_answer_lines(data: &[u8]) -> Vec<crate::core::okta_check::CheckLine> {
    let values = FormValues::from([
        (AnypointField::Issuer, "https://dev-12345678.okta.com/oauth2/default".to_string()),
        (AnypointField::IntrospectionClientId, "0oa1practiceintrospect".to_string()),
        (AnypointField::TokenUrl, "https://dev-12345678.okta.com/oauth2/default/v1/token".to_string()),
    ]);
    let (token, secret) = (OKTA_ANSWER_TOKEN, OKTA_ANSWER_SECRET);
    let (header, secret) = match data.first().map(|b| b % 4) {
        Some(1) => (String::new(), secret),
        Some(2) => (token.to_string(), secret),
        Some(3) => (format!("SSWS {token}"), ""),
        _ => (format!("SSWS {token}"), secret),
    };
    let mut records = okta_answer_records(data.get(1..).unwrap_or_default());
    let mut answer = |kind: CheckKind| match records.iter().position(|(check, _)| *check == kind) {
        Some(at) => (kind, records.remove(at).1),
        None => (kind, Outcome::Answered { status: 200, body: "{}".to_string() }),
    };
    let filled = Filled { values: &values, header: &header, secret };
    let mut plan = plan_checks(&filled, &[]).expect("a full form plans");
    let mut outcomes: Vec<(CheckKind, Outcome)> = plan.calls.iter().map(|call| answer(call.check)).collect();
    let second = plan_second_round(&mut plan, &outcomes, &[], "nonce");
    let second_round: Vec<CheckKind> = plan.calls[plan.calls.len() - second..].iter().map(|call| call.check).collect();
    outcomes.extend(second_round.into_iter().map(&mut answer));
    for call in &plan.calls {
        assert!(call.request.url.starts_with("https://dev-12345678.okta.com/"), "a request left the org: {}", call.request.url);
    }
    let lines = judge(&plan, &outcomes, &values, &[]);
    let checks: Vec<CheckKind> = lines.iter().map(|line| line.check).collect();
    let all: Vec<CheckKind> = CHECKS.iter().map(|check| check.kind).collect();
    assert_eq!(checks, all, "one line per check, in order");
    for line in &lines {
        assert_no_secret_in(&line.text, token);
        assert_no_secret_in(&line.text, secret);
        if line.verdict == Verdict::Passed && line.check != CheckKind::FormUrls {
            let outcome = outcomes.iter().find(|(check, _)| *check == line.check).map(|(_, outcome)| outcome);
            assert!(matches!(outcome, Some(Outcome::Answered { status: 200, .. })), "{:?} passed without a 200", line.check);
        }
    }
    lines
}

/// The tagged records of [`okta_answer`]'s input (after its first byte).
fn okta_answer_records(mut rest: &[u8]) -> Vec<(CheckKind, Outcome)> {
    let mut records = Vec::new();
    while let [check, kind, high, low, len_high, len_low, after @ ..] = rest {
        let len = usize::from(u16::from_be_bytes([*len_high, *len_low])).min(after.len());
        let (body, next) = after.split_at(len);
        rest = next;
        let outcome = match kind % 8 {
            0 => Outcome::TimedOut,
            1 => Outcome::Unreachable,
            2 => Outcome::Redirected,
            3 => Outcome::TooLarge { bytes: 0 },
            _ => Outcome::Answered { status: u16::from_be_bytes([*high, *low]) % 600, body: String::from_utf8_lossy(body).into_owned() },
        };
        records.push((CHECKS[usize::from(*check) % CHECKS.len()].kind, outcome));
    }
    records
}

/// [`okta_answer`]'s input for what the admin filled (`0`: everything, `1`: no header, `2`: a raw token without
/// `SSWS `, `3`: no secret) and Okta's answers by check.
pub fn okta_answer_input(filled: u8, answers: &[(CheckKind, Outcome)]) -> Vec<u8> {
    let mut data = vec![filled];
    for (check, outcome) in answers {
        let tag = CHECKS.iter().position(|row| row.kind == *check).expect("every kind has a row") as u8;
        let (kind, status, body) = match outcome {
            Outcome::TimedOut => (0, 0, ""),
            Outcome::Unreachable => (1, 0, ""),
            Outcome::Redirected => (2, 0, ""),
            Outcome::TooLarge { .. } => (3, 0, ""),
            Outcome::Answered { status, body } => (4, *status, body.as_str()),
        };
        let len = u16::try_from(body.len()).expect("a seed's body fits in 64 KiB");
        data.extend([tag, kind]);
        data.extend(status.to_be_bytes());
        data.extend(len.to_be_bytes());
        data.extend(body.as_bytes());
    }
    data
}

/// The seeds a door's inputs are generated from (besides the hand-made ones in `fuzz/seeds/<door>/`), by name.
pub fn generated_seeds(door: &str) -> Vec<(&'static str, Vec<u8>)> {
    match door {
        "okta_answer" => okta_answer_seeds(),
        "okta_create_answer" => okta_create_answer_seeds(),
        _ => Vec::new(),
    }
}

/// The seeds of the `okta_answer` door, by name: one for each way Okta answers that the verdicts tell apart.
/// `assist-seeds` writes them for the fuzzer; `tests/fuzz_corpus.rs` replays them.
pub fn okta_answer_seeds() -> Vec<(&'static str, Vec<u8>)> {
    use CheckKind::*;
    let answered = |status: u16, body: &str| Outcome::Answered { status, body: body.to_string() };
    let openid = include_str!("../tests/fixtures/custom-default.openid-configuration.json");
    let oauth = include_str!("../tests/fixtures/custom-default.oauth-authorization-server.json");
    let discovery = || vec![(OpenidConfiguration, answered(200, openid)), (AuthorizationServerMetadata, answered(200, oauth))];
    let second = |token: Outcome, role: Outcome, introspection: Outcome| {
        let mut answers = discovery();
        answers.extend([(ApiToken, token), (RegistrationRole, role), (Introspection, introspection)]);
        answers
    };
    let good = || second(answered(200, r#"{"id":"00u1","status":"ACTIVE"}"#), answered(200, "[]"), answered(200, r#"{"active":false}"#));
    let with = |mut answers: Vec<(CheckKind, Outcome)>, kind: CheckKind, outcome: Outcome| {
        answers.iter_mut().filter(|(check, _)| *check == kind).for_each(|(_, old)| *old = outcome.clone());
        answers
    };
    let invalid_token = answered(401, r#"{"errorCode":"E0000011","errorSummary":"Invalid token provided","errorLink":"E0000011","errorId":"oae1","errorCauses":[]}"#);
    let echo = answered(
        401,
        &format!(r#"{{"errorCode":"SSWS {OKTA_ANSWER_TOKEN}","error":"{OKTA_ANSWER_SECRET}","errorSummary":"{OKTA_ANSWER_TOKEN}"}}"#),
    );
    let feature = answered(400, r#"{"errorCode":"E0000015","errorSummary":"The requested feature is not enabled in this environment."}"#);
    let html = answered(200, "<html>hi</html>");
    let issuer = "https://dev-12345678.okta.com/oauth2/default";
    let echoing_issuer = openid.replace(&format!("\"{issuer}\""), &format!("\"{issuer}/{OKTA_ANSWER_TOKEN}\""));
    let nested = format!("{}{}", "[".repeat(3000), "]".repeat(3000));
    vec![
        ("all-good", okta_answer_input(0, &good())),
        ("no-header", okta_answer_input(1, &good())),
        ("raw-token", okta_answer_input(2, &good())),
        ("no-secret", okta_answer_input(3, &good())),
        ("invalid-token", okta_answer_input(0, &with(with(good(), ApiToken, invalid_token.clone()), RegistrationRole, invalid_token))),
        (
            "no-role",
            okta_answer_input(0, &with(good(), RegistrationRole, answered(403, r#"{"errorCode":"E0000006","errorSummary":"You do not have permission to perform the requested action","errorCauses":[]}"#))),
        ),
        (
            "wrong-secret",
            okta_answer_input(0, &with(good(), Introspection, answered(401, r#"{"error":"invalid_client","error_description":"Client authentication failed. Either the client or the client credentials are invalid."}"#))),
        ),
        ("echoes-the-secret", okta_answer_input(0, &second(echo.clone(), echo.clone(), echo))),
        ("issuer-echoes-the-token", okta_answer_input(0, &with(good(), OpenidConfiguration, answered(200, &echoing_issuer)))),
        ("nested-answer", okta_answer_input(0, &with(good(), ApiToken, answered(200, &nested)))),
        ("rate-limit-and-errors", okta_answer_input(0, &second(answered(429, "{}"), answered(503, "{}"), answered(500, "")))),
        ("second-round-failures", okta_answer_input(0, &second(Outcome::Unreachable, Outcome::Redirected, Outcome::TooLarge { bytes: 0 }))),
        ("second-round-not-json", okta_answer_input(0, &second(html.clone(), html.clone(), html.clone()))),
        ("feature-not-enabled", okta_answer_input(0, &[(OpenidConfiguration, feature.clone()), (AuthorizationServerMetadata, feature)])),
        ("not-json", okta_answer_input(0, &[(OpenidConfiguration, html.clone()), (AuthorizationServerMetadata, html)])),
        ("timeouts", okta_answer_input(0, &[(OpenidConfiguration, Outcome::TimedOut), (AuthorizationServerMetadata, Outcome::TimedOut)])),
    ]
}

/// `secret` (as typed) must not appear in `message`; very short values are not secrets worth the name and
/// would match ordinary words.
fn assert_no_secret_in(message: &str, secret: &str) {
    for word in secret.split_whitespace().filter(|word| word.len() >= 12) {
        assert!(!message.contains(word), "message repeats a secret: {message:?}");
    }
}

fn sample_draft() -> AnypointDraft {
    let text = include_str!("../tests/fixtures/custom-default.openid-configuration.json");
    let metadata = inspect_metadata(text, METADATA_URLS[0]).metadata.expect("the fixture is valid");
    AnypointDraft::from_metadata(&metadata, 1_700_000_000_000)
}

/// Okta's answers to "Create the introspection client". The first byte picks the lookup's answer or the
/// confirming click's (and which action), or the read-back before a new secret; then an outcome byte (0–3: timeout, unreachable, redirect, too large;
/// else answered), the status (u16, big-endian) and the body. Whatever Okta answered: no panic; no message
/// repeats the API token, and none repeats the new secret (it goes into the Client Secret control, and only
/// there); the lookup offers only the name or a numbered one, or a new secret for an id that stays in its path;
/// a client is made only on 200 or 201.
pub fn okta_create_answer(data: &[u8]) {
    use crate::core::okta_create::{judge_action, judge_lookup, judge_verified, plan_create, CreateAction, CLIENT_NAME};
    let text = include_str!("../tests/fixtures/custom-default.openid-configuration.json");
    let url = "https://dev-12345678.okta.com/oauth2/default/.well-known/openid-configuration";
    let Some(metadata) = crate::core::metadata::inspect_metadata(text, url).metadata else { return };
    let draft = crate::core::draft::AnypointDraft::from_metadata(&metadata, 0);
    let header = format!("SSWS {OKTA_ANSWER_TOKEN}");
    let policy = crate::core::policy::Policy::NONE;
    let plan = plan_create(Some(&draft), &FormValues::new(), &header, &[], &policy).expect("a kept org and a token plan");
    let (Some(pick), Some(kind), Some(high), Some(low)) = (data.first(), data.get(1), data.get(2), data.get(3)) else { return };
    let body = String::from_utf8_lossy(data.get(4..).unwrap_or_default()).into_owned();
    let status = u16::from_be_bytes([*high, *low]);
    let outcome = match kind % 8 {
        0 => Outcome::TimedOut,
        1 => Outcome::Unreachable,
        2 => Outcome::Redirected,
        3 => Outcome::TooLarge { bytes: body.len() },
        _ => Outcome::Answered { status, body },
    };
    let host = "dev-12345678.okta.com".to_string();
    match pick % 4 {
        0 => match judge_lookup(&plan, &outcome) {
            Ok((message, choices)) => {
                assert_no_secret_in(&message, OKTA_ANSWER_TOKEN);
                for choice in choices {
                    assert_no_secret_in(&choice.label, OKTA_ANSWER_TOKEN);
                    let writes = plan.requests(&choice.action).expect("an offered action plans");
                    for request in writes.verify.iter().chain([&writes.write]) {
                        assert!(request.url.starts_with("https://dev-12345678.okta.com/oauth2/v1/clients"), "{}", request.url);
                    }
                    if let CreateAction::Create { name, .. } = &choice.action {
                        assert!(name.starts_with(CLIENT_NAME), "{name}");
                    }
                }
            }
            Err(message) => assert_no_secret_in(&message, OKTA_ANSWER_TOKEN),
        },
        3 => {
            let action = CreateAction::NewSecret { client_id: "0oaOne".into(), host };
            let verified = judge_verified(&plan, &action, &outcome);
            assert!(verified.is_err() || matches!(outcome, Outcome::Answered { status: 200, .. }), "verified without a 200");
            if let Err(message) = verified {
                assert_no_secret_in(&message, OKTA_ANSWER_TOKEN);
            }
        }
        pick => {
            let action = if pick == 1 { CreateAction::Create { name: CLIENT_NAME.into(), host } } else { CreateAction::NewSecret { client_id: "0oaOne".into(), host } };
            match judge_action(&plan, &action, &outcome) {
                Ok(made) => {
                    assert!(matches!(outcome, Outcome::Answered { status: 200 | 201, .. }), "made without a 200 or 201");
                    assert_no_secret_in(&made.message, OKTA_ANSWER_TOKEN);
                    assert_no_secret_in(&made.message, &made.client_secret);
                }
                Err(message) => assert_no_secret_in(&message, OKTA_ANSWER_TOKEN),
            }
        }
    }
}

/// The seeds of the `okta_create_answer` door: each way Okta answers a lookup or a registration.
pub fn okta_create_answer_seeds() -> Vec<(&'static str, Vec<u8>)> {
    let seed = |pick: u8, status: u16, body: &str| {
        let mut data = vec![pick, 4];
        data.extend(status.to_be_bytes());
        data.extend(body.as_bytes());
        data
    };
    vec![
        ("lookup-none", seed(0, 200, "[]")),
        ("lookup-prefix-only", seed(0, 200, r#"[{"client_id":"0oaOld","client_name":"Anypoint token introspection old"}]"#)),
        ("lookup-one", seed(0, 200, r#"[{"client_id":"0oaOne","client_name":"Anypoint token introspection"}]"#)),
        ("lookup-id-leaves-path", seed(0, 200, r#"[{"client_id":"../../api/v1/users","client_name":"Anypoint token introspection"}]"#)),
        ("lookup-401", seed(0, 401, r#"{"errorCode":"E0000011","errorSummary":"Invalid token provided"}"#)),
        ("lookup-timeout", vec![0, 0, 0, 0]),
        ("made", seed(1, 201, r#"{"client_id":"0oaNew","client_secret":"a-new-secret-0123456789","client_name":"Anypoint token introspection"}"#)),
        ("made-echoes-secret-as-name", seed(1, 201, r#"{"client_id":"0oaNew","client_secret":"Anypoint","client_name":"Anypoint"}"#)),
        ("refused-400", seed(1, 400, r#"{"error":"invalid_client_metadata","error_description":"00abcdefghijklmnopqrstuvwxyzABCDEFGHIJ_-01"}"#)),
        ("new-secret", seed(2, 200, r#"{"client_id":"0oaOne","client_secret":"rotated-0123456789"}"#)),
        ("rate-limited", seed(2, 429, "{}")),
        ("verified", seed(3, 200, r#"{"client_id":"0oaOne","client_name":"Anypoint token introspection"}"#)),
        ("verified-other-app", seed(3, 200, r#"{"client_id":"0oaOne","client_name":"Payroll"}"#)),
        ("verified-gone", seed(3, 404, r#"{"errorCode":"E0000007"}"#)),
    ]
}
