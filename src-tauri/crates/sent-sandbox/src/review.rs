//! The review rules of a profile (contract §12): prerequisites P1–P6 (and the newer server's), the
//! effective brand and WhatsApp account, and the status a completion ends in. Pure functions of
//! the state: the routes, the views and the completion job ask them.

use crate::config::ApiRevision;
use crate::envelope::Details;
use crate::store::{BrandFacts, Owner, Profile, State};
use sent_model::effective::{self, ResourceReason};
use sent_model::BillingModel;

/// Prerequisites P1–P6 (§12.2); failures keyed as Q8 recommends.
pub fn prerequisites(state: &State, p: &Profile) -> Details {
    let mut d = Details::new();
    let mut miss = |k: &str, m: &str| {
        d.entry(k.to_string()).or_default().push(m.to_string());
    };
    if p.short_name.as_deref().is_none_or(|s| s.trim().is_empty()) {
        miss(
            "short_name",
            "short_name is required to complete the profile",
        );
    }
    if p.description.as_deref().is_none_or(|s| s.trim().is_empty()) {
        miss(
            "description",
            "description is required to complete the profile",
        );
    }
    let config = effective(state, p);
    match config.tcr_brand.reason {
        ResourceReason::OrganizationHasNone => {
            miss("brand", "The organization has no brand to inherit")
        }
        ResourceReason::NoOwnResource => miss(
            "brand",
            "The profile needs its own brand (KYC data) or must inherit the organization's",
        ),
        _ => {}
    }
    let tcr = effective_brand(state, p).is_some_and(|b| b.is_tcr_application());
    if tcr && !config.tcr_campaign.is_some() {
        miss(
            "campaigns",
            if p.inherit_tcr_campaign {
                "The organization has no campaign to inherit"
            } else {
                "A TCR application needs at least one campaign"
            },
        );
    }
    d
}

/// S8: the prerequisites of the `2026-10` revision, all checked at once: name, short name,
/// description (at most 5000 characters), a brand (own or inherited), at least one campaign for
/// a TCR application, KYC submitted and compliance documents for every main destination country
/// (the last two are fixtures). The inherit flags are never null in the sandbox's storage, so
/// "an explicit choice of brand and campaign inheritance" always holds.
pub fn prerequisites_2026_10(state: &State, p: &Profile) -> Details {
    let mut d = Details::new();
    let mut miss = |k: &str, m: &str| {
        d.entry(k.to_string()).or_default().push(m.to_string());
    };
    if p.name.trim().is_empty() {
        miss("name", "name is required to complete the profile");
    }
    if p.short_name.as_deref().is_none_or(|s| s.trim().is_empty()) {
        miss(
            "short_name",
            "short_name is required to complete the profile",
        );
    }
    match p.description.as_deref().map(str::trim) {
        None | Some("") => miss(
            "description",
            "description is required to complete the profile",
        ),
        Some(text) if text.chars().count() > 5000 => {
            miss("description", "description must be at most 5000 characters")
        }
        _ => {}
    }
    let brand = effective_brand(state, p);
    if brand.is_none() {
        miss(
            "brand",
            "The profile needs a brand (its own, or the organization's inherited)",
        );
    }
    if brand.is_some_and(|b| b.is_tcr_application()) {
        let owner = if p.inherit_tcr_campaign {
            Owner::Org
        } else {
            Owner::Profile(p.id)
        };
        if state.campaigns_of(owner).next().is_none() {
            miss("campaigns", "A TCR application needs at least one campaign");
        }
    }
    if !p.fixtures.kyc_submitted.unwrap_or(brand.is_some()) {
        miss("kyc", "The KYC form has not been submitted");
    }
    if let Some(c) = brand.and_then(|b| b.compliance.as_ref()) {
        for country in c
            .destination_countries
            .iter()
            .filter(|d| d.is_main == Some(true))
        {
            let id = country.id.clone().unwrap_or_default();
            if p.fixtures.documents_uploaded.get(&id) == Some(&false) {
                miss(
                    "documents",
                    &format!("Compliance documents for {id} have not been uploaded"),
                );
            }
        }
    }
    d
}

