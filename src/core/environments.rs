//! The procedure's last step: after Create, the provider is chosen per environment (Access Management >
//! Business Groups > a group > Environments > an environment: a dialog with the client provider choice and
//! Update). Its markup is unknown here, so the choice is read by meaning, as the form is: a list (`select`)
//! labelled as the client provider, or tick boxes / radio buttons, one per provider, under such a heading. The
//! helper names the provider made from Okta and selects it on the admin's click; the admin still presses Update.
//! What it knows of the provider is what the page showed (its name when the admin pressed Create, the
//! environments it was chosen for): "seen", never "proved".

use serde::{Deserialize, Serialize};

use super::classify::ControlSnapshot;
use super::words::{say, Finding};

/// The provider the admin made from Okta, as the page showed it (kept in the browser session, like the kept
/// values; never a secret).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MadeProvider {
    /// Its name, as typed in the form's Name when the admin pressed Create.
    pub name: String,
    /// When (milliseconds since 1970).
    pub at: u64,
    /// The environments it was chosen for, by the helper on the admin's click, as their dialogs named them.
    pub environments: Vec<String>,
}

/// The most environments remembered, and the longest name kept of a provider or an environment.
const MAX_ENVIRONMENTS: usize = 20;
const MAX_NAME: usize = 60;

/// A name the page showed, as it is kept and shown: without control or direction-changing characters (which
/// would reorder what the checklist shows), trimmed, at most `MAX_NAME` characters.
fn bounded(name: &str) -> String {
    let shown = |c: &char| !c.is_control() && !matches!(*c as u32, 0x200b..=0x200f | 0x202a..=0x202e | 0x2066..=0x2069 | 0xfeff);
    name.chars().filter(shown).collect::<String>().trim().chars().take(MAX_NAME).collect()
}

/// Whether a name looks like a key rather than a name (a token, a secret typed into Name): never kept.
fn token_like(name: &str) -> bool {
    name.split_whitespace().any(|word| word.chars().count() >= 20 && word.chars().any(|c| c.is_ascii_digit()))
}

/// Whether a button's text is the form's Create (or Save, on an edit page): the moment the provider's name is
/// worth remembering.
pub fn is_create_button(text: &str) -> bool {
    let lower = text.trim().to_ascii_lowercase();
    ["create", "save", "作成", "保存"].iter().any(|word| lower == *word || lower.starts_with(&format!("{word} ")))
}

/// The provider made at `now`, named `name` (None when the name is empty).
pub fn made(name: &str, now: u64) -> Option<MadeProvider> {
    let name = bounded(name);
    (!name.is_empty() && !token_like(&name)).then_some(MadeProvider { name, at: now, environments: Vec::new() })
}

/// `made` with `environment` added (at most `MAX_ENVIRONMENTS`, each once).
pub fn chosen_for(made: &MadeProvider, environment: &str) -> MadeProvider {
    let mut next = made.clone();
    let environment = bounded(environment);
    if !environment.is_empty() && !next.environments.contains(&environment) && next.environments.len() < MAX_ENVIRONMENTS {
        next.environments.push(environment);
    }
    next
}

/// The client provider choice of an environment's dialog, as the helper offers it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ProviderChoice {
    /// The control the helper's line goes before: the list, or the first of the provider boxes.
    pub at: usize,
    /// The control to select on the admin's click (the list, or the provider's box), when one is the provider
    /// made from Okta.
    pub control: Option<usize>,
    /// In a list, the index of the provider's option.
    pub option: Option<usize>,
    /// The provider's name, as the page shows it.
    pub name: Option<String>,
    /// What the helper says: which provider it would choose, and why; or how to choose by hand.
    pub message: String,
    /// The button's words ("Choose "Okta (production)""), when there is one.
    pub button: Option<String>,
    /// What it says once chosen: press Update.
    pub chosen: String,
    /// The environment, as the dialog names it (its heading), for the checklist.
    pub environment: String,
}

/// Whether a text speaks of the client provider (English or Japanese console).
fn names_client_provider(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    lower.contains("client provider") || text.contains("クライアントプロバイダ")
}

