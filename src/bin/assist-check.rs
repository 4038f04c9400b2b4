//! `assist-check --url URL FILE`: validate one metadata document as the extension would and print, as JSON,
//! the validation result and the Anypoint draft (with the Access Management API body).
//! FILE `-` reads stdin. Exit code: 0 valid, 1 invalid, 2 usage or I/O error.

use std::io::Read;
use std::process::ExitCode;

use okta_anypoint_assist::core::draft::{AnypointDraft, ApiBodyOptions};
use okta_anypoint_assist::core::metadata::inspect_metadata_with;
use okta_anypoint_assist::core::web_url::WebUrl;
use serde_json::json;

const USAGE: &str = "usage: assist-check --url METADATA_URL FILE   (FILE '-' reads stdin)\n\
  Validates an Okta authorization server metadata document fetched from METADATA_URL and prints the\n\
  result and the Anypoint client provider draft as JSON. Exit code: 0 valid, 1 invalid, 2 usage.";

fn parse_args(args: &[String]) -> Result<(String, String), String> {
    let mut url = None;
    let mut file = None;
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            "--url" => url = Some(iter.next().ok_or("--url needs a value")?.clone()),
            "-h" | "--help" => return Err(String::new()),
            other if file.is_none() && (other == "-" || !other.starts_with('-')) => file = Some(other.to_string()),
            other => return Err(format!("unexpected argument '{other}'")),
        }
    }
    Ok((url.ok_or("--url is required")?, file.ok_or("FILE is required ('-' for stdin)")?))
}

fn read_input(file: &str) -> Result<String, String> {
    let mut bytes = Vec::new();
    let result = if file == "-" {
        std::io::stdin().read_to_end(&mut bytes).map(|_| ())
    } else {
        std::fs::File::open(file).and_then(|mut f| f.read_to_end(&mut bytes)).map(|_| ())
    };
    result.map_err(|e| format!("cannot read {file}: {e}"))?;
    String::from_utf8(bytes).map_err(|_| format!("{file} is not UTF-8 text"))
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (url, file) = match parse_args(&args) {
        Ok(parsed) => parsed,
        Err(message) => {
            if !message.is_empty() {
                eprintln!("assist-check: {message}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let text = match read_input(&file) {
        Ok(text) => text,
        Err(message) => {
            eprintln!("assist-check: {message}");
            return ExitCode::from(2);
        }
    };
    // The admin named this URL: its host counts as granted (a custom URL domain is checked like an Okta host).
    let granted: Vec<String> = WebUrl::parse(&url).map(|u| vec![u.host().to_string()]).unwrap_or_default();
    let inspection = inspect_metadata_with(&text, &url, &granted);
    let draft = inspection.metadata.as_ref().filter(|_| inspection.is_valid()).map(|m| AnypointDraft::from_metadata(m, 0));
    let output = json!({
        "valid": inspection.is_valid(),
        "problems": inspection.problems,
        "metadata": inspection.metadata,
        "draft": draft,
        "apiBody": draft.as_ref().map(|d| d.to_api_body(&ApiBodyOptions::default())),
    });
    println!("{}", serde_json::to_string_pretty(&output).expect("JSON values always serialize"));
    if inspection.is_valid() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
