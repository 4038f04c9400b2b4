//! # Okta → Anypoint Assist
//!
//! The brains of a browser extension that registers Okta as an OpenID Connect Dynamic Client Registration
//! client provider in MuleSoft Anypoint. [`core`] holds every decision (metadata validation, field mapping,
//! header normalisation, hints, form classification) as pure Rust, tested natively; `ext` is the thin
//! wasm-bindgen glue that runs it in the extension's service worker behind one message protocol
//! ([`core::protocol`]).

pub mod core;

/// The doors untrusted input comes through, for the fuzz targets and the corpus replay (native only).
#[cfg(not(target_arch = "wasm32"))]
#[doc(hidden)]
pub mod doors;

#[cfg(target_arch = "wasm32")]
pub mod ext;
