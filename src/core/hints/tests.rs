use super::*;

const ISSUER: &str = "https://dev-12345678.okta.com/oauth2/default";
const TOKEN: &str = "00abcdefghijklmnopqrstuvwxyzABCDEFGHIJ_-01";

fn with_issuer() -> FormValues {
    FormValues::from([(AnypointField::Issuer, ISSUER.to_string())])
}

fn codes(field: AnypointField, value: &str, others: &FormValues) -> Vec<&'static str> {
    hints_for(field, value, others).into_iter().map(|h| h.code).collect()
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
    assert_eq!(hint.code, "httpsRequired");
    assert!(hint.message.contains("https"));
    assert_eq!(hint.fix.as_deref(), Some("https://dev-12345678.okta.com/oauth2/default/v1/token"));
    assert_eq!(hint.fix_label, Some("Use https://"));
}

#[test]
fn unsafe_and_non_urls() {
    assert_eq!(first(AnypointField::AuthorizeUrl, "javascript:alert(1)").code, "unsafeScheme");
    assert_eq!(first(AnypointField::AuthorizeUrl, "dev-12345678.okta.com/oauth2").code, "notAUrl");
}

#[test]
fn metadata_url_in_issuer_is_fixed_to_the_bare_issuer() {
    for url in [
        "https://dev-12345678.okta.com/oauth2/default/.well-known/openid-configuration",
        "https://dev-12345678.okta.com/.well-known/oauth-authorization-server/oauth2/default",
    ] {
        let hint = first(AnypointField::Issuer, url);
        assert_eq!(hint.code, "metadataUrlInIssuer");
        assert_eq!(hint.fix.as_deref(), Some(ISSUER));
    }
    let org = first(AnypointField::Issuer, "https://acme.okta.com/.well-known/openid-configuration");
    assert_eq!(org.fix.as_deref(), Some("https://acme.okta.com"));
}

#[test]
fn endpoint_in_the_wrong_field() {
    let hint = first(AnypointField::AuthorizeUrl, "https://dev-12345678.okta.com/oauth2/default/v1/token");
    assert_eq!(hint.code, "wrongEndpoint");
    assert!(hint.message.contains("token endpoint") && hint.message.contains("/v1/authorize"), "{}", hint.message);
    for (field, value) in [
        (AnypointField::TokenUrl, "https://dev-12345678.okta.com/oauth2/default/v1/authorize"),
        (AnypointField::TokenUrl, "https://dev-12345678.okta.com/oauth2/default/v1/introspect"),
        (AnypointField::TokenIntrospectionUrl, "https://dev-12345678.okta.com/oauth2/default/v1/token"),
        (AnypointField::ClientRegistrationUrl, "https://dev-12345678.okta.com/oauth2/default/v1/authorize"),
        (AnypointField::AuthorizeUrl, "https://dev-12345678.okta.com/oauth2/v1/clients"),
    ] {
        assert_eq!(first(field, value).code, "wrongEndpoint", "{field:?} {value}");
    }
    assert_eq!(first(AnypointField::Issuer, "https://dev-12345678.okta.com/oauth2/default/v1/token").code, "endpointInIssuer");
    assert_eq!(
        first(AnypointField::TokenUrl, "https://dev-12345678.okta.com/oauth2/default/.well-known/openid-configuration").code,
        "metadataUrlInEndpoint"
    );
}

#[test]
fn other_org_and_other_server_than_the_issuer() {
    let others = with_issuer();
    assert_eq!(codes(AnypointField::TokenUrl, "https://other.okta.com/oauth2/default/v1/token", &others), ["otherHost"]);
    let hints = hints_for(AnypointField::TokenUrl, "https://dev-12345678.okta.com/oauth2/aus9/v1/token", &others);
    assert_eq!(hints[0].code, "otherServer");
    assert!(hints[0].message.contains("\"aus9\"") && hints[0].message.contains("\"default\""));
    // The registration URL is org-level: no server complaint.
    assert!(codes(AnypointField::ClientRegistrationUrl, "https://dev-12345678.okta.com/oauth2/v1/clients", &others).is_empty());
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
    assert_eq!(hint.code, "surroundingSpaces");
    assert_eq!(hint.fix.as_deref(), Some(ISSUER));
    assert_eq!(first(AnypointField::Issuer, &format!("{ISSUER}/")).fix.as_deref(), Some(ISSUER));
    assert_eq!(first(AnypointField::TokenUrl, "https://dev-12345678.okta.com/oauth2/default/v1/token/").code, "trailingSlash");
    assert_eq!(first(AnypointField::Issuer, &format!("{ISSUER}?x=1")).code, "issuerQuery");
}

