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

use super::words::Finding;

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
    pub fn finding(self) -> Finding {
        Finding::new(match self {
            Self::AddedSswsPrefix => "headerAddedSswsPrefix",
            Self::RemovedDuplicatePrefix => "headerRemovedDuplicatePrefix",
            Self::FixedSchemeCase => "headerFixedSchemeCase",
            Self::RemovedWhitespace => "headerRemovedWhitespace",
            Self::RemovedHeaderName => "headerRemovedHeaderName",
            Self::SeparatedPrefix => "headerSeparatedPrefix",
        })
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

/// What may stand before the token, read from the start of the text with all whitespace taken out.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Lead {
    HeaderName,
    Scheme(Scheme),
}

impl Lead {
    const SPELLINGS: [(&'static str, Lead); 3] = [
        ("authorization:", Lead::HeaderName),
        ("SSWS", Lead::Scheme(Scheme::Ssws)),
        ("Bearer", Lead::Scheme(Scheme::Bearer)),
    ];

    /// The lead at the start of `text` (any case), its length, and whether it is spelled canonically.
    fn at_start(text: &str) -> Option<(Self, usize, bool)> {
        Self::SPELLINGS.iter().find_map(|&(spelling, lead)| {
            let head = text.get(..spelling.len())?;
            head.eq_ignore_ascii_case(spelling).then_some((lead, spelling.len(), head == spelling))
        })
    }
}

/// Normalise an Authorization Header value. Idempotent: normalising the result changes nothing.
///
/// A token never holds whitespace, and Okta API tokens (`00…`), JWTs (`ey…`) and client secrets never start
/// with a scheme's letters, so the text is read with whitespace taken out: prefixes glued to the token, split
/// by a line break or repeated in any case all come off the front, and what is left is the token.
pub fn normalize_authorization_header(input: &str) -> NormalizedHeader {
    let words: Vec<&str> = input.split_whitespace().collect();
    let compact: String = words.concat();
    // Offsets in `compact` where a word of the input ended: a lead that ends elsewhere was glued to what follows.
    let word_ends: Vec<usize> = words.iter().scan(0, |end, word| { *end += word.len(); Some(*end) }).collect();
    let ends_a_word = |offset: usize| word_ends.contains(&offset);
    let spans_words = |from: usize, to: usize| word_ends.iter().any(|&end| from < end && end < to);

    let mut changes = Vec::new();
    let mut scheme = None;
    let mut split = false;
    let mut start = 0;
    while let Some((lead, len, canonical)) = Lead::at_start(&compact[start..]) {
        let end = start + len;
        split |= spans_words(start, end);
        match lead {
            Lead::HeaderName => changes.push(HeaderChange::RemovedHeaderName),
            Lead::Scheme(_) if scheme.is_some() => changes.push(HeaderChange::RemovedDuplicatePrefix),
            Lead::Scheme(found) => {
                if !canonical {
                    changes.push(HeaderChange::FixedSchemeCase);
                }
                if !ends_a_word(end) {
                    changes.push(HeaderChange::SeparatedPrefix);
                }
                scheme = Some(found);
            }
        }
        start = end;
    }
    changes.dedup();
    let token = &compact[start..];
    let single_spaced = words.join(" ");
    if input != single_spaced || split || spans_words(start, compact.len()) {
        changes.push(HeaderChange::RemovedWhitespace);
    }
    let mut findings = Vec::new();
    let scheme = match scheme {
        Some(scheme) => scheme,
        None if looks_like_jwt(token) => {
            findings.push(HeaderFinding::JwtWithoutScheme);
            return NormalizedHeader { value: token.to_string(), changes, findings };
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
        Scheme::Ssws if looks_like_jwt(token) => Some(HeaderFinding::JwtWithSsws),
        Scheme::Ssws if looks_like_client_secret(token) => Some(HeaderFinding::SecretAsToken),
        Scheme::Ssws if !looks_like_api_token(token) => Some(HeaderFinding::UnusualApiToken),
        Scheme::Bearer if !looks_like_jwt(token) => Some(HeaderFinding::BearerNotJwt),
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

    /// Normalising twice equals normalising once (the fuzzer's find: `SSWSS SWS` became `SSWS SSWS`).
    fn assert_settled(input: &str, expected: &str) {
        let once = norm(input);
        assert_eq!(once.value, expected, "input {input:?}");
        let twice = norm(&once.value);
        assert_eq!(twice.value, once.value, "not idempotent on {input:?}");
        assert!(twice.changes.is_empty(), "{input:?} → {:?} still changes: {:?}", once.value, twice.changes);
    }

    #[test]
    fn prefix_fragments_glued_split_repeated_come_off() {
        assert_settled("SSWSS SWS", "SSWS");
        assert_settled("SSWS SSWS", "SSWS");
        // Every way to cut "SSWS" in two, in every case, glued or split by any whitespace, once to three times,
        // with and without the token after.
        let cases = ["SSWS", "ssws", "Ssws", "sSwS"];
        let gaps = ["", " ", "\n", "\t ", "\r\n"];
        for spelling in cases {
            for cut in 0..=spelling.len() {
                for gap in gaps {
                    let fragment = format!("{}{gap}{}", &spelling[..cut], &spelling[cut..]);
                    for repeats in 1..=3 {
                        for between in gaps {
                            let prefixes = vec![fragment.as_str(); repeats].join(between);
                            assert_settled(&prefixes, "SSWS");
                            assert_settled(&format!("{prefixes}{between}{TOKEN}"), &format!("SSWS {TOKEN}"));
                            assert_settled(&format!("Authorization:{gap}{prefixes} {TOKEN}"), &format!("SSWS {TOKEN}"));
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn bearer_fragments_come_off_too() {
        let jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln";
        assert_settled(&format!("Bear er{jwt}"), &format!("Bearer {jwt}"));
        assert_settled(&format!("bearer BEARER {jwt}"), &format!("Bearer {jwt}"));
        assert_settled(&format!("SSWS Bearer {TOKEN}"), &format!("SSWS {TOKEN}"));
    }

    #[test]
    fn split_prefix_says_what_changed() {
        let n = norm(&format!("SS WS{TOKEN}"));
        assert_eq!(n.value, format!("SSWS {TOKEN}"));
        assert_eq!(n.changes, [HeaderChange::SeparatedPrefix, HeaderChange::RemovedWhitespace]);
        let n = norm("SSWSS SWS");
        assert_eq!(n.changes, [HeaderChange::SeparatedPrefix, HeaderChange::RemovedDuplicatePrefix, HeaderChange::RemovedWhitespace]);
        assert_eq!(n.findings, [HeaderFinding::PrefixWithoutToken]);
    }

    #[test]
    fn empty_stays_empty() {
        assert_eq!(norm("   ").value, "");
        assert_eq!(norm("").value, "");
    }
}
