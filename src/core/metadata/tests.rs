use serde_json::{json, Map, Value};

use super::*;
use crate::core::okta_paths::AuthorizationServer;
use crate::core::severity::Severity;

const CUSTOM_OIDC: &str = include_str!("../../../tests/fixtures/custom-default.openid-configuration.json");
const CUSTOM_OAUTH: &str = include_str!("../../../tests/fixtures/custom-default.oauth-authorization-server.json");
const ORG_OIDC: &str = include_str!("../../../tests/fixtures/org.openid-configuration.json");

const CUSTOM_OIDC_URL: &str = "https://dev-12345678.okta.com/oauth2/default/.well-known/openid-configuration";
const CUSTOM_OAUTH_URL: &str = "https://dev-12345678.okta.com/oauth2/default/.well-known/oauth-authorization-server";
const CUSTOM_RFC8414_URL: &str = "https://dev-12345678.okta.com/.well-known/oauth-authorization-server/oauth2/default";
const ORG_OIDC_URL: &str = "https://acme.okta.com/.well-known/openid-configuration";

fn edited(text: &str, edit: impl FnOnce(&mut Map<String, Value>)) -> String {
    let mut value: Value = serde_json::from_str(text).unwrap();
    edit(value.as_object_mut().unwrap());
    value.to_string()
}

fn codes(inspection: &Inspection) -> Vec<String> {
    inspection
        .problems
        .iter()
        .map(|p| serde_json::to_value(p).unwrap()["code"].as_str().unwrap().to_string())
        .collect()
}

fn only_error(inspection: &Inspection) -> &ProblemKind {
    let errors: Vec<_> = inspection.problems.iter().filter(|p| p.is_error()).collect();
    assert_eq!(errors.len(), 1, "{:#?}", inspection.problems);
    &errors[0].kind
}

#[test]
fn samples_are_valid_at_every_url() {
    for (text, url) in [
        (CUSTOM_OIDC, CUSTOM_OIDC_URL),
        (CUSTOM_OAUTH, CUSTOM_OAUTH_URL),
        (CUSTOM_OAUTH, CUSTOM_RFC8414_URL),
        (ORG_OIDC, ORG_OIDC_URL),
        (ORG_OIDC, "https://acme.okta.com/.well-known/oauth-authorization-server"),
    ] {
        let inspection = inspect_metadata(text, url);
        assert!(inspection.is_valid(), "{url}: {:#?}", inspection.problems);
        assert!(inspection.problems.is_empty(), "{url}: {:#?}", inspection.problems);
    }
}

#[test]
fn custom_server_is_told_from_org_server() {
    let custom = inspect_metadata(CUSTOM_OIDC, CUSTOM_OIDC_URL).metadata.unwrap();
    assert_eq!(custom.location.server, AuthorizationServer::Custom { id: "default".into() });
    assert_eq!(custom.location.okta_org.as_deref(), Some("dev-12345678"));
    assert_eq!(custom.location.kind, DocumentKind::OpenidConfiguration);
    assert_eq!(custom.registration_endpoint.as_deref(), Some("https://dev-12345678.okta.com/oauth2/v1/clients"));
    let org = inspect_metadata(ORG_OIDC, ORG_OIDC_URL).metadata.unwrap();
    assert_eq!(org.location.server, AuthorizationServer::Org);
    assert_eq!(org.issuer, "https://acme.okta.com");
    let rfc = inspect_metadata(CUSTOM_OAUTH, CUSTOM_RFC8414_URL).metadata.unwrap();
    assert_eq!(rfc.location.kind, DocumentKind::OauthAuthorizationServer);
    assert_eq!(rfc.location.expected_issuer, "https://dev-12345678.okta.com/oauth2/default");
}

#[test]
fn pretty_printed_text_reads_the_same() {
    let pretty = serde_json::to_string_pretty(&serde_json::from_str::<Value>(CUSTOM_OIDC).unwrap()).unwrap();
    assert_eq!(inspect_metadata(&pretty, CUSTOM_OIDC_URL), inspect_metadata(CUSTOM_OIDC, CUSTOM_OIDC_URL));
    assert!(inspect_metadata(&format!("\u{feff}\n{CUSTOM_OIDC}\n"), CUSTOM_OIDC_URL).is_valid());
}

