//! The fill plan: which value goes into which field, and what the admin is told about it. A field that holds
//! another value is never overwritten here: it is reported so the page can ask. The page sends the current
//! values of the fields it found (only fields whose values may be shared: `AnypointField::shares_value`).

use serde::Serialize;

use super::draft::AnypointDraft;
use super::fields::{is_ticked, AnypointField};
use super::hints::FormValues;
use super::web_url::WebUrl;
use super::words::{say, sentences, text, Arg, Finding};

/// One value to set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct FillStep {
    /// The field to set (the page knows its element).
    pub field: AnypointField,
    /// Okta's value.
    pub value: String,
}

/// What to fill and what to tell.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct FillPlan {
    /// Empty fields, or fields that already hold Okta's value.
    pub steps: Vec<FillStep>,
    /// Controls left alone because the admin typed something else there.
    pub conflicts: Vec<FillStep>,
    /// One line for the status area: what was filled, what could not be found.
    pub summary: String,
    /// With conflicts: the name of the button that replaces them with Okta's values (the admin's "yes").
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(not(target_arch = "wasm32"), ts(optional))]
    pub replace_label: Option<String>,
    /// With conflicts: the status line once they were replaced.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(not(target_arch = "wasm32"), ts(optional))]
    pub replaced_summary: Option<String>,
}

/// What the helper says when "Fill from Okta" finds nothing kept.
pub fn nothing_kept() -> String {
    say(&Finding::new("nothingKept").with(Finding::new("oktaServersPage")).with(Finding::new("panelKeep")))
}

/// Anypoint's labels of `fields`, as a list inside a sentence.
fn labels(fields: &[AnypointField]) -> Arg {
    Arg::List(fields.iter().map(|f| f.label().into()).collect())
}

/// "Use Okta's values in …" and "Replaced … with Okta's values.": the button and the line after it.
fn replace_words(fields: &[AnypointField]) -> (String, String) {
    let count = Arg::Count(fields.len() as u64);
    let worded = |key| say(&Finding { key, args: vec![labels(fields), count.clone()] });
    (worded("fillReplace"), worded("fillReplaced"))
}

/// The plan for filling `draft` into a form whose found fields hold `current` (a field absent from it was not
/// found on the page).
pub fn plan_fill(draft: &AnypointDraft, current: &FormValues) -> FillPlan {
    let mut steps = Vec::new();
    let mut conflicts = Vec::new();
    let mut not_found = Vec::new();
    let mut not_in_document = Vec::new();
    // Private key JWT takes Okta's org URL as Issuer; the other URLs stay the kept server's (docs/facts.md).
    let jwt = is_ticked(current, AnypointField::AuthenticationByPrivateKeyJwt);
    let org_issuer = WebUrl::parse(&draft.issuer).ok().map(|issuer| issuer.origin());
    for (field, value) in draft.values() {
        let value = if field == AnypointField::Issuer && jwt { org_issuer.as_deref() } else { value };
        let Some(value) = value else {
            not_in_document.push(field);
            continue;
        };
        let Some(current) = current.get(&field).map(|v| v.trim()) else {
            not_found.push(field);
            continue;
        };
        let step = FillStep { field, value: value.to_string() };
        if current.is_empty() || current == value {
            steps.push(step);
        } else {
            conflicts.push(step);
        }
    }
    let filled: Vec<_> = steps.iter().map(|s| s.field).collect();
    let mut said = vec![match filled.len() {
        0 => text("fillNothing"),
        n => say(&Finding::new("fillFilled").with(n.to_string()).with(labels(&filled))),
    }];
    let (mut replace_label, mut replaced_summary) = (None, None);
    if !conflicts.is_empty() {
        let fields: Vec<_> = conflicts.iter().map(|s| s.field).collect();
        said.push(say(&Finding::new("fillKeptYours").with(labels(&fields))));
        let (label, replaced) = replace_words(&fields);
        (replace_label, replaced_summary) = (Some(label), Some(replaced));
    }
    if !not_found.is_empty() {
        said.push(say(&Finding::new("fillNotFound").with(labels(&not_found))));
    }
    if !not_in_document.is_empty() {
        said.push(say(&Finding::new("fillNotInDocument").with(labels(&not_in_document))));
    }
    FillPlan { steps, conflicts, summary: sentences(&said), replace_label, replaced_summary }
}

