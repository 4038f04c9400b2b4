//! `assist-bench`: the native figures of docs/architecture.md, "Budgets", as JSON lines for tests/bench/report.mjs
//! (`./build.sh bench` prints them as a table). Timings are medians and 95th percentiles over many runs.

use std::hint::black_box;
use std::time::Instant;

use okta_anypoint_assist::core::classify::{classify_controls, ControlSnapshot};
use okta_anypoint_assist::core::fields::AnypointField;
use okta_anypoint_assist::core::hints::{hints_for, FormValues};
use okta_anypoint_assist::core::metadata::inspect_metadata;

const SAMPLE: &str = include_str!("../../tests/fixtures/custom-default.openid-configuration.json");
const SAMPLE_URL: &str = "https://dev-12345678.okta.com/oauth2/default/.well-known/openid-configuration";

/// Median and p95 in microseconds of `runs` timed calls (after a warm-up).
fn measure(runs: usize, mut f: impl FnMut()) -> (f64, f64) {
    for _ in 0..runs / 10 {
        f();
    }
    let mut samples: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed().as_secs_f64() * 1e6
        })
        .collect();
    samples.sort_by(f64::total_cmp);
    (samples[runs / 2], samples[runs * 95 / 100])
}

/// A 60-control page: the 14 fields of the form among unrelated controls, like a busy console.
fn sixty_controls() -> Vec<ControlSnapshot> {
    let mut controls = Vec::new();
    for i in 0..46 {
        controls.push(ControlSnapshot {
            tag: "input".into(),
            input_type: "text".into(),
            labels: vec![format!("Unrelated setting {i}")],
            name: format!("setting{i}"),
            section: "Other".into(),
            ..Default::default()
        });
    }
    for field in AnypointField::ALL {
        let input_type = if field.is_checkbox() { "checkbox" } else { "text" };
        // The JWT method's Client ID is told from the introspection client's by its section.
        let section = if field == AnypointField::JwtClientId { "Client authentication" } else { "" };
        controls.push(ControlSnapshot {
            tag: "input".into(),
            input_type: input_type.into(),
            labels: vec![field.label().into()],
            section: section.into(),
            ..Default::default()
        });
    }
    controls
}

fn report(name: &str, budget_us: Option<f64>, (median, p95): (f64, f64)) {
    let budget = budget_us.map_or("null".to_string(), |b| b.to_string());
    println!("{{\"name\":\"{name}\",\"median_us\":{median:.2},\"p95_us\":{p95:.2},\"budget_us\":{budget}}}");
}

fn main() {
    report("parse + validate one metadata document (native)", Some(50.0), measure(5000, || {
        black_box(inspect_metadata(black_box(SAMPLE), SAMPLE_URL));
    }));
    let controls = sixty_controls();
    assert_eq!(classify_controls(&controls).matches.len(), AnypointField::ALL.len(), "bench form must classify fully");
    report("classify a 60-control form (native)", Some(200.0), measure(2000, || {
        black_box(classify_controls(black_box(&controls)));
    }));
    let others = FormValues::from([(AnypointField::Issuer, "https://dev-12345678.okta.com/oauth2/default".to_string())]);
    let typed = "http://dev-12345678.okta.com/oauth2/default/v1/authorize";
    let mut n = 0;
    // No native budget: the browser round trip (≤ 4 ms) is the one that counts.
    report("hints for one keystroke (native)", None, measure(10000, || {
        n = (n + 1) % typed.len();
        black_box(hints_for(AnypointField::TokenUrl, &typed[..=n], &others));
    }));
}