#[test]
fn every_okta_host_shape_is_an_okta_org() {
    for host in ["acme.oktapreview.com", "acme.okta-emea.com", "acme.okta-gov.com", "acme.okta.mil", "acme-admin.okta.com"] {
        let text = ORG_OIDC.replace("acme.okta.com", host);
        let inspection = inspect_metadata(&text, &format!("https://{host}/.well-known/openid-configuration"));
        assert!(inspection.is_valid(), "{host}: {:#?}", inspection.problems);
        assert_eq!(inspection.metadata.unwrap().location.okta_org.as_deref(), Some("acme"));
    }
}

#[test]
fn client_id_artefacts_are_cleaned() {
    let text = edited(CUSTOM_OIDC, |o| {
        o.insert("registration_endpoint".into(), json!("https://dev-12345678.okta.com/oauth2/v1/clients/0oa1b2c3d4e5f6g7h8i9"));
        o.insert("jwks_uri".into(), json!("https://dev-12345678.okta.com/oauth2/default/v1/keys?client_id=0oa1b2c3d4e5f6g7h8i9"));
    });
    let inspection = inspect_metadata(&text, &format!("{CUSTOM_OIDC_URL}?client_id=0oa1b2c3d4e5f6g7h8i9"));
    assert!(inspection.is_valid());
    assert_eq!(codes(&inspection), ["clientIdParameter", "registrationClientIdStripped"]);
    assert!(inspection.problems.iter().all(|p| p.severity == Severity::Info));
    let metadata = inspection.metadata.unwrap();
    assert_eq!(metadata.registration_endpoint.as_deref(), Some("https://dev-12345678.okta.com/oauth2/v1/clients"));
    assert_eq!(metadata.location.client_id_param.as_deref(), Some("0oa1b2c3d4e5f6g7h8i9"));
}

#[test]
fn issuer_of_another_server_is_refused() {
    let url = "https://dev-12345678.okta.com/oauth2/aus1a2b3c4d5e6f7g8h9/.well-known/openid-configuration";
    let inspection = inspect_metadata(CUSTOM_OIDC, url);
    assert!(!inspection.is_valid());
    assert!(matches!(only_error(&inspection), ProblemKind::IssuerMismatch { expected, .. }
        if expected == "https://dev-12345678.okta.com/oauth2/aus1a2b3c4d5e6f7g8h9"));
    // The org document served at a custom server's path is refused too.
    let inspection = inspect_metadata(ORG_OIDC, "https://acme.okta.com/oauth2/default/.well-known/openid-configuration");
    assert!(matches!(only_error(&inspection), ProblemKind::IssuerMismatch { .. }));
}

#[test]
fn issuer_with_trailing_slash_is_a_mismatch() {
    let text = edited(ORG_OIDC, |o| {
        o.insert("issuer".into(), json!("https://acme.okta.com/"));
    });
    assert!(matches!(only_error(&inspect_metadata(&text, ORG_OIDC_URL)), ProblemKind::IssuerMismatch { .. }));
}

