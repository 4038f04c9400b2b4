//! The `assist-check` command on the sample documents at each of their URLs, and on broken variants.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::process::{Command, Stdio};

const DOCS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/");

fn run(args: &[&str], stdin: Option<&str>) -> (i32, serde_json::Value, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_assist-check"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin.unwrap_or("").as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    let json = serde_json::from_slice(&out.stdout).unwrap_or(serde_json::Value::Null);
    (out.status.code().unwrap(), json, String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn samples_are_valid_at_each_url() {
    for (file, url) in [
        ("custom-default.openid-configuration.json", "https://dev-12345678.okta.com/oauth2/default/.well-known/openid-configuration"),
        ("custom-default.oauth-authorization-server.json", "https://dev-12345678.okta.com/oauth2/default/.well-known/oauth-authorization-server"),
        ("custom-default.oauth-authorization-server.json", "https://dev-12345678.okta.com/.well-known/oauth-authorization-server/oauth2/default"),
        ("org.openid-configuration.json", "https://acme.okta.com/.well-known/openid-configuration"),
    ] {
        let path = format!("{DOCS}{file}");
        let (code, json, _) = run(&["--url", url, &path], None);
        assert_eq!(code, 0, "{file} at {url}: {json:#}");
        assert_eq!(json["valid"], true);
        let body = &json["apiBody"]["oidc_dynamic_client_provider"];
        assert_eq!(body["issuer"], json["draft"]["issuer"]);
        assert!(body["urls"]["token"].as_str().unwrap().ends_with("/v1/token"));
        assert_eq!(body["client"]["registration"]["authorization"], "<fill in>");
    }
}

#[test]
fn broken_documents_exit_1_with_their_problem() {
    let url = "https://dev-12345678.okta.com/oauth2/default/.well-known/openid-configuration";
    let sample = std::fs::read_to_string(format!("{DOCS}custom-default.openid-configuration.json")).unwrap();
    for (text, code) in [
        ("<html><body>Sign in</body></html>".to_string(), "htmlNotJson"),
        (sample.replace("\"https://dev-12345678.okta.com/oauth2/default/v1/token\"", "\"http://dev-12345678.okta.com/oauth2/default/v1/token\""), "notHttps"),
        (sample.replace("oauth2/default\",", "oauth2/other\","), "issuerMismatch"),
        ("{".to_string(), "invalidJson"),
    ] {
        let (exit, json, _) = run(&["--url", url, "-"], Some(&text));
        assert_eq!(exit, 1, "{code}");
        assert_eq!(json["valid"], false);
        assert!(json["problems"].as_array().unwrap().iter().any(|p| p["code"] == code), "{code}: {json:#}");
        assert!(json["draft"].is_null());
    }
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(run(&[], None).0, 2);
    assert_eq!(run(&["file.json"], None).0, 2);
    let (code, _, stderr) = run(&["--url", "https://x/.well-known/openid-configuration", "/nonexistent/file"], None);
    assert_eq!(code, 2);
    assert!(stderr.contains("cannot read"));
}
