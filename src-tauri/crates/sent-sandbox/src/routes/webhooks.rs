//! Webhooks (E19–E21): list, create, get, delete, event types, test delivery and secret
//! rotation. Deliveries are signed per contract §14.2 and only ever go to loopback URLs.

use axum::http::StatusCode;
use serde_json::{json, Value};
use uuid::Uuid;

use super::common::paging;
use super::common::{Ctx, HandlerResult, Reply};
use crate::clock::format_ts;
use crate::envelope::{ApiError, Details};
use crate::ids;
use crate::schema;
use crate::store::{State, Webhook};
use crate::views;
use sent_model::validate::urls::is_loopback_url;
use sent_model::webhook::{WebhookCreate, WebhookEventType, WebhookEventTypes};

/// The §14.2 signature, from the shared implementation in `sent-model`.
pub fn sign(secret: &str, id: &str, timestamp: i64, body: &[u8]) -> String {
    sent_model::webhook::signature::sign(secret, id, timestamp, body).unwrap_or_default()
}

fn not_found() -> ApiError {
    ApiError::new(StatusCode::NOT_FOUND, "RESOURCE_008", "Webhook not found")
}

fn find<'a>(ctx: &Ctx<'_>, s: &'a State, id: Uuid) -> Result<&'a Webhook, ApiError> {
    s.webhooks
        .iter()
        .find(|w| w.id == id && w.owner == ctx.scope.owner())
        .ok_or_else(not_found)
}

/// E19.
pub fn list(ctx: &Ctx<'_>) -> HandlerResult {
    let (page, size) = paging(ctx)?;
    let active = ctx.query.get("is_active").map(|v| v == "true");
    let search = ctx
        .query
        .get("search")
        .map(|s| s.to_lowercase())
        .filter(|s| !s.is_empty());
    let s = ctx.app.read();
    let all: Vec<&Webhook> = s
        .webhooks
        .iter()
        .filter(|w| w.owner == ctx.scope.owner())
        .filter(|w| active.is_none_or(|a| w.is_active == a))
        .filter(|w| {
            search.as_ref().is_none_or(|q| {
                w.display_name.to_lowercase().contains(q) || w.endpoint_url.contains(q.as_str())
            })
        })
        .collect();
    let items: Vec<_> = all
        .iter()
        .skip((page - 1).saturating_mul(size))
        .take(size)
        .map(|w| views::webhook(w, false, super::common::customer_id(&s, w.owner, ctx)))
        .collect();
    Ok(Reply::ok(sent_model::webhook::WebhookList {
        webhooks: items,
        pagination: Some(views::pagination_for(
            ctx.app.revision(),
            page,
            size,
            all.len(),
        )),
    }))
}