#[test]
fn custom_url_domain_is_said_not_failed_once_granted() {
    // Document fetched on the custom domain, issuer on the Okta domain: legitimate with custom URL domains.
    let url = "https://login.acme.com/oauth2/default/.well-known/openid-configuration";
    let granted = ["login.acme.com".to_string()];
    let inspection = inspect_metadata_with(CUSTOM_OIDC, url, &granted);
    assert!(!inspection.is_valid(), "a custom domain cannot vouch for an Okta org");
    assert_eq!(codes(&inspection), ["customDomain", "issuerOnOktaFromCustomDomain"]);
    assert!(inspection.problems[1].message.contains("https://dev-12345678.okta.com/oauth2/default/.well-known/openid-configuration"));
    // The other way round (an Okta document whose issuer is the org's granted custom domain) is said, not failed.
    let text = CUSTOM_OIDC.replace("\"issuer\":\"https://dev-12345678.okta.com", "\"issuer\":\"https://login.acme.com");
    let inspection = inspect_metadata_with(&text, CUSTOM_OIDC_URL, &granted);
    assert_eq!(codes(&inspection), ["issuerOnOtherHost", "endpointOnOtherHost", "endpointOnOtherHost", "endpointOnOtherHost", "endpointOnOtherHost"]);
    // Everything on the custom domain: valid, with the custom-domain note and a warning that names where the API
    // token would go.
    let text = CUSTOM_OIDC.replace("dev-12345678.okta.com", "login.acme.com");
    let inspection = inspect_metadata_with(&text, url, &granted);
    assert!(inspection.is_valid());
    assert_eq!(codes(&inspection), ["customDomain", "registrationOutsideOkta"]);
    assert!(inspection.problems[1].message.contains("login.acme.com") && inspection.problems[1].message.contains("API token"));
    assert_eq!(inspection.metadata.unwrap().location.okta_org, None);
    // Not granted: the host is named and nothing is offered.
    let inspection = inspect_metadata(&text, url);
    assert!(!inspection.is_valid());
    assert_eq!(inspection.problems[0].kind, ProblemKind::HostNotGranted { host: "login.acme.com".into() });
    // An Okta document whose issuer moved to a custom domain nobody granted.
    let text = CUSTOM_OIDC.replace("\"issuer\":\"https://dev-12345678.okta.com", "\"issuer\":\"https://login.acme.com");
    let inspection = inspect_metadata(&text, CUSTOM_OIDC_URL);
    assert!(inspection.problems.iter().any(|p| p.kind == ProblemKind::HostNotGranted { host: "login.acme.com".into() }), "{:#?}", inspection.problems);
    assert!(!inspection.is_valid());
}

#[test]
fn http_endpoint_is_refused() {
    let text = edited(CUSTOM_OIDC, |o| {
        o.insert("token_endpoint".into(), json!("http://dev-12345678.okta.com/oauth2/default/v1/token"));
    });
    let inspection = inspect_metadata(&text, CUSTOM_OIDC_URL);
    assert!(matches!(only_error(&inspection), ProblemKind::NotHttps { field } if field == "token_endpoint"));
    assert!(inspection.problems[0].message.contains("https"));
}

#[test]
fn javascript_and_data_urls_are_refused() {
    for (field, value, scheme) in [
        ("authorization_endpoint", "javascript:alert(1)", "javascript"),
        ("introspection_endpoint", "data:text/html,<b>x</b>", "data"),
        ("issuer", "javascript://dev-12345678.okta.com/oauth2/default", "javascript"),
    ] {
        let text = edited(CUSTOM_OIDC, |o| {
            o.insert(field.into(), json!(value));
        });
        let inspection = inspect_metadata(&text, CUSTOM_OIDC_URL);
        assert!(!inspection.is_valid());
        assert!(
            inspection.problems.iter().any(|p| p.kind == ProblemKind::UnsafeScheme { field: field.into(), scheme: scheme.into() }),
            "{field}: {:#?}",
            inspection.problems
        );
    }
}

#[test]
fn missing_endpoints_anypoint_needs_are_reported() {
    // Documents from before mid-2017 have no registration endpoint: the org-level one is offered, with a warning.
    let text = edited(CUSTOM_OIDC, |o| {
        o.remove("registration_endpoint");
    });
    let inspection = inspect_metadata(&text, CUSTOM_OIDC_URL);
    assert!(inspection.is_valid(), "{:#?}", inspection.problems);
    assert_eq!(
        inspection.problems[0].kind,
        ProblemKind::RegistrationEndpointAssumed { url: "https://dev-12345678.okta.com/oauth2/v1/clients".into() }
    );
    assert_eq!(inspection.problems[0].severity, Severity::Warning);
    assert_eq!(inspection.metadata.unwrap().registration_endpoint.as_deref(), Some("https://dev-12345678.okta.com/oauth2/v1/clients"));
    let text = edited(CUSTOM_OIDC, |o| {
        o.remove("registration_endpoint");
        o.remove("issuer");
    });
    assert!(inspect_metadata(&text, CUSTOM_OIDC_URL).problems.iter().any(|p| p.kind == ProblemKind::MissingRegistrationEndpoint));
    let text = edited(CUSTOM_OIDC, |o| {
        o.insert("introspection_endpoint".into(), Value::Null);
    });
    assert_eq!(only_error(&inspect_metadata(&text, CUSTOM_OIDC_URL)), &ProblemKind::MissingIntrospectionEndpoint);
    for field in ["issuer", "authorization_endpoint", "token_endpoint"] {
        let text = edited(CUSTOM_OIDC, |o| {
            o.remove(field);
        });
        let inspection = inspect_metadata(&text, CUSTOM_OIDC_URL);
        assert_eq!(only_error(&inspection), &ProblemKind::MissingField { field: field.into() });
        assert!(inspection.metadata.is_none());
    }
}