/// Whether a control's own words speak of the client provider.
fn labelled_client_provider(control: &ControlSnapshot) -> bool {
    control.labels.iter().any(|label| names_client_provider(label)) || names_client_provider(&control.nearby)
}

/// The option (index, text) that is the provider made from Okta: the one named as the admin named it at Create;
/// without that name, the only one whose name says Okta. `None` when no option, or more than one, is it.
fn pick<'a>(options: impl Iterator<Item = (usize, &'a str)> + Clone, made: Option<&MadeProvider>) -> Option<(usize, String)> {
    let by_name = |name: &str| options.clone().find(|(_, text)| text.trim().eq_ignore_ascii_case(name.trim()));
    if let Some((index, text)) = made.and_then(|made| by_name(&made.name)) {
        return Some((index, text.trim().to_string()));
    }
    let mut okta = options.filter(|(_, text)| text.to_ascii_lowercase().contains("okta"));
    match (okta.next(), okta.next()) {
        (Some((index, text)), None) => Some((index, text.trim().to_string())),
        _ => None,
    }
}

/// The client provider choice among `controls`, if the page shows one (an environment's dialog), with the
/// provider made from Okta picked when it can be told.
pub fn provider_choice(controls: &[ControlSnapshot], made: Option<&MadeProvider>) -> Option<ProviderChoice> {
    // A list labelled as the client provider.
    let list = controls.iter().position(|c| c.tag == "select" && labelled_client_provider(c));
    let (at, picked, environment) = match list {
        Some(at) => {
            let select = &controls[at];
            let picked = pick(select.options.iter().enumerate().map(|(i, o)| (i, o.as_str())), made)
                .map(|(option, name)| (at, Some(option), name));
            (at, picked, select.section.clone())
        }
        None => {
            // Boxes, one per provider, under a heading that names the client provider(s).
            let boxes: Vec<usize> = (0..controls.len())
                .filter(|&i| matches!(controls[i].input_type.as_str(), "checkbox" | "radio") && names_client_provider(&controls[i].section))
                .collect();
            let first = *boxes.first()?;
            let names = boxes.iter().map(|&i| (i, controls[i].labels.first().map(String::as_str).unwrap_or(&controls[i].nearby)));
            let picked = pick(names, made).map(|(control, name)| (control, None, name));
            // The boxes' heading names the providers; the environment is named by the heading above it, which the
            // controls before the boxes (the environment's name, its type) sit under.
            let heading = &controls[first].section;
            let before = controls[..first].iter().rev().find(|c| c.form == controls[first].form && &c.section != heading);
            (first, picked, before.map(|c| c.section.clone()).unwrap_or_default())
        }
    };
    let environment = bounded(&environment);
    let chosen = say(&Finding::new("environmentChosen").with(Finding::new("environmentUpdate")));
    Some(match picked {
        Some((control, option, name)) => ProviderChoice {
            at,
            control: Some(control),
            option,
            name: Some(name.clone()),
            message: say(&Finding::new(if made.is_some_and(|m| m.name.trim().eq_ignore_ascii_case(&name)) {
                "environmentMadeHere"
            } else {
                "environmentNamedOkta"
            })
            .with(name.as_str())),
            button: Some(say(&Finding::new("environmentChoose").with(name.as_str()))),
            chosen,
            environment,
        },
        None => ProviderChoice {
            at,
            control: None,
            option: None,
            name: None,
            message: say(&Finding::new("environmentChooseByHand").with(Finding::new("environmentUpdate"))),
            button: None,
            chosen,
            environment,
        },
    })
}

