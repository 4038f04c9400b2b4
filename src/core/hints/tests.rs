use super::*;
use crate::core::header::HeaderFinding;
use crate::core::severity::Severity;

const ISSUER: &str = "https://dev-12345678.okta.com/oauth2/default";
const TOKEN: &str = include_str!("../../../tests/fixtures/api-token.txt").trim_ascii_end();

fn with_issuer() -> FormValues {
    FormValues::from([(AnypointField::Issuer, ISSUER.to_string())])
}

fn kinds(field: AnypointField, value: &str, others: &FormValues) -> Vec<HintKind> {
    hints_for(field, value, others).into_iter().map(|h| h.kind).collect()
}

fn first(field: AnypointField, value: &str) -> Hint {
    hints_for(field, value, &with_issuer()).into_iter().next().expect("a hint")
}

#[test]
fn correct_values_get_no_hints() {
    let others = with_issuer();
    for (field, value) in [
        (AnypointField::Issuer, ISSUER),
        (AnypointField::ClientRegistrationUrl, "https://dev-12345678.okta.com/oauth2/v1/clients"),
        (AnypointField::AuthorizeUrl, "https://dev-12345678.okta.com/oauth2/default/v1/authorize"),
        (AnypointField::TokenUrl, "https://dev-12345678.okta.com/oauth2/default/v1/token"),
        (AnypointField::TokenIntrospectionUrl, "https://dev-12345678.okta.com/oauth2/default/v1/introspect"),
        (AnypointField::AuthorizationHeader, &format!("SSWS {TOKEN}")),
        (AnypointField::ClientRequestTimeout, "5"),
        (AnypointField::IntrospectionClientId, "0oa1b2c3d4e5f6g7h8i9"),
        (AnypointField::IntrospectionClientSecret, "Zx8-abcdefghijklmnopqrstuvwxyzABCDEFGHIJ"),
        (AnypointField::Name, "Okta"),
        (AnypointField::Issuer, ""),
    ] {
        assert!(hints_for(field, value, &others).is_empty(), "{field:?} {value}: {:?}", hints_for(field, value, &others));
    }
}

#[test]
fn http_is_an_error_with_a_fix() {
    let hint = first(AnypointField::TokenUrl, "http://dev-12345678.okta.com/oauth2/default/v1/token");
    assert_eq!(hint.severity, Severity::Error);
    assert!(matches!(hint.kind, HintKind::HttpsRequired { .. }));
    assert!(hint.message.contains("https"));
    assert_eq!(hint.fix.as_deref(), Some("https://dev-12345678.okta.com/oauth2/default/v1/token"));
    assert_eq!(hint.fix_label.as_deref(), Some("Use https://"));
}

#[test]
fn unsafe_and_non_urls() {
    assert!(matches!(first(AnypointField::AuthorizeUrl, "javascript:alert(1)").kind, HintKind::UnsafeScheme { .. }));
    assert!(matches!(first(AnypointField::AuthorizeUrl, "dev-12345678.okta.com/oauth2").kind, HintKind::NotAUrl { .. }));
}

#[test]
fn metadata_url_in_issuer_is_fixed_to_the_bare_issuer() {
    for url in [
        "https://dev-12345678.okta.com/oauth2/default/.well-known/openid-configuration",
        "https://dev-12345678.okta.com/.well-known/oauth-authorization-server/oauth2/default",
    ] {
        let hint = first(AnypointField::Issuer, url);
        assert!(matches!(hint.kind, HintKind::MetadataUrlInIssuer { .. }));
        assert_eq!(hint.fix.as_deref(), Some(ISSUER));
    }
    let org = first(AnypointField::Issuer, "https://acme.okta.com/.well-known/openid-configuration");
    assert_eq!(org.fix.as_deref(), Some("https://acme.okta.com"));
}

