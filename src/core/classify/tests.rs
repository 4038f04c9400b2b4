//! The same Anypoint form in many markups, as the content script would snapshot it.

use super::*;
use AnypointField::*;

/// The form as Anypoint shows it: (field, label a person reads, input type, section heading).
const FORM: &[(AnypointField, &str, &str, &str)] = &[
    (Name, "Name", "text", "Client Information"),
    (Description, "Description", "text", "Client Information"),
    (Issuer, "Issuer", "text", "Dynamic Client Registration"),
    (ClientRegistrationUrl, "Client Registration URL", "text", "Dynamic Client Registration"),
    (AuthorizationHeader, "Authorization Header", "password", "Dynamic Client Registration"),
    (ClientRequestTimeout, "Client Request Timeout", "number", "Dynamic Client Registration"),
    (IntrospectionClientId, "Client ID", "text", "Token Introspection Client"),
    (IntrospectionClientSecret, "Client Secret", "password", "Token Introspection Client"),
    (AuthorizeUrl, "Authorize URL", "text", "OpenID Connect Authorization URLs"),
    (TokenUrl, "Token URL", "text", "OpenID Connect Authorization URLs"),
    (TokenIntrospectionUrl, "Token Introspection URL", "text", "OpenID Connect Authorization URLs"),
    (DisableCertificateValidation, "Disable server certificate validation", "checkbox", "Advanced settings"),
    (EnableClientDeletion, "Enable client deletion in Anypoint Platform", "checkbox", "Advanced settings"),
    (EnableIdpDeletionAndUpdates, "Enable client deletion and updates in IdP", "checkbox", "Advanced settings"),
];

/// The snapshot the content script takes of one control in each markup: each markup leaves its own traces
/// (ids, names, extra label parts), so no two markups give the same snapshot (checked below).
fn control(label: &str, input_type: &str, section: &str, how: Markup) -> ControlSnapshot {
    let mut c = ControlSnapshot {
        tag: "input".into(),
        input_type: input_type.into(),
        section: section.into(),
        ..Default::default()
    };
    let slug = label.to_lowercase().replace(' ', "-");
    match how {
        // <label for="cp-issuer">Issuer</label><input id="cp-issuer">
        Markup::LabelFor => {
            c.labels = vec![label.into()];
            c.id = format!("cp-{slug}");
        }
        // <label>Issuer <input name="issuer"> <small>The issuer of your IdP</small></label>: help text joins in.
        Markup::WrappingLabel => {
            c.labels = vec![format!("{label} Required.")];
            c.name = slug.clone();
        }
        // aria-labelledby="lbl-7 req-7": the label and a separate "required" badge.
        Markup::AriaLabelledBy => c.labels = vec![format!("{label} required")],
        // aria-label only, generated ids (React useId).
        Markup::AriaLabel => {
            c.labels = vec![label.into()];
            c.id = format!(":r{}:", label.len());
        }
        // Placeholder only (no label at all), lower case as designers write them.
        Markup::Placeholder => c.placeholder = label.to_lowercase(),
        // A floating label with a required star; Material-style inputs carry a blank placeholder.
        Markup::FloatingLabel => {
            c.labels = vec![format!("{label} *")];
            c.placeholder = " ".into();
        }
        // <x-field label="Issuer">: the input in the shadow root has the same name and id in every field.
        Markup::ShadowCustomElement => {
            c.labels = vec![label.into()];
            c.name = "input".into();
            c.id = "input".into();
        }
        // <anypoint-input><label slot="label">Issuer</label></anypoint-input>: no label tied to the inner input;
        // the snapshot reads the host's text as the text around it.
        Markup::SlottedLabel => c.nearby = label.into(),
        // <mat-form-field><mat-label>Issuer</mat-label><input id="mat-input-3"></mat-form-field>
        Markup::MaterialLabel => {
            c.nearby = label.into();
            c.id = format!("mat-input-{}", label.len());
        }
        // <tr><td>Issuer</td><td><input name="f3"></td></tr>: the row's text is the previous cell's.
        Markup::TableCell => {
            c.nearby = label.into();
            c.name = format!("f{}", label.len());
        }
        Markup::NameAndIdOnly => {
            c.name = camel(label);
            c.id = format!("cp-{slug}");
        }
        // MuleSoft's React TextField: <div data-anypoint-component="TextField" data-test-id="issuer"><input></div>,
        // no label of its own, the label text rendered beside it (docs/facts.md).
        Markup::AnypointReact => {
            c.test_id = camel(label);
            c.nearby = label.into();
        }
        // Only the component's test id says what it is.
        Markup::TestIdOnly => c.test_id = camel(label),
    }
    c
}