/// E21 create.
pub fn create(ctx: &Ctx<'_>) -> HandlerResult {
    let b = &ctx.body;
    let types = schema::check(b, schema::WEBHOOK);
    if !types.is_empty() {
        return Err(ApiError::validation(types));
    }
    let mut d = Details::new();
    let s = |k: &str| {
        b.get(k)
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|v| !v.is_empty())
    };
    if s("display_name").is_none() {
        d.insert(
            "display_name".into(),
            vec!["display_name is required".into()],
        );
    }
    match s("endpoint_url") {
        None => {
            d.insert(
                "endpoint_url".into(),
                vec!["endpoint_url is required".into()],
            );
        }
        Some(u) if !is_absolute_http_url(u.trim()) => {
            d.insert(
                "endpoint_url".into(),
                vec!["endpoint_url must be an absolute http(s) URL".into()],
            );
        }
        _ => {}
    }
    if !d.is_empty() {
        let mut e = ApiError::new(
            StatusCode::BAD_REQUEST,
            "VALIDATION_004",
            "Required field missing",
        );
        e.details = Some(d);
        return Err(e);
    }
    // V24: ranges, VALIDATION_005.
    let retry = b.get("retry_count").and_then(Value::as_i64).unwrap_or(3);
    let timeout = b
        .get("timeout_seconds")
        .and_then(Value::as_i64)
        .unwrap_or(30);
    let mut r = Details::new();
    if !(1..=5).contains(&retry) {
        r.insert(
            "retry_count".into(),
            vec!["retry_count must be between 1 and 5".into()],
        );
    }
    if !(5..=120).contains(&timeout) {
        r.insert(
            "timeout_seconds".into(),
            vec!["timeout_seconds must be between 5 and 120".into()],
        );
    }
    if !r.is_empty() {
        let mut e = ApiError::new(
            StatusCode::BAD_REQUEST,
            "VALIDATION_005",
            "Value out of range",
        );
        e.details = Some(r);
        return Err(e);
    }
    // Ranges and types are checked above, so the shared request type always parses here.
    let req: WebhookCreate = serde_json::from_value(b.clone())
        .map_err(|e| ApiError::bad_body(format!("Invalid webhook body: {e}")))?;
    let now = ctx.now();
    let w = Webhook {
        id: Uuid::new_v4(),
        owner: ctx.scope.owner(),
        display_name: req.display_name.unwrap_or_default().trim().to_string(),
        endpoint_url: req.endpoint_url.unwrap_or_default().trim().to_string(),
        event_types: req.event_types.unwrap_or_else(|| vec!["message".into()]),
        event_filters: req
            .event_filters
            .map(|f| serde_json::to_value(f).unwrap_or(Value::Null))
            .unwrap_or(Value::Null),
        is_active: true,
        signing_secret: ids::signing_secret(),
        retry_count: retry,
        timeout_seconds: timeout,
        consecutive_failures: 0,
        last_delivery_attempt_at: None,
        last_successful_delivery_at: None,
        created_at: now,
        updated_at: None,
        // S13: accepted and stored, never returned (newer revision only).
        sender_profile: b
            .get("sender_profile")
            .filter(|v| v.is_object())
            .filter(|_| crate::revision::newer_webhook_deliveries(ctx.app.revision()))
            .cloned(),
    };
    let view = {
        let s = ctx.app.read();
        views::webhook(&w, true, super::common::customer_id(&s, w.owner, ctx))
    };
    ctx.mutate(|state| {
        state.webhooks.push(w);
        Ok(())
    })?;
    Ok(Reply::with(StatusCode::CREATED, view))
}

/// Get one webhook (secret included, Q19).
pub fn get(ctx: &Ctx<'_>, id: Uuid) -> HandlerResult {
    let s = ctx.app.read();
    let w = find(ctx, &s, id)?;
    let customer = super::common::customer_id(&s, w.owner, ctx);
    Ok(Reply::ok(views::webhook(w, true, customer)))
}

/// Delete (204).
pub fn delete(ctx: &Ctx<'_>, id: Uuid) -> HandlerResult {
    let owner = ctx.scope.owner();
    ctx.mutate(|state| {
        let before = state.webhooks.len();
        state.webhooks.retain(|w| !(w.id == id && w.owner == owner));
        if state.webhooks.len() == before {
            return Err(not_found());
        }
        Ok(())
    })?;
    Ok(Reply::no_content())
}

/// Static catalog of event families.
pub fn event_types(ctx: &Ctx<'_>) -> HandlerResult {
    let ty = |name: &str,
              display: &str,
              description: Option<&str>,
              family: Option<&str>,
              subs: Option<Vec<WebhookEventType>>| WebhookEventType {
        name: name.into(),
        display_name: display.into(),
        description: description.map(Into::into),
        event_type: family.map(Into::into),
        is_active: true,
        sub_types: subs,
    };
    let subs = [
        ("message.queued", "Queued"),
        ("message.routed", "Routed"),
        ("message.sent", "Sent"),
        ("message.delivered", "Delivered"),
        ("message.read", "Read"),
        ("message.failed", "Failed"),
        ("message.received", "Received"),
    ]
    .into_iter()
    .map(|(n, d)| ty(n, d, None, Some("message"), None))
    .collect();
    let types = WebhookEventTypes {
        event_types: vec![
            ty(
                "message",
                "Message status",
                Some("Outbound and inbound message events"),
                None,
                Some(subs),
            ),
            ty(
                "templates",
                "Template status",
                Some("Template review results"),
                None,
                None,
            ),
        ],
    };
    let rev = ctx.app.revision();
    let mut data = serde_json::to_value(&types).unwrap_or_default();
    if crate::revision::newer_paging(rev) {
        // S10: the newer revision pages the event types too (one page).
        let n = types.event_types.len();
        data["pagination"] =
            serde_json::to_value(views::pagination_for(rev, 1, n.max(1), n)).unwrap_or_default();
    }
    Ok(Reply::ok(data))
}