#[test]
fn endpoint_in_the_wrong_field() {
    let hint = first(AnypointField::AuthorizeUrl, "https://dev-12345678.okta.com/oauth2/default/v1/token");
    assert!(matches!(hint.kind, HintKind::WrongEndpoint { .. }));
    assert!(hint.message.contains("token endpoint") && hint.message.contains("/v1/authorize"), "{}", hint.message);
    for (field, value) in [
        (AnypointField::TokenUrl, "https://dev-12345678.okta.com/oauth2/default/v1/authorize"),
        (AnypointField::TokenUrl, "https://dev-12345678.okta.com/oauth2/default/v1/introspect"),
        (AnypointField::TokenIntrospectionUrl, "https://dev-12345678.okta.com/oauth2/default/v1/token"),
        (AnypointField::ClientRegistrationUrl, "https://dev-12345678.okta.com/oauth2/default/v1/authorize"),
        (AnypointField::AuthorizeUrl, "https://dev-12345678.okta.com/oauth2/v1/clients"),
    ] {
        assert!(matches!(first(field, value).kind, HintKind::WrongEndpoint { .. }), "{field:?} {value}");
    }
    assert!(matches!(first(AnypointField::Issuer, "https://dev-12345678.okta.com/oauth2/default/v1/token").kind, HintKind::EndpointInIssuer { .. }));
    assert!(matches!(first(AnypointField::TokenUrl, "https://dev-12345678.okta.com/oauth2/default/.well-known/openid-configuration").kind, HintKind::MetadataUrlInEndpoint { .. }));
}

#[test]
fn other_org_and_other_server_than_the_issuer() {
    let others = with_issuer();
    assert!(matches!(kinds(AnypointField::TokenUrl, "https://other.okta.com/oauth2/default/v1/token", &others).as_slice(), [HintKind::OtherHost { .. }]));
    let hints = hints_for(AnypointField::TokenUrl, "https://dev-12345678.okta.com/oauth2/aus9/v1/token", &others);
    assert!(matches!(hints[0].kind, HintKind::OtherServer { .. }));
    assert!(hints[0].message.contains("\"aus9\"") && hints[0].message.contains("\"default\""));
    // The registration URL is org-level: no server complaint.
    assert!(kinds(AnypointField::ClientRegistrationUrl, "https://dev-12345678.okta.com/oauth2/v1/clients", &others).is_empty());
}

#[test]
fn registration_url_is_made_org_level() {
    for url in [
        "https://dev-12345678.okta.com/oauth2/v1/clients/0oa1b2c3",
        "https://dev-12345678.okta.com/oauth2/v1/clients?client_id=0oa1b2c3",
        // A server's path is no client id, but still not the org-level URL Okta registers clients at.
        "https://dev-12345678.okta.com/oauth2/default/v1/clients",
    ] {
        let hint = first(AnypointField::ClientRegistrationUrl, url);
        assert_eq!(hint.kind, HintKind::RegistrationNotOrgLevel, "{url}");
        assert_eq!(hint.fix.as_deref(), Some("https://dev-12345678.okta.com/oauth2/v1/clients"), "{url}");
    }
}

#[test]
fn spaces_and_trailing_slashes() {
    let hint = first(AnypointField::Issuer, &format!("  {ISSUER} "));
    assert!(matches!(hint.kind, HintKind::SurroundingSpaces { .. }));
    assert_eq!(hint.fix.as_deref(), Some(ISSUER));
    assert_eq!(first(AnypointField::Issuer, &format!("{ISSUER}/")).fix.as_deref(), Some(ISSUER));
    assert!(matches!(first(AnypointField::TokenUrl, "https://dev-12345678.okta.com/oauth2/default/v1/token/").kind, HintKind::TrailingSlash { .. }));
    assert!(matches!(first(AnypointField::Issuer, &format!("{ISSUER}?x=1")).kind, HintKind::IssuerQuery { .. }));
}