/// "Client Registration URL" → "clientRegistrationURL", "Disable server certificate" → "disableServerCertificate".
fn camel(label: &str) -> String {
    label
        .split_whitespace()
        .enumerate()
        .map(|(i, w)| if i == 0 { w.to_lowercase() } else { w[..1].to_uppercase() + &w[1..] })
        .collect()
}

#[derive(Clone, Copy, PartialEq, Debug)]
enum Markup {
    LabelFor,
    WrappingLabel,
    AriaLabelledBy,
    AriaLabel,
    Placeholder,
    FloatingLabel,
    ShadowCustomElement,
    SlottedLabel,
    MaterialLabel,
    TableCell,
    NameAndIdOnly,
    AnypointReact,
    TestIdOnly,
}

fn form(how: Markup) -> Vec<ControlSnapshot> {
    FORM.iter().map(|(_, label, t, section)| control(label, t, section, how)).collect()
}

fn assert_all_fields(controls: &[ControlSnapshot], offset: usize, how: &str) {
    let classification = classify_controls(controls);
    assert!(classification.is_client_provider_form, "{how}");
    for (i, (field, label, _, _)) in FORM.iter().enumerate() {
        assert_eq!(classification.field_of(offset + i), Some(*field), "{how}: control '{label}'");
    }
}

const MARKUPS: [Markup; 13] = [
    Markup::LabelFor,
    Markup::WrappingLabel,
    Markup::AriaLabelledBy,
    Markup::AriaLabel,
    Markup::Placeholder,
    Markup::FloatingLabel,
    Markup::ShadowCustomElement,
    Markup::SlottedLabel,
    Markup::MaterialLabel,
    Markup::TableCell,
    Markup::NameAndIdOnly,
    Markup::AnypointReact,
    Markup::TestIdOnly,
];

/// The same form as a Japanese Anypoint could label it (unconfirmed: docs/facts.md), by meaning.
const FORM_JA: &[(AnypointField, &str, &str, &str)] = &[
    (Name, "名前", "text", "クライアント情報"),
    (Description, "説明", "text", "クライアント情報"),
    (Issuer, "発行者", "text", "動的クライアント登録"),
    (ClientRegistrationUrl, "クライアント登録 URL", "text", "動的クライアント登録"),
    (AuthorizationHeader, "認可ヘッダー", "password", "動的クライアント登録"),
    (ClientRequestTimeout, "クライアント要求のタイムアウト", "number", "動的クライアント登録"),
    (IntrospectionClientId, "クライアント ID", "text", "トークンイントロスペクションクライアント"),
    (IntrospectionClientSecret, "クライアントシークレット", "password", "トークンイントロスペクションクライアント"),
    (AuthorizeUrl, "認可 URL", "text", "OpenID Connect 認可 URL"),
    (TokenUrl, "トークン URL", "text", "OpenID Connect 認可 URL"),
    (TokenIntrospectionUrl, "トークンイントロスペクション URL", "text", "OpenID Connect 認可 URL"),
    (DisableCertificateValidation, "サーバー証明書の検証を無効化", "checkbox", "詳細設定"),
    (EnableClientDeletion, "Anypoint Platform でのクライアントの削除を有効化", "checkbox", "詳細設定"),
    (EnableIdpDeletionAndUpdates, "IdP でのクライアントの削除と更新を有効化", "checkbox", "詳細設定"),
];

#[test]
fn reads_japanese_labels_by_meaning() {
    for how in [Markup::LabelFor, Markup::FloatingLabel, Markup::SlottedLabel, Markup::TableCell] {
        let controls: Vec<ControlSnapshot> = FORM_JA.iter().map(|(_, label, t, section)| control(label, t, section, how)).collect();
        let classification = classify_controls(&controls);
        assert!(classification.is_client_provider_form, "{how:?}");
        for (i, (field, label, _, _)) in FORM_JA.iter().enumerate() {
            assert_eq!(classification.field_of(i), Some(*field), "{how:?}: control '{label}'");
        }
    }
    assert_eq!(words("秘密鍵 (PEM)"), ["private", "key", "pem"], "the longer word first");
    assert_eq!(words("トークンURL"), ["token", "url"], "a run ends at ASCII");
    let unrelated = [control("ユーザー名", "text", "ログイン", Markup::LabelFor), control("パスワード", "password", "ログイン", Markup::LabelFor)];
    assert!(!classify_controls(&unrelated).is_client_provider_form, "control: Japanese text alone is no form");
}

