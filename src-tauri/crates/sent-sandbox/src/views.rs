//! Renders storage records as Sent wire JSON: every documented key present (null when empty),
//! in the key order of the captured examples (contract §9).

use sent_model::{
    BillingContact, BillingModel, CampaignSharingStatus, CampaignStatus, ProfileDetail,
    ProfileStatus, TcrCampaignWithUseCases, Timestamp,
};

use crate::config::ApiRevision;
use crate::review::{effective_brand, effective_waba};
use crate::store::{Brand, Campaign, Contact, Owner, Profile, State, Template, Webhook};

fn stamp(t: chrono::DateTime<chrono::Utc>) -> Option<Timestamp> {
    Some(Timestamp::from(t))
}

/// Brand (§9.2) with the inheritance flag of the viewer (Q17).
pub fn brand(b: &Brand, is_inherited: bool, rev: ApiRevision) -> Brand {
    let mut out = b.clone();
    out.is_inherited = is_inherited;
    if let Some(c) = out.compliance.as_mut() {
        if crate::revision::stores_brand_volume(rev) {
            // The key is always emitted by the seed revision.
            c.expected_messaging_volume.get_or_insert(None);
        } else {
            // S5: `primary_use_case` is always null and `expected_messaging_volume` is gone.
            c.primary_use_case = None;
            c.expected_messaging_volume = None;
        }
    }
    out
}

/// ProfileDetail (§9.1), with the brand inheritance view of Q17.
pub fn profile(state: &State, p: &Profile, rev: ApiRevision) -> ProfileDetail {
    // S1: the newer revision reports the four sharing/inheritance flags as false.
    let flags = crate::revision::stores_sharing_flags(rev);
    let borrowing = crate::revision::stores_sender_borrowing(rev);
    let brand_view = effective_brand(state, p).map(|b| brand(b, p.inherit_tcr_brand, rev));
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
        allow_contact_sharing: flags && p.allow_contact_sharing,
        allow_template_sharing: flags && p.allow_template_sharing,
        inherit_contacts: flags && p.inherit_contacts,
        inherit_templates: flags && p.inherit_templates,
        inherit_tcr_brand: p.inherit_tcr_brand,
        inherit_tcr_campaign: p.inherit_tcr_campaign,
        billing_model: BillingModel::from_wire(&p.billing_model),
        // S2: the newer revision always reports sender borrowing as null.
        sending_phone_number_profile_id: p
            .sending_phone_number_profile_id
            .filter(|_| borrowing)
            .map(|u| u.to_string()),
        sending_whatsapp_number_profile_id: p
            .sending_whatsapp_number_profile_id
            .filter(|_| borrowing)
            .map(|u| u.to_string()),
        sending_phone_number: p.sending_phone_number.clone(),
        whatsapp_phone_number: p.whatsapp_phone_number.clone(),
        allow_number_change_during_onboarding: p.allow_number_change_during_onboarding,
        waba_id: effective_waba(state, p, rev),
        billing_contact: p.billing_contact.as_ref().map(|c| BillingContact {
            name: c.name.clone(),
            email: c.email.clone(),
            phone: c.phone.clone(),
            address: c.address.clone(),
        }),
        brand: brand_view,
    }
}

/// The account id owning a resource (`customer_id`).
pub fn customer(state: &State, owner: Owner) -> String {
    match owner {
        Owner::Org => state.org.id.to_string(),
        Owner::Profile(id) => id.to_string(),
    }
}

/// TcrCampaignWithUseCases (§9.8). `hasSubmissionTransaction` is only computed by lists.
pub fn campaign(
    state: &State,
    c: &Campaign,
    in_list: bool,
    rev: ApiRevision,
) -> TcrCampaignWithUseCases {
    let mut out = campaign_seed(state, c, in_list);
    if crate::revision::campaign_volume(rev) {
        // S6: `volume` stored and echoed; the six TCR-internal keys are gone.
        out.volume = c.data.volume.clone();
        out.csp_id = None;
        out.reseller_id = None;
        out.kyc_submission_form_id = None;
        out.telnyx_campaign_id = None;
        out.upstream_cnp_id = None;
        out.sharing_status = None;
    }
    out
}

/// A campaign as JSON: under the newer revision the `volume` key is always present (S6, `null`
/// when none was given), so a client can tell that the server knows it (D6).
pub fn campaign_json(
    state: &State,
    c: &Campaign,
    in_list: bool,
    rev: ApiRevision,
) -> serde_json::Value {
    let mut v = serde_json::to_value(campaign(state, c, in_list, rev)).unwrap_or_default();
    if crate::revision::campaign_volume(rev) {
        if let Some(o) = v.as_object_mut() {
            o.entry("volume").or_insert(serde_json::Value::Null);
        }
    }
    v
}

