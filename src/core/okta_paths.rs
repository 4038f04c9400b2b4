//! The one grammar of Okta URL paths: which metadata document a path is, which authorization server a path or
//! an issuer belongs to, which endpoint a path names, whether a registration URL carries a client id, and how
//! an endpoint compares to an issuer. Metadata validation and the form hints each word these answers their own
//! way (`ProblemKind`, `HintKind`); neither decides them again. Path forms: docs/facts.md, "Okta".

use serde::{Deserialize, Serialize};

use super::web_url::WebUrl;
use super::words::Finding;

/// Which of the two well-known documents a metadata URL names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum DocumentKind {
    /// `/.well-known/openid-configuration` (OpenID Connect Discovery).
    OpenidConfiguration,
    /// `/.well-known/oauth-authorization-server` (RFC 8414).
    OauthAuthorizationServer,
}

/// An Okta authorization server: the org one (`/oauth2/v1/...`) or a custom one (`/oauth2/{id}/v1/...`).
/// Serialized externally tagged (`"org"`, `{"custom":{"id":"default"}}`): cheap to decode in wasm.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum AuthorizationServer {
    /// The org authorization server, whose issuer is the org URL itself.
    Org,
    /// A custom authorization server (`default`, or an id like `aus…`), issuer `{org}/oauth2/{id}`.
    Custom {
        /// The server's id as it appears in its paths.
        id: String,
    },
}

impl AuthorizationServer {
    /// The issuer path of this server, appended to the origin: `` or `/oauth2/{id}`.
    pub fn issuer_path(&self) -> String {
        match self {
            Self::Org => String::new(),
            Self::Custom { id } => format!("/oauth2/{id}"),
        }
    }

    /// How the admin reads it: `authorization server "default"`.
    pub fn finding(&self) -> Finding {
        match self {
            Self::Org => Finding::new("serverOrg"),
            Self::Custom { id } => Finding::new("serverCustom").with(id.as_str()),
        }
    }
}

/// The role of an Okta endpoint, read from the last segments of its path.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
#[allow(missing_docs)] // each variant is the endpoint its name says; `describe` words them
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
    /// The endpoint as the admin reads it, with the tail of its path.
    pub fn finding(self) -> Finding {
        Finding::new(match self {
            Self::Authorize => "roleAuthorize",
            Self::Token => "roleToken",
            Self::Introspect => "roleIntrospect",
            Self::Registration => "roleRegistration",
            Self::Metadata => "roleMetadata",
            Self::Keys => "roleKeys",
            Self::Userinfo => "roleUserinfo",
            Self::Revoke => "roleRevoke",
            Self::Logout => "roleLogout",
        })
    }
}

/// Admin console paths whose pages show secrets (Security > API > Tokens shows a new API token once): the
/// extension never reads them.
const ADMIN_PATHS_NEVER_READ: &[&str] = &["/admin/access/api/tokens"];

/// Whether an Okta admin console page may be read for Metadata URI links: an `/admin/` page, not one that
/// shows secrets.
pub fn admin_page_may_be_read(path: &str) -> bool {
    let path = path.to_ascii_lowercase();
    // Encodings and empty segments could spell a never-read path another way: such a page is not read at all.
    let plain = !path.contains(['%', ';', '\\']) && !path.contains("//");
    plain && path.starts_with("/admin/") && !ADMIN_PATHS_NEVER_READ.iter().any(|never| path.starts_with(never))
}

/// The org-level dynamic client registration path, the same for every authorization server.
pub const ORG_REGISTRATION_PATH: &str = "/oauth2/v1/clients";

/// A path's non-empty segments: the one place paths are split.
fn segments(path: &str) -> Vec<&str> {
    path.split('/').filter(|s| !s.is_empty()).collect()
}