#[test]
fn classifies_every_markup() {
    for how in MARKUPS {
        assert_all_fields(&form(how), 0, &format!("{how:?}"));
    }
}

#[test]
fn the_markups_are_really_different_snapshots() {
    for (i, a) in MARKUPS.iter().enumerate() {
        for b in &MARKUPS[i + 1..] {
            assert_ne!(form(*a), form(*b), "{a:?} and {b:?} give the same snapshot: one of them tests nothing new");
        }
    }
}

#[test]
fn unrelated_fields_are_left_alone() {
    let mut controls = vec![
        ControlSnapshot { input_type: "search".into(), placeholder: "Search Anypoint".into(), ..Default::default() },
        ControlSnapshot { input_type: "text".into(), labels: vec!["Business group".into()], ..Default::default() },
    ];
    controls.extend(form(Markup::LabelFor));
    controls.push(ControlSnapshot { input_type: "text".into(), labels: vec!["Feedback".into()], ..Default::default() });
    controls.push(ControlSnapshot { input_type: "submit".into(), name: "issuer".into(), ..Default::default() });
    assert_all_fields(&controls, 2, "extra fields");
    let classification = classify_controls(&controls);
    assert_eq!(classification.field_of(0), None);
    assert_eq!(classification.field_of(1), None);
    assert_eq!(classification.field_of(controls.len() - 2), None);
    assert_eq!(classification.field_of(controls.len() - 1), None, "a submit button is not a field");
}

#[test]
fn a_second_form_on_the_page_is_not_mixed_in() {
    // Form 0: a login-like form with a Client ID and Secret; form 1: the client provider form.
    let mut controls = vec![
        ControlSnapshot { input_type: "text".into(), labels: vec!["Client ID".into()], form: 0, ..Default::default() },
        ControlSnapshot { input_type: "password".into(), labels: vec!["Client Secret".into()], form: 0, ..Default::default() },
    ];
    controls.extend(form(Markup::LabelFor).into_iter().map(|c| ControlSnapshot { form: 1, ..c }));
    let classification = classify_controls(&controls);
    assert_eq!(classification.form, Some(1));
    assert_all_fields(&controls, 2, "second form");
    assert_eq!(classification.field_of(0), None);
}

#[test]
fn pages_without_the_form_are_not_taken_for_it() {
    let login = vec![
        ControlSnapshot { input_type: "text".into(), labels: vec!["Username".into()], ..Default::default() },
        ControlSnapshot { input_type: "password".into(), labels: vec!["Password".into()], ..Default::default() },
    ];
    assert!(!classify_controls(&login).is_client_provider_form);
    assert!(!classify_controls(&[]).is_client_provider_form);
    // Only the client information part of the form (another provider type): not the OIDC form.
    let partial: Vec<_> = form(Markup::LabelFor).into_iter().take(2).collect();
    assert!(!classify_controls(&partial).is_client_provider_form);
}

#[test]
fn each_field_goes_to_one_control() {
    // Two controls both labelled "Issuer": the first wins, the second is left alone.
    let mut controls = form(Markup::LabelFor);
    controls.push(ControlSnapshot { input_type: "text".into(), labels: vec!["Issuer".into()], ..Default::default() });
    let classification = classify_controls(&controls);
    assert_eq!(classification.control_for(Issuer), Some(2));
    assert_eq!(classification.field_of(controls.len() - 1), None);
}

#[test]
fn words_split_camel_case_and_punctuation() {
    assert_eq!(words("tokenIntrospectionURL"), ["token", "introspection", "url"]);
    assert_eq!(words("client_registration-url"), ["client", "registration", "url"]);
    assert_eq!(words("Issuer *"), ["issuer"]);
}

