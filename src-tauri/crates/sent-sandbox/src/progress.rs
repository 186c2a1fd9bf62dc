//! A message's progress as a pure function of sandbox time since it was queued: every
//! `message_step` it advances QUEUED -> ROUTED -> SENT -> DELIVERED (-> READ on WhatsApp), or ends
//! FAILED as decided at send time. The message routes and the webhook deliveries both read it.

use chrono::{DateTime, Duration, Utc};

use crate::store::{Failure, Message};

pub fn failure_code(f: Failure) -> &'static str {
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

#[cfg(test)]
mod tests {
    use chrono::Utc;
    use uuid::Uuid;

    use super::*;
    use crate::store::Owner;

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
