//! Who may ask the core what: the one place where a message's sender is checked (docs/architecture.md,
//! "Trust model"). The browser tells the worker who sent a message (`runtime.MessageSender`); the worker hands
//! that to the core with every message, and the core answers a request only for the context it belongs to.
//! A URL that matters (which document was read) is the sender's, as the browser reports it, never one
//! written in the message.

use std::fmt;

use serde::Deserialize;

use super::hosts::{is_anypoint_host, OktaOrgHost};
use super::protocol::{Request, Surface};
use super::web_url::WebUrl;
use super::words::{say, Finding};

/// What the browser says about a message's sender, and who this extension is.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", default)]
pub struct Sender {
    /// `sender.id`: the extension whose script sent the message.
    pub id: Option<String>,
    /// `sender.url`: the page (content scripts) or extension page that sent it.
    pub url: Option<String>,
    /// This extension's id (`runtime.id`).
    pub own_id: String,
    /// This extension's base URL (`runtime.getURL('')`), e.g. `chrome-extension://abc/`.
    pub own_origin: String,
    /// Custom URL domains of Okta orgs the admin granted (their metadata pages count as Okta pages).
    pub custom_domains: Vec<String>,
    /// Anypoint Private Cloud hosts the admin granted (their pages count as Anypoint pages).
    pub private_cloud: Vec<String>,
}

/// Where a message comes from, once the sender has been checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Context {
    /// The content script on an Okta page (metadata documents); `url` is that page's, from the browser.
    OktaPage {
        /// The page's URL as the browser reported it.
        url: String,
    },
    /// The content script on an Anypoint control plane or a granted Private Cloud host (the client provider
    /// form); `host` is that page's, from the browser.
    AnypointPage {
        /// The page's host as the browser reported it.
        host: String,
    },
    /// One of the extension's own pages (the popup).
    ExtensionPage,
}

impl Context {
    /// Which kind of page it is.
    pub fn surface(&self) -> Surface {
        match self {
            Self::OktaPage { .. } => Surface::OktaPage,
            Self::AnypointPage { .. } => Surface::AnypointPage,
            Self::ExtensionPage => Surface::ExtensionPage,
        }
    }

    /// The catalogue's name of this kind of page, for a refusal.
    fn describe(&self) -> &'static str {
        match self {
            Self::OktaPage { .. } => "contextOktaPage",
            Self::AnypointPage { .. } => "contextAnypointPage",
            Self::ExtensionPage => "contextExtensionPage",
        }
    }
}

/// Why a message was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// Sent by another extension (or with no id at all).
    OtherExtension,
    /// Sent from a page where the extension has no business.
    UnknownPage,
    /// A request that this context may not make.
    NotForThisContext {
        /// The request's name.
        request: &'static str,
        /// The context it came from.
        context: &'static str,
    },
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let finding = match self {
            Self::OtherExtension => Finding::new("refusedOtherExtension"),
            Self::UnknownPage => Finding::new("refusedUnknownPage"),
            Self::NotForThisContext { request, context } => {
                Finding::new("refusedNotForContext").with(*request).with(Finding::new(context))
            }
        };
        f.write_str(&say(&finding))
    }
}

/// The context of a sender: this extension's own page, or its content script on an Okta or Anypoint host.
pub fn context_of(sender: &Sender) -> Result<Context, Refusal> {
    if sender.own_id.is_empty() || sender.id.as_deref() != Some(sender.own_id.as_str()) {
        return Err(Refusal::OtherExtension);
    }
    let url = sender.url.as_deref().ok_or(Refusal::UnknownPage)?;
    if !sender.own_origin.is_empty() && url.starts_with(&sender.own_origin) {
        return Ok(Context::ExtensionPage);
    }
    let page = WebUrl::parse(url).ok().filter(WebUrl::is_https).ok_or(Refusal::UnknownPage)?;
    let granted = |hosts: &[String]| hosts.iter().any(|host| host == page.host());
    if OktaOrgHost::of(page.host()).is_some() || granted(&sender.custom_domains) {
        Ok(Context::OktaPage { url: url.to_string() })
    } else if is_anypoint_host(page.host()) || granted(&sender.private_cloud) {
        Ok(Context::AnypointPage { host: page.host().to_string() })
    } else {
        Err(Refusal::UnknownPage)
    }
}

/// Whether `context` may make `request`: each kind of page only what its job needs (`Request::profile`).
pub fn permit(context: &Context, request: &Request) -> Result<(), Refusal> {
    if request.profile().from == context.surface() {
        Ok(())
    } else {
        Err(Refusal::NotForThisContext { request: request.name(), context: context.describe() })
    }
}

/// Check a message's sender and request together: the context to answer for, or why not.
pub fn check(sender: &Sender, request: &Request) -> Result<Context, Refusal> {
    let context = context_of(sender)?;
    permit(&context, request)?;
    Ok(context)
}