#[test]
fn a_label_beats_the_text_around_another_control() {
    // Help text around a control may name another field: a real label elsewhere still wins that field.
    let mut controls = form(Markup::LabelFor);
    controls.push(ControlSnapshot { input_type: "text".into(), nearby: "Token URL (see your Okta org)".into(), ..Default::default() });
    assert_all_fields(&controls, 0, "labels first");
    assert_eq!(classify_controls(&controls).field_of(controls.len() - 1), None);
}

#[test]
fn the_client_authentication_choice_is_read_by_meaning() {
    // Newer Anypoint: two radio buttons and a private key field (labels unconfirmed: read by their words).
    let mut controls = form(Markup::LabelFor);
    let radio = |label: &str| ControlSnapshot { input_type: "radio".into(), labels: vec![label.into()], section: "Client authentication".into(), ..Default::default() };
    controls.push(radio("Authorization Header"));
    controls.push(radio("Private Key JWT"));
    controls.push(ControlSnapshot { tag: "textarea".into(), labels: vec!["Private Key".into()], ..Default::default() });
    let classification = classify_controls(&controls);
    let n = controls.len();
    assert_eq!(classification.field_of(n - 3), Some(AuthenticationByHeader));
    assert_eq!(classification.field_of(n - 2), Some(AuthenticationByPrivateKeyJwt));
    assert_eq!(classification.field_of(n - 1), Some(PrivateKey));
    assert_eq!(classification.control_for(AuthorizationHeader), Some(4), "the header text field is still the header");
    assert!(!classification.matches.iter().find(|m| m.field == PrivateKey).unwrap().share_value, "a private key is a secret");
}

#[test]
fn reads_the_real_consoles_own_words() {
    // "Client Request Timeout (seconds)" and the "Token Inspection Client" section some docs versions show.
    let mut controls = form(Markup::AnypointReact);
    for c in &mut controls {
        if c.section == "Token Introspection Client" {
            c.section = "Token Inspection Client".into();
        }
        if c.nearby == "Client Request Timeout" {
            c.nearby = "Client Request Timeout (seconds)".into();
        }
    }
    assert_all_fields(&controls, 0, "the console's wording");
    // A test id that says nothing is no signal: the same form with meaningless ids and no text is not recognised.
    let blank: Vec<ControlSnapshot> =
        form(Markup::TestIdOnly).into_iter().enumerate().map(|(i, c)| ControlSnapshot { test_id: format!("field{i}"), ..c }).collect();
    assert!(!classify_controls(&blank).is_client_provider_form, "control");
}

#[test]
fn a_form_with_advanced_settings_collapsed_is_recognised() {
    // Advanced settings are collapsed until the admin expands them: their check boxes are not in the page.
    for how in MARKUPS {
        let controls: Vec<ControlSnapshot> = form(how).into_iter().filter(|c| c.section != "Advanced settings").collect();
        assert_eq!(controls.len(), FORM.len() - 3);
        let classification = classify_controls(&controls);
        assert!(classification.is_client_provider_form, "{how:?}");
        assert_eq!(classification.control_for(Issuer), Some(2), "{how:?}");
        assert_eq!(classification.control_for(EnableClientDeletion), None);
    }
}

#[test]
fn the_jwt_service_apps_client_id_is_not_the_introspection_clients() {
    // Private key JWT mode: a "Client ID" beside the private key, in the registration section, before the
    // introspection client's own "Client ID" (labels unconfirmed: docs/facts.md).
    for section in ["Dynamic Client Registration", "Client authentication", "クライアント認証"] {
        let mut controls = form(Markup::LabelFor);
        let jwt_id = control("Client ID", "text", section, Markup::LabelFor);
        let key = control("Private Key", "textarea", section, Markup::LabelFor);
        controls.insert(6, jwt_id);
        controls.insert(7, key);
        let classification = classify_controls(&controls);
        assert_eq!(classification.field_of(6), Some(JwtClientId), "{section}");
        assert_eq!(classification.field_of(7), Some(PrivateKey), "{section}");
        assert_eq!(classification.field_of(8), Some(IntrospectionClientId), "{section}: the introspection client's own");
    }
    // Control: the form without the JWT method has no JWT client ID, and its Client ID stays the introspection one.
    let classification = classify_controls(&form(Markup::LabelFor));
    assert_eq!(classification.control_for(JwtClientId), None);
    assert_eq!(classification.field_of(6), Some(IntrospectionClientId));
}
