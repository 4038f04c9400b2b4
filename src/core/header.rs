//! The Authorization Header Anypoint sends to Okta's registration endpoint: `SSWS {api token}` (or
//! `Bearer {access token}` with `okta.clients.register`). Admins paste raw tokens, double prefixes,
//! line breaks: this normalises what they type and says what it changed. Messages never repeat the token.
//!
//! ```
//! use okta_anypoint_assist::core::header::normalize_authorization_header;
//! let token = "00abcdefghijklmnopqrstuvwxyzABCDEFGHIJ_-01";
//! assert_eq!(normalize_authorization_header(token).value, format!("SSWS {token}"));
//! assert_eq!(normalize_authorization_header(&format!(" ssws  SSWS {token}\n")).value, format!("SSWS {token}"));
//! ```

use serde::Serialize;

use super::fields::Severity;
use super::hints::Hint;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum HeaderChange {
    AddedSswsPrefix,
    RemovedDuplicatePrefix,
    FixedSchemeCase,
    RemovedWhitespace,
    RemovedHeaderName,
    SeparatedPrefix,
}

impl HeaderChange {
    pub fn describe(self) -> &'static str {
        match self {
            Self::AddedSswsPrefix => "added the \"SSWS \" prefix Okta API tokens need",
            Self::RemovedDuplicatePrefix => "removed a repeated prefix",
            Self::FixedSchemeCase => "fixed the prefix's spelling",
            Self::RemovedWhitespace => "removed spaces and line breaks",
            Self::RemovedHeaderName => "removed the \"Authorization:\" header name",
            Self::SeparatedPrefix => "put a space after the prefix",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NormalizedHeader {
    pub value: String,
    pub changes: Vec<HeaderChange>,
    pub hints: Vec<Hint>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Scheme {
    Ssws,
    Bearer,
}

impl Scheme {
    fn read(word: &str) -> Option<(Self, bool)> {
        let scheme = if word.eq_ignore_ascii_case("ssws") {
            Self::Ssws
        } else if word.eq_ignore_ascii_case("bearer") {
            Self::Bearer
        } else {
            return None;
        };
        Some((scheme, word == scheme.canonical()))
    }

    fn canonical(self) -> &'static str {
        match self {
            Self::Ssws => "SSWS",
            Self::Bearer => "Bearer",
        }
    }
}

/// An Okta API token as seen in practice: `00` + 40 of `[A-Za-z0-9_-]`. Okta says not to rely on it: soft.
pub fn looks_like_api_token(token: &str) -> bool {
    token.len() == 42 && token.starts_with("00") && token.bytes().all(is_token_byte)
}

/// Okta client secrets seen in the wild: 40 or 64 of `[A-Za-z0-9_-]`.
pub fn looks_like_client_secret(token: &str) -> bool {
    matches!(token.len(), 40 | 64) && !token.starts_with("00") && token.bytes().all(is_token_byte)
}

/// Three base64url parts separated by dots, the first starting `ey` (`{"`).
pub fn looks_like_jwt(token: &str) -> bool {
    token.starts_with("ey") && token.split('.').count() == 3 && token.split('.').all(|p| !p.is_empty())
}

fn is_token_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'-'
}

/// Normalise an Authorization Header value. Idempotent: normalising the result changes nothing.
pub fn normalize_authorization_header(input: &str) -> NormalizedHeader {
    let mut changes = Vec::new();
    let mut words: Vec<&str> = input.split_whitespace().collect();
    if words.first().is_some_and(|w| w.eq_ignore_ascii_case("authorization:")) {
        words.remove(0);
        changes.push(HeaderChange::RemovedHeaderName);
    }
    if words.is_empty() {
        return NormalizedHeader { value: String::new(), changes, hints: Vec::new() };
    }
    // "SSWS00abc…" (prefix glued to the token): API tokens never start with "ssws".
    if let Some(rest) = words[0].get(4..).filter(|rest| !rest.is_empty() && words[0][..4].eq_ignore_ascii_case("ssws")) {
        let prefix = &words[0][..4];
        words.splice(0..1, [prefix, rest]);
        changes.push(HeaderChange::SeparatedPrefix);
    }
    let mut scheme = None;
    while let Some((found, canonical)) = words.first().and_then(|w| Scheme::read(w)) {
        if scheme.is_some() {
            changes.push(HeaderChange::RemovedDuplicatePrefix);
        } else if !canonical {
            changes.push(HeaderChange::FixedSchemeCase);
        }
        scheme.get_or_insert(found);
        words.remove(0);
    }
    // A token has no inner spaces: what is left is one token broken by a paste.
    let token: String = words.concat();
    let single_spaced = input.split_whitespace().collect::<Vec<_>>().join(" ");
    if input != single_spaced || words.len() > 1 {
        changes.push(HeaderChange::RemovedWhitespace);
    }
    let mut hints = Vec::new();
    let scheme = match scheme {
        Some(scheme) => scheme,
        None if looks_like_jwt(&token) => {
            hints.push(Hint::new(
                Severity::Warning,
                "jwtWithoutScheme",
                "This looks like an OAuth access token (JWT), not an Okta API token. Write \"Bearer \" before it \
                 if it has the okta.clients.register scope; otherwise create an API token in Okta (Security > API > Tokens).",
            ));
            return NormalizedHeader { value: token, changes, hints };
        }
        None if token.is_empty() => return NormalizedHeader { value: String::new(), changes, hints },
        None => {
            changes.push(HeaderChange::AddedSswsPrefix);
            Scheme::Ssws
        }
    };
    if token.is_empty() {
        hints.push(Hint::new(
            Severity::Error,
            "prefixWithoutToken",
            "The prefix is there but the token is missing. Paste the API token after \"SSWS \".",
        ));
        return NormalizedHeader { value: scheme.canonical().to_string(), changes, hints };
    }
    match scheme {
        Scheme::Ssws if looks_like_jwt(&token) => hints.push(Hint::new(
            Severity::Error,
            "jwtWithSsws",
            "SSWS is for Okta API tokens, but this is an OAuth access token (JWT). Use \"Bearer \" for it, or paste an API token.",
        )),
        Scheme::Ssws if looks_like_client_secret(&token) => hints.push(Hint::new(
            Severity::Warning,
            "secretAsToken",
            "This looks like a client secret, not an Okta API token. Create a token in Okta (Security > API > \
             Tokens) and paste that; the secret belongs in Token Introspection Client Secret.",
        )),
        Scheme::Ssws if !looks_like_api_token(&token) => hints.push(Hint::new(
            Severity::Info,
            "unusualApiToken",
            "This does not look like an Okta API token (usually 42 characters starting with 00). Check that you copied all of it.",
        )),
        Scheme::Bearer if !looks_like_jwt(&token) => hints.push(Hint::new(
            Severity::Info,
            "bearerNotJwt",
            "Bearer is for OAuth access tokens with okta.clients.register. For an Okta API token use \"SSWS \".",
        )),
        _ => {}
    }
    NormalizedHeader { value: format!("{} {token}", scheme.canonical()), changes, hints }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TOKEN: &str = "00abcdefghijklmnopqrstuvwxyzABCDEFGHIJ_-01";

    fn norm(s: &str) -> NormalizedHeader {
        normalize_authorization_header(s)
    }

    #[test]
    fn raw_token_gets_ssws() {
        let n = norm(TOKEN);
        assert_eq!(n.value, format!("SSWS {TOKEN}"));
        assert_eq!(n.changes, vec![HeaderChange::AddedSswsPrefix]);
        assert!(n.hints.is_empty());
    }

    #[test]
    fn good_header_unchanged() {
        let n = norm(&format!("SSWS {TOKEN}"));
        assert_eq!(n.value, format!("SSWS {TOKEN}"));
        assert!(n.changes.is_empty(), "{:?}", n.changes);
    }

    #[test]
    fn double_prefix_and_case() {
        let n = norm(&format!("ssws SSWS {TOKEN}"));
        assert_eq!(n.value, format!("SSWS {TOKEN}"));
        assert!(n.changes.contains(&HeaderChange::RemovedDuplicatePrefix));
        assert!(n.changes.contains(&HeaderChange::FixedSchemeCase));
    }

    #[test]
    fn whitespace_and_line_breaks() {
        let n = norm(&format!("  SSWS\t{}\n{}  ", &TOKEN[..20], &TOKEN[20..]));
        assert_eq!(n.value, format!("SSWS {TOKEN}"));
        assert!(n.changes.contains(&HeaderChange::RemovedWhitespace));
    }

    #[test]
    fn glued_prefix_is_separated() {
        let n = norm(&format!("SSWS{TOKEN}"));
        assert_eq!(n.value, format!("SSWS {TOKEN}"));
        assert_eq!(n.changes, vec![HeaderChange::SeparatedPrefix]);
    }

    #[test]
    fn header_name_pasted() {
        let n = norm(&format!("Authorization: SSWS {TOKEN}"));
        assert_eq!(n.value, format!("SSWS {TOKEN}"));
        assert_eq!(n.changes, vec![HeaderChange::RemovedHeaderName]);
    }

    #[test]
    fn bearer_kept() {
        let jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln";
        let n = norm(&format!("bearer {jwt}"));
        assert_eq!(n.value, format!("Bearer {jwt}"));
        assert!(n.hints.is_empty());
        assert_eq!(norm("Bearer abc").hints[0].code, "bearerNotJwt");
    }

    #[test]
    fn jwt_without_scheme_is_not_given_ssws() {
        let jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln";
        let n = norm(jwt);
        assert_eq!(n.value, jwt);
        assert_eq!(n.hints[0].code, "jwtWithoutScheme");
        assert_eq!(norm(&format!("SSWS {jwt}")).hints[0].code, "jwtWithSsws");
    }

    #[test]
    fn secret_and_odd_tokens_hinted() {
        let secret = "Zx8-abcdefghijklmnopqrstuvwxyzABCDEFGHIJ";
        assert_eq!(secret.len(), 40);
        assert_eq!(norm(secret).hints[0].code, "secretAsToken");
        assert_eq!(norm("abc").hints[0].code, "unusualApiToken");
        assert_eq!(norm("SSWS").hints[0].code, "prefixWithoutToken");
    }

    #[test]
    fn messages_never_contain_the_token() {
        for input in [TOKEN, "abc123", "Zx8-abcdefghijklmnopqrstuvwxyzABCDEFGHIJ"] {
            for hint in norm(input).hints {
                assert!(!hint.message.contains(input));
            }
        }
    }

    #[test]
    fn empty_stays_empty() {
        assert_eq!(norm("   ").value, "");
        assert_eq!(norm("").value, "");
    }
}
