//! Messages (E15, E16): detail and activities. Sending (E14) is in `send.rs`.
//!
//! A message's status is a pure function of sandbox time since it was queued: every
//! `message_step` it advances QUEUED -> ROUTED -> SENT -> DELIVERED (-> READ on WhatsApp), or
//! ends FAILED as decided at send time (magic numbers, missing template parameters).

use axum::http::StatusCode;
use chrono::{DateTime, Duration, Utc};

use uuid::Uuid;

use sent_model::message::{
    MessageActivities, MessageActivity, MessageBody, MessageDetail, MessageEvent,
};
use sent_model::{Channel, MessageStatus, Timestamp};

use super::profiles::to_json;
use super::{Ctx, HandlerResult, Reply};
use crate::envelope::ApiError;
use crate::routes::numbers::region_of;
use crate::store::{Failure, Message, Owner, State};

fn failure_code(f: Failure) -> &'static str {
    match f {
        Failure::RouteDenied => "ERR_ROUTE_DENIED",
        Failure::ConsentBlocked | Failure::OptedOutFiltered => "ERR_CONSENT_BLOCKED",
        Failure::TemplateParamsInvalid => "ERR_TEMPLATE_PARAMS_INVALID",
        Failure::TemplateNotApproved => "ERR_TEMPLATE_NOT_APPROVED",
    }
}

/// The final status a failure ends in.
pub fn failure_status(f: Failure) -> &'static str {
    match f {
        Failure::TemplateNotApproved => "BLOCKED",
        Failure::OptedOutFiltered => "FILTERED",
        _ => "FAILED",
    }
}

/// S11: the stable `reason_code` and the `reason` text of a failed, filtered or blocked message
/// (the `2026-10` revision only; `description` keeps the `ERR_*` code).
pub fn failure_reason(f: Failure) -> (&'static str, &'static str) {
    match f {
        Failure::RouteDenied => (
            "DELIVERY_007",
            "The carrier denied the route to this number",
        ),
        Failure::ConsentBlocked => ("DELIVERY_007", "The recipient has opted out of messages"),
        Failure::TemplateParamsInvalid => (
            "DELIVERY_007",
            "The template parameters are missing or invalid",
        ),
        Failure::TemplateNotApproved => {
            ("BUSINESS_005", "The template is not approved for sending")
        }
        Failure::OptedOutFiltered => ("BUSINESS_004", "All recipients have opted out"),
    }
}

/// `(reason_code, reason)` for an event of `status`, when the revision reports them.
pub fn reason_of(
    m: &Message,
    status: &str,
    rev: crate::config::ApiRevision,
) -> (Option<String>, Option<String>) {
    match m.failure {
        Some(f)
            if crate::revision::message_reason_codes(rev)
                && matches!(status, "FAILED" | "FILTERED" | "BLOCKED") =>
        {
            let (code, reason) = failure_reason(f);
            (Some(code.into()), Some(reason.into()))
        }
        _ => (None, None),
    }
}

/// How many events a message's timeline has once it is final.
pub fn final_len(m: &Message) -> usize {
    match (m.failure, m.channel.as_str()) {
        (Some(_), _) => 2,
        (None, "whatsapp") => 5,
        (None, _) => 4,
    }
}

/// The (status, time, description) events reached by `now`, oldest first.
pub fn timeline(
    m: &Message,
    step: Duration,
    now: DateTime<Utc>,
) -> Vec<(&'static str, DateTime<Utc>, Option<String>)> {
    let mut plan: Vec<(&'static str, Option<String>)> =
        vec![("QUEUED", Some("Message queued for delivery".into()))];
    match m.failure {
        Some(f) => plan.push((failure_status(f), Some(failure_code(f).to_string()))),
        None => {
            plan.push(("ROUTED", Some(format!("Routed via {}", m.channel))));
            plan.push(("SENT", Some("Handed to the carrier".into())));
            plan.push(("DELIVERED", Some("Delivered to the handset".into())));
            if m.channel == "whatsapp" {
                plan.push(("READ", Some("Read by the recipient".into())));
            }
        }
    }
    plan.into_iter()
        .enumerate()
        // Checked: a huge `--message-step-ms` must not panic a status read; a step beyond
        // chrono's range is simply never reached.
        .filter_map(|(i, (s, d))| {
            let offset = step.checked_mul(i32::try_from(i).ok()?)?;
            Some((s, m.created_at.checked_add_signed(offset)?, d))
        })
        .filter(|(_, t, _)| *t <= now)
        .collect()
}

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

#[cfg(test)]
mod tests {
    use super::*;

    fn message(channel: &str, failure: Option<Failure>) -> Message {
        Message {
            id: Uuid::new_v4(),
            owner: Owner::Org,
            contact_id: Uuid::new_v4(),
            channel: channel.into(),
            to: "+14155550199".into(),
            region_code: "US".into(),
            template_id: None,
            template_name: None,
            template_category: None,
            body: "hi".into(),
            price: 0.0075,
            created_at: Utc::now(),
            failure,
            events_delivered: 0,
        }
    }

    #[test]
    fn final_len_matches_the_finished_timeline() {
        for m in [
            message("sms", None),
            message("whatsapp", None),
            message("sms", Some(Failure::RouteDenied)),
        ] {
            let later = m.created_at + Duration::days(1);
            assert_eq!(
                timeline(&m, Duration::seconds(2), later).len(),
                final_len(&m)
            );
        }
        let m = message("whatsapp", None);
        let statuses: Vec<_> = timeline(
            &m,
            Duration::seconds(2),
            m.created_at + Duration::seconds(5),
        )
        .into_iter()
        .map(|e| e.0)
        .collect();
        assert_eq!(statuses, vec!["QUEUED", "ROUTED", "SENT"]);
    }
}
