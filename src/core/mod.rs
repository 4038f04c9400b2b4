//! The product's decisions, in pure Rust (no web-sys): tested natively, run in the extension as wasm.

pub mod classify;
pub mod draft;
pub mod fields;
pub mod fill;
pub mod header;
pub mod hints;
pub mod hosts;
pub mod metadata;
pub mod okta_paths;
pub mod problem;
pub mod protocol;
pub mod service;
pub mod web_url;
