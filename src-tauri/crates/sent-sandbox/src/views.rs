//! Renders storage records as Sent wire JSON: every documented key present (null when empty),
//! in the key order of the captured examples (contract §9).

use serde_json::{json, Map, Value};

use crate::clock::format_ts;
use crate::completion::{effective_brand, effective_waba};
use crate::store::{Brand, Campaign, Contact, Profile, State, Template, Webhook};

fn ts(t: chrono::DateTime<chrono::Utc>) -> Value {
    Value::String(format_ts(t))
}

fn opt_ts(t: Option<chrono::DateTime<chrono::Utc>>) -> Value {
    t.map(ts).unwrap_or(Value::Null)
}

/// Copies `keys` from a stored section, null for the missing ones.
fn section(v: &Value, keys: &[&str], defaults: &[(&str, Value)]) -> Value {
    if v.is_null() {
        return Value::Null;
    }
    let mut m = Map::new();
    for k in keys {
        let val = v.get(*k).cloned().unwrap_or(Value::Null);
        let val = match (val, defaults.iter().find(|(d, _)| d == k)) {
            (Value::Null, Some((_, d))) => d.clone(),
            (val, _) => val,
        };
        m.insert(k.to_string(), val);
    }
    Value::Object(m)
}

/// Contact section keys (response form).
pub const CONTACT_KEYS: &[&str] = &[
    "name",
    "business_name",
    "role",
    "phone",
    "email",
    "phone_country_code",
];
/// Business section keys (response form).
pub const BUSINESS_KEYS: &[&str] = &[
    "legal_name",
    "tax_id",
    "tax_id_type",
    "entity_type",
    "street",
    "city",
    "state",
    "postal_code",
    "country",
    "url",
    "country_of_registration",
];
/// Compliance section keys (response form).
pub const COMPLIANCE_KEYS: &[&str] = &[
    "vertical",
    "brand_relationship",
    "primary_use_case",
    "expected_messaging_volume",
    "is_tcr_application",
    "phone_number_prefix",
    "destination_countries",
    "notes",
];

/// Brand (§9.2).
pub fn brand(b: &Brand, is_inherited: bool) -> Value {
    json!({
        "id": b.id,
        "tcr_brand_id": b.tcr_brand_id,
        "status": b.status,
        "identity_status": b.identity_status,
        "universal_ein": b.universal_ein,
        "csp_id": b.csp_id,
        "submitted_to_tcr": b.submitted_to_tcr,
        "submitted_at": opt_ts(b.submitted_at),
        "is_inherited": is_inherited,
        "created_at": ts(b.created_at),
        "updated_at": opt_ts(b.updated_at),
        "contact": section(&b.contact, CONTACT_KEYS, &[]),
        "business": section(&b.business, BUSINESS_KEYS, &[]),
        "compliance": section(&b.compliance, COMPLIANCE_KEYS, &[
            ("is_tcr_application", Value::Bool(false)),
            ("destination_countries", json!([])),
        ]),
    })
}

