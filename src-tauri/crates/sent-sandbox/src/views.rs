//! Renders storage records as Sent wire JSON: every documented key present (null when empty),
//! in the key order of the captured examples (contract §9).

use sent_model::{
    BillingContact, BillingModel, CampaignSharingStatus, CampaignStatus, ProfileDetail,
    ProfileStatus, TcrCampaignWithUseCases, Timestamp,
};
use serde_json::{json, Value};

use crate::clock::format_ts;
use crate::completion::effective_waba;
use crate::store::{Brand, Campaign, Contact, Owner, Profile, State, Template, Webhook};

fn ts(t: chrono::DateTime<chrono::Utc>) -> Value {
    Value::String(format_ts(t))
}

fn opt_ts(t: Option<chrono::DateTime<chrono::Utc>>) -> Value {
    t.map(ts).unwrap_or(Value::Null)
}

fn stamp(t: chrono::DateTime<chrono::Utc>) -> Option<Timestamp> {
    Some(Timestamp::from(t))
}

/// Brand (§9.2) with the inheritance flag of the viewer (Q17).
pub fn brand(b: &Brand, is_inherited: bool) -> Brand {
    let mut out = b.clone();
    out.is_inherited = is_inherited;
    if let Some(c) = out.compliance.as_mut() {
        // The key is always emitted by the seed revision (§19 R7 drops it later).
        c.expected_messaging_volume.get_or_insert(None);
    }
    out
}

/// ProfileDetail (§9.1), with the brand inheritance view of Q17.
pub fn profile(state: &State, p: &Profile) -> ProfileDetail {
    let brand_view = if p.inherit_tcr_brand {
        state.org.brand.as_ref().map(|b| brand(b, true))
    } else {
        p.brand.as_ref().map(|b| brand(b, false))
    };
    ProfileDetail {
        id: p.id.to_string(),
        organization_id: Some(state.org.id.to_string()),
        name: p.name.clone(),
        email: state.org.email.clone(),
        icon: p.icon.clone(),
        description: p.description.clone(),
        short_name: p.short_name.clone(),
        status: ProfileStatus::from_wire(&p.status),
        created_at: stamp(p.created_at),
        updated_at: p.updated_at.map(Timestamp::from),
        allow_contact_sharing: p.allow_contact_sharing,
        allow_template_sharing: p.allow_template_sharing,
        inherit_contacts: p.inherit_contacts,
        inherit_templates: p.inherit_templates,
        inherit_tcr_brand: p.inherit_tcr_brand,
        inherit_tcr_campaign: p.inherit_tcr_campaign,
        billing_model: BillingModel::from_wire(&p.billing_model),
        sending_phone_number_profile_id: p.sending_phone_number_profile_id.map(|u| u.to_string()),
        sending_whatsapp_number_profile_id: p
            .sending_whatsapp_number_profile_id
            .map(|u| u.to_string()),
        sending_phone_number: p.sending_phone_number.clone(),
        whatsapp_phone_number: p.whatsapp_phone_number.clone(),
        allow_number_change_during_onboarding: p.allow_number_change_during_onboarding,
        waba_id: effective_waba(state, p),
        billing_contact: p.billing_contact.as_ref().map(|c| BillingContact {
            name: c.name.clone(),
            email: c.email.clone(),
            phone: c.phone.clone(),
            address: c.address.clone(),
        }),
        brand: brand_view,
    }
}

/// ProfileSettings (§9.13).
pub fn settings(p: &Profile) -> Value {
    json!({
        "allow_contact_sharing": p.allow_contact_sharing,
        "allow_template_sharing": p.allow_template_sharing,
        "inherit_contacts": p.inherit_contacts,
        "inherit_templates": p.inherit_templates,
        "inherit_tcr_brand": p.inherit_tcr_brand,
        "inherit_tcr_campaign": p.inherit_tcr_campaign,
        "billing_model": p.billing_model,
    })
}

fn customer(state: &State, owner: Owner) -> String {
    match owner {
        Owner::Org => state.org.id.to_string(),
        Owner::Profile(id) => id.to_string(),
    }
}

