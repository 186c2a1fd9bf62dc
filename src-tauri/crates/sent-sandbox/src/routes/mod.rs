//! The Sent v3 surface: route table, per-request context and the handlers, one file per area.

pub mod campaign_write;
pub mod campaigns;
pub mod common;
pub mod contacts;
pub mod me;
pub mod messages;
pub mod numbers;
pub mod profile_write;
pub mod profiles;
pub mod send;
pub mod templates;
pub mod webhooks;

use axum::http::{Method, StatusCode};
use uuid::Uuid;

use crate::envelope::ApiError;
use crate::rate_limit::RateClass;
pub use common::{id, to_json, Ctx, HandlerResult, Reply};

/// A matched `/v3` endpoint with its raw path parameters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    Me,
    ListProfiles,
    CreateProfile,
    GetProfile(String),
    UpdateProfile(String),
    DeleteProfile(String),
    CompleteProfile(String),
    ListCampaigns(String),
    CreateCampaign(String),
    UpdateCampaign(String, String),
    DeleteCampaign(String, String),
    ListTemplates,
    GetTemplate(String),
    SendMessage,
    GetMessage(String),
    MessageActivities(String),
    LookupNumber(String),
    ListContacts,
    ListWebhooks,
    CreateWebhook,
    WebhookEventTypes,
    GetWebhook(String),
    DeleteWebhook(String),
    TestWebhook(String),
    RotateWebhookSecret(String),
}

fn not_found() -> ApiError {
    ApiError::new(StatusCode::NOT_FOUND, "NOT_FOUND", "No such endpoint")
}

fn method_not_allowed(method: &Method) -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "METHOD_NOT_ALLOWED",
        format!("Method {method} is not allowed on this endpoint"),
    )
}

