//! What an Okta URL path says: which authorization server it belongs to and which endpoint it is.
//! Shared by metadata validation (endpoints of another server) and the form hints (URL in the wrong field).

use serde::{Deserialize, Serialize};

/// An Okta authorization server: the org one (`/oauth2/v1/...`) or a custom one (`/oauth2/{id}/v1/...`).
/// Serialized externally tagged (`"org"`, `{"custom":{"id":"default"}}`): cheap to decode in wasm.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum AuthorizationServer {
    Org,
    Custom { id: String },
}

impl AuthorizationServer {
    /// The issuer path of this server, appended to the origin: `` or `/oauth2/{id}`.
    pub fn issuer_path(&self) -> String {
        match self {
            Self::Org => String::new(),
            Self::Custom { id } => format!("/oauth2/{id}"),
        }
    }

    pub fn describe(&self) -> String {
        match self {
            Self::Org => "the org authorization server".to_string(),
            Self::Custom { id } => format!("authorization server \"{id}\""),
        }
    }
}

/// The role of an Okta endpoint, read from the last segments of its path.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum EndpointRole {
    Authorize,
    Token,
    Introspect,
    Registration,
    Metadata,
    Keys,
    Userinfo,
    Revoke,
    Logout,
}

impl EndpointRole {
    pub fn describe(self) -> &'static str {
        match self {
            Self::Authorize => "the authorize endpoint (…/v1/authorize)",
            Self::Token => "the token endpoint (…/v1/token)",
            Self::Introspect => "the introspection endpoint (…/v1/introspect)",
            Self::Registration => "the client registration endpoint (…/oauth2/v1/clients)",
            Self::Metadata => "a metadata URL (…/.well-known/…)",
            Self::Keys => "the keys endpoint (…/v1/keys)",
            Self::Userinfo => "the userinfo endpoint (…/v1/userinfo)",
            Self::Revoke => "the revocation endpoint (…/v1/revoke)",
            Self::Logout => "the logout endpoint (…/v1/logout)",
        }
    }
}

fn segments(path: &str) -> Vec<&str> {
    path.split('/').filter(|s| !s.is_empty()).collect()
}

/// The authorization server a path belongs to, when the path is an Okta OAuth path.
pub fn server_of_path(path: &str) -> Option<AuthorizationServer> {
    let segs = segments(path);
    // RFC 8414 inserted form: /.well-known/{doc}/oauth2/{id}
    if segs.first() == Some(&".well-known") {
        return match segs.as_slice() {
            [_, _] => Some(AuthorizationServer::Org),
            [_, _, "oauth2", id] => Some(AuthorizationServer::Custom { id: (*id).to_string() }),
            _ => None,
        };
    }
    match segs.as_slice() {
        ["oauth2", "v1", ..] => Some(AuthorizationServer::Org),
        ["oauth2", id, ..] => Some(AuthorizationServer::Custom { id: (*id).to_string() }),
        _ => None,
    }
}

/// The endpoint a path names, if it is one of Okta's OAuth endpoints.
pub fn endpoint_role(path: &str) -> Option<EndpointRole> {
    let segs = segments(path);
    if segs.contains(&".well-known") {
        return Some(EndpointRole::Metadata);
    }
    let v1 = segs.iter().rposition(|s| *s == "v1")?;
    if segs.first() != Some(&"oauth2") {
        return None;
    }
    let rest = &segs[v1 + 1..];
    Some(match rest {
        ["authorize"] => EndpointRole::Authorize,
        ["token"] => EndpointRole::Token,
        ["introspect"] => EndpointRole::Introspect,
        ["clients"] | ["clients", _] => EndpointRole::Registration,
        ["keys"] => EndpointRole::Keys,
        ["userinfo"] => EndpointRole::Userinfo,
        ["revoke"] => EndpointRole::Revoke,
        ["logout"] => EndpointRole::Logout,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_server_from_paths() {
        assert_eq!(server_of_path("/oauth2/v1/authorize"), Some(AuthorizationServer::Org));
        assert_eq!(
            server_of_path("/oauth2/aus1a2b3c4d5e6f7g8h9/v1/token"),
            Some(AuthorizationServer::Custom { id: "aus1a2b3c4d5e6f7g8h9".into() })
        );
        assert_eq!(
            server_of_path("/.well-known/oauth-authorization-server/oauth2/default"),
            Some(AuthorizationServer::Custom { id: "default".into() })
        );
        assert_eq!(server_of_path("/.well-known/openid-configuration"), Some(AuthorizationServer::Org));
        assert_eq!(server_of_path("/app/UserHome"), None);
    }

    #[test]
    fn reads_endpoint_roles() {
        assert_eq!(endpoint_role("/oauth2/default/v1/authorize"), Some(EndpointRole::Authorize));
        assert_eq!(endpoint_role("/oauth2/v1/token"), Some(EndpointRole::Token));
        assert_eq!(endpoint_role("/oauth2/default/v1/introspect"), Some(EndpointRole::Introspect));
        assert_eq!(endpoint_role("/oauth2/v1/clients"), Some(EndpointRole::Registration));
        assert_eq!(endpoint_role("/oauth2/v1/clients/0oa1"), Some(EndpointRole::Registration));
        assert_eq!(endpoint_role("/oauth2/default/.well-known/openid-configuration"), Some(EndpointRole::Metadata));
        assert_eq!(endpoint_role("/oauth2/default/v1/keys"), Some(EndpointRole::Keys));
        assert_eq!(endpoint_role("/api/v1/users"), None);
    }
}
