//! Sending (E14): validation, template and channel resolution, refusals (422), the message
//! budget, and the records whose timeline `messages.rs` then reports.

use std::collections::BTreeMap;

use axum::http::StatusCode;
use uuid::Uuid;

use sent_model::message::{SendMessage, SendRecipient, SendResult};
use sent_model::{Channel, MessageStatus};

use super::common::to_json;
use super::common::{Ctx, HandlerResult, Reply};
use super::templates;
use crate::config::ApiRevision;
use crate::envelope::{ApiError, Details};
use crate::magic;
use crate::rate_limit::RateClass;
use crate::review::effective_waba;
use crate::routes::numbers::{is_e164, region_of};
use crate::schema;
use crate::store::{Contact, Failure, Message, Owner, State};

const CHANNELS: &[&str] = &["sms", "whatsapp", "rcs", "sent"];

fn render(body: &str, params: &BTreeMap<String, String>) -> String {
    let mut out = body.to_string();
    for (k, v) in params {
        out = out.replace(&format!("{{{{{k}}}}}"), v);
    }
    out
}

fn channel_available(state: &State, owner: Owner, channel: &str, rev: ApiRevision) -> bool {
    match channel {
        "whatsapp" => match owner {
            Owner::Org => state.org.waba_id.is_some(),
            Owner::Profile(id) => state
                .profile(id)
                .is_some_and(|p| effective_waba(state, p, rev).is_some()),
        },
        "rcs" => false,
        _ => true,
    }
}

