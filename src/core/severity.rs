//! How much a finding matters to the admin: shared by metadata problems, hints and check results.

use serde::{Deserialize, Serialize};

/// Ordered from least to most severe, so `max` picks the worst.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(ts_rs::TS))]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing; nothing to do.
    Info,
    /// Probably wrong: look at it before going on.
    Warning,
    /// Wrong: Anypoint or Okta will refuse it, or it must not be used.
    Error,
}