/// Rotate the secret; the old one is invalid at once.
pub fn rotate(ctx: &Ctx<'_>, id: Uuid) -> HandlerResult {
    let owner = ctx.scope.owner();
    let now = ctx.now();
    let secret = ctx.mutate(|state| {
        let w = state
            .webhooks
            .iter_mut()
            .find(|w| w.id == id && w.owner == owner)
            .ok_or_else(not_found)?;
        w.signing_secret = ids::signing_secret();
        w.updated_at = Some(now);
        Ok(w.signing_secret.clone())
    })?;
    Ok(Reply::ok(json!({ "signing_secret": secret })))
}

/// An absolute http(s) URL with a host, as the HTTP client parses it (user info is the receiver's
/// business here; deliveries only ever go to [`is_loopback_url`] targets).
fn is_absolute_http_url(url: &str) -> bool {
    use sent_model::validate::urls::{parse_http_url, UrlProblem};
    matches!(parse_http_url(url), Ok(_) | Err(UrlProblem::UserInfo))
}

/// Sends one signed test event and reports whether the receiver answered 2xx.
pub async fn test(ctx: &Ctx<'_>, id: Uuid) -> HandlerResult {
    let types = schema::check(&ctx.body, schema::SANDBOX_ONLY);
    if !types.is_empty() {
        return Err(ApiError::validation(types));
    }
    let w = {
        let s = ctx.app.read();
        find(ctx, &s, id)?.clone()
    };
    if ctx.sandbox {
        return Ok(Reply::ok(
            json!({ "success": true, "message": "Sandbox: test event not sent" }),
        ));
    }
    let sub_type = ctx
        .body
        .get("event_type")
        .and_then(Value::as_str)
        .unwrap_or("message.delivered")
        .to_string();
    let now = ctx.now();
    let payload = json!({
        "field": "message",
        "sub_type": sub_type,
        "timestamp": format_ts(now),
        "payload": { "account_id": ctx.scope.account, "message_id": Uuid::new_v4(), "message_status": "DELIVERED", "channel": "sms", "inbound_number": null, "outbound_number": "+14155550199", "template_id": null },
    });
    let body = serde_json::to_vec(&payload).unwrap_or_default();
    let delivery_id = format!("msg_{}", Uuid::new_v4().simple());
    let ts = now.timestamp();
    let (ok, message) = if !is_loopback_url(&w.endpoint_url) {
        (
            false,
            "The sandbox only delivers to loopback URLs".to_string(),
        )
    } else {
        let res = ctx
            .app
            .http
            .post(&w.endpoint_url)
            .timeout(std::time::Duration::from_secs(w.timeout_seconds as u64))
            .header("content-type", "application/json")
            .header("x-webhook-id", &delivery_id)
            .header("x-webhook-timestamp", ts.to_string())
            .header(
                "x-webhook-signature",
                sign(&w.signing_secret, &delivery_id, ts, &body),
            )
            .body(body.clone())
            .send()
            .await;
        match res {
            Ok(r) if r.status().is_success() => {
                (true, format!("Receiver answered {}", r.status().as_u16()))
            }
            Ok(r) => (false, format!("Receiver answered {}", r.status().as_u16())),
            Err(e) => (false, format!("Delivery failed: {e}")),
        }
    };
    ctx.app.record_delivery(
        json!({ "kind": "webhook_test", "url": w.endpoint_url, "body": payload, "success": ok }),
    );
    ctx.mutate(|state| {
        if let Some(x) = state.webhooks.iter_mut().find(|x| x.id == id) {
            x.last_delivery_attempt_at = Some(now);
            if ok {
                x.last_successful_delivery_at = Some(now);
                x.consecutive_failures = 0;
            } else {
                x.consecutive_failures += 1;
            }
        }
        Ok(())
    })?;
    Ok(Reply::ok(json!({ "success": ok, "message": message })))
}

#[cfg(test)]
mod tests {
    #[test]
    fn contract_signature_test_vector() {
        assert_eq!(
            super::sign(
                "whsec_c2VudC1zaW11bGF0b3ItdGVzdC1rZXk=",
                "msg_01",
                1760000000,
                br#"{"ok":true}"#
            ),
            "v1,aIYR4z38IZWNr6Xqy3Gk2n38E7izAY/zDx4USgFd5mA="
        );
    }
}