#[test]
fn authorization_header() {
    let hint = first(AnypointField::AuthorizationHeader, TOKEN);
    assert!(matches!(hint.kind, HintKind::HeaderNormalized { .. }));
    assert_eq!(hint.fix, Some(format!("SSWS {TOKEN}")));
    assert!(hint.auto_apply, "the SSWS prefix is added without asking");
    assert!(!hint.message.contains(TOKEN), "the token is never echoed in a message");
    assert!(!first(AnypointField::TokenUrl, "http://a.okta.com/oauth2/v1/token").auto_apply);
    assert_eq!(first(AnypointField::AuthorizationHeader, &format!("SSWS SSWS {TOKEN}")).fix, Some(format!("SSWS {TOKEN}")));
    assert!(matches!(first(AnypointField::AuthorizationHeader, "SSWS 123").kind, HintKind::Header(HeaderFinding::UnusualApiToken)));
}

#[test]
fn timeout_range() {
    assert_eq!(first(AnypointField::ClientRequestTimeout, "30").fix.as_deref(), Some("20"));
    assert_eq!(first(AnypointField::ClientRequestTimeout, "4").fix.as_deref(), Some("5"));
    assert!(matches!(first(AnypointField::ClientRequestTimeout, "4").kind, HintKind::TimeoutOutOfRange { .. }));
    assert!(matches!(first(AnypointField::ClientRequestTimeout, "five").kind, HintKind::TimeoutNotANumber { .. }));
    assert!(hints_for(AnypointField::ClientRequestTimeout, "20", &FormValues::new()).is_empty());
}

#[test]
fn client_id_and_secret_shapes() {
    assert!(matches!(first(AnypointField::IntrospectionClientId, "0oa1 b2").kind, HintKind::ClientIdCharacters { .. }));
    assert!(matches!(first(AnypointField::IntrospectionClientId, "abc123").kind, HintKind::ClientIdUnusual { .. }));
    assert!(matches!(first(AnypointField::IntrospectionClientId, "Zx8-abcdefghijklmnopqrstuvwxyzABCDEFGHIJ").kind, HintKind::ClientIdLooksLikeSecret { .. }));
    let same = FormValues::from([(AnypointField::IntrospectionClientId, "0oa1b2c3d4e5f6g7h8i9".to_string())]);
    assert!(matches!(kinds(AnypointField::IntrospectionClientSecret, "0oa1b2c3d4e5f6g7h8i9", &same).as_slice(), [HintKind::SecretEqualsId { .. }]));
    assert!(matches!(first(AnypointField::IntrospectionClientSecret, TOKEN).kind, HintKind::SecretLooksLikeApiToken { .. }));
    assert!(matches!(first(AnypointField::IntrospectionClientSecret, "short").kind, HintKind::SecretShort { .. }));
}

#[test]
fn idp_deletion_needs_local_deletion() {
    let none = FormValues::new();
    assert!(matches!(kinds(AnypointField::EnableIdpDeletionAndUpdates, "true", &none).as_slice(), [HintKind::IdpDeletionNeedsLocal, HintKind::IdpUpdatesNeedManage]));
    let local = FormValues::from([(AnypointField::EnableClientDeletion, "true".to_string())]);
    // Ticked as it should be: only what it asks of Okta (the token must manage the apps Anypoint registers).
    assert_eq!(kinds(AnypointField::EnableIdpDeletionAndUpdates, "true", &local), [HintKind::IdpUpdatesNeedManage]);
    assert!(kinds(AnypointField::EnableIdpDeletionAndUpdates, "false", &local).is_empty(), "control: unticked says nothing");
    let idp = FormValues::from([(AnypointField::EnableIdpDeletionAndUpdates, "true".to_string())]);
    assert!(matches!(kinds(AnypointField::EnableClientDeletion, "false", &idp).as_slice(), [HintKind::IdpDeletionNeedsLocal { .. }]));
    assert!(matches!(kinds(AnypointField::DisableCertificateValidation, "true", &none).as_slice(), [HintKind::CertificateValidationOff { .. }]));
}

