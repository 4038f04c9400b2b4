//! The product's decisions, in pure Rust (no web-sys): tested natively, run in the extension as wasm.
//! Modules, from the ground up: what the form is (`fields`, `form_rules`, `severity`), where things live
//! (`hosts`, `web_url`, `okta_paths`), what a document says (`problem`, `metadata`, `draft`), what the admin
//! types (`header`, `hints`), what the page holds (`classify`, `fill`), and how the extension asks
//! (`protocol`, `sender`, `service`, `ui_text`). No module imports one above it in this list.
#![warn(missing_docs)]

pub mod severity;
pub mod fields;
pub mod form_rules;
pub mod hosts;
pub mod web_url;
pub mod okta_paths;
pub mod problem;
pub mod json_document;
pub mod metadata;
pub mod draft;
pub mod header;
pub mod hints;
pub mod classify;
pub mod fill;
pub mod fetch_policy;
pub mod ui_text;
pub mod protocol;
pub mod sender;
pub mod service;