#[test]
fn wrong_types_are_named() {
    let text = edited(CUSTOM_OIDC, |o| {
        o.insert("token_endpoint".into(), json!(42));
    });
    let inspection = inspect_metadata(&text, CUSTOM_OIDC_URL);
    assert_eq!(only_error(&inspection), &ProblemKind::WrongType { field: "token_endpoint".into(), found: "jsonNumber" });
    let text = edited(CUSTOM_OIDC, |o| {
        o.insert("issuer".into(), json!(["https://x"]));
    });
    assert!(matches!(only_error(&inspect_metadata(&text, CUSTOM_OIDC_URL)), ProblemKind::WrongType { found, .. } if *found == "jsonArray"));
}

#[test]
fn not_json_documents_get_their_own_messages() {
    let html = "<!doctype html><html><head><title>Sign In</title></head><body>Okta</body></html>";
    assert_eq!(only_error(&inspect_metadata(html, CUSTOM_OIDC_URL)), &ProblemKind::HtmlNotJson);
    assert!(matches!(only_error(&inspect_metadata("{\"issuer\": ", CUSTOM_OIDC_URL)), ProblemKind::InvalidJson { position: Some((1, _)) }));
    assert_eq!(
        only_error(&inspect_metadata("[1,2]", CUSTOM_OIDC_URL)),
        &ProblemKind::NotAnObject { found: "jsonArray" }
    );
    assert_eq!(only_error(&inspect_metadata(" \n ", CUSTOM_OIDC_URL)), &ProblemKind::EmptyDocument);
    // Every other JSON type at the top is named by a catalogue message (never a key left as it is).
    for (text, found) in [("true", "jsonBoolean"), ("null", "jsonNull"), ("3", "jsonNumber"), ("\"x\"", "jsonString")] {
        let problem = only_error(&inspect_metadata(text, CUSTOM_OIDC_URL)).clone();
        assert_eq!(problem, ProblemKind::NotAnObject { found }, "{text}");
        crate::core::words::assert_worded_everywhere(&[problem.finding()]);
    }
    let huge = format!("{{\"pad\":\"{}\"}}", "x".repeat(MAX_DOCUMENT_BYTES));
    assert!(matches!(only_error(&inspect_metadata(&huge, CUSTOM_OIDC_URL)), ProblemKind::TooLarge { .. }));
}

#[test]
fn urls_that_are_not_metadata_urls() {
    for url in [
        "https://dev-12345678.okta.com/.well-known/webfinger",
        "https://dev-12345678.okta.com/oauth2/default/v1/keys",
        "https://dev-12345678.okta.com/oauth2/v1/.well-known/openid-configuration",
        "not a url",
    ] {
        assert!(matches!(only_error(&inspect_metadata(CUSTOM_OIDC, url)), ProblemKind::NotAMetadataUrl { .. }), "{url}");
    }
    let http = "http://dev-12345678.okta.com/oauth2/default/.well-known/openid-configuration";
    assert!(matches!(only_error(&inspect_metadata(CUSTOM_OIDC, http)), ProblemKind::DocumentNotHttps { .. }));
}

#[test]
fn issuer_with_query_is_refused() {
    let text = edited(ORG_OIDC, |o| {
        o.insert("issuer".into(), json!("https://acme.okta.com?x=1"));
    });
    assert_eq!(only_error(&inspect_metadata(&text, ORG_OIDC_URL)), &ProblemKind::IssuerHasQueryOrFragment);
}