/// A custom authorization server id as it may appear in a path (`v1` is the org server's API version).
fn is_server_id(id: &str) -> bool {
    id != "v1" && !id.is_empty() && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

fn document_kind(name: &str) -> Option<DocumentKind> {
    match name {
        "openid-configuration" => Some(DocumentKind::OpenidConfiguration),
        "oauth-authorization-server" => Some(DocumentKind::OauthAuthorizationServer),
        _ => None,
    }
}

/// The metadata document a path names, in every Okta form: `/.well-known/{doc}` (org server),
/// `/oauth2/{id}/.well-known/{doc}` (legacy) and `/.well-known/{doc}/oauth2/{id}` (RFC 8414 §3).
pub fn metadata_document(path: &str) -> Option<(DocumentKind, AuthorizationServer)> {
    match segments(path).as_slice() {
        [".well-known", doc] => Some((document_kind(doc)?, AuthorizationServer::Org)),
        [".well-known", doc, "oauth2", id] | ["oauth2", id, ".well-known", doc] if is_server_id(id) => {
            Some((document_kind(doc)?, AuthorizationServer::Custom { id: (*id).to_string() }))
        }
        _ => None,
    }
}

/// The authorization server of any Okta OAuth path (endpoint or metadata), when it is one.
pub fn server_of_path(path: &str) -> Option<AuthorizationServer> {
    if let Some((_, server)) = metadata_document(path) {
        return Some(server);
    }
    match segments(path).as_slice() {
        ["oauth2", "v1", ..] => Some(AuthorizationServer::Org),
        ["oauth2", id, ..] if is_server_id(id) => Some(AuthorizationServer::Custom { id: (*id).to_string() }),
        _ => None,
    }
}

/// The server an issuer path names: `` → org, `/oauth2/{id}` → custom; anything else is no Okta issuer.
pub fn server_of_issuer(path: &str) -> Option<AuthorizationServer> {
    match segments(path).as_slice() {
        [] => Some(AuthorizationServer::Org),
        ["oauth2", id] if is_server_id(id) => Some(AuthorizationServer::Custom { id: (*id).to_string() }),
        _ => None,
    }
}

/// The endpoint a path names, if it is one of Okta's OAuth endpoints.
pub fn endpoint_role(path: &str) -> Option<EndpointRole> {
    let segs = segments(path);
    if segs.contains(&".well-known") {
        return Some(EndpointRole::Metadata);
    }
    if segs.first() != Some(&"oauth2") {
        return None;
    }
    let v1 = segs.iter().rposition(|s| *s == "v1")?;
    Some(match &segs[v1 + 1..] {
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

/// The client id Okta appends to the registration URL (`/oauth2/v1/clients/{clientId}`) when the metadata URL
/// carried `?client_id=`. Only the org-level form has one: `/oauth2/default/v1/clients` is no client id.
pub fn registration_client_id(path: &str) -> Option<&str> {
    match segments(path).as_slice() {
        ["oauth2", "v1", "clients", client_id] => Some(client_id),
        _ => None,
    }
}

/// How an endpoint differs from the issuer it should belong to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mismatch {
    /// On another host than the issuer (another org, or a foreign server).
    OtherHost {
        /// The endpoint's host.
        host: String,
        /// The issuer's host.
        issuer_host: String,
    },
    /// On the issuer's host but of another authorization server.
    OtherServer {
        /// The endpoint's server.
        server: AuthorizationServer,
        /// The issuer's server.
        issuer_server: AuthorizationServer,
    },
}

/// Whether `url` belongs to `issuer`: same host and port and, except for the org-level registration endpoint,
/// the same authorization server. `None` when it belongs (or when the paths are not Okta's and nothing more can
/// be said).
pub fn compare_to_issuer(url: &WebUrl, issuer: &WebUrl) -> Option<Mismatch> {
    if url.authority() != issuer.authority() {
        return Some(Mismatch::OtherHost { host: url.authority(), issuer_host: issuer.authority() });
    }
    if endpoint_role(url.path()) == Some(EndpointRole::Registration) {
        return None;
    }
    let server = server_of_path(url.path())?;
    let issuer_server = server_of_issuer(issuer.path())?;
    (server != issuer_server).then_some(Mismatch::OtherServer { server, issuer_server })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(s: &str) -> WebUrl {
        WebUrl::parse(s).unwrap()
    }

    #[test]
    fn reads_metadata_documents_in_every_form() {
        let default = || AuthorizationServer::Custom { id: "default".into() };
        assert_eq!(metadata_document("/.well-known/openid-configuration"), Some((DocumentKind::OpenidConfiguration, AuthorizationServer::Org)));
        assert_eq!(metadata_document("/oauth2/default/.well-known/oauth-authorization-server"), Some((DocumentKind::OauthAuthorizationServer, default())));
        assert_eq!(metadata_document("/.well-known/oauth-authorization-server/oauth2/default"), Some((DocumentKind::OauthAuthorizationServer, default())));
        assert_eq!(metadata_document("/oauth2/v1/.well-known/openid-configuration"), None, "v1 is no server id");
        assert_eq!(metadata_document("/.well-known/security.txt"), None);
        assert_eq!(metadata_document("/oauth2/default/v1/token"), None);
    }

    #[test]
    fn reads_server_from_paths_and_issuers() {
        assert_eq!(server_of_path("/oauth2/v1/authorize"), Some(AuthorizationServer::Org));
        assert_eq!(server_of_path("/oauth2/aus1a2b3c4d5e6f7g8h9/v1/token"), Some(AuthorizationServer::Custom { id: "aus1a2b3c4d5e6f7g8h9".into() }));
        assert_eq!(server_of_path("/.well-known/oauth-authorization-server/oauth2/default"), Some(AuthorizationServer::Custom { id: "default".into() }));
        assert_eq!(server_of_path("/.well-known/openid-configuration"), Some(AuthorizationServer::Org));
        assert_eq!(server_of_path("/app/UserHome"), None);
        assert_eq!(server_of_issuer(""), Some(AuthorizationServer::Org));
        assert_eq!(server_of_issuer("/oauth2/default/"), Some(AuthorizationServer::Custom { id: "default".into() }));
        assert_eq!(server_of_issuer("/oauth2/default/v1/token"), None);
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

    #[test]
    fn registration_client_id_only_on_the_org_level_form() {
        assert_eq!(registration_client_id("/oauth2/v1/clients/0oa1bcd"), Some("0oa1bcd"));
        assert_eq!(registration_client_id("/oauth2/v1/clients"), None);
        assert_eq!(registration_client_id("/oauth2/default/v1/clients"), None, "a server id is no client id");
    }

    #[test]
    fn compares_endpoints_to_their_issuer() {
        let issuer = url("https://acme.okta.com/oauth2/default");
        assert_eq!(compare_to_issuer(&url("https://acme.okta.com/oauth2/default/v1/token"), &issuer), None);
        assert_eq!(compare_to_issuer(&url("https://acme.okta.com/oauth2/v1/clients"), &issuer), None, "registration is org-level");
        assert_eq!(
            compare_to_issuer(&url("https://evil.example/oauth2/default/v1/token"), &issuer),
            Some(Mismatch::OtherHost { host: "evil.example".into(), issuer_host: "acme.okta.com".into() })
        );
        assert_eq!(
            compare_to_issuer(&url("https://acme.okta.com:8443/oauth2/default/v1/token"), &issuer),
            Some(Mismatch::OtherHost { host: "acme.okta.com:8443".into(), issuer_host: "acme.okta.com".into() }),
            "another port is another server"
        );
        assert_eq!(
            compare_to_issuer(&url("https://acme.okta.com/oauth2/v1/token"), &issuer),
            Some(Mismatch::OtherServer { server: AuthorizationServer::Org, issuer_server: AuthorizationServer::Custom { id: "default".into() } })
        );
    }
}
