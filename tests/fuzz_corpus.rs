//! Replays the fuzz seeds and the kept corpus (`fuzz/seeds/<door>/`, `fuzz/corpus/<door>/`) through every door of the core on stable Rust: what
//! the fuzzer once found stays fixed. Searching for new inputs is `./build.sh fuzz SECONDS [DOOR]`.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

use okta_anypoint_assist::doors::{okta_answer_lines, DOORS};

#[test]
fn every_door_replays_its_kept_corpus() {
    let fuzz = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    for (door, walk) in DOORS {
        let seeds = fuzz.join("seeds").join(door);
        let mut inputs: Vec<_> = std::fs::read_dir(&seeds)
            .unwrap_or_else(|e| panic!("{}: {e} (each door has seeds)", seeds.display()))
            .map(|entry| entry.expect("readable seeds").path())
            .collect();
        assert!(!inputs.is_empty(), "{door}: no seeds");
        // The corpus a fuzz run kept (absent before the first run of a new door).
        if let Ok(found) = std::fs::read_dir(fuzz.join("corpus").join(door)) {
            inputs.extend(found.map(|entry| entry.expect("readable corpus").path()));
        }
        for input in inputs {
            let data = std::fs::read(&input).expect("readable corpus file");
            let outcome = std::panic::catch_unwind(|| walk(&data));
            assert!(outcome.is_ok(), "{door}: {} fails (replay it: RUSTC_BOOTSTRAP=1 cargo fuzz run -s none {door} {})", input.display(), input.display());
        }
    }
}

#[test]
fn the_okta_answer_seeds_reach_every_verdict_of_the_second_round() {
    use okta_anypoint_assist::core::okta_check::{CheckKind, Verdict};
    let seed = |name: &str| std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds/okta_answer").join(name)).unwrap();
    let verdict = |name: &str, check: CheckKind| {
        okta_answer_lines(&seed(name)).into_iter().find(|line| line.check == check).unwrap().verdict
    };
    assert!(okta_answer_lines(&seed("all-good")).iter().all(|line| line.verdict == Verdict::Passed));
    assert_eq!(verdict("invalid-token", CheckKind::ApiToken), Verdict::Failed);
    assert_eq!(verdict("no-role", CheckKind::RegistrationRole), Verdict::Failed);
    assert_eq!(verdict("wrong-secret", CheckKind::Introspection), Verdict::Failed);
    assert_eq!(verdict("echoes-the-secret", CheckKind::ApiToken), Verdict::Failed);
    assert_eq!(verdict("second-round-failures", CheckKind::ApiToken), Verdict::Failed);
    assert_eq!(verdict("timeouts", CheckKind::OpenidConfiguration), Verdict::Failed);
}
