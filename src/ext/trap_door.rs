//! Test builds only (`--features trap-door`; the store packages never carry it, a package test checks): a
//! request whose text holds one of these marks traps the core at that point, so that the e2e tests prove the
//! worker recovers from a trap on the keystroke's path, inside an async request, and in the middle of Check with
//! Okta (tests/e2e/faults.test.mjs).

/// On the path answered at once (a hint request whose value holds it).
pub(super) const SYNC: &str = "trap-door:sync";
/// After an `await` of an async request (the popup's load of what the admin typed).
pub(super) const ASYNC: &str = "trap-door:async";
/// Between the two rounds of Check with Okta (the Authorization Header holds it).
pub(super) const CHECK: &str = "trap-door:check";

/// Trap here when `text` holds `mark`: a real wasm trap (`unreachable`), as a panic with `panic = "abort"` is.
pub(super) fn trap_if(text: &str, mark: &str) {
    if text.contains(mark) {
        core::arch::wasm32::unreachable();
    }
}