#[test]
fn an_endpoint_of_another_server_is_a_warning() {
    let text = edited(CUSTOM_OIDC, |o| {
        o.insert("introspection_endpoint".into(), json!("https://dev-12345678.okta.com/oauth2/aus9/v1/introspect"));
    });
    let inspection = inspect_metadata(&text, CUSTOM_OIDC_URL);
    assert!(inspection.is_valid(), "warnings only");
    assert_eq!(codes(&inspection), ["endpointOfOtherServer"]);
    assert_eq!(inspection.problems[0].severity, Severity::Warning);
}

#[test]
fn an_endpoint_on_another_host_blocks_the_document() {
    // The registration URL is where Anypoint sends the SSWS token: another host must never be offered.
    for (field, url) in [
        ("registration_endpoint", "https://collector.example/oauth2/v1/clients"),
        ("registration_endpoint", "https://other.okta.com/oauth2/v1/clients"),
        ("token_endpoint", "https://other.okta.com/oauth2/default/v1/token"),
    ] {
        let text = edited(CUSTOM_OIDC, |o| {
            o.insert(field.into(), json!(url));
        });
        let inspection = inspect_metadata(&text, CUSTOM_OIDC_URL);
        assert!(!inspection.is_valid(), "{field} on {url}");
        let error = only_error(&inspection);
        let host = url.split('/').nth(2).unwrap();
        assert_eq!(error, &ProblemKind::EndpointOnOtherHost { field: field.into(), host: host.into(), issuer_host: "dev-12345678.okta.com".into() });
        assert!(Problem::from(error.clone()).message.contains(host), "the message names the host");
    }
}

#[test]
fn an_issuer_of_another_okta_org_is_a_mismatch() {
    let text = CUSTOM_OIDC.replace("https://dev-12345678.okta.com", "https://attacker.okta.com");
    let inspection = inspect_metadata(&text, CUSTOM_OIDC_URL);
    assert!(matches!(only_error(&inspection), ProblemKind::IssuerMismatch { .. }), "{:#?}", inspection.problems);
    // A service subdomain of another org is not the same org either.
    let text = CUSTOM_OIDC.replace("https://dev-12345678.okta.com", "https://attacker.mtls.okta.com");
    assert!(!inspect_metadata(&text, CUSTOM_OIDC_URL).is_valid());
}

#[test]
fn a_default_port_in_the_metadata_url_changes_nothing() {
    let url = "https://dev-12345678.okta.com:443/oauth2/default/.well-known/openid-configuration";
    let inspection = inspect_metadata(CUSTOM_OIDC, url);
    assert!(inspection.is_valid(), "{:#?}", inspection.problems);
    assert_eq!(inspection.metadata.unwrap().location.document_url, CUSTOM_OIDC_URL);
    let text = CUSTOM_OIDC.replace("\"issuer\":\"https://dev-12345678.okta.com", "\"issuer\":\"https://dev-12345678.okta.com:443");
    assert!(inspect_metadata(&text, CUSTOM_OIDC_URL).is_valid(), "nor in the issuer");
}