/// "Compare with Okta" on the edit page of an existing provider: each of the five fields that differs from
/// Okta's live metadata (or is empty), with why, as conflicts the admin can replace in one click. Changes
/// nothing by itself.
pub fn compare_with(draft: &AnypointDraft, current: &FormValues) -> FillPlan {
    let issuer = WebUrl::parse(&draft.issuer).ok();
    let mut conflicts = Vec::new();
    let mut lines: Vec<String> = vec![String::new()];
    for (field, okta) in draft.values() {
        let (Some(okta), Some(typed)) = (okta, current.get(&field).map(|v| v.trim())) else { continue };
        if typed == okta {
            continue;
        }
        let why = if typed.is_empty() { Finding::new("diffEmpty") } else { difference(typed, okta, issuer.as_ref()) };
        lines.push(say(&Finding::new("compareLine").with(field.label()).with(why).with(okta)));
        conflicts.push(FillStep { field, value: okta.to_string() });
    }
    let fields: Vec<AnypointField> = conflicts.iter().map(|c| c.field).collect();
    let (summary, replace) = if fields.is_empty() {
        (text("compareEqual"), None)
    } else {
        lines[0] = say(&Finding::new("compareDiffer").with(fields.len().to_string()));
        (sentences(&lines), Some(replace_words(&fields)))
    };
    let (replace_label, replaced_summary) = replace.unzip();
    FillPlan { steps: Vec::new(), summary, replace_label, replaced_summary, conflicts }
}