#[cfg(test)]
mod tests {
    use super::*;

    const OWN: &str = "abcdefghijklmnopabcdefghijklmnop";

    fn sender(id: &str, url: &str) -> Sender {
        Sender {
            id: Some(id.into()),
            url: Some(url.into()),
            own_id: OWN.into(),
            own_origin: format!("chrome-extension://{OWN}/"),
            ..Default::default()
        }
    }

    const METADATA: &str = "https://dev-1.okta.com/oauth2/default/.well-known/openid-configuration";

    #[test]
    fn contexts_come_from_the_browser_reported_sender() {
        assert_eq!(context_of(&sender(OWN, METADATA)), Ok(Context::OktaPage { url: METADATA.into() }));
        assert_eq!(context_of(&sender(OWN, "https://anypoint.mulesoft.com/accounts")), Ok(Context::AnypointPage { host: "anypoint.mulesoft.com".into() }));
        assert_eq!(context_of(&sender(OWN, &format!("chrome-extension://{OWN}/popup/popup.html"))), Ok(Context::ExtensionPage));
        assert_eq!(context_of(&sender("another-extension", METADATA)), Err(Refusal::OtherExtension));
        assert_eq!(context_of(&Sender { id: None, ..sender(OWN, METADATA) }), Err(Refusal::OtherExtension));
        assert_eq!(context_of(&Sender { own_id: String::new(), ..sender("", METADATA) }), Err(Refusal::OtherExtension));
        for page in ["https://evil.example/", "http://dev-1.okta.com/.well-known/openid-configuration",
            "https://dev-1.x.okta.com/oauth2/default/.well-known/openid-configuration", "https://x.mtls.okta.com/.well-known/openid-configuration", "chrome-extension://other/popup.html", "not a url"] {
            assert_eq!(context_of(&sender(OWN, page)), Err(Refusal::UnknownPage), "{page}");
        }
        assert_eq!(context_of(&Sender { url: None, ..sender(OWN, METADATA) }), Err(Refusal::UnknownPage));
        // Hosts the admin granted, by kind.
        let custom = "https://login.acme.com/oauth2/default/.well-known/openid-configuration";
        let granted = Sender { custom_domains: vec!["login.acme.com".into()], private_cloud: vec!["anypoint.acme.com".into()], ..sender(OWN, custom) };
        assert_eq!(context_of(&granted), Ok(Context::OktaPage { url: custom.into() }));
        assert_eq!(context_of(&Sender { url: Some("https://anypoint.acme.com/accounts".into()), ..granted.clone() }), Ok(Context::AnypointPage { host: "anypoint.acme.com".into() }));
        assert_eq!(context_of(&sender(OWN, custom)), Err(Refusal::UnknownPage), "not granted");
    }

    #[test]
    fn each_context_may_ask_only_its_own_requests() {
        let okta = Context::OktaPage { url: METADATA.into() };
        let popup = Context::ExtensionPage;
        let anypoint = Context::AnypointPage { host: "anypoint.mulesoft.com".into() };
        let keep = Request::KeepMetadata { text: String::new(), length: 0 };
        let fetch = Request::FetchMetadata { input: "x".into(), keep: true };
        let classify = Request::ClassifyForm { controls: Vec::new() };
        assert_eq!(permit(&okta, &keep), Ok(()));
        assert_eq!(permit(&popup, &fetch), Ok(()));
        assert_eq!(permit(&anypoint, &classify), Ok(()));
        assert_eq!(permit(&popup, &Request::ForgetKept), Ok(()));
        // Only the form's page checks with Okta (the token and secret are typed there) and reads its errors.
        let check = Request::CheckWithOkta { values: Default::default(), header: String::new(), secret: String::new() };
        let explain = Request::ExplainError { text: String::new() };
        assert_eq!(permit(&anypoint, &check), Ok(()));
        assert_eq!(permit(&anypoint, &explain), Ok(()));
        assert_eq!(permit(&popup, &Request::GetChecklist), Ok(()));
        for (context, request) in [(&anypoint, &keep), (&anypoint, &fetch), (&anypoint, &Request::GetKept), (&anypoint, &Request::ForgetKept),
            (&okta, &fetch), (&okta, &classify), (&okta, &Request::ForgetKept), (&popup, &keep), (&popup, &classify),
            (&okta, &check), (&popup, &check), (&okta, &explain), (&anypoint, &Request::GetChecklist),
            // The page that loaded an offer may not keep it: only the admin's click in the popup does.
            (&anypoint, &Request::KeepOffered { issuer: String::new() }), (&okta, &Request::KeepOffered { issuer: String::new() })] {
            let refusal = permit(context, request).unwrap_err();
            assert!(refusal.to_string().contains(request.name()), "{refusal}");
        }
    }
}