/// E14.
pub fn send(ctx: &Ctx<'_>) -> HandlerResult {
    let b = &ctx.body;
    let types = schema::check(b, schema::SEND);
    if !types.is_empty() {
        return Err(ApiError::validation(types));
    }
    // Types are checked above, so this only fails on shapes the check does not know.
    let req: SendMessage = serde_json::from_value(b.clone())
        .map_err(|e| ApiError::bad_body(format!("Invalid message body: {e}")))?;
    // Not trimmed: `"+14155550123\n"` is not E.164 and is refused (400 `VALIDATION_002`).
    let to: Vec<String> = req.to.clone();
    let template = req.template.clone();
    let text = req.text.as_deref();
    let mut missing = Details::new();
    if to.is_empty() {
        missing.insert(
            "to".into(),
            vec!["to is required and must list at least one recipient".into()],
        );
    }
    let tpl_id = template.as_ref().and_then(|t| t.id.as_deref());
    let tpl_name = template.as_ref().and_then(|t| t.name.as_deref());
    if tpl_id.is_none() && tpl_name.is_none() && text.is_none_or(|t| t.trim().is_empty()) {
        missing.insert(
            "template".into(),
            vec!["Either template (id or name) or text is required".into()],
        );
    }
    if !missing.is_empty() {
        let mut e = ApiError::new(
            StatusCode::BAD_REQUEST,
            "VALIDATION_004",
            "Required field missing",
        );
        e.details = Some(missing);
        return Err(e);
    }
    let bad_phones: Details = to
        .iter()
        .enumerate()
        .filter(|(_, n)| !is_e164(n))
        .map(|(i, n)| {
            (
                format!("to[{i}]"),
                vec![format!("'{n}' is not a valid E.164 phone number")],
            )
        })
        .collect();
    if !bad_phones.is_empty() {
        let mut e = ApiError::new(
            StatusCode::BAD_REQUEST,
            "VALIDATION_002",
            "Phone number must be in E.164 format",
        );
        e.details = Some(bad_phones);
        return Err(e);
    }
    let channels: Vec<String> = req
        .channel
        .as_ref()
        .map(|a| a.iter().map(|c| c.as_str().to_string()).collect::<Vec<_>>())
        .filter(|v| !v.is_empty())
        .unwrap_or_else(|| vec!["sent".into()]);
    let bad_channels: Details = channels
        .iter()
        .enumerate()
        .filter(|(_, c)| !CHANNELS.contains(&c.as_str()))
        .map(|(i, _)| {
            (
                format!("channel[{i}]"),
                vec!["channel must be one of sms, whatsapp, rcs, sent".into()],
            )
        })
        .collect();
    if !bad_channels.is_empty() {
        let mut e = ApiError::new(
            StatusCode::BAD_REQUEST,
            "VALIDATION_006",
            "Enum value not allowed",
        );
        e.details = Some(bad_channels);
        return Err(e);
    }
    if let Some(id) = tpl_id {
        Uuid::parse_str(id).map_err(|_| {
            ApiError::coded_field(
                "VALIDATION_003",
                "template.id",
                "template.id must be a valid UUID",
            )
        })?;
    }
    let params: BTreeMap<String, String> = template
        .as_ref()
        .and_then(|t| t.parameters.clone())
        .unwrap_or_default();
    let owner = ctx.scope.owner();
    let step_now = ctx.now();
    let rev = ctx.app.revision();

    ctx.mutate(|state| {
        let tpl = if tpl_id.is_some() || tpl_name.is_some() {
            let vis = templates::visible(state, ctx);
            let found = match tpl_id {
                Some(id) => vis
                    .into_iter()
                    .find(|t| t.id.to_string() == id.to_lowercase()),
                None => vis.into_iter().find(|t| Some(t.name.as_str()) == tpl_name),
            };
            Some(found.cloned().ok_or_else(templates::template_not_found)?)
        } else {
            None
        };
        let refuse = crate::revision::send_preconditions_refuse(rev);
        // S11: the newer revision accepts the send and blocks every message instead.
        let blocked = !refuse && tpl.as_ref().is_some_and(|t| t.status != "APPROVED");
        if let Some(t) = &tpl {
            if t.status != "APPROVED" && refuse {
                return Err(ApiError::new(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "BUSINESS_005",
                    format!(
                        "Template '{}' is not approved (status {})",
                        t.name, t.status
                    ),
                ));
            }
        }
        // Resolve the channels per recipient: "sent" picks automatically.
        let wa = channel_available(state, owner, "whatsapp", rev);
        let available = |c: &str| match c {
            "whatsapp" => wa,
            "rcs" => false,
            _ => true,
        };
        let tpl_channels: Option<Vec<String>> = tpl.as_ref().map(|t| t.channels.clone());
        let resolve = |c: &str, default_channel: Option<String>| -> String {
            if c != "sent" {
                return c.to_string();
            }
            let prefer = default_channel.unwrap_or_else(|| "sms".into());
            let allowed_by_tpl = tpl_channels.as_ref().is_none_or(|t| t.contains(&prefer));
            if available(&prefer) && allowed_by_tpl {
                prefer
            } else {
                tpl_channels
                    .as_ref()
                    .and_then(|t| t.iter().find(|c| available(c)).cloned())
                    .unwrap_or_else(|| "sms".into())
            }
        };
        for c in &channels {
            if c != "sent" && !available(c) {
                return Err(ApiError::new(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "BUSINESS_007",
                    format!("Channel '{c}' is not available for this account"),
                ));
            }
        }
        let opted: std::collections::HashSet<String> = state
            .contacts
            .iter()
            .filter(|c| c.opt_out)
            .map(|c| c.phone_number.clone())
            .collect();
        let opted_out = |n: &str| n == magic::OPTED_OUT || opted.contains(n);
        let all_opted_out = to.iter().all(|n| opted_out(n));
        if all_opted_out && refuse {
            return Err(ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "BUSINESS_004",
                "All recipients have opted out",
            ));
        }
        let cost = (to.len() * channels.len()) as u32;
        if let Some(v) =
            ctx.app
                .limiter
                .check(ctx.scope.account, RateClass::Messages, cost, step_now)
        {
            if !v.allowed {
                return Err(ApiError::rate_limited());
            }
        }
        let mut recipients = vec![];
        for n in &to {
            let contact_id = match state
                .contacts
                .iter()
                .find(|c| &c.phone_number == n && (c.owner == owner || c.owner == Owner::Org))
            {
                Some(c) => c.id,
                None => {
                    let (cc, region) = region_of(n);
                    let c = Contact {
                        id: Uuid::new_v4(),
                        owner,
                        phone_number: n.clone(),
                        region_code: region.into(),
                        country_code: cc.into(),
                        available_channels: "sms,whatsapp".into(),
                        default_channel: "sms".into(),
                        opt_out: false,
                        created_at: step_now,
                        updated_at: None,
                    };
                    let id = c.id;
                    state.contacts.push(c);
                    id
                }
            };
            let default_channel = state
                .contacts
                .iter()
                .find(|c| c.id == contact_id)
                .map(|c| c.default_channel.clone());
            for requested in &channels {
                let channel = resolve(requested, default_channel.clone());
                let missing_param = tpl
                    .as_ref()
                    .is_some_and(|t| t.variables.iter().any(|v| !params.contains_key(v)));
                let failure = if blocked {
                    Some(Failure::TemplateNotApproved)
                } else if all_opted_out {
                    // Only reached when the revision does not refuse (S11): FILTERED.
                    Some(Failure::OptedOutFiltered)
                } else if n == magic::ROUTE_DENIED {
                    Some(Failure::RouteDenied)
                } else if opted_out(n) {
                    Some(Failure::ConsentBlocked)
                } else if n == magic::TEMPLATE_PARAMS_INVALID || missing_param {
                    Some(Failure::TemplateParamsInvalid)
                } else {
                    None
                };
                let body = match &tpl {
                    Some(t) => render(&t.body, &params),
                    None => text.unwrap_or_default().to_string(),
                };
                let m = Message {
                    id: Uuid::new_v4(),
                    owner,
                    contact_id,
                    channel: channel.clone(),
                    to: n.clone(),
                    region_code: region_of(n).1.into(),
                    template_id: tpl.as_ref().map(|t| t.id),
                    template_name: tpl.as_ref().map(|t| t.name.clone()),
                    template_category: tpl.as_ref().map(|t| t.category.clone()),
                    body: body.clone(),
                    price: if channel == "whatsapp" { 0.005 } else { 0.0075 },
                    created_at: step_now,
                    failure,
                    events_delivered: 0,
                };
                recipients.push(SendRecipient {
                    message_id: m.id.to_string(),
                    to: n.clone(),
                    // `sent` (automatic) is answered with null: the channel is chosen later.
                    channel: (requested != "sent").then(|| Channel::from_wire(&channel)),
                    body: Some(body),
                });
                state.messages.push(m);
            }
        }
        let result = SendResult {
            status: Some(MessageStatus::from_wire("QUEUED")),
            template_id: tpl.as_ref().map(|t| t.id.to_string()),
            template_name: tpl.as_ref().map(|t| t.name.clone()),
            recipients,
        };
        Ok(Reply::with(StatusCode::ACCEPTED, to_json(&result)))
    })
}