/// The profile's effective configuration (contract §13), through the resolver the app uses too
/// (`sent_model::effective`), so the two cannot disagree. Walks the campaigns: for one profile
/// at a time (completion), not for lists; those use [`effective_brand`] and [`effective_waba`].
pub fn effective(state: &State, p: &Profile) -> effective::EffectiveConfig {
    let profile = effective::ProfileResources {
        inherit_contacts: p.inherit_contacts,
        inherit_templates: p.inherit_templates,
        inherit_tcr_brand: p.inherit_tcr_brand,
        inherit_tcr_campaign: p.inherit_tcr_campaign,
        allow_contact_sharing: p.allow_contact_sharing,
        allow_template_sharing: p.allow_template_sharing,
        billing_model: &BillingModel::from_wire(&p.billing_model),
        has_own_waba: p.own_waba.is_some(),
        has_own_brand: p.brand.is_some(),
        has_own_campaigns: state.campaigns_of(Owner::Profile(p.id)).next().is_some(),
    };
    let org = effective::OrganizationResources {
        has_waba: state.org.waba_id.is_some(),
        has_brand: state.org.brand.is_some(),
        has_campaigns: state.campaigns_of(Owner::Org).next().is_some(),
    };
    effective::resolve(&profile, &org)
}

/// How the profile's brand resolves (own, inherited, none).
pub fn brand_resolution(state: &State, p: &Profile) -> effective::ResourceResolution {
    effective::inheritable(
        p.inherit_tcr_brand,
        p.brand.is_some(),
        state.org.brand.is_some(),
    )
}

/// The brand in effect for a profile (own, or the organization's when inherited).
pub fn effective_brand<'a>(state: &'a State, p: &'a Profile) -> Option<&'a crate::store::Brand> {
    brand_resolution(state, p).pick(p.brand.as_ref(), state.org.brand.as_ref())
}

/// The WABA id in effect (direct credentials, else the organization's under the seed revision;
/// S4: the newer revision has no WABA inheritance).
pub fn effective_waba(state: &State, p: &Profile, rev: ApiRevision) -> Option<String> {
    if !crate::revision::inherits_org_waba(rev) {
        return p.own_waba.as_ref().map(|w| w.waba_id.clone());
    }
    let own = p.own_waba.as_ref().map(|w| &w.waba_id);
    effective::whatsapp(own.is_some(), state.org.waba_id.is_some())
        .pick(own, state.org.waba_id.as_ref())
        .cloned()
}

/// Status logic §12.3 with Q9 and Q11: `COMPLETED` or `SUBMITTED`.
pub fn result_status(state: &State, p: &Profile, rev: ApiRevision) -> &'static str {
    let whatsapp = effective_waba(state, p, rev).is_some()
        || p.whatsapp_phone_number.is_some()
        || p.sending_whatsapp_number_profile_id.is_some();
    let sms = p.sending_phone_number.is_some()
        || p.sending_phone_number_profile_id.is_some()
        || (p.inherit_tcr_brand && state.org.sms_phone_number.is_some());
    let brand = effective_brand(state, p);
    let tcr = brand.is_some_and(|b| b.is_tcr_application());
    let main_dest = brand.is_some_and(|b| b.has_main_destination());
    // Rows 1-3 of the table all lead to review; row 4 is the only way to COMPLETED.
    let no_channel = !whatsapp && !sms;
    let dedicated_tcr = tcr && !(p.inherit_tcr_brand && p.inherit_tcr_campaign);
    let main_country_review = !tcr && main_dest;
    // S8: the newer revision never holds a profile back for review.
    let can_submit = crate::revision::completion_can_submit(rev);
    if can_submit && (no_channel || dedicated_tcr || main_country_review) {
        "SUBMITTED"
    } else {
        "COMPLETED"
    }
}
