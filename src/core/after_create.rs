//! After Create: Anypoint only meets Okta's verdict on the API token and the registration later, and says
//! so in one sentence ("Invalid OpenID Connect client creation request. OpenID provider responded with status
//! code 400"; docs/facts.md, "Anypoint"). The helper reads such a message on the page and puts the likely
//! cause and the next step beside it. The wording of messages other than that one is unconfirmed, so they
//! are read loosely: a mention of the OpenID provider (or client creation), then a status code or a timeout.

// Until these explanations' words move to the catalogue, where the check already says it (`oktaRegisterRoles`).
const REGISTER_ROLES: &str = "Super Administrator, API Access Management Administrator, or Application Administrator \
over OpenID Connect apps";

/// Longest page text read as one message: an error banner, not a whole page.
pub const MAX_ERROR_TEXT: usize = 2000;

/// What Anypoint's errors about the provider say of it (lower case): only a message that mentions one is read.
/// The page's script pre-filters with the same words (`assist-layout` → shared/core_constants.js).
pub const ERROR_MENTIONS: [&str; 2] = ["openid provider", "openid connect client"];

/// The likely cause of an Anypoint error about the OpenID provider, and what to do; `None` for other text.
pub fn explain_provider_error(text: &str) -> Option<String> {
    if text.chars().count() > MAX_ERROR_TEXT {
        return None;
    }
    let lower = text.to_ascii_lowercase();
    if !ERROR_MENTIONS.iter().any(|mention| lower.contains(mention)) {
        return None;
    }
    let timed_out = ["timed out", "timeout", "did not respond", "not respond in time"].iter().any(|t| lower.contains(t));
    let explanation = match status_code_in(&lower) {
        Some(400) if lower.contains("invalid_client_metadata") => {
            "Likely cause: Okta refused the settings of the app being registered (invalid_client_metadata). Okta requires \
             the Authorization Code grant for web apps: choose it among the grant types of the client application, or \
             register another application type. The client provider itself is fine."
                .to_string()
        }
        Some(400) => "Likely cause: Okta refused the registration request (400). Check the grant types and redirect URIs \
                      of the client application; the client provider itself answered."
            .to_string(),
        Some(401) => "Likely cause: Okta refused the Authorization Header (401). The API token is mistyped, expired (unused \
                      for 30 days) or revoked. Edit the client provider: paste a new token after \"SSWS \", then use \"Check \
                      with Okta\"."
            .to_string(),
        Some(403) => format!(
            "Likely cause: the API token's admin may not register OpenID Connect apps (403). Give them {REGISTER_ROLES} \
             in Okta (Security > Administrators), or create the token as such an admin."
        ),
        Some(404) => "Likely cause: the Client Registration URL is wrong (404). Use the org-level URL \
                      https://{your org}/oauth2/v1/clients, as the metadata document's registration_endpoint says."
            .to_string(),
        Some(status @ 500..=599) => format!("Okta had an error ({status}). Try again later; if it persists, check Okta's status page."),
        _ if timed_out => "Likely cause: Okta did not answer within the Client Request Timeout. Raise it (at most 20 s), \
                           and check that Anypoint can reach the Okta org (custom domains, firewalls)."
            .to_string(),
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
    fn other_text_is_left_alone() {
        assert_eq!(explain_provider_error("Client provider created."), None);
        assert_eq!(explain_provider_error("status code 401"), None, "not about the OpenID provider");
        assert_eq!(explain_provider_error(&format!("{ANYPOINT} banana")), None);
        assert_eq!(explain_provider_error(&format!("{ANYPOINT} 401 {}", "x".repeat(MAX_ERROR_TEXT))), None, "a whole page is no banner");
    }
}
