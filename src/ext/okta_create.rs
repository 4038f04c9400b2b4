//! "Create the introspection client in Okta" in the worker: the core plans (`core::okta_create::plan_create`: the
//! kept org's registration endpoint, on the Issuer's host, under the policy), this sends the requests of each
//! click through the one sender (`fetch.rs`: no cookies, no redirect followed, 8 s) and hands the answer back to
//! the core to judge. Nothing is retried by itself. The header and the new secret pass through here only.

use super::fetch::{finish, start};
use crate::core::draft::AnypointDraft;
use crate::core::fetch_policy::FETCH_TIMEOUT_SECONDS;
use crate::core::fields::FormValues;
use crate::core::okta_create::{judge_action, judge_lookup, judge_verified, plan_create, CreateAction, CreatedClient};
use crate::core::policy::Policy;
use crate::core::protocol::Response;

/// What the admin asked, and what they confirmed (none on the first click).
pub(super) struct Asked<'a> {
    pub kept: Option<&'a AnypointDraft>,
    pub values: &'a FormValues,
    pub header: &'a str,
    pub action: Option<&'a CreateAction>,
    pub granted_hosts: &'a [String],
    pub policy: &'a Policy,
    pub now: u64,
}

/// The first click: the lookup, and what the confirming click will do. The second: the one write, and what it
/// made (for the checklist).
pub(super) async fn write_to_okta(asked: Asked<'_>) -> (Response, Option<CreatedClient>) {
    let plan = match plan_create(asked.kept, asked.values, asked.header, asked.granted_hosts, asked.policy) {
        Ok(plan) => plan,
        Err(message) => return (Response::Failure { message }, None),
    };
    let Some(action) = asked.action else {
        let outcome = finish(start(&plan.lookup(), FETCH_TIMEOUT_SECONDS * 1000)).await;
        return match judge_lookup(&plan, &outcome) {
            Ok((message, choices)) => (Response::IntrospectionClientOffered { message, choices }, None),
            Err(message) => (Response::Failure { message }, None),
        };
    };
    let writes = match plan.requests(action) {
        Ok(writes) => writes,
        Err(message) => return (Response::Failure { message }, None),
    };
    if let Some(verify) = &writes.verify {
        let outcome = finish(start(verify, FETCH_TIMEOUT_SECONDS * 1000)).await;
        if let Err(message) = judge_verified(&plan, action, &outcome) {
            return (Response::Failure { message }, None);
        }
    }
    let outcome = finish(start(&writes.write, FETCH_TIMEOUT_SECONDS * 1000)).await;
    match judge_action(&plan, action, &outcome) {
        Ok(made) => {
            let created = CreatedClient { host: plan.host, name: action.name().to_string(), at: asked.now };
            (Response::IntrospectionClientMade { made }, Some(created))
        }
        Err(message) => (Response::Failure { message }, None),
    }
}