#[test]
fn most_severe_first() {
    let hints = hints_for(AnypointField::TokenUrl, " http://other.okta.com/oauth2/default/v1/token", &with_issuer());
    let severities: Vec<_> = hints.iter().map(|h| h.severity).collect();
    let mut sorted = severities.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(severities, sorted);
    assert!(matches!(hints[0].kind, HintKind::HttpsRequired { .. }));
}

#[test]
fn every_fix_has_a_button_label_without_the_value() {
    let others = with_issuer();
    for (field, value) in [
        (AnypointField::Issuer, "https://dev-12345678.okta.com/oauth2/default/.well-known/openid-configuration"),
        (AnypointField::Issuer, " https://x.okta.com/"),
        (AnypointField::TokenUrl, "http://dev-12345678.okta.com/oauth2/default/v1/token/"),
        (AnypointField::ClientRegistrationUrl, "https://dev-12345678.okta.com/oauth2/v1/clients/0oa1"),
        (AnypointField::ClientRequestTimeout, "99"),
        (AnypointField::AuthorizationHeader, TOKEN),
    ] {
        for hint in hints_for(field, value, &others) {
            if let Some(fix) = &hint.fix {
                let label = hint.fix_label.expect("a fix comes with a button label");
                assert!(!label.contains(fix.as_str()) && !label.contains(TOKEN), "{label}");
            }
        }
    }
}

#[test]
fn header_and_secret_messages_never_repeat_what_was_typed() {
    let secret = include_str!("../../../tests/fixtures/client-secret.txt").trim_ascii_end();
    for (field, input) in [
        (AnypointField::AuthorizationHeader, TOKEN.to_string()),
        (AnypointField::AuthorizationHeader, format!("ssws SSWS {TOKEN}")),
        (AnypointField::AuthorizationHeader, secret.to_string()),
        (AnypointField::AuthorizationHeader, "abc123".to_string()),
        (AnypointField::IntrospectionClientSecret, TOKEN.to_string()),
        (AnypointField::IntrospectionClientSecret, format!(" {secret}")),
    ] {
        let typed = input.trim().trim_start_matches("ssws SSWS ");
        for hint in hints_for(field, &input, &FormValues::new()) {
            assert!(!hint.message.contains(typed), "{field:?}: {}", hint.message);
        }
    }
}

#[test]
fn a_registration_url_on_another_host_is_an_error_that_says_where_the_token_goes() {
    let hint = first(AnypointField::ClientRegistrationUrl, "https://collector.example.com/oauth2/v1/clients");
    assert_eq!(hint.severity, Severity::Error);
    assert!(hint.message.contains("API token") && hint.message.contains("collector.example.com"), "{}", hint.message);
    let other = first(AnypointField::TokenUrl, "https://other.okta.com/oauth2/default/v1/token");
    assert_eq!(other.severity, Severity::Warning);
}

