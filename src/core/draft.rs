//! The Anypoint side of a validated document: the values for the form (docs/facts.md, "Which value goes
//! where") and, for scripting, the Access Management API body that the same form would send.

use serde::{Deserialize, Serialize};

use super::fields::AnypointField;
use super::metadata::Metadata;
use super::okta_paths::AuthorizationServer;

/// The non-secret values taken from one metadata document. Safe to keep in `chrome.storage.session`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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

// Built by assist-check; nothing in the extension calls it, so serde_json's `json!` stays out of the wasm.
impl AnypointDraft {
    /// The body of `POST /accounts/api/organizations/{rootOrgId}/clientProviders` (docs/facts.md, "Access
    /// Management API").
    pub fn to_api_body(&self, options: &ApiBodyOptions) -> serde_json::Value {
        use super::form_rules::{idp_deletion_allowed, nearest_allowed_timeout, DEFAULT_TIMEOUT_SECONDS};
        use serde_json::json;
        let or_placeholder = |v: &Option<String>| v.clone().unwrap_or_else(|| SECRET_PLACEHOLDER.to_string());
        json!({
            "name": options.name.clone().unwrap_or_else(|| "Okta".to_string()),
            "type": {"name": "openid-dynamic-client", "description": "OpenID Connect Dynamic Client Registration"},
            "allow_untrusted_certificates": false,
            "oidc_dynamic_client_provider": {
                "allow_local_client_deletion": options.allow_local_client_deletion,
                "allow_external_client_modification": options.allow_external_client_modification
                    && idp_deletion_allowed(options.allow_local_client_deletion, true),
                "issuer": self.issuer,
                "client_request_timeout":
                    nearest_allowed_timeout(options.timeout_seconds.map_or(DEFAULT_TIMEOUT_SECONDS.into(), i64::from)),
                "urls": {
                    "authorize": self.authorize_url,
                    "token": self.token_url,
                    "introspect": self.token_introspection_url,
                },
                "client": {
                    "urls": {"register": self.client_registration_url},
                    "registration": {"authorization": or_placeholder(&options.authorization_header)},
                },
                "primary_client": {"id": or_placeholder(&options.client_id), "secret": or_placeholder(&options.client_secret)},
            }
        })
    }
}