/// TcrCampaignWithUseCases (§9.8). `hasSubmissionTransaction` is only computed by lists.
pub fn campaign(state: &State, c: &Campaign, in_list: bool) -> TcrCampaignWithUseCases {
    let d = &c.data;
    let submitted_at = c.submitted_at.map(Timestamp::from);
    let use_cases = d
        .use_cases
        .clone()
        .unwrap_or_default()
        .into_iter()
        .enumerate()
        .map(|(i, u)| sent_model::campaign::CampaignUseCase {
            id: Some(
                c.use_case_ids
                    .get(i)
                    .copied()
                    .unwrap_or_default()
                    .to_string(),
            ),
            created_at: stamp(c.created_at),
            updated_at: c.updated_at.map(Timestamp::from),
            campaign_id: Some(c.id.to_string()),
            customer_id: Some(customer(state, c.owner)),
            messaging_use_case_us: u.messaging_use_case_us,
            sample_messages: u.sample_messages.unwrap_or_default(),
        })
        .collect();
    TcrCampaignWithUseCases {
        id: c.id.to_string(),
        created_at: stamp(c.created_at),
        updated_at: c.updated_at.map(Timestamp::from),
        name: d.name.clone().unwrap_or_default(),
        description: d.description.clone().unwrap_or_default(),
        campaign_type: d.campaign_type.clone().unwrap_or_default(),
        brand_id: c.brand_id.map(|b| b.to_string()),
        customer_id: Some(customer(state, c.owner)),
        csp_id: Some(c.submitted_to_tcr.then(|| "SENTCSP01".to_string())),
        reseller_id: Some(None),
        kyc_submission_form_id: Some(None),
        tcr_campaign_id: c.tcr_campaign_id.clone(),
        telnyx_campaign_id: Some(None),
        upstream_cnp_id: Some(None),
        tcr_sync_error: None,
        status: c.status.as_deref().and_then(CampaignStatus::from_wire),
        sharing_status: Some(
            c.sharing_status
                .as_deref()
                .and_then(CampaignSharingStatus::from_wire),
        ),
        submitted_to_tcr: c.submitted_to_tcr,
        submitted_at,
        billed_date: submitted_at,
        dca_elections_complete: c.submitted_to_tcr.then_some(true),
        dca_elections_completed_at: submitted_at,
        cost: c.cost,
        has_submission_transaction: in_list && c.has_submission_transaction,
        message_flow: d.message_flow.clone(),
        privacy_policy_link: d.privacy_policy_link.clone(),
        terms_and_conditions_link: d.terms_and_conditions_link.clone(),
        optin_keywords: d.optin_keywords.clone(),
        optout_keywords: d.optout_keywords.clone(),
        help_keywords: d.help_keywords.clone(),
        optin_message: d.optin_message.clone(),
        optout_message: d.optout_message.clone(),
        help_message: d.help_message.clone(),
        // §19 R9 / S6: only the newer revision stores and echoes `volume`.
        volume: None,
        use_cases,
    }
}

/// Template (§9.9).
pub fn template(t: &Template) -> Value {
    json!({
        "id": t.id,
        "name": t.name,
        "category": t.category,
        "language": t.language,
        "status": t.status,
        "channels": t.channels,
        "variables": t.variables,
        "is_published": t.is_published,
        "created_at": ts(t.created_at),
        "updated_at": opt_ts(t.updated_at),
    })
}

/// Contact (§9.10); `is_inherited` depends on who is looking.
pub fn contact(c: &Contact, is_inherited: bool) -> Value {
    let digits = c.phone_number.trim_start_matches('+');
    let national = digits.strip_prefix(&c.country_code).unwrap_or(digits);
    let pretty = if national.len() == 10 {
        format!(
            "({}) {}-{}",
            &national[..3],
            &national[3..6],
            &national[6..]
        )
    } else {
        national.to_string()
    };
    json!({
        "id": c.id,
        "phone_number": c.phone_number,
        "format_e164": c.phone_number,
        "format_international": format!("+{} {}", c.country_code, pretty.replace(['(', ')'], "").replace(' ', "-").trim_start_matches('-')),
        "format_national": pretty,
        "format_rfc": format!("tel:+{}-{}", c.country_code, national),
        "country_code": c.country_code,
        "region_code": c.region_code,
        "available_channels": c.available_channels,
        "default_channel": c.default_channel,
        "opt_out": c.opt_out,
        "is_inherited": is_inherited,
        "channel_consent": null,
        "created_at": ts(c.created_at),
        "updated_at": opt_ts(c.updated_at),
    })
}

/// WebhookResponse (§9.12); the secret is shown except in lists (Q19).
pub fn webhook(w: &Webhook, with_secret: bool) -> Value {
    json!({
        "id": w.id,
        "display_name": w.display_name,
        "endpoint_url": w.endpoint_url,
        "event_types": w.event_types,
        "event_filters": w.event_filters,
        "is_active": w.is_active,
        "signing_secret": with_secret.then(|| w.signing_secret.clone()),
        "retry_count": w.retry_count,
        "timeout_seconds": w.timeout_seconds,
        "consecutive_failures": w.consecutive_failures,
        "last_delivery_attempt_at": opt_ts(w.last_delivery_attempt_at),
        "last_successful_delivery_at": opt_ts(w.last_successful_delivery_at),
        "created_at": ts(w.created_at),
        "updated_at": opt_ts(w.updated_at),
    })
}

/// Pagination meta (§1.8) for `total` items.
pub fn pagination(page: usize, page_size: usize, total: usize) -> Value {
    let pages = total.div_ceil(page_size.max(1));
    json!({
        "page": page,
        "page_size": page_size,
        "total_count": total,
        "total_pages": pages,
        "has_more": page < pages,
        "cursors": { "after": null, "before": null },
    })
}
