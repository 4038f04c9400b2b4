//! The product's decisions, in pure Rust (no web-sys): tested natively, run in the extension as wasm.
//! Modules, from the ground up: what the browser hands over (`tree`: JSON values and their one decoder), how the core says things (`words`: findings and the one renderer of the
//! browser's catalogue), what the form is (`fields`, `form_rules`, `severity`), where things live
//! (`hosts`, `web_url`, `okta_paths`), what a document says (`problem`, `metadata`, `draft`), what the admin
//! types (`header`, `hints`), what the page holds (`classify`, `fill`), what Okta says to
//! a check (`fetch_policy`, `okta_check`), the words and walks around them (`ui_text`, `after_create`,
//! `checklist`), how the extension asks (`protocol`, `sender`, `service`, `gather`), and what the pure exports
//! answer the pages that run the core themselves (`page_answers`). No module imports one below it
//! in the list of modules.
#![warn(missing_docs)]

pub mod tree;
pub mod words;
pub mod severity;
pub mod fields;
pub mod form_rules;
pub mod hosts;
pub mod web_url;
pub mod policy;
pub mod okta_paths;
pub mod problem;
pub mod json_document;
pub mod metadata;
pub mod draft;
pub mod header;
pub mod hints;
pub mod classify;
pub mod fill;
pub mod form_report;
pub mod environments;
pub mod fetch_policy;
pub mod okta_check;
pub mod ui_text;
pub mod after_create;
pub mod okta_create;
pub mod checklist;
pub mod protocol;
pub mod sender;
pub mod service;
pub mod gather;
pub mod page_answers;