#[test]
fn every_message_says_what_to_do() {
    let kinds = [
        ProblemKind::NotAMetadataUrl { url: "u".into() },
        ProblemKind::DocumentNotHttps { url: "u".into() },
        ProblemKind::TooLarge { bytes: 2 << 20 },
        ProblemKind::EmptyDocument,
        ProblemKind::HtmlNotJson,
        ProblemKind::InvalidJson { position: Some((1, 2)) },
        ProblemKind::NotAnObject { found: "jsonArray" },
        ProblemKind::MissingField { field: "issuer".into() },
        ProblemKind::WrongType { field: "issuer".into(), found: "jsonNumber" },
        ProblemKind::NotAUrl { field: "issuer".into() },
        ProblemKind::NotHttps { field: "issuer".into() },
        ProblemKind::UnsafeScheme { field: "issuer".into(), scheme: "data".into() },
        ProblemKind::IssuerHasQueryOrFragment,
        ProblemKind::IssuerMismatch { expected: "a".into(), found: "b".into() },
        ProblemKind::IssuerOnOtherHost { issuer_host: "a".into(), document_host: "b".into() },
        ProblemKind::MissingRegistrationEndpoint,
        ProblemKind::MissingIntrospectionEndpoint,
        ProblemKind::EndpointOnOtherHost { field: "f".into(), host: "a".into(), issuer_host: "b".into() },
        ProblemKind::EndpointOfOtherServer { field: "f".into(), server: AuthorizationServer::Org, issuer_server: AuthorizationServer::Custom { id: "b".into() } },
        ProblemKind::RegistrationClientIdStripped { client_id: "c".into() },
        ProblemKind::ClientIdParameter { client_id: "c".into() },
        ProblemKind::CustomDomain { host: "h".into() },
        ProblemKind::UnrecognisedLocation { input: "x".into() },
        ProblemKind::FetchFailed { url: "u".into(), status: Some(404) },
        ProblemKind::FetchFailed { url: "u".into(), status: None },
        ProblemKind::FetchTimedOut { url: "u".into(), seconds: 8 },
        ProblemKind::Redirected { url: "u".into() },
        ProblemKind::HostNotGranted { host: "h".into() },
        ProblemKind::IssuerOnOktaFromCustomDomain { issuer: "i".into(), document_host: "h".into() },
        ProblemKind::RegistrationEndpointAssumed { url: "u".into() },
        ProblemKind::TooDeep { limit: 32 },
    ];
    crate::core::words::assert_worded_everywhere(&kinds.iter().map(ProblemKind::finding).collect::<Vec<_>>());
    let messages: Vec<String> = kinds.iter().map(ToString::to_string).collect();
    for message in &messages {
        assert!(message.len() > 30 && message.ends_with('.'), "{message}");
        assert!(!message.contains('\n'));
    }
    let mut unique = messages.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), messages.len(), "each problem has its own message");
}

#[test]
fn endpoint_that_is_not_a_url() {
    let text = edited(CUSTOM_OIDC, |o| {
        o.insert("authorization_endpoint".into(), json!("/oauth2/default/v1/authorize"));
    });
    let inspection = inspect_metadata(&text, CUSTOM_OIDC_URL);
    assert_eq!(only_error(&inspection), &ProblemKind::NotAUrl { field: "authorization_endpoint".into() });
}

#[test]
fn typed_locations_become_metadata_urls() {
    for (input, expected) in [
        ("dev-12345678.okta.com", "https://dev-12345678.okta.com/oauth2/default/.well-known/openid-configuration"),
        (" https://acme.okta.com/ ", "https://acme.okta.com/oauth2/default/.well-known/openid-configuration"),
        ("https://acme.okta.com/oauth2/aus1a2b3", "https://acme.okta.com/oauth2/aus1a2b3/.well-known/openid-configuration"),
        (CUSTOM_RFC8414_URL, CUSTOM_RFC8414_URL),
        (ORG_OIDC_URL, ORG_OIDC_URL),
    ] {
        assert_eq!(metadata_url_for(input).as_deref(), Ok(expected), "{input}");
    }
    for input in ["", "not a host at all", "https://acme.okta.com/app/UserHome", "https://acme.okta.com/?x=1"] {
        assert!(matches!(metadata_url_for(input), Err(ProblemKind::UnrecognisedLocation { .. })), "{input}");
    }
    assert!(matches!(metadata_url_for("http://acme.okta.com"), Err(ProblemKind::DocumentNotHttps { .. })));
}

#[test]
fn a_document_nested_too_deep_has_its_own_message() {
    let deep = format!("{{\"issuer\":{}1{}}}", "[".repeat(10_000), "]".repeat(10_000));
    assert_eq!(only_error(&inspect_metadata(&deep, CUSTOM_OIDC_URL)), &ProblemKind::TooDeep { limit: MAX_NESTING });
    // Brackets inside strings are text, not nesting.
    let text = edited(CUSTOM_OIDC, |o| {
        o.insert("note".into(), json!("[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\"{{{{"));
    });
    assert!(inspect_metadata(&text, CUSTOM_OIDC_URL).is_valid());
}