#[test]
fn authorization_header() {
    let hint = first(AnypointField::AuthorizationHeader, TOKEN);
    assert_eq!(hint.code, "headerNormalized");
    assert_eq!(hint.fix, Some(format!("SSWS {TOKEN}")));
    assert!(hint.auto_apply, "the SSWS prefix is added without asking");
    assert!(!hint.message.contains(TOKEN), "the token is never echoed in a message");
    assert!(!first(AnypointField::TokenUrl, "http://a.okta.com/oauth2/v1/token").auto_apply);
    assert_eq!(first(AnypointField::AuthorizationHeader, &format!("SSWS SSWS {TOKEN}")).fix, Some(format!("SSWS {TOKEN}")));
    assert_eq!(first(AnypointField::AuthorizationHeader, "SSWS 123").code, "unusualApiToken");
}

#[test]
fn timeout_range() {
    assert_eq!(first(AnypointField::ClientRequestTimeout, "30").fix.as_deref(), Some("20"));
    assert_eq!(first(AnypointField::ClientRequestTimeout, "4").fix.as_deref(), Some("5"));
    assert_eq!(first(AnypointField::ClientRequestTimeout, "4").code, "timeoutOutOfRange");
    assert_eq!(first(AnypointField::ClientRequestTimeout, "five").code, "timeoutNotANumber");
    assert!(hints_for(AnypointField::ClientRequestTimeout, "20", &FormValues::new()).is_empty());
}

#[test]
fn client_id_and_secret_shapes() {
    assert_eq!(first(AnypointField::IntrospectionClientId, "0oa1 b2").code, "clientIdCharacters");
    assert_eq!(first(AnypointField::IntrospectionClientId, "abc123").code, "clientIdUnusual");
    assert_eq!(
        first(AnypointField::IntrospectionClientId, "Zx8-abcdefghijklmnopqrstuvwxyzABCDEFGHIJ").code,
        "clientIdLooksLikeSecret"
    );
    let same = FormValues::from([(AnypointField::IntrospectionClientId, "0oa1b2c3d4e5f6g7h8i9".to_string())]);
    assert_eq!(codes(AnypointField::IntrospectionClientSecret, "0oa1b2c3d4e5f6g7h8i9", &same), ["secretEqualsId"]);
    assert_eq!(first(AnypointField::IntrospectionClientSecret, TOKEN).code, "secretLooksLikeApiToken");
    assert_eq!(first(AnypointField::IntrospectionClientSecret, "short").code, "secretShort");
}

#[test]
fn idp_deletion_needs_local_deletion() {
    let none = FormValues::new();
    assert_eq!(codes(AnypointField::EnableIdpDeletionAndUpdates, "true", &none), ["idpDeletionNeedsLocal"]);
    let local = FormValues::from([(AnypointField::EnableClientDeletion, "true".to_string())]);
    assert!(codes(AnypointField::EnableIdpDeletionAndUpdates, "true", &local).is_empty());
    let idp = FormValues::from([(AnypointField::EnableIdpDeletionAndUpdates, "true".to_string())]);
    assert_eq!(codes(AnypointField::EnableClientDeletion, "false", &idp), ["idpDeletionNeedsLocal"]);
    assert_eq!(codes(AnypointField::DisableCertificateValidation, "true", &none), ["certificateValidationOff"]);
}

#[test]
fn most_severe_first() {
    let hints = hints_for(AnypointField::TokenUrl, " http://other.okta.com/oauth2/default/v1/token", &with_issuer());
    let severities: Vec<_> = hints.iter().map(|h| h.severity).collect();
    let mut sorted = severities.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(severities, sorted);
    assert_eq!(hints[0].code, "httpsRequired");
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
