//! The Anypoint side of a validated document: the values for the form (docs/facts.md, "Which value goes
//! where") and, for scripting, the Access Management API body that the same form would send.

use serde::{Deserialize, Serialize};

use super::fields::AnypointField;
use super::metadata::Metadata;
use super::okta_paths::AuthorizationServer;

/// The non-secret values taken from one metadata document. Safe to keep in `chrome.storage.session`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
#[allow(missing_docs)] // the five Anypoint fields, named as in the form
pub struct AnypointDraft {
    pub issuer: String,
    pub client_registration_url: Option<String>,
    pub authorize_url: String,
    pub token_url: String,
    pub token_introspection_url: Option<String>,
    /// Where the values came from, to show the admin.
    pub source_url: String,
    /// The authorization server the document describes.
    pub server: AuthorizationServer,
    /// When the admin kept them (milliseconds since 1970), to say how old they are.
    #[serde(default)]
    pub kept_at: u64,
}

impl AnypointDraft {
    /// The values of a validated document, kept at `kept_at` (ms since 1970; 0 when not kept).
    pub fn from_metadata(metadata: &Metadata, kept_at: u64) -> Self {
        Self {
            issuer: metadata.issuer.clone(),
            client_registration_url: metadata.registration_endpoint.clone(),
            authorize_url: metadata.authorization_endpoint.clone(),
            token_url: metadata.token_endpoint.clone(),
            token_introspection_url: metadata.introspection_endpoint.clone(),
            source_url: metadata.location.document_url.clone(),
            server: metadata.location.server.clone(),
            kept_at,
        }
    }

    /// The value for one of the five URL fields.
    pub fn value_of(&self, field: AnypointField) -> Option<&str> {
        match field {
            AnypointField::Issuer => Some(&self.issuer),
            AnypointField::ClientRegistrationUrl => self.client_registration_url.as_deref(),
            AnypointField::AuthorizeUrl => Some(&self.authorize_url),
            AnypointField::TokenUrl => Some(&self.token_url),
            AnypointField::TokenIntrospectionUrl => self.token_introspection_url.as_deref(),
            _ => None,
        }
    }

    /// The five URL fields in form order, with their values when the document had them.
    pub fn values(&self) -> Vec<(AnypointField, Option<&str>)> {
        AnypointField::FROM_METADATA.iter().map(|f| (*f, self.value_of(*f))).collect()
    }
}

/// What the API body needs beyond the document. Secrets left `None` become visible placeholders.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", default)]
#[allow(missing_docs)] // the form's other fields
pub struct ApiBodyOptions {
    pub name: Option<String>,
    pub authorization_header: Option<String>,
    pub client_id: Option<String>,
    pub client_secret: Option<String>,
    pub timeout_seconds: Option<u32>,
    pub allow_local_client_deletion: bool,
    pub allow_external_client_modification: bool,
}

/// What stands where a secret goes when the admin did not give it.
pub const SECRET_PLACEHOLDER: &str = "<fill in>";

/// The body of `POST /accounts/api/organizations/{rootOrgId}/clientProviders` (docs/facts.md, "Access
/// Management API"): typed, so that the extension's pages and assist-check build the same one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(ts_rs::TS))]
#[allow(missing_docs)] // the API's own field names
pub struct ApiBody {
    pub name: String,
    #[serde(rename = "type")]
    pub provider_type: ProviderType,
    pub allow_untrusted_certificates: bool,
    pub oidc_dynamic_client_provider: OidcDynamicClientProvider,
}

/// `type` of the body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(ts_rs::TS))]
#[allow(missing_docs)]
pub struct ProviderType {
    pub name: &'static str,
    pub description: &'static str,
}

/// `oidc_dynamic_client_provider` of the body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(ts_rs::TS))]
#[allow(missing_docs)]
pub struct OidcDynamicClientProvider {
    pub allow_local_client_deletion: bool,
    pub allow_external_client_modification: bool,
    /// Always true: the public CLI that creates client providers (yaac) sends it so. What it means is not
    /// documented anywhere read here (docs/facts.md).
    pub allow_client_import: bool,
    pub issuer: String,
    /// Milliseconds: the form shows seconds (5–20), but the one public CLI that creates client providers
    /// (yaac) sends milliseconds (default 5000) for this field of the API (docs/facts.md; unconfirmed by MuleSoft).
    pub client_request_timeout: u32,
    pub urls: ProviderUrls,
    pub client: RegistrationClient,
    pub primary_client: PrimaryClient,
}

/// `urls` of the provider.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(ts_rs::TS))]
#[allow(missing_docs)]
pub struct ProviderUrls {
    pub authorize: String,
    pub token: String,
    pub introspect: Option<String>,
}

/// `client`: where and how Anypoint registers clients.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(ts_rs::TS))]
#[allow(missing_docs)]
pub struct RegistrationClient {
    pub urls: RegistrationUrls,
    pub registration: Registration,
}

/// `client.urls`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(ts_rs::TS))]
#[allow(missing_docs)]
pub struct RegistrationUrls {
    pub register: Option<String>,
}

