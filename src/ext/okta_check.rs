//! "Check with Okta" in the worker: the core plans the requests (`core::okta_check::plan_checks`, every URL on
//! the Issuer's host), this sends each round's all at once through the one sender (`fetch.rs`: no cookies, no
//! redirects followed, 8 s and the size limit each) and hands the answers back to the core, by check, to judge.
//! The header and the secret live only in the plan.

use super::fetch::{finish, start};
use crate::core::fetch_policy::{CHECK_TOTAL_MS, FETCH_TIMEOUT_SECONDS};
use crate::core::fields::FormValues;
use crate::core::okta_check::{judge, plan_checks, plan_second_round, summary, CheckKind, CheckProof, Filled, OktaCall, Outcome};
use crate::core::protocol::Response;

/// The result of a check run, and what it proved (for the checklist).
pub(super) async fn check_with_okta(
    values: &FormValues,
    header: &str,
    secret: &str,
    granted_hosts: &[String],
    now: u64,
) -> (Response, Option<CheckProof>) {
    let mut plan = match plan_checks(&Filled { values, header, secret }, granted_hosts) {
        Ok(plan) => plan,
        Err(message) => return (Response::Failure { message }, None),
    };
    // Round one: the discovery documents (nothing secret). Round two, only if they prove the Issuer is an
    // authorization server of that org: the token's and the client's requests.
    let started = js_sys::Date::now();
    let per_request = FETCH_TIMEOUT_SECONDS * 1000;
    let mut outcomes = send_all(&plan.calls, per_request).await;
    #[cfg(feature = "trap-door")]
    super::trap_door::trap_if(header, super::trap_door::CHECK);
    let nonce = format!("{:016x}{:016x}", random_u64(), random_u64());
    let added = plan_second_round(&mut plan, &outcomes, granted_hosts, &nonce);
    // What the first round left of the whole check's time (at least a second, for a fair chance).
    let left = (f64::from(CHECK_TOTAL_MS) - (js_sys::Date::now() - started)).max(1000.0) as u32;
    outcomes.extend(send_all(&plan.calls[plan.calls.len() - added..], left.min(per_request)).await);
    let lines = judge(&plan, &outcomes, values, granted_hosts);
    let proof = CheckProof::of(&plan, &lines, now);
    (Response::OktaChecked { summary: summary(&plan.org, &lines), lines }, Some(proof))
}

/// Every call started at once (each abandoned after `timeout_ms`), then awaited in order.
async fn send_all(calls: &[OktaCall], timeout_ms: u32) -> Vec<(CheckKind, Outcome)> {
    let started: Vec<_> = calls.iter().map(|call| (call.check, start(&call.request, timeout_ms))).collect();
    let mut outcomes = Vec::with_capacity(started.len());
    for (check, request) in started {
        outcomes.push((check, finish(request).await));
    }
    outcomes
}

fn random_u64() -> u64 {
    (js_sys::Math::random() * 2f64.powi(53)) as u64
}