/// Why a value differs from Okta's, in a few words.
fn difference(typed: &str, okta: &str, issuer: Option<&WebUrl>) -> Finding {
    let (Ok(typed_url), Ok(okta_url)) = (WebUrl::parse(typed), WebUrl::parse(okta)) else {
        return Finding::new("diffNotAUrl");
    };
    if !typed_url.is_https() {
        return Finding::new("diffHttp");
    }
    if typed_url.authority() != okta_url.authority() {
        return Finding::new("diffOtherHost").with(typed_url.authority()).with(okta_url.authority());
    }
    let server = |url: &WebUrl| crate::core::okta_paths::server_of_path(url.path());
    match (server(&typed_url), server(&okta_url), issuer) {
        (Some(a), Some(b), _) if a != b => Finding::new("diffOtherServer").with(a.finding()).with(b.finding()),
        _ => Finding::new("diffDiffers"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::okta_paths::AuthorizationServer;

    fn draft() -> AnypointDraft {
        AnypointDraft {
            issuer: "https://acme.okta.com/oauth2/default".into(),
            client_registration_url: Some("https://acme.okta.com/oauth2/v1/clients".into()),
            authorize_url: "https://acme.okta.com/oauth2/default/v1/authorize".into(),
            token_url: "https://acme.okta.com/oauth2/default/v1/token".into(),
            token_introspection_url: None,
            source_url: "https://acme.okta.com/oauth2/default/.well-known/openid-configuration".into(),
            server: AuthorizationServer::Custom { id: "default".into() },
            kept_at: 0,
        }
    }

    #[test]
    fn fills_empty_and_equal_values_keeps_different_ones_and_says_so() {
        let current = FormValues::from([
            (AnypointField::Issuer, String::new()),
            (AnypointField::AuthorizeUrl, "https://acme.okta.com/oauth2/default/v1/authorize ".into()),
            (AnypointField::TokenUrl, "https://typed.example/token".into()),
            (AnypointField::TokenIntrospectionUrl, String::new()),
        ]);
        let plan = plan_fill(&draft(), &current);
        let filled: Vec<_> = plan.steps.iter().map(|s| s.field).collect();
        assert_eq!(filled, [AnypointField::Issuer, AnypointField::AuthorizeUrl]);
        assert_eq!(plan.conflicts.len(), 1);
        assert_eq!(plan.conflicts[0].field, AnypointField::TokenUrl);
        assert_eq!(plan.replace_label.as_deref(), Some("Use Okta's value in Token URL"));
        assert_eq!(plan.replaced_summary.as_deref(), Some("Replaced Token URL with Okta's value."));
        assert_eq!(
            plan.summary,
            "Filled 2: Issuer, Authorize URL. Kept your values in Token URL (they differ from Okta's). \
             Could not find Client Registration URL on this page. The Okta document has no value for Token Introspection URL."
        );
    }

    #[test]
    fn compare_names_each_difference_and_why() {
        let current = FormValues::from([
            (AnypointField::Issuer, "https://acme.okta.com/oauth2/default".into()),
            (AnypointField::ClientRegistrationUrl, "https://acme.okta.com/oauth2/v1/clients".into()),
            (AnypointField::AuthorizeUrl, "http://acme.okta.com/oauth2/default/v1/authorize".into()),
            (AnypointField::TokenUrl, "https://acme.okta.com/oauth2/v1/token".into()),
            (AnypointField::TokenIntrospectionUrl, "https://login.acme.com/oauth2/default/v1/introspect".into()),
        ]);
        let mut okta = draft();
        okta.token_introspection_url = Some("https://acme.okta.com/oauth2/default/v1/introspect".into());
        let plan = compare_with(&okta, &current);
        assert_eq!(plan.conflicts.iter().map(|c| c.field).collect::<Vec<_>>(), [AnypointField::AuthorizeUrl, AnypointField::TokenUrl, AnypointField::TokenIntrospectionUrl]);
        assert!(plan.summary.starts_with("3 differ from Okta's metadata."), "{}", plan.summary);
        assert!(plan.summary.contains("Authorize URL: uses http"), "{}", plan.summary);
        assert!(plan.summary.contains("Token URL: belongs to the org authorization server, not authorization server \"default\""), "{}", plan.summary);
        assert!(plan.summary.contains("Token Introspection URL: on login.acme.com, Okta's is on acme.okta.com"), "{}", plan.summary);
        assert_eq!(plan.replace_label.as_deref(), Some("Use Okta's values in Authorize URL, Token URL, Token Introspection URL"));
        let same = FormValues::from([(AnypointField::Issuer, okta.issuer.clone())]);
        assert!(compare_with(&okta, &same).summary.starts_with("Every URL matches"));
    }

    #[test]
    fn private_key_jwt_fills_the_org_issuer_and_the_kept_servers_urls() {
        let empty = |jwt: &str| {
            let mut values: FormValues = AnypointField::FROM_METADATA.iter().map(|f| (*f, String::new())).collect();
            values.insert(AnypointField::AuthenticationByPrivateKeyJwt, jwt.to_string());
            values
        };
        let kept = draft();
        let issuer_of = |plan: &FillPlan| plan.steps.iter().find(|s| s.field == AnypointField::Issuer).map(|s| s.value.clone());
        let plan = plan_fill(&kept, &empty("true"));
        assert_eq!(issuer_of(&plan).as_deref(), Some("https://acme.okta.com"), "{plan:?}");
        let token = plan.steps.iter().find(|s| s.field == AnypointField::TokenUrl).unwrap();
        assert_eq!(token.value, kept.token_url, "the other URLs are the kept server's");
        for step in &plan.steps {
            let mut others = empty("true");
            others.insert(AnypointField::Issuer, issuer_of(&plan).unwrap());
            let hints = crate::core::hints::hints_for(step.field, &step.value, &others);
            assert!(hints.iter().all(|h| h.severity != crate::core::severity::Severity::Error && h.code != "otherServer"), "{:?}: {hints:?}", step.field);
        }
        assert_eq!(issuer_of(&plan_fill(&kept, &empty("false"))), Some(kept.issuer.clone()), "control: header mode keeps the issuer");
    }

    #[test]
    fn plans_read_in_japanese() {
        let ja = include_str!("../../extension/_locales/ja/messages.json");
        crate::core::words::use_words(crate::core::words::Words::of_language(ja));
        let current = FormValues::from([
            (AnypointField::Issuer, String::new()),
            (AnypointField::AuthorizeUrl, "http://acme.okta.com/oauth2/default/v1/authorize".into()),
        ]);
        let plan = plan_fill(&draft(), &current);
        assert!(plan.summary.starts_with("1 件を入力しました: Issuer。Authorize URL は入力済みの値を残しました"), "{}", plan.summary);
        assert_eq!(plan.replace_label.as_deref(), Some("Authorize URL に Okta の値を使う"));
        let compared = compare_with(&draft(), &current);
        assert!(compared.summary.starts_with("2 件が Okta のメタデータと異なります。Issuer: 空です（Okta: "), "{}", compared.summary);
        assert!(compared.summary.contains("Authorize URL: http を使っています"), "{}", compared.summary);
        assert!(nothing_kept().contains("セキュリティ > API > 認可サーバー") && nothing_kept().contains("「Anypoint で使う」"));
    }

    #[test]
    fn api_body_has_the_draft_and_placeholders_for_secrets() {
        let body = draft().to_api_body(&crate::core::draft::ApiBodyOptions {
            timeout_seconds: Some(60),
            allow_external_client_modification: true,
            ..Default::default()
        });
        let body = serde_json::to_value(body).unwrap();
        let provider = &body["oidc_dynamic_client_provider"];
        assert_eq!(body["type"]["name"], "openid-dynamic-client");
        assert_eq!(provider["issuer"], "https://acme.okta.com/oauth2/default");
        assert_eq!(provider["client_request_timeout"], 20_000, "clamped to Anypoint's 5..20 s, sent in milliseconds");
        assert_eq!(provider["allow_external_client_modification"], false, "needs local deletion");
        assert_eq!(provider["client"]["registration"]["authorization"], crate::core::draft::SECRET_PLACEHOLDER);
        assert_eq!(provider["primary_client"]["secret"], crate::core::draft::SECRET_PLACEHOLDER);
        assert_eq!(provider["urls"]["token"], "https://acme.okta.com/oauth2/default/v1/token");
    }

    #[test]
    fn the_curl_command_goes_to_the_admins_control_plane() {
        use crate::core::hosts::{Plane, CONTROL_PLANES};
        let options = crate::core::draft::ApiBodyOptions::default();
        for plane in CONTROL_PLANES {
            let (_, curl) = crate::core::draft::api_body_for(&FormValues::new(), &options, &Plane::Public(*plane), None);
            let expected = format!("curl -X POST 'https://{}/accounts/api/organizations/<root organization id>/clientProviders'", plane.host);
            assert!(curl.starts_with(&expected), "{curl}");
        }
        // A Private Cloud installation's API base is not known here: said, not guessed.
        let (_, curl) = crate::core::draft::api_body_for(&FormValues::new(), &options, &Plane::of_seen_host("anypoint.acme.com"), None);
        assert!(curl.starts_with("curl -X POST '<the Access Management API of anypoint.acme.com>/organizations/"), "{curl}");
    }
}
