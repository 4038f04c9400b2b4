//! Fuzz the metadata parser and validator: any bytes as the document, at each metadata URL form, plus the
//! header normaliser and hints on the same input. Nothing may panic (a panic kills the extension's core).
#![no_main]

use libfuzzer_sys::fuzz_target;
use okta_anypoint_assist::core::fields::AnypointField;
use okta_anypoint_assist::core::header::normalize_authorization_header;
use okta_anypoint_assist::core::hints::{hints_for, FormValues};
use okta_anypoint_assist::core::metadata::inspect_metadata;

const URLS: &[&str] = &[
    "https://dev-12345678.okta.com/oauth2/default/.well-known/openid-configuration",
    "https://dev-12345678.okta.com/.well-known/oauth-authorization-server/oauth2/default",
    "https://acme.okta.com/.well-known/openid-configuration?client_id=0oa1",
    "https://login.acme.com/oauth2/aus1/.well-known/oauth-authorization-server",
];

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for url in URLS {
        let inspection = inspect_metadata(&text, url);
        assert!(!inspection.is_valid() || inspection.metadata.is_some());
    }
    // The input as a URL, too.
    let _ = inspect_metadata("{}", &text);
    let normalized = normalize_authorization_header(&text);
    assert_eq!(normalize_authorization_header(&normalized.value).value, normalized.value);
    let others = FormValues::from([(AnypointField::Issuer, text.to_string())]);
    for field in AnypointField::ALL {
        let _ = hints_for(field, &text, &others);
    }
});
