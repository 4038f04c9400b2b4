//! Rules of Anypoint's client provider form, stated once: the hints word them while the admin types, and the
//! Access Management API body applies them (docs/facts.md, "Anypoint: the client provider form").

use std::ops::RangeInclusive;

/// "Client Request Timeout", in seconds: Anypoint accepts 5 to 20.
pub const TIMEOUT_SECONDS: RangeInclusive<u32> = 5..=20;

/// What Anypoint uses when the timeout is left alone.
pub const DEFAULT_TIMEOUT_SECONDS: u32 = 5;

/// The nearest timeout Anypoint accepts.
pub fn nearest_allowed_timeout(seconds: i64) -> u32 {
    seconds.clamp(i64::from(*TIMEOUT_SECONDS.start()), i64::from(*TIMEOUT_SECONDS.end())) as u32
}

/// "Enable client deletion and updates in IdP" needs "Enable client deletion in Anypoint Platform".
pub fn idp_deletion_allowed(local_deletion: bool, idp_deletion: bool) -> bool {
    local_deletion || !idp_deletion
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timeout_bounds_and_idp_rule() {
        assert_eq!(nearest_allowed_timeout(60), 20);
        assert_eq!(nearest_allowed_timeout(-3), 5);
        assert_eq!(nearest_allowed_timeout(7), 7);
        assert!(TIMEOUT_SECONDS.contains(&DEFAULT_TIMEOUT_SECONDS));
        assert!(!idp_deletion_allowed(false, true));
        assert!(idp_deletion_allowed(true, true));
        assert!(idp_deletion_allowed(false, false));
    }
}
