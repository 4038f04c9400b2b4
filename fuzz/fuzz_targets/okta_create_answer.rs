//! Fuzz target: the `okta_create_answer` door of the core (what must hold: `src/doors.rs`).
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| okta_anypoint_assist::doors::okta_create_answer(data));
