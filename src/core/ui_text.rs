//! The words on the extension's own buttons and panels, from the catalogue, so that the page-side scripts hold
//! no text of their own (they only place what the core answers). Hints, problems and plans carry their own.

use serde::Serialize;

use super::fields::AnypointField;
use super::policy::{Policy, Switch};
use super::words::{say, text, Arg, Finding};


/// A link: of a checklist step, or to what the extension made in Okta.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(ts_rs::TS))]
pub struct Link {
    /// The link's text.
    pub label: String,
    /// Where it goes.
    pub url: String,
}
/// The words of the copy-assist panel (Okta page and popup).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct PanelTexts {
    /// The panel's heading and accessible name.
    pub panel: String,
    /// The copy buttons' visible text (their accessible names are per row).
    pub copy: String,
    /// Said after a copy.
    pub copied: String,
    /// Said when the clipboard refused.
    pub copy_failed: String,
    /// The button that keeps the values for the Anypoint tab.
    pub keep: String,
}

/// The panel's words.
pub fn panel_texts() -> PanelTexts {
    PanelTexts {
        panel: text("extName"),
        copy: text("panelCopy"),
        copied: text("panelCopied"),
        copy_failed: text("panelCopyFailed"),
        keep: text("panelKeep"),
    }
}

/// The words of the helper bar on the Anypoint form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct BarTexts {
    /// The bar's accessible name.
    pub name: String,
    /// The button that fills the form.
    pub fill: String,
    /// The button that compares the form with Okta's live metadata (edit pages); `None` when switched off.
    pub compare: Option<String>,
    /// The button that puts back what the fill changed.
    pub undo: String,
    /// The button that checks the filled form against Okta; `None` when switched off.
    pub check: Option<String>,
    /// Its words while the checks run.
    pub checking: String,
    /// When it is enabled: once every field of one of these sets is filled (the Issuer, and the header or the
    /// introspection client).
    pub check_needs: [&'static [AnypointField]; 2],
    /// The fields whose typed values only the check's request carries, as `checkWithOkta`'s `header` and
    /// `secret` (in that order): the script reads them on the admin's click and nowhere else.
    pub check_sends: [AnypointField; 2],
    /// "Create the introspection client in Okta"; `None` when switched off.
    pub create: Option<String>,
    /// It is enabled once values are kept and the header (`check_sends[0]`) starts with this...
    pub create_header_prefix: &'static str,
    /// ...and this tick box or radio button is not ticked (private key JWT: no header to create it with)...
    pub create_off_when: AnypointField,
    /// ...when it is, this says how to make the app by hand.
    pub create_jwt_note: String,
    /// Where the kept values came from and when (provenance), or `None` when nothing is kept.
    pub source: Option<String>,
    /// On a form that came with its Issuer filled (an existing provider's edit page): why to compare with Okta
    /// before Save, which makes Anypoint load the Issuer's metadata again (docs/facts.md).
    pub note: Option<String>,
}

/// The bar's words, with the provenance line of the kept values, and the note of an edit page (`editing`).
/// `policy`: a feature switched off gets no button.
pub fn bar_texts(source: Option<String>, editing: bool, policy: &Policy) -> BarTexts {
    BarTexts {
        name: text("extName"),
        fill: text("barFill"),
        compare: policy.allows(Switch::IssuerFirst).then(|| text("barCompare")),
        undo: text("barUndo"),
        check: policy.allows(Switch::CheckWithOkta).then(|| text("barCheck")),
        checking: text("barChecking"),
        check_needs: [
            &[AnypointField::Issuer, AnypointField::AuthorizationHeader],
            &[AnypointField::Issuer, AnypointField::IntrospectionClientId, AnypointField::IntrospectionClientSecret],
        ],
        check_sends: [AnypointField::AuthorizationHeader, AnypointField::IntrospectionClientSecret],
        create: policy.allows(Switch::CreateInOkta).then(|| text("barCreate")),
        create_header_prefix: "SSWS ",
        create_off_when: AnypointField::AuthenticationByPrivateKeyJwt,
        create_jwt_note: say(&Finding::new("createJwtByHand").with(Finding::new("oktaApplicationsPage"))),
        source,
        note: editing.then(|| say(&Finding::new("barSaveFetchesMetadata").with(Finding::new("barCompare")))),
    }
}

/// "3 min ago": how long ago `then` was, both in milliseconds since 1970.
pub fn time_ago(then: u64, now: u64) -> Finding {
    let minutes = now.saturating_sub(then) / 60_000;
    match minutes {
        0 => Finding::new("timeJustNow"),
        1..=59 => Finding::new("timeMinutes").with(minutes.to_string()),
        60..=1439 => Finding::new("timeHours").with((minutes / 60).to_string()),
        _ => Finding { key: "timeDays", args: vec![Arg::Count(minutes / 1440)] },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_product_name_is_the_manifests() {
        let messages: serde_json::Value =
            serde_json::from_str(include_str!("../../extension/_locales/en/messages.json")).unwrap();
        let description = messages["extDescription"]["message"].as_str().unwrap();
        assert!(description.chars().count() <= 132, "the Chrome Web Store cuts descriptions at 132 characters");
    }

    #[test]
    fn the_check_alone_carries_the_secret_fields() {
        // The fields the check's request carries as header and secret are the ones that never cross otherwise.
        let texts = bar_texts(None, false, &Policy::NONE);
        assert_eq!(texts.check_sends, [AnypointField::AuthorizationHeader, AnypointField::IntrospectionClientSecret]);
        assert!(texts.check_sends.iter().all(|field| !field.shares_value()));
    }

    #[test]
    fn ages_read_as_a_person_says_them() {
        let said = |then, now| crate::core::words::say(&time_ago(then, now));
        assert_eq!(said(0, 30_000), "just now");
        assert_eq!(said(0, 3 * 60_000), "3 min ago");
        assert_eq!(said(0, 125 * 60_000), "2 h ago");
        assert_eq!(said(0, 1440 * 60_000), "1 day ago");
        assert_eq!(said(0, 3 * 1440 * 60_000), "3 days ago");
        assert_eq!(said(10, 0), "just now", "a clock that went back is not negative");
        let all: Vec<Finding> = [0, 3, 125, 1440, 3 * 1440].iter().map(|m| time_ago(0, m * 60_000)).collect();
        crate::core::words::assert_worded_everywhere(&all);
        let bar = bar_texts(None, true, &Policy::NONE);
        assert!(bar.note.as_deref().is_some_and(|note| note.contains("\"Compare with Okta\" first")), "{:?}", bar.note);
        assert_eq!(bar_texts(None, false, &Policy::NONE).note, None);
        let panel = panel_texts();
        assert!([&bar.name, &bar.fill, bar.compare.as_ref().unwrap(), &bar.undo, bar.check.as_ref().unwrap(), &bar.checking, &panel.copy, &panel.keep].iter().all(|t| !t.is_empty() && !t.starts_with("bar")));
    }
}
