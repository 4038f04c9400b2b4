//! After Create: Anypoint only meets Okta's verdict on the API token and the registration later, and says
//! so in one sentence ("Invalid OpenID Connect client creation request. OpenID provider responded with status
//! code 400"; docs/facts.md, "Anypoint"). The helper reads such a message on the page and puts the likely
//! cause and the next step beside it. The wording of messages other than that one is unconfirmed, so they
//! are read loosely: a mention of the OpenID provider (or client creation), then a status code or a timeout.

use super::words::{say, Finding};

/// Longest page text read as one message: an error banner, not a whole page.
pub const MAX_ERROR_TEXT: usize = 2000;

/// What Anypoint's errors about the provider say of it (lower case): only a message that mentions one is read.
/// The page's script pre-filters with the same words (`assist-layout` → shared/core_constants.js).
pub const ERROR_MENTIONS: [&str; 2] = ["openid provider", "openid connect client"];

/// The likely cause of an Anypoint error about the OpenID provider, and what to do; `None` for other text.
pub fn explain_provider_error(text: &str) -> Option<String> {
    explanation(text).map(|finding| say(&finding))
}

/// The likely cause and next step for `text`, as a finding.
fn explanation(text: &str) -> Option<Finding> {
    if text.chars().count() > MAX_ERROR_TEXT {
        return None;
    }
    let lower = text.to_ascii_lowercase();
    if !ERROR_MENTIONS.iter().any(|mention| lower.contains(mention)) {
        return None;
    }
    let timed_out = ["timed out", "timeout", "did not respond", "not respond in time"].iter().any(|t| lower.contains(t));
    let words = Finding::new;
    let explanation = match status_code_in(&lower) {
        Some(400) if lower.contains("invalid_client_metadata") => words("explainInvalidClientMetadata"),
        Some(400) => words("explain400"),
        Some(401) => words("explain401").with(words("barCheck")),
        // Updates and deletions (the IdP box): Anypoint's wording of that failure is unconfirmed, read loosely.
        Some(403) if ["updat", "delet"].iter().any(|verb| lower.contains(verb)) => words("explainManage403")
            .with(crate::core::fields::AnypointField::EnableIdpDeletionAndUpdates.label())
            .with(words("oktaRegisterRoles")),
        Some(403) => words("explain403")
            .with(words("oktaRegisterRoles"))
            .with(words("oktaAdministratorsPage"))
            .with(words("oktaTokenCreatorRoles"))
            .with(words("oktaTokensPage")),
        Some(404) => words("explain404"),
        Some(429) => words("explain429").with(words("oktaTokensPage")),
        Some(status @ 500..=599) => words("explain5xx").with(status.to_string()),
        _ if timed_out => words("explainTimeout"),
        _ => return None,
    };
    Some(explanation)
}

/// The HTTP status in "… status code 401 …" (or "status 401").
fn status_code_in(lower: &str) -> Option<u16> {
    let rest = &lower[lower.find("status")? + "status".len()..];
    let rest = rest.trim_start().strip_prefix("code").unwrap_or(rest).trim_start_matches([' ', ':']);
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok().filter(|status| (100..600).contains(status))
}

#[cfg(test)]
mod tests {
    use super::*;

    const ANYPOINT: &str = "Client: Invalid OpenID Connect client creation request. OpenID provider responded with status code";

    #[test]
    fn each_status_gets_its_cause() {
        let said = |status: &str| explain_provider_error(&format!("{ANYPOINT} {status}")).unwrap();
        assert!(said("400: invalid_client_metadata 'grant_types' must contain 'authorization_code'").contains("Authorization Code grant"));
        assert!(said("400").contains("redirect URIs"));
        assert!(said("401").contains("API token"));
        assert!(said("403").contains("Application Administrator"));
        assert!(said("404").contains("/oauth2/v1/clients"));
        assert!(said("503").contains("Try again later"));
        assert!(explain_provider_error("The request to the OpenID provider timed out.").unwrap().contains("Client Request Timeout"));
    }

    #[test]
    fn every_explanation_is_worded_in_every_language() {
        let all: Vec<Finding> = ["400: invalid_client_metadata", "400", "401", "403", "403 on update", "404", "429", "503"]
            .iter()
            .map(|status| format!("{ANYPOINT} {status}"))
            .chain(["The request to the OpenID provider timed out.".to_string()])
            .map(|text| explanation(&text).unwrap())
            .collect();
        crate::core::words::assert_worded_everywhere(&all);
    }

    #[test]
    fn other_text_is_left_alone() {
        assert_eq!(explain_provider_error("Client provider created."), None);
        assert_eq!(explain_provider_error("status code 401"), None, "not about the OpenID provider");
        assert_eq!(explain_provider_error(&format!("{ANYPOINT} banana")), None);
        assert_eq!(explain_provider_error(&format!("{ANYPOINT} 401 {}", "x".repeat(MAX_ERROR_TEXT))), None, "a whole page is no banner");
    }
}
