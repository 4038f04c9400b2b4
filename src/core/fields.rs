//! The fields of Anypoint's "OpenID Connect Dynamic Client Registration" form: the one list that the
//! classifier, the hints, the fill plan and the copy-assist panel all speak of.

use serde::{Deserialize, Serialize};

/// The values of a form's fields, keyed by field (checkboxes as "true"/"false").
pub type FormValues = std::collections::BTreeMap<AnypointField, String>;

/// A field of the form, named as in Anypoint (see [`AnypointField::label`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
#[allow(missing_docs)] // each variant is the field its label names
pub enum AnypointField {
    Name,
    Description,
    Issuer,
    ClientRegistrationUrl,
    AuthorizationHeader,
    ClientRequestTimeout,
    IntrospectionClientId,
    IntrospectionClientSecret,
    AuthorizeUrl,
    TokenUrl,
    TokenIntrospectionUrl,
    DisableCertificateValidation,
    EnableClientDeletion,
    EnableIdpDeletionAndUpdates,
    /// Newer Anypoint: client authentication by Authorization Header (one of two radio buttons).
    AuthenticationByHeader,
    /// Newer Anypoint: client authentication by private key JWT (the other radio button).
    AuthenticationByPrivateKeyJwt,
    /// The private key of the JWT method (labels unconfirmed: docs/facts.md).
    PrivateKey,
    /// The client ID of the service app whose private key signs the JWT: in the registration section, not the
    /// introspection client's (labels unconfirmed: docs/facts.md).
    JwtClientId,
}

/// Whether the tick box or radio button `checkbox` is ticked in `values` (checkboxes travel as "true"/"false").
pub fn is_ticked(values: &FormValues, checkbox: AnypointField) -> bool {
    values.get(&checkbox).is_some_and(|v| v == "true")
}

impl AnypointField {
    /// Every field, in form order.
    pub const ALL: [AnypointField; 18] = [
        Self::Name,
        Self::Description,
        Self::Issuer,
        Self::ClientRegistrationUrl,
        Self::AuthorizationHeader,
        Self::ClientRequestTimeout,
        Self::IntrospectionClientId,
        Self::IntrospectionClientSecret,
        Self::AuthorizeUrl,
        Self::TokenUrl,
        Self::TokenIntrospectionUrl,
        Self::DisableCertificateValidation,
        Self::EnableClientDeletion,
        Self::EnableIdpDeletionAndUpdates,
        Self::AuthenticationByHeader,
        Self::AuthenticationByPrivateKeyJwt,
        Self::PrivateKey,
        Self::JwtClientId,
    ];

    /// The five URLs that come straight from the metadata document.
    pub const FROM_METADATA: [AnypointField; 5] =
        [Self::Issuer, Self::ClientRegistrationUrl, Self::AuthorizeUrl, Self::TokenUrl, Self::TokenIntrospectionUrl];

    /// The label Anypoint shows for the field: what the admin reads.
    pub fn label(self) -> &'static str {
        match self {
            Self::Name => "Name",
            Self::Description => "Description",
            Self::Issuer => "Issuer",
            Self::ClientRegistrationUrl => "Client Registration URL",
            Self::AuthorizationHeader => "Authorization Header",
            Self::ClientRequestTimeout => "Client Request Timeout",
            Self::IntrospectionClientId => "Client ID",
            Self::IntrospectionClientSecret => "Client Secret",
            Self::AuthorizeUrl => "Authorize URL",
            Self::TokenUrl => "Token URL",
            Self::TokenIntrospectionUrl => "Token Introspection URL",
            Self::DisableCertificateValidation => "Disable server certificate validation",
            Self::EnableClientDeletion => "Enable client deletion in Anypoint Platform",
            Self::EnableIdpDeletionAndUpdates => "Enable client deletion and updates in IdP",
            Self::AuthenticationByHeader => "Authorization Header (client authentication)",
            Self::AuthenticationByPrivateKeyJwt => "Private Key JWT (client authentication)",
            Self::PrivateKey => "Private Key",
            Self::JwtClientId => "Client ID (private key JWT)",
        }
    }

    /// One of the five URLs taken from the metadata document.
    pub fn is_url(self) -> bool {
        Self::FROM_METADATA.contains(&self)
    }

    /// A tick box or radio button, whose value is "true" or "false".
    pub fn is_checkbox(self) -> bool {
        matches!(
            self,
            Self::DisableCertificateValidation
                | Self::EnableClientDeletion
                | Self::EnableIdpDeletionAndUpdates
                | Self::AuthenticationByHeader
                | Self::AuthenticationByPrivateKeyJwt
        )
    }

    /// Whether the page may send this field's value as context for other fields' hints and for the fill plan.
    /// Never the Authorization Header or the Client Secret: those cross only in their own field's hint request.
    pub fn shares_value(self) -> bool {
        self.is_url() || self.is_checkbox() || matches!(self, Self::IntrospectionClientId | Self::ClientRequestTimeout)
    }
}