fn campaign_seed(state: &State, c: &Campaign, in_list: bool) -> TcrCampaignWithUseCases {
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
pub fn template(t: &Template, customer_id: Option<String>) -> sent_model::template::Template {
    sent_model::template::Template {
        id: t.id.to_string(),
        name: t.name.clone(),
        category: Some(sent_model::TemplateCategory::from_wire(&t.category)),
        language: Some(t.language.clone()),
        status: Some(sent_model::TemplateStatus::from_wire(&t.status)),
        channels: Some(
            t.channels
                .iter()
                .map(|c| sent_model::Channel::from_wire(c))
                .collect(),
        ),
        variables: Some(t.variables.clone()),
        is_published: t.is_published,
        created_at: stamp(t.created_at),
        updated_at: t.updated_at.map(Timestamp::from),
        // §19 S1: only the newer revision reports the owning account.
        customer_id,
    }
}

/// Contact (§9.10); `is_inherited` depends on who is looking.
pub fn contact(
    c: &Contact,
    is_inherited: bool,
    customer_id: Option<String>,
) -> sent_model::contact::Contact {
    let digits = c.phone_number.trim_start_matches('+');
    let national = digits.strip_prefix(&c.country_code).unwrap_or(digits);
    // ASCII digits only, so the byte slices below are on character boundaries.
    let (pretty, dashed) = if national.len() == 10 && national.bytes().all(|b| b.is_ascii_digit()) {
        (
            format!(
                "({}) {}-{}",
                &national[..3],
                &national[3..6],
                &national[6..]
            ),
            format!("{}-{}-{}", &national[..3], &national[3..6], &national[6..]),
        )
    } else {
        (national.to_string(), national.to_string())
    };
    sent_model::contact::Contact {
        id: c.id.to_string(),
        phone_number: c.phone_number.clone(),
        format_e164: Some(c.phone_number.clone()),
        format_international: Some(format!("+{} {}", c.country_code, dashed)),
        format_national: Some(pretty),
        format_rfc: Some(format!("tel:+{}-{}", c.country_code, dashed)),
        country_code: Some(c.country_code.clone()),
        region_code: Some(c.region_code.clone()),
        available_channels: Some(c.available_channels.clone()),
        default_channel: Some(sent_model::Channel::from_wire(&c.default_channel)),
        opt_out: c.opt_out,
        is_inherited,
        created_at: stamp(c.created_at),
        updated_at: c.updated_at.map(Timestamp::from),
        channel_consent: None,
        customer_id,
    }
}

/// WebhookResponse (§9.12); the secret is shown except in lists (Q19).
pub fn webhook(
    w: &Webhook,
    with_secret: bool,
    customer_id: Option<String>,
) -> sent_model::webhook::WebhookConfig {
    sent_model::webhook::WebhookConfig {
        id: w.id.to_string(),
        display_name: w.display_name.clone(),
        endpoint_url: w.endpoint_url.clone(),
        event_types: w.event_types.clone(),
        event_filters: serde_json::from_value(w.event_filters.clone()).ok(),
        is_active: w.is_active,
        signing_secret: with_secret.then(|| w.signing_secret.clone()),
        retry_count: u32::try_from(w.retry_count).ok(),
        timeout_seconds: u32::try_from(w.timeout_seconds).ok(),
        consecutive_failures: u32::try_from(w.consecutive_failures).ok(),
        last_delivery_attempt_at: w.last_delivery_attempt_at.map(Timestamp::from),
        last_successful_delivery_at: w.last_successful_delivery_at.map(Timestamp::from),
        created_at: stamp(w.created_at),
        updated_at: w.updated_at.map(Timestamp::from),
        customer_id,
    }
}

/// Pagination meta (§1.8) for `total` items.
pub fn pagination(page: usize, page_size: usize, total: usize) -> sent_model::PaginationMeta {
    let pages = total.div_ceil(page_size.max(1));
    let n = |v: usize| u32::try_from(v).unwrap_or(u32::MAX);
    sent_model::PaginationMeta {
        page: n(page),
        page_size: n(page_size),
        total_count: n(total),
        total_pages: n(pages),
        has_more: page < pages,
        cursors: Some(sent_model::envelope::PageCursors {
            after: None,
            before: None,
        }),
    }
}

/// Pagination meta for the revision: the newer one (S10) reports `cursors: null`.
pub fn pagination_for(
    rev: ApiRevision,
    page: usize,
    page_size: usize,
    total: usize,
) -> sent_model::PaginationMeta {
    let mut p = pagination(page, page_size, total);
    if crate::revision::newer_paging(rev) {
        p.cursors = None;
    }
    p
}