/// `client.registration`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(ts_rs::TS))]
#[allow(missing_docs)]
pub struct Registration {
    pub authorization: String,
}

/// `primary_client`: the token introspection client.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(ts_rs::TS))]
#[allow(missing_docs)]
pub struct PrimaryClient {
    pub id: String,
    pub secret: String,
}

impl AnypointDraft {
    /// The API body for these values; secrets left out of `options` become visible placeholders.
    pub fn to_api_body(&self, options: &ApiBodyOptions) -> ApiBody {
        use super::form_rules::{idp_deletion_allowed, nearest_allowed_timeout, DEFAULT_TIMEOUT_SECONDS};
        let or_placeholder = |v: &Option<String>| v.clone().unwrap_or_else(|| SECRET_PLACEHOLDER.to_string());
        let seconds = nearest_allowed_timeout(options.timeout_seconds.map_or(DEFAULT_TIMEOUT_SECONDS.into(), i64::from));
        ApiBody {
            name: options.name.clone().unwrap_or_else(|| "Okta".to_string()),
            provider_type: ProviderType {
                name: "openid-dynamic-client",
                description: "OpenID Connect Dynamic Client Registration",
            },
            allow_untrusted_certificates: false,
            oidc_dynamic_client_provider: OidcDynamicClientProvider {
                allow_local_client_deletion: options.allow_local_client_deletion,
                allow_external_client_modification: options.allow_external_client_modification
                    && idp_deletion_allowed(options.allow_local_client_deletion, true),
                allow_client_import: true,
                issuer: self.issuer.clone(),
                client_request_timeout: seconds * 1000,
                urls: ProviderUrls {
                    authorize: self.authorize_url.clone(),
                    token: self.token_url.clone(),
                    introspect: self.token_introspection_url.clone(),
                },
                client: RegistrationClient {
                    urls: RegistrationUrls { register: self.client_registration_url.clone() },
                    registration: Registration { authorization: or_placeholder(&options.authorization_header) },
                },
                primary_client: PrimaryClient {
                    id: or_placeholder(&options.client_id),
                    secret: or_placeholder(&options.client_secret),
                },
            },
        }
    }
}

/// The id of an existing client provider in what the admin gave: the id itself, or the address of its page in
/// Anypoint, where the id follows `client-providers/` (the edit page's address is **unconfirmed**:
/// docs/facts.md). `None` for anything else.
pub fn provider_id_of(input: &str) -> Option<String> {
    let input = input.trim();
    let is_id = |text: &str| (8..=64).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
    if is_id(input) {
        return Some(input.to_string());
    }
    super::web_url::WebUrl::parse(input).ok().filter(|url| super::hosts::is_anypoint_host(url.host()))?;
    // The console routes in its path or, for hash routes, in its fragment: read both.
    let mut segments = input.split(['/', '#', '?']);
    segments.find(|segment| segment.eq_ignore_ascii_case("client-providers") || *segment == "clientProviders")?;
    segments.next().filter(|id| is_id(id)).map(str::to_string)
}

/// The API body for values as the admin edits them (a field absent stays empty) and the `curl` command that
/// sends it to the Access Management API of `plane` (for a Private Cloud installation, whose API base is not
/// known here, the command says where the base goes instead of guessing it): a `POST` that creates the
/// provider, or, with the id of an existing one, the `PATCH` that updates it (which takes a partial body and
/// needs the `admin:orgclientproviders` scope of an Organization Administrator; docs/facts.md).
pub fn api_body_for(
    values: &super::fields::FormValues,
    options: &ApiBodyOptions,
    plane: &super::hosts::Plane,
    provider_id: Option<&str>,
) -> (ApiBody, String) {
    let value = |field: AnypointField| values.get(&field).map(|v| v.trim().to_string()).filter(|v| !v.is_empty());
    let draft = AnypointDraft {
        issuer: value(AnypointField::Issuer).unwrap_or_default(),
        client_registration_url: value(AnypointField::ClientRegistrationUrl),
        authorize_url: value(AnypointField::AuthorizeUrl).unwrap_or_default(),
        token_url: value(AnypointField::TokenUrl).unwrap_or_default(),
        token_introspection_url: value(AnypointField::TokenIntrospectionUrl),
        source_url: String::new(),
        server: super::okta_paths::AuthorizationServer::Org,
        kept_at: 0,
    };
    let timeout = value(AnypointField::ClientRequestTimeout).and_then(|t| t.parse().ok());
    let body = draft.to_api_body(&ApiBodyOptions { timeout_seconds: timeout, ..options.clone() });
    let base = plane.api_base().unwrap_or_else(|| format!("<the Access Management API of {}>", plane.host()));
    let (method, path) = match provider_id {
        Some(id) => ("PATCH", format!("/{id}")),
        None => ("POST", String::new()),
    };
    let curl = format!(
        "curl -X {method} '{base}/organizations/<root organization id>/clientProviders{path}' \\\n  \
         -H 'Authorization: Bearer <Anypoint access token>' -H 'Content-Type: application/json' \\\n  \
         --data @client-provider.json"
    );
    (body, curl)
}
