//! Message-status webhook deliveries (contract §14): as sandbox time moves a message along its
//! timeline, each new status is POSTed to the active webhooks that subscribe to `message` events
//! (and whose `event_filters` allow it), signed per §14.2. Loopback URLs only: the sandbox never
//! sends traffic off the machine.
//!
//! Receivers: webhooks of the sending scope, plus the organization's own webhooks for messages
//! of its profiles (Sent's payload carries no profile id, so an organization-level receiver is
//! how an agency sees all of them).

use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};
use sent_model::webhook::signature::sign;
use sent_model::webhook::WebhookDelivery;
use sent_model::Timestamp;
use serde_json::json;
use uuid::Uuid;

use crate::app::App;
use crate::config::ApiRevision;
use crate::progress::{final_len, timeline};
use crate::store::{Owner, State, Webhook};
use sent_model::validate::urls::is_loopback_url;

/// Consecutive failures after which a webhook is switched off (§14.1).
pub const DISABLE_AFTER_FAILURES: i64 = 10;

fn subscribes(w: &Webhook, status: &str) -> bool {
    let family = w
        .event_types
        .iter()
        .any(|t| t == "message" || t == "messages");
    let suffix = status.to_ascii_lowercase();
    let allowed = match w.event_filters.get("message").and_then(|v| v.as_array()) {
        Some(list) => list.iter().any(|x| x.as_str() == Some(suffix.as_str())),
        None => true,
    };
    w.is_active && family && allowed
}

struct Job {
    webhook: Webhook,
    body: Vec<u8>,
    /// S13: `X-Webhook-Event-ID`, the same on every retry of this delivery.
    event_id: Option<String>,
}

fn collect(state: &mut State, step: Duration, now: DateTime<Utc>, rev: ApiRevision) -> Vec<Job> {
    let newer = crate::revision::newer_webhook_deliveries(rev);
    if !state.webhooks.iter().any(|w| w.is_active) {
        return vec![];
    }
    let mut jobs = vec![];
    for i in 0..state.messages.len() {
        let (events, targets) = {
            let m = &state.messages[i];
            // Final messages have nothing left to announce: skip them without work.
            if m.events_delivered >= final_len(m) {
                continue;
            }
            let events = timeline(m, step, now);
            if events.len() <= m.events_delivered {
                continue;
            }
            let targets: Vec<Webhook> = state
                .webhooks
                .iter()
                .filter(|w| w.owner == m.owner || w.owner == Owner::Org)
                .cloned()
                .collect();
            (events, targets)
        };
        let m = &state.messages[i];
        let account = match m.owner {
            Owner::Org => state.org.id,
            Owner::Profile(p) => p,
        };
        let from = if m.channel == "whatsapp" {
            state.org.whatsapp_phone_number.clone()
        } else {
            state.org.sms_phone_number.clone()
        };
        for (status, at, _) in events.iter().skip(m.events_delivered) {
            for w in targets
                .iter()
                .filter(|w| subscribes(w, status) && *at >= w.created_at)
            {
                let sub_type = format!("message.{}", status.to_ascii_lowercase());
                let body = if newer {
                    // S13: `field`, `event`, `request_id`; the outbound payload names the
                    // recipient `outbound_number` and adds body, template name, update time
                    // and the reason of a failure.
                    let (reason_code, reason) = crate::progress::reason_of(m, status, rev);
                    let mut payload = json!({
                        "account_id": account,
                        "message_id": m.id,
                        "message_status": status,
                        "channel": m.channel,
                        "outbound_number": m.to,
                        "template_id": m.template_id,
                        "template_name": m.template_name,
                        "body": m.body,
                        "updated_at": Timestamp::from(*at),
                    });
                    if let Some(code) = reason_code {
                        payload["reason_code"] = json!(code);
                        payload["reason"] = json!(reason);
                    }
                    json!({
                        "field": "message",
                        "event": sub_type,
                        "request_id": crate::ids::request_id(),
                        "timestamp": Timestamp::from(*at),
                        "payload": payload,
                    })
                } else {
                    serde_json::to_value(WebhookDelivery {
                        field: "message".into(),
                        sub_type: Some(sub_type),
                        timestamp: Some(Timestamp::from(*at)),
                        request_id: None,
                        payload: json!({
                            "account_id": account,
                            "message_id": m.id,
                            "message_status": status,
                            "channel": m.channel,
                            "inbound_number": from,
                            "outbound_number": m.to,
                            "template_id": m.template_id,
                        }),
                    })
                    .unwrap_or_default()
                };
                jobs.push(Job {
                    webhook: w.clone(),
                    body: serde_json::to_vec(&body).unwrap_or_default(),
                    event_id: newer.then(|| format!("evt_{}", Uuid::new_v4().simple())),
                });
            }
        }
        state.messages[i].events_delivered = events.len();
    }
    jobs
}

/// Sends one delivery with up to `retry_count` attempts; true when a 2xx came back.
async fn send(
    app: &App,
    w: &Webhook,
    body: &[u8],
    event_id: Option<&str>,
    now: DateTime<Utc>,
) -> bool {
    if !is_loopback_url(&w.endpoint_url) {
        return false;
    }
    let id = format!("msg_{}", Uuid::new_v4().simple());
    let ts = now.timestamp();
    let Ok(signature) = sign(&w.signing_secret, &id, ts, body) else {
        return false;
    };
    for _ in 0..w.retry_count.max(1) {
        let mut req = app.http.post(&w.endpoint_url);
        if let Some(e) = event_id {
            req = req.header("x-webhook-event-id", e);
        }
        let res = req
            .timeout(std::time::Duration::from_secs(
                w.timeout_seconds.max(1) as u64
            ))
            .header("content-type", "application/json")
            .header("x-webhook-id", &id)
            .header("x-webhook-timestamp", ts.to_string())
            .header("x-webhook-signature", &signature)
            .body(body.to_vec())
            .send()
            .await;
        match res {
            Ok(r) if r.status().is_success() => return true,
            // 4xx other than 408/429 is the receiver's final word; timeouts and 5xx are retried.
            Ok(r) if r.status().is_client_error() && r.status() != 408 && r.status() != 429 => {
                return false
            }
            _ => continue,
        }
    }
    false
}

/// Delivers every status reached by now that no webhook has seen yet.
pub async fn run_due(app: &Arc<App>) {
    let now = app.clock.now();
    let step = Duration::from_std(app.config.message_step).unwrap_or(Duration::seconds(2));
    let jobs = collect(&mut app.write(), step, now, app.revision());
    if jobs.is_empty() {
        return;
    }
    for job in &jobs {
        let ok = send(app, &job.webhook, &job.body, job.event_id.as_deref(), now).await;
        app.record_delivery(json!({
            "kind": "message_event",
            "url": job.webhook.endpoint_url,
            "body": serde_json::from_slice::<serde_json::Value>(&job.body).unwrap_or_default(),
            "success": ok,
        }));
        let mut state = app.write();
        if let Some(w) = state.webhooks.iter_mut().find(|w| w.id == job.webhook.id) {
            w.last_delivery_attempt_at = Some(now);
            if ok {
                w.last_successful_delivery_at = Some(now);
                w.consecutive_failures = 0;
            } else {
                w.consecutive_failures += 1;
                if w.consecutive_failures >= DISABLE_AFTER_FAILURES {
                    w.is_active = false;
                }
            }
        }
    }
    if let Err(e) = app.persist() {
        tracing::error!("persisting webhook delivery state failed: {e}");
    }
}
