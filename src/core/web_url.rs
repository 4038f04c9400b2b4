//! Absolute web URLs as the core needs them: scheme, host, port, path, query, fragment. Parsing is
//! fluent-uri's (RFC 3986). Chosen over the WHATWG `url` crate: that one carries IDNA tables (~100 KB of
//! wasm, two thirds of the size budget) and its ASCII-only IDNA adapter debug-asserts on odd hosts. Okta and
//! Anypoint URLs are plain ASCII https URLs; anything RFC 3986 refuses is "not a URL" to an admin too.

use std::fmt;

use fluent_uri::Uri;

/// An absolute http(s) URL with a host, lower-cased scheme and host, default port dropped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebUrl {
    scheme: String,
    host: String,
    port: Option<String>,
    path: String,
    query: Option<String>,
    fragment: Option<String>,
}

/// Why a text is not a web URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UrlError {
    /// Not an absolute URL with a host.
    NotAUrl,
    /// A URL of another scheme than http(s): `javascript:`, `data:`, `ftp:` … (lower case).
    OtherScheme(String),
}

/// The scheme of `input` if it starts with one (RFC 3986 §3.1), lower case.
pub(crate) fn leading_scheme(input: &str) -> Option<String> {
    let (scheme, _) = input.split_once(':')?;
    let mut chars = scheme.chars();
    let valid = chars.next()?.is_ascii_alphabetic()
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    valid.then(|| scheme.to_ascii_lowercase())
}

/// `https://x:443` is `https://x`: a default port written out names the same origin (RFC 3986 §6.2.3).
fn is_default_port(scheme: &str, port: &str) -> bool {
    matches!((scheme, port.trim_start_matches('0')), ("https", "443") | ("http", "80"))
}

impl WebUrl {
    /// Parse an absolute http(s) URL with a host. Other schemes are told apart from non-URLs.
    pub fn parse(input: &str) -> Result<Self, UrlError> {
        let scheme = leading_scheme(input);
        if let Some(other) = scheme.as_ref().filter(|s| *s != "https" && *s != "http") {
            return Err(UrlError::OtherScheme(other.clone()));
        }
        let uri = Uri::parse(input).map_err(|_| UrlError::NotAUrl)?;
        let scheme = uri.scheme().as_str().to_ascii_lowercase();
        let authority = uri.authority().ok_or(UrlError::NotAUrl)?;
        if authority.userinfo().is_some() || authority.host().is_empty() {
            return Err(UrlError::NotAUrl);
        }
        Ok(Self {
            scheme: scheme.clone(),
            host: authority.host().to_ascii_lowercase(),
            port: authority.port().map(|p| p.as_str().to_string()).filter(|p| !p.is_empty() && !is_default_port(&scheme, p)),
            path: uri.path().as_str().to_string(),
            query: uri.query().map(|q| q.as_str().to_string()),
            fragment: uri.fragment().map(|f| f.as_str().to_string()),
        })
    }

    /// `https` or `http`.
    pub fn scheme(&self) -> &str {
        &self.scheme
    }

    /// Whether the scheme is https.
    pub fn is_https(&self) -> bool {
        self.scheme == "https"
    }

    /// The host, lower case.
    pub fn host(&self) -> &str {
        &self.host
    }

    /// The path, as written (may be empty).
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The query, without `?`.
    pub fn query(&self) -> Option<&str> {
        self.query.as_deref()
    }

    /// The fragment, without `#`.
    pub fn fragment(&self) -> Option<&str> {
        self.fragment.as_deref()
    }

    /// `host[:port]`: where a request goes (the default port left out).
    pub fn authority(&self) -> String {
        match &self.port {
            Some(port) => format!("{}:{port}", self.host),
            None => self.host.clone(),
        }
    }

    /// `scheme://host[:port]`
    pub fn origin(&self) -> String {
        match &self.port {
            Some(port) => format!("{}://{}:{port}", self.scheme, self.host),
            None => format!("{}://{}", self.scheme, self.host),
        }
    }

    /// The value of a query parameter (first occurrence; no percent-decoding: ids are plain).
    pub fn query_param(&self, name: &str) -> Option<&str> {
        self.query.as_deref()?.split('&').find_map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            (key == name).then_some(value)
        })
    }

    /// The same URL with another path.
    pub fn with_path(mut self, path: &str) -> Self {
        self.path = path.to_string();
        self
    }

    /// The same URL without query and fragment.
    pub fn without_query_or_fragment(mut self) -> Self {
        self.query = None;
        self.fragment = None;
        self
    }
}

impl fmt::Display for WebUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.origin(), self.path)?;
        if let Some(query) = &self.query {
            write!(f, "?{query}")?;
        }
        if let Some(fragment) = &self.fragment {
            write!(f, "#{fragment}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_okta_urls() {
        let url = WebUrl::parse("HTTPS://Dev-1.Okta.com:8443/oauth2/default/.well-known/openid-configuration?client_id=0oa1#x").unwrap();
        assert_eq!(url.scheme(), "https");
        assert_eq!(url.host(), "dev-1.okta.com");
        assert_eq!(url.origin(), "https://dev-1.okta.com:8443");
        assert_eq!(url.path(), "/oauth2/default/.well-known/openid-configuration");
        assert_eq!(url.query_param("client_id"), Some("0oa1"));
        assert_eq!(url.fragment(), Some("x"));
        assert_eq!(url.to_string(), "https://dev-1.okta.com:8443/oauth2/default/.well-known/openid-configuration?client_id=0oa1#x");
        assert_eq!(WebUrl::parse("https://acme.okta.com").unwrap().to_string(), "https://acme.okta.com");
        assert_eq!(WebUrl::parse("https://acme.okta.com:443/oauth2/default").unwrap().to_string(), "https://acme.okta.com/oauth2/default");
        assert_eq!(WebUrl::parse("http://acme.okta.com:80/").unwrap().origin(), "http://acme.okta.com");
        assert_eq!(WebUrl::parse("https://acme.okta.com:80/").unwrap().origin(), "https://acme.okta.com:80");
    }

    #[test]
    fn tells_other_schemes_from_non_urls() {
        assert_eq!(WebUrl::parse("javascript:alert(1)"), Err(UrlError::OtherScheme("javascript".into())));
        assert_eq!(WebUrl::parse("data:text/html,<b>x</b>"), Err(UrlError::OtherScheme("data".into())));
        assert_eq!(WebUrl::parse("JavaScript://x.okta.com/"), Err(UrlError::OtherScheme("javascript".into())));
        for not_url in ["", "acme.okta.com/oauth2", "https://", "https:///path", "https://a b.com/", "https://user@acme.okta.com/"] {
            assert_eq!(WebUrl::parse(not_url), Err(UrlError::NotAUrl), "{not_url}");
        }
        assert!(WebUrl::parse("http://acme.okta.com/x").is_ok_and(|u| !u.is_https()));
    }

    #[test]
    fn rebuilds_without_query_and_with_path() {
        let url = WebUrl::parse("https://a.okta.com/oauth2/v1/clients/0oa1?client_id=0oa1").unwrap();
        assert_eq!(url.with_path("/oauth2/v1/clients").without_query_or_fragment().to_string(), "https://a.okta.com/oauth2/v1/clients");
    }
}