/// The checklist's line for the environments step: what the page showed, never a proof.
pub fn seen_line(made: &MadeProvider, ago: Finding) -> String {
    if made.environments.is_empty() {
        say(&Finding::new("environmentsMadeSeen").with(made.name.as_str()).with(ago))
    } else {
        let environments = super::words::Arg::List(made.environments.iter().map(|e| e.as_str().into()).collect());
        say(&Finding::new("environmentsChosenSeen").with(made.name.as_str()).with(environments).with(ago))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn select(label: &str, options: &[&str]) -> ControlSnapshot {
        ControlSnapshot {
            tag: "select".into(),
            labels: vec![label.into()],
            options: options.iter().map(|o| o.to_string()).collect(),
            section: "Sandbox".into(),
            ..Default::default()
        }
    }

    fn name() -> ControlSnapshot {
        ControlSnapshot { tag: "input".into(), input_type: "text".into(), labels: vec!["Name".into()], ..Default::default() }
    }

    #[test]
    fn the_provider_made_from_okta_is_picked_by_the_name_it_was_created_with() {
        let made = made("  Okta (practice) ", 0).unwrap();
        assert_eq!(made.name, "Okta (practice)");
        let controls = vec![name(), select("Client provider", &["Anypoint (default)", "Okta (test)", "okta (PRACTICE)", "Ping"])];
        let choice = provider_choice(&controls, Some(&made)).unwrap();
        assert_eq!((choice.at, choice.control, choice.option), (1, Some(1), Some(2)));
        assert_eq!(choice.environment, "Sandbox");
        assert_eq!(choice.button.as_deref(), Some("Choose \"okta (PRACTICE)\""));
        // Without the name, the only option naming Okta; with two, none: the admin chooses.
        let one = vec![select("Client provider", &["Anypoint (default)", "Okta SSO"])];
        assert_eq!(provider_choice(&one, None).unwrap().option, Some(1));
        let two = provider_choice(&controls, None).unwrap();
        assert_eq!((two.control, two.button), (None, None));
        assert!(two.message.contains("Update"), "{}", two.message);
        // Japanese console; and boxes, one per provider, under a heading that names them.
        let ja = vec![select("クライアントプロバイダー", &["Anypoint", "Okta"])];
        assert_eq!(provider_choice(&ja, None).unwrap().option, Some(1));
        let tick = |label: &str| ControlSnapshot { tag: "input".into(), input_type: "checkbox".into(), labels: vec![label.into()], section: "Client providers".into(), ..Default::default() };
        let boxes = vec![name(), tick("Anypoint Platform"), tick("Okta (practice)")];
        let choice = provider_choice(&boxes, Some(&made)).unwrap();
        assert_eq!((choice.at, choice.control, choice.option), (1, Some(2), None));
        // No choice of a client provider on the page: nothing.
        assert_eq!(provider_choice(&[name(), select("Type", &["Sandbox", "Production"])], Some(&made)), None);
    }

    #[test]
    fn what_the_page_showed_is_remembered_within_bounds() {
        assert_eq!(made("   ", 0), None);
        // What the page typed, as it may be shown: no direction overrides, bounded, never a key.
        assert_eq!(made("Okta\u{202e}lanretxe\u{0007}", 0).unwrap().name, "Oktalanretxe");
        assert_eq!(made(&"x".repeat(500), 0).unwrap().name.chars().count(), MAX_NAME);
        assert_eq!(made("00aBcDeFgHiJkLmNoPqRsTuVwXyZ012345", 0), None, "a token typed into Name is not kept");
        assert!(is_create_button(" Create ") && is_create_button("保存") && is_create_button("Save changes"));
        assert!(!is_create_button("Cancel") && !is_create_button("Created by"));
        let mut made = made("Okta", 0).unwrap();
        for i in 0..30 {
            made = chosen_for(&made, &format!("Env {i}"));
        }
        made = chosen_for(&made, "Env 0");
        assert_eq!(made.environments.len(), MAX_ENVIRONMENTS);
        assert!(seen_line(&made, Finding::new("x")).contains("Env 0"));
        crate::core::words::assert_worded_everywhere(&[
            Finding::new("environmentChosen").with(Finding::new("environmentUpdate")),
            Finding::new("environmentMadeHere").with("Okta"),
            Finding::new("environmentNamedOkta").with("Okta"),
            Finding::new("environmentChoose").with("Okta"),
            Finding::new("environmentChooseByHand").with(Finding::new("environmentUpdate")),
            Finding::new("environmentsMadeSeen").with("Okta").with("3 min ago"),
            Finding::new("environmentsChosenSeen").with("Okta").with(super::super::words::Arg::List(vec!["Sandbox".into()])).with("3 min ago"),
        ]);
    }
}