#[test]
fn private_key_jwt_mode_has_no_header_to_fix_and_says_what_okta_needs() {
    let jwt = FormValues::from([(AnypointField::AuthenticationByPrivateKeyJwt, "true".to_string())]);
    assert!(hints_for(AnypointField::AuthorizationHeader, "whatever typed", &jwt).is_empty());
    assert!(!hints_for(AnypointField::AuthorizationHeader, "whatever typed", &FormValues::new()).is_empty());
    let needs = first(AnypointField::AuthenticationByPrivateKeyJwt, "true");
    assert_eq!(needs.kind, HintKind::PrivateKeyJwtNeeds);
    for word in ["okta.clients.register", "okta.clients.read", "okta.clients.manage", "Application Administrator", "DPoP"] {
        assert!(needs.message.contains(word), "{word}");
    }
    assert!(hints_for(AnypointField::AuthenticationByPrivateKeyJwt, "false", &FormValues::new()).is_empty());
    let pem = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----";
    assert!(hints_for(AnypointField::PrivateKey, pem, &FormValues::new()).is_empty());
    assert!(hints_for(AnypointField::PrivateKey, r#"{"kty":"RSA","d":"x","n":"y","e":"AQAB"}"#, &FormValues::new()).is_empty());
    assert_eq!(first(AnypointField::PrivateKey, "-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----").kind, HintKind::PublicKeyInstead);
    let odd = first(AnypointField::PrivateKey, "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC");
    assert_eq!(odd.kind, HintKind::PrivateKeyFormat);
    assert!(!odd.message.contains("MIIEvQ"), "a hint never repeats the key");
}

#[test]
fn a_trailing_slash_before_a_fragment_is_removed_by_its_fix() {
    // The fuzzer's find (fuzz/seeds/hints/fuzz-found-fix-does-not-fix): the fix trimmed the text's end, which was
    // the fragment's `#`, so the fix changed nothing.
    let hint = first(AnypointField::TokenUrl, "https://dev-12345678.okta.com/oauth2/default/v1/token/#");
    assert_eq!(hint.kind, HintKind::TrailingSlash { field: AnypointField::TokenUrl });
    let fix = hint.fix.unwrap();
    assert!(!fix.contains("token/"), "{fix}");
    assert!(kinds(AnypointField::TokenUrl, &fix, &FormValues::new()).iter().all(|kind| !matches!(kind, HintKind::TrailingSlash { .. })));
}

/// One of each kind and wording; the match without a default makes a new kind fail to compile here until it is
/// listed.
fn every_kind() -> Vec<HintKind> {
    use crate::core::okta_paths::{AuthorizationServer, EndpointRole};
    use HintKind::*;
    let header = |finding| Header(finding);
    let all = vec![
        SurroundingSpaces,
        NotAUrl { field: AnypointField::TokenUrl },
        UnsafeScheme { field: AnypointField::TokenUrl, scheme: "data".into() },
        HttpsRequired { field: AnypointField::TokenUrl },
        MetadataUrlInEndpoint { field: AnypointField::TokenUrl },
        WrongEndpoint { field: AnypointField::TokenUrl, role: EndpointRole::Authorize },
        WrongEndpoint { field: AnypointField::Issuer, role: EndpointRole::Keys },
        RegistrationNotOrgLevel,
        TrailingSlash { field: AnypointField::Issuer },
        TrailingSlash { field: AnypointField::TokenUrl },
        OtherHost { field: AnypointField::ClientRegistrationUrl, host: "a.okta.com".into(), issuer_host: "b.okta.com".into() },
        OtherHost { field: AnypointField::TokenUrl, host: "a.okta.com".into(), issuer_host: "b.okta.com".into() },
        OtherServer { field: AnypointField::TokenUrl, server: AuthorizationServer::Org, issuer_server: AuthorizationServer::Custom { id: "default".into() } },
        MetadataUrlInIssuer,
        EndpointInIssuer { role: EndpointRole::Token },
        IssuerQuery,
        header(HeaderFinding::JwtWithoutScheme),
        header(HeaderFinding::PrefixWithoutToken),
        header(HeaderFinding::JwtWithSsws),
        header(HeaderFinding::SecretAsToken),
        header(HeaderFinding::UnusualApiToken),
        header(HeaderFinding::BearerNotJwt),
        HeaderNormalized { changes: vec![HeaderChange::AddedSswsPrefix, HeaderChange::RemovedWhitespace] },
        TimeoutOutOfRange { seconds: 400 },
        TimeoutNotANumber,
        ClientIdCharacters,
        ClientIdLooksLikeSecret,
        ClientIdUnusual,
        SecretEqualsId,
        SecretLooksLikeApiToken,
        SecretShort,
        IdpDeletionNeedsLocal,
        IdpUpdatesNeedManage,
        CertificateValidationOff,
        PrivateKeyJwtNeeds,
        JwtNeedsOrgIssuer { org: "https://acme.okta.com".into() },
        PrivateKeyFormat,
        PublicKeyInstead,
    ];
    for kind in &all {
        match kind {
            SurroundingSpaces | NotAUrl { .. } | UnsafeScheme { .. } | HttpsRequired { .. } | MetadataUrlInEndpoint { .. }
            | WrongEndpoint { .. } | RegistrationNotOrgLevel | TrailingSlash { .. } | OtherHost { .. } | OtherServer { .. }
            | MetadataUrlInIssuer | EndpointInIssuer { .. } | IssuerQuery | Header(_) | HeaderNormalized { .. }
            | TimeoutOutOfRange { .. } | TimeoutNotANumber | ClientIdCharacters | ClientIdLooksLikeSecret | ClientIdUnusual
            | SecretEqualsId | SecretLooksLikeApiToken | SecretShort | IdpDeletionNeedsLocal | IdpUpdatesNeedManage | CertificateValidationOff
            | PrivateKeyJwtNeeds | JwtNeedsOrgIssuer { .. } | PrivateKeyFormat | PublicKeyInstead => {}
        }
    }
    all
}

#[test]
fn every_kind_is_worded_in_every_language() {
    let kinds = every_kind();
    crate::core::words::assert_worded_everywhere(&kinds.iter().map(HintKind::finding).collect::<Vec<_>>());
    let ja = crate::core::words::Words::of_language(include_str!("../../../extension/_locales/ja/messages.json"));
    let normalized = ja.render(&kinds.iter().find(|k| matches!(k, HintKind::HeaderNormalized { .. })).unwrap().finding());
    assert!(normalized.contains("を先頭に追加、空白と改行を削除"), "a list in Japanese is joined as Japanese: {normalized}");
    let mut messages: Vec<String> = kinds.iter().map(ToString::to_string).collect();
    assert!(messages.iter().all(|m| m.ends_with('.') || m.ends_with('?')), "{messages:#?}");
    messages.sort();
    messages.dedup();
    assert_eq!(messages.len(), kinds.len(), "each kind and wording has its own message");
}

#[test]
fn private_key_jwt_takes_the_org_issuer_and_no_two_hints_contradict() {
    let jwt = |issuer: &str| FormValues::from([
        (AnypointField::AuthenticationByPrivateKeyJwt, "true".to_string()),
        (AnypointField::Issuer, issuer.to_string()),
    ]);
    // A custom server's issuer in JWT mode: an error whose one fix is the org URL.
    let hints = hints_for(AnypointField::Issuer, ISSUER, &jwt(ISSUER));
    let hint = hints.iter().find(|h| matches!(h.kind, HintKind::JwtNeedsOrgIssuer { .. })).expect("the org issuer hint");
    assert_eq!((hint.severity, hint.fix.as_deref()), (Severity::Error, Some("https://dev-12345678.okta.com")));
    assert!(hints_for(AnypointField::Issuer, "https://dev-12345678.okta.com", &jwt("https://dev-12345678.okta.com")).is_empty(), "the fix fixes");
    // The org Issuer beside the kept server's Token URL is no mismatch in JWT mode...
    let token = "https://dev-12345678.okta.com/oauth2/default/v1/token";
    assert!(kinds(AnypointField::TokenUrl, token, &jwt("https://dev-12345678.okta.com")).is_empty());
    // ...but another org still is, and so is everything in header mode (controls).
    assert!(matches!(kinds(AnypointField::TokenUrl, "https://other.okta.com/oauth2/default/v1/token", &jwt("https://dev-12345678.okta.com")).as_slice(), [HintKind::OtherHost { .. }]));
    let header_mode = FormValues::from([(AnypointField::Issuer, "https://dev-12345678.okta.com".to_string())]);
    assert!(matches!(kinds(AnypointField::TokenUrl, token, &header_mode).as_slice(), [HintKind::OtherServer { .. }]));
    assert!(hints_for(AnypointField::Issuer, ISSUER, &with_issuer()).is_empty(), "a custom server's issuer is right in header mode");
}
