//! Messages (E15, E16): detail and activities. Sending (E14) is in `send.rs`.
//!
//! A message's status is a pure function of sandbox time since it was queued: every
//! `message_step` it advances QUEUED -> ROUTED -> SENT -> DELIVERED (-> READ on WhatsApp), or
//! ends FAILED as decided at send time (magic numbers, missing template parameters).

use axum::http::StatusCode;
use chrono::Duration;

use uuid::Uuid;

use sent_model::message::{
    MessageActivities, MessageActivity, MessageBody, MessageDetail, MessageEvent,
};
use sent_model::{Channel, MessageStatus, Timestamp};

use super::common::to_json;
use super::common::{Ctx, HandlerResult, Reply};
use crate::envelope::ApiError;
use crate::progress::{reason_of, timeline};
use crate::routes::numbers::region_of;
use crate::store::{Message, Owner, State};

fn find(ctx: &Ctx<'_>, state: &State, id: Uuid) -> Result<Message, ApiError> {
    state
        .messages
        .iter()
        .find(|m| m.id == id && (ctx.scope.is_org_view() || m.owner == ctx.scope.owner()))
        .cloned()
        .ok_or_else(|| ApiError::new(StatusCode::NOT_FOUND, "RESOURCE_003", "Message not found"))
}

fn step(ctx: &Ctx<'_>) -> Duration {
    Duration::from_std(ctx.app.config.message_step).unwrap_or(Duration::seconds(2))
}

/// E15.
pub fn get(ctx: &Ctx<'_>, id: Uuid) -> HandlerResult {
    let s = ctx.app.read();
    let m = find(ctx, &s, id)?;
    let events = timeline(&m, step(ctx), ctx.now());
    let status = events.last().map(|e| e.0).unwrap_or("QUEUED");
    let charged = matches!(status, "SENT" | "DELIVERED" | "READ");
    let rev = ctx.app.revision();
    let (reason_code, reason) = reason_of(&m, status, rev);
    let (cc, _) = region_of(&m.to);
    let national =
        m.to.trim_start_matches('+')
            .strip_prefix(cc)
            .unwrap_or(&m.to);
    let detail = MessageDetail {
        id: m.id.to_string(),
        customer_id: Some(match m.owner {
            Owner::Org => s.org.id.to_string(),
            Owner::Profile(p) => p.to_string(),
        }),
        contact_id: Some(m.contact_id.to_string()),
        channel: Some(Channel::from_wire(&m.channel)),
        direction: Some("outbound".into()),
        status: Some(MessageStatus::from_wire(status)),
        phone: Some(m.to.clone()),
        phone_international: Some(format!("+{cc} {national}")),
        region_code: Some(m.region_code.clone()),
        template_id: m.template_id.map(|t| t.to_string()),
        template_name: m.template_name.clone(),
        template_category: m.template_category.clone(),
        price: charged.then_some(m.price),
        active_contact_price: charged.then_some(0.0),
        created_at: Some(Timestamp::from(m.created_at)),
        events: Some(
            events
                .iter()
                .map(|(st, t, d)| {
                    let (reason_code, reason) = reason_of(&m, st, rev);
                    MessageEvent {
                        status: Some(MessageStatus::from_wire(st)),
                        timestamp: Some(Timestamp::from(*t)),
                        description: d.clone(),
                        reason_code,
                        reason,
                    }
                })
                .collect(),
        ),
        message_body: Some(MessageBody {
            content: Some(m.body.clone()),
            ..MessageBody::default()
        }),
        reason_code,
        reason,
        ..MessageDetail::default()
    };
    Ok(Reply::ok(to_json(&detail)))
}

/// E16.
pub fn activities(ctx: &Ctx<'_>, id: Uuid) -> HandlerResult {
    let s = ctx.app.read();
    let m = find(ctx, &s, id)?;
    let from = match m.channel.as_str() {
        "whatsapp" => s.org.whatsapp_phone_number.clone(),
        _ => s.org.sms_phone_number.clone(),
    };
    let rev = ctx.app.revision();
    let mut activities: Vec<MessageActivity> = timeline(&m, step(ctx), ctx.now())
        .into_iter()
        .map(|(st, t, d)| {
            let charged = matches!(st, "SENT" | "DELIVERED" | "READ");
            let (reason_code, reason) = reason_of(&m, st, rev);
            MessageActivity {
                status: Some(MessageStatus::from_wire(st)),
                description: d,
                timestamp: Some(Timestamp::from(t)),
                from: from.clone(),
                // Activities carry prices as 4-decimal strings (§1.5), unlike the detail.
                price: charged.then(|| format!("{:.4}", m.price)),
                active_contact_price: charged.then(|| "0.0000".to_string()),
                reason_code,
                reason,
            }
        })
        .collect();
    activities.reverse();
    let count = activities.len();
    let data = MessageActivities {
        message_id: m.id.to_string(),
        activities,
        // S10: the newer revision pages activities too (one page holding all of them).
        pagination: crate::revision::newer_paging(rev)
            .then(|| crate::views::pagination_for(rev, 1, count.max(1), count)),
    };
    Ok(Reply::ok(to_json(&data)))
}
