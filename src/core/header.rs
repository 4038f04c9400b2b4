//! The Authorization Header Anypoint sends to Okta's registration endpoint: `SSWS {api token}` (or
//! `Bearer {access token}` with `okta.clients.register`). Admins paste raw tokens, double prefixes,
//! line breaks: this normalises what they type and says what it changed, as typed changes and findings that
//! the hints put into words (`hints.rs`). Nothing here holds a message, so nothing here can repeat the token.
//!
//! ```
//! use okta_anypoint_assist::core::header::normalize_authorization_header;
//! let token = "00abcdefghijklmnopqrstuvwxyzABCDEFGHIJ_-01";
//! assert_eq!(normalize_authorization_header(token).value, format!("SSWS {token}"));
//! assert_eq!(normalize_authorization_header(&format!(" ssws  SSWS {token}\n")).value, format!("SSWS {token}"));
//! ```

/// A change normalisation made to what the admin typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(missing_docs)] // `describe` words each change
pub enum HeaderChange {
    AddedSswsPrefix,
    RemovedDuplicatePrefix,
    FixedSchemeCase,
    RemovedWhitespace,
    RemovedHeaderName,
    SeparatedPrefix,
}

impl HeaderChange {
    /// The change in a few words, to list after "The header should read …:".
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

/// Something about the token that normalisation cannot fix: the hints say what to do about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeaderFinding {
    /// A JWT without a scheme: an OAuth access token, which needs `Bearer `, not `SSWS `.
    JwtWithoutScheme,
    /// `SSWS` (or `Bearer`) with nothing after it.
    PrefixWithoutToken,
    /// `SSWS` before a JWT.
    JwtWithSsws,
    /// What looks like a client secret where the API token goes.
    SecretAsToken,
    /// A token that does not look like an Okta API token (a soft hint: Okta says not to rely on the format).
    UnusualApiToken,
    /// `Bearer` before something that is not a JWT.
    BearerNotJwt,
}

/// The header as it should read, what was changed to get there, and what is still worth saying.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NormalizedHeader {
    /// `SSWS {token}`, `Bearer {token}`, or as typed when no scheme can be decided.
    pub value: String,
    /// What normalisation changed.
    pub changes: Vec<HeaderChange>,
    /// What it could not fix.
    pub findings: Vec<HeaderFinding>,
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
        return NormalizedHeader { value: String::new(), changes, findings: Vec::new() };
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
    let mut findings = Vec::new();
    let scheme = match scheme {
        Some(scheme) => scheme,
        None if looks_like_jwt(&token) => {
            findings.push(HeaderFinding::JwtWithoutScheme);
            return NormalizedHeader { value: token, changes, findings };
        }
        None if token.is_empty() => return NormalizedHeader { value: String::new(), changes, findings },
        None => {
            changes.push(HeaderChange::AddedSswsPrefix);
            Scheme::Ssws
        }
    };
    if token.is_empty() {
        findings.push(HeaderFinding::PrefixWithoutToken);
        return NormalizedHeader { value: scheme.canonical().to_string(), changes, findings };
    }
    let finding = match scheme {
        Scheme::Ssws if looks_like_jwt(&token) => Some(HeaderFinding::JwtWithSsws),
        Scheme::Ssws if looks_like_client_secret(&token) => Some(HeaderFinding::SecretAsToken),
        Scheme::Ssws if !looks_like_api_token(&token) => Some(HeaderFinding::UnusualApiToken),
        Scheme::Bearer if !looks_like_jwt(&token) => Some(HeaderFinding::BearerNotJwt),
        _ => None,
    };
    findings.extend(finding);
    NormalizedHeader { value: format!("{} {token}", scheme.canonical()), changes, findings }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TOKEN: &str = include_str!("../../tests/fixtures/api-token.txt").trim_ascii_end();

    fn norm(s: &str) -> NormalizedHeader {
        normalize_authorization_header(s)
    }

    #[test]
    fn raw_token_gets_ssws() {
        let n = norm(TOKEN);
        assert_eq!(n.value, format!("SSWS {TOKEN}"));
        assert_eq!(n.changes, vec![HeaderChange::AddedSswsPrefix]);
        assert!(n.findings.is_empty());
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
        assert!(n.findings.is_empty());
        assert_eq!(norm("Bearer abc").findings, [HeaderFinding::BearerNotJwt]);
    }

    #[test]
    fn jwt_without_scheme_is_not_given_ssws() {
        let jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln";
        let n = norm(jwt);
        assert_eq!(n.value, jwt);
        assert_eq!(n.findings, [HeaderFinding::JwtWithoutScheme]);
        assert_eq!(norm(&format!("SSWS {jwt}")).findings, [HeaderFinding::JwtWithSsws]);
    }

    #[test]
    fn secret_and_odd_tokens_hinted() {
        let secret = "Zx8-abcdefghijklmnopqrstuvwxyzABCDEFGHIJ";
        assert_eq!(secret.len(), 40);
        assert_eq!(norm(secret).findings, [HeaderFinding::SecretAsToken]);
        assert_eq!(norm("abc").findings, [HeaderFinding::UnusualApiToken]);
        assert_eq!(norm("SSWS").findings, [HeaderFinding::PrefixWithoutToken]);
    }

    #[test]
    fn empty_stays_empty() {
        assert_eq!(norm("   ").value, "");
        assert_eq!(norm("").value, "");
    }
}