/// ProfileDetail (§9.1), with the brand inheritance view of Q17.
pub fn profile(state: &State, p: &Profile) -> Value {
    let brand_view = if p.inherit_tcr_brand {
        state.org.brand.as_ref().map(|b| brand(b, true))
    } else {
        p.brand.as_ref().map(|b| brand(b, false))
    };
    json!({
        "id": p.id,
        "organization_id": state.org.id,
        "name": p.name,
        "email": state.org.email,
        "icon": p.icon,
        "description": p.description,
        "short_name": p.short_name,
        "status": p.status,
        "created_at": ts(p.created_at),
        "updated_at": opt_ts(p.updated_at),
        "allow_contact_sharing": p.allow_contact_sharing,
        "allow_template_sharing": p.allow_template_sharing,
        "inherit_contacts": p.inherit_contacts,
        "inherit_templates": p.inherit_templates,
        "inherit_tcr_brand": p.inherit_tcr_brand,
        "inherit_tcr_campaign": p.inherit_tcr_campaign,
        "billing_model": p.billing_model,
        "sending_phone_number_profile_id": p.sending_phone_number_profile_id,
        "sending_whatsapp_number_profile_id": p.sending_whatsapp_number_profile_id,
        "sending_phone_number": p.sending_phone_number,
        "whatsapp_phone_number": p.whatsapp_phone_number,
        "allow_number_change_during_onboarding": p.allow_number_change_during_onboarding,
        "waba_id": effective_waba(state, p),
        "billing_contact": p.billing_contact.as_ref().map(|c| json!({
            "name": c.name, "email": c.email, "phone": c.phone, "address": c.address,
        })),
        "brand": brand_view,
    })
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

/// TcrCampaignWithUseCases (§9.8).
pub fn campaign(state: &State, c: &Campaign) -> Value {
    let d = &c.data;
    let s = |k: &str| d.get(k).cloned().unwrap_or(Value::Null);
    let use_cases: Vec<Value> = d
        .get("useCases")
        .and_then(Value::as_array)
        .map(|a| a.as_slice())
        .unwrap_or(&[])
        .iter()
        .enumerate()
        .map(|(i, u)| {
            json!({
                "id": c.use_case_ids.get(i).copied().unwrap_or_default(),
                "createdAt": ts(c.created_at),
                "updatedAt": opt_ts(c.updated_at),
                "campaignId": c.id,
                "customerId": customer(state, c.owner),
                "messagingUseCaseUs": u.get("messagingUseCaseUs").cloned().unwrap_or(Value::Null),
                "sampleMessages": u.get("sampleMessages").cloned().unwrap_or(json!([])),
            })
        })
        .collect();
    json!({
        "id": c.id,
        "createdAt": ts(c.created_at),
        "updatedAt": opt_ts(c.updated_at),
        "name": s("name"),
        "description": s("description"),
        "type": s("type"),
        "brandId": c.brand_id,
        "customerId": customer(state, c.owner),
        "cspId": c.submitted_to_tcr.then_some("SENTCSP01"),
        "resellerId": null,
        "kycSubmissionFormId": null,
        "tcrCampaignId": c.tcr_campaign_id,
        "telnyxCampaignId": null,
        "upstreamCnpId": null,
        "tcrSyncError": null,
        "status": c.status,
        "sharingStatus": c.sharing_status,
        "submittedToTCR": c.submitted_to_tcr,
        "submittedAt": opt_ts(c.submitted_at),
        "billedDate": opt_ts(c.submitted_at),
        "dcaElectionsComplete": c.submitted_to_tcr.then_some(true),
        "dcaElectionsCompletedAt": opt_ts(c.submitted_at),
        "cost": c.cost,
        "hasSubmissionTransaction": c.has_submission_transaction,
        "messageFlow": s("messageFlow"),
        "privacyPolicyLink": s("privacyPolicyLink"),
        "termsAndConditionsLink": s("termsAndConditionsLink"),
        "optinKeywords": s("optinKeywords"),
        "optoutKeywords": s("optoutKeywords"),
        "helpKeywords": s("helpKeywords"),
        "optinMessage": s("optinMessage"),
        "optoutMessage": s("optoutMessage"),
        "helpMessage": s("helpMessage"),
        "useCases": use_cases,
    })
}

fn customer(state: &State, owner: crate::store::Owner) -> uuid::Uuid {
    match owner {
        crate::store::Owner::Org => state.org.id,
        crate::store::Owner::Profile(id) => id,
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

/// `brand` of a profile for `effective_brand` consumers that need JSON.
pub fn effective_brand_view(state: &State, p: &Profile) -> Value {
    effective_brand(state, p)
        .map(|b| brand(b, p.inherit_tcr_brand))
        .unwrap_or(Value::Null)
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