/// Percent-decodes one path segment (`%2B14155550123` and a literal `+` both mean `+`).
fn decode(seg: &str) -> String {
    let b = seg.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() {
            let hex = std::str::from_utf8(&b[i + 1..i + 3]).unwrap_or("");
            if let Ok(v) = u8::from_str_radix(hex, 16) {
                out.push(v);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

impl Route {
    /// Matches a path and method: unknown path -> 404 `NOT_FOUND`, known path with another
    /// method -> 405 `METHOD_NOT_ALLOWED` (Q35).
    pub fn resolve(method: &Method, path: &str) -> Result<Route, ApiError> {
        let segs: Vec<String> = path
            .trim_end_matches('/')
            .split('/')
            .skip(1)
            .map(decode)
            .collect();
        let s: Vec<&str> = segs.iter().map(String::as_str).collect();
        let m = method.clone();
        let pick = |opts: Vec<(Method, Route)>| -> Result<Route, ApiError> {
            opts.into_iter()
                .find(|(mm, _)| *mm == m)
                .map(|(_, r)| r)
                .ok_or_else(|| method_not_allowed(&m))
        };
        let own = |x: &str| x.to_string();
        match s.as_slice() {
            ["v3", "me"] => pick(vec![(Method::GET, Route::Me)]),
            ["v3", "profiles"] => pick(vec![
                (Method::GET, Route::ListProfiles),
                (Method::POST, Route::CreateProfile),
            ]),
            ["v3", "profiles", id] => pick(vec![
                (Method::GET, Route::GetProfile(own(id))),
                (Method::PATCH, Route::UpdateProfile(own(id))),
                (Method::DELETE, Route::DeleteProfile(own(id))),
            ]),
            ["v3", "profiles", id, "complete"] => {
                pick(vec![(Method::POST, Route::CompleteProfile(own(id)))])
            }
            ["v3", "profiles", id, "campaigns"] => pick(vec![
                (Method::GET, Route::ListCampaigns(own(id))),
                (Method::POST, Route::CreateCampaign(own(id))),
            ]),
            ["v3", "profiles", id, "campaigns", cid] => pick(vec![
                (Method::PUT, Route::UpdateCampaign(own(id), own(cid))),
                (Method::DELETE, Route::DeleteCampaign(own(id), own(cid))),
            ]),
            ["v3", "templates"] => pick(vec![(Method::GET, Route::ListTemplates)]),
            ["v3", "templates", id] => pick(vec![(Method::GET, Route::GetTemplate(own(id)))]),
            ["v3", "messages"] => pick(vec![(Method::POST, Route::SendMessage)]),
            ["v3", "messages", id] => pick(vec![(Method::GET, Route::GetMessage(own(id)))]),
            ["v3", "messages", id, "activities"] => {
                pick(vec![(Method::GET, Route::MessageActivities(own(id)))])
            }
            ["v3", "numbers", "lookup", n] => {
                pick(vec![(Method::GET, Route::LookupNumber(own(n)))])
            }
            ["v3", "contacts"] => pick(vec![(Method::GET, Route::ListContacts)]),
            ["v3", "webhooks"] => pick(vec![
                (Method::GET, Route::ListWebhooks),
                (Method::POST, Route::CreateWebhook),
            ]),
            ["v3", "webhooks", "event-types"] => {
                pick(vec![(Method::GET, Route::WebhookEventTypes)])
            }
            ["v3", "webhooks", id] => pick(vec![
                (Method::GET, Route::GetWebhook(own(id))),
                (Method::DELETE, Route::DeleteWebhook(own(id))),
            ]),
            ["v3", "webhooks", id, "test"] => {
                pick(vec![(Method::POST, Route::TestWebhook(own(id)))])
            }
            ["v3", "webhooks", id, "rotate-secret"] => {
                pick(vec![(Method::POST, Route::RotateWebhookSecret(own(id)))])
            }
            _ => Err(not_found()),
        }
    }

    /// Rate-limit class (contract §6).
    pub fn rate_class(&self) -> RateClass {
        match self {
            Route::CompleteProfile(_) | Route::TestWebhook(_) | Route::RotateWebhookSecret(_) => {
                RateClass::Sensitive
            }
            _ => RateClass::Standard,
        }
    }

    /// Path ids that must be UUIDs (Q37), with their parameter names.
    fn ids(&self) -> Vec<(&'static str, &str)> {
        use Route::*;
        match self {
            GetProfile(p) | UpdateProfile(p) | DeleteProfile(p) | CompleteProfile(p)
            | ListCampaigns(p) | CreateCampaign(p) => vec![("profileId", p)],
            UpdateCampaign(p, c) | DeleteCampaign(p, c) => {
                vec![("profileId", p), ("campaignId", c)]
            }
            GetTemplate(i)
            | GetMessage(i)
            | MessageActivities(i)
            | GetWebhook(i)
            | DeleteWebhook(i)
            | TestWebhook(i)
            | RotateWebhookSecret(i) => vec![("id", i)],
            _ => vec![],
        }
    }

    /// 400 `VALIDATION_003` when a path id is not a UUID.
    pub fn check_ids(&self) -> Result<(), ApiError> {
        for (name, v) in self.ids() {
            Uuid::parse_str(v).map_err(|_| ApiError::bad_uuid(name))?;
        }
        Ok(())
    }

    /// Wording of this endpoint's `INTERNAL_001` ("Failed to <verb> ...").
    pub fn failure_phrase(&self) -> &'static str {
        use Route::*;
        match self {
            ListProfiles => "retrieve profiles",
            GetProfile(_) => "retrieve profile",
            CreateProfile => "create profile",
            UpdateProfile(_) => "update profile",
            DeleteProfile(_) => "delete profile",
            CompleteProfile(_) => "complete profile",
            SendMessage => "send message",
            _ => "process request",
        }
    }
}

/// Calls the handler for a route.
pub async fn handle(ctx: &Ctx<'_>, route: &Route) -> HandlerResult {
    use Route::*;
    match route {
        Me => me::get(ctx),
        ListProfiles => profiles::list(ctx),
        CreateProfile => profile_write::create(ctx),
        GetProfile(p) => profiles::get(ctx, id(p)),
        UpdateProfile(p) => profile_write::update(ctx, id(p)),
        DeleteProfile(p) => profiles::delete(ctx, id(p)),
        CompleteProfile(p) => profiles::complete(ctx, id(p)),
        ListCampaigns(p) => campaigns::list(ctx, id(p)),
        CreateCampaign(p) => campaign_write::create(ctx, id(p)),
        UpdateCampaign(p, c) => campaign_write::update(ctx, id(p), id(c)),
        DeleteCampaign(p, c) => campaigns::delete(ctx, id(p), id(c)),
        ListTemplates => templates::list(ctx),
        GetTemplate(t) => templates::get(ctx, id(t)),
        SendMessage => send::send(ctx),
        GetMessage(m) => messages::get(ctx, id(m)),
        MessageActivities(m) => messages::activities(ctx, id(m)),
        LookupNumber(n) => numbers::lookup(ctx, n),
        ListContacts => contacts::list(ctx),
        ListWebhooks => webhooks::list(ctx),
        CreateWebhook => webhooks::create(ctx),
        WebhookEventTypes => webhooks::event_types(ctx),
        GetWebhook(w) => webhooks::get(ctx, id(w)),
        DeleteWebhook(w) => webhooks::delete(ctx, id(w)),
        TestWebhook(w) => webhooks::test(ctx, id(w)).await,
        RotateWebhookSecret(w) => webhooks::rotate(ctx, id(w)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_404_405_and_plus_decoding() {
        assert_eq!(
            Route::resolve(&Method::GET, "/v3/profiles").unwrap(),
            Route::ListProfiles
        );
        assert_eq!(
            Route::resolve(&Method::GET, "/v3/nope").unwrap_err().code,
            "NOT_FOUND"
        );
        assert_eq!(
            Route::resolve(&Method::PUT, "/v3/profiles")
                .unwrap_err()
                .code,
            "METHOD_NOT_ALLOWED"
        );
        assert_eq!(
            Route::resolve(&Method::GET, "/v3/numbers/lookup/%2B14155550123").unwrap(),
            Route::LookupNumber("+14155550123".into())
        );
        assert_eq!(
            Route::resolve(&Method::GET, "/v3/numbers/lookup/+14155550123").unwrap(),
            Route::LookupNumber("+14155550123".into())
        );
        assert_eq!(
            Route::resolve(&Method::GET, "/v3/profiles/abc")
                .unwrap()
                .check_ids()
                .unwrap_err()
                .code,
            "VALIDATION_003"
        );
    }
}
