//! Profile create (E4) and update (E5). Bodies are parsed and checked by the shared rules of
//! `sent-model` (types per field, V1–V17); this module supplies what only the server knows
//! (stored values, the organization's WABA, other profiles' sender links) and applies the change.

use axum::http::StatusCode;
use chrono::{DateTime, Utc};
use sent_model::profile::{
    BrandBusinessDetail, BrandComplianceDetail, BrandContactDetail, BrandData,
};
use sent_model::validate::{
    profile_create_from_json, profile_update_from_json, CreateOptions, OrganizationFacts,
    SenderLinks, StoredProfile,
};
use sent_model::{BillingModel, Timestamp};
use uuid::Uuid;

use super::common::to_json;
use super::common::{Ctx, HandlerResult, Reply};
use crate::envelope::{rejection, ApiError};
use crate::revision;
use crate::store::{
    ApiKey, BillingContact, Brand, KeyKind, Profile, State, TokenGiven, WabaCredentials,
};
use crate::views;

/// What V14 and V17 need to know about the organization.
fn organization_facts(state: &State) -> OrganizationFacts {
    OrganizationFacts {
        has_whatsapp_account: state.org.waba_id.is_some(),
        profiles: state
            .live_profiles()
            .map(|p| {
                (
                    p.id.to_string(),
                    SenderLinks {
                        sending_phone_number_profile_id: p
                            .sending_phone_number_profile_id
                            .map(|u| u.to_string()),
                        sending_whatsapp_number_profile_id: p
                            .sending_whatsapp_number_profile_id
                            .map(|u| u.to_string()),
                    },
                )
            })
            .collect(),
    }
}

/// Builds or updates a stored brand from a request `brand` (camelCase request -> response form).
pub fn brand_from_request(b: BrandData, now: DateTime<Utc>, existing: Option<&Brand>) -> Brand {
    let mut out = existing.cloned().unwrap_or_else(|| Brand {
        id: Uuid::new_v4().to_string(),
        created_at: Some(Timestamp::from(now)),
        ..Brand::default()
    });
    if existing.is_some() {
        out.updated_at = Some(Timestamp::from(now));
    }
    out.is_inherited = false;
    if let Some(c) = b.contact {
        out.contact = Some(BrandContactDetail {
            name: c.name.unwrap_or_default(),
            business_name: c.business_name,
            role: c.role,
            phone: c.phone,
            email: c.email,
            phone_country_code: c.phone_country_code,
        });
    }
    if let Some(x) = b.business {
        out.business = Some(BrandBusinessDetail {
            legal_name: x.legal_name,
            tax_id: x.tax_id,
            tax_id_type: x.tax_id_type,
            entity_type: x.entity_type.map(|e| e.as_str().to_string()),
            street: x.street,
            city: x.city,
            state: x.state,
            postal_code: x.postal_code,
            country: x.country,
            url: x.url,
            country_of_registration: x.country_of_registration,
        });
    }
    if let Some(x) = b.compliance {
        out.compliance = Some(BrandComplianceDetail {
            vertical: x.vertical,
            brand_relationship: x.brand_relationship,
            primary_use_case: x.primary_use_case,
            expected_messaging_volume: Some(x.expected_messaging_volume),
            is_tcr_application: x.is_tcr_application.unwrap_or(false),
            phone_number_prefix: x.phone_number_prefix,
            destination_countries: x.destination_countries.unwrap_or_default(),
            notes: x.notes,
        });
    }
    out
}

fn billing_contact(c: sent_model::BillingContactInfo) -> BillingContact {
    BillingContact {
        name: c.name,
        email: c.email,
        phone: c.phone,
        address: c.address,
    }
}

/// E4: 201 with the new profile (status `incomplete`); 422 when no WABA can be inherited (V14).
pub fn create(ctx: &Ctx<'_>) -> HandlerResult {
    ctx.scope.require_org_admin()?;
    let rev = ctx.app.revision();
    let facts = {
        let s = ctx.app.read();
        // S4: the newer revision never produces V14's 422; passing no facts skips it.
        revision::missing_waba_is_error(rev).then(|| organization_facts(&s))
    };
    let options = CreateOptions {
        strict_billing_default: ctx.app.config.strict_billing,
        sharing_flags_nullable: revision::sharing_flags_nullable(rev),
    };
    // Payment details are validated here and then dropped: never stored (§9.5).
    let req = profile_create_from_json(&ctx.body, facts.as_ref(), options).map_err(rejection)?;
    let now = ctx.now();
    let detail = ctx.mutate(|state| {
        let id = Uuid::new_v4();
        let default_tcr = revision::default_inherit_tcr(rev);
        let flags = revision::stores_sharing_flags(rev);
        // Q33: a brand in the request means a dedicated brand unless the flag says otherwise.
        let inherit_tcr_brand = req.inherit_tcr_brand.unwrap_or(if req.brand.is_some() {
            false
        } else {
            default_tcr
        });
        let profile = Profile {
            id,
            name: req.name.clone().unwrap_or_default(),
            icon: req.icon.clone(),
            description: req.description.clone(),
            short_name: req.short_name.clone(),
            status: "incomplete".into(),
            created_at: now,
            updated_at: Some(now),
            // S1: the newer revision accepts the four flags and stores none of them.
            allow_contact_sharing: flags && req.allow_contact_sharing.unwrap_or(false),
            allow_template_sharing: flags && req.allow_template_sharing.unwrap_or(false),
            inherit_contacts: flags && req.inherit_contacts.unwrap_or(true),
            inherit_templates: flags && req.inherit_templates.unwrap_or(true),
            inherit_tcr_brand,
            inherit_tcr_campaign: req.inherit_tcr_campaign.unwrap_or(default_tcr),
            billing_model: req
                .billing_model
                .clone()
                .unwrap_or(BillingModel::Profile)
                .as_str()
                .to_string(),
            sending_phone_number_profile_id: None,
            sending_whatsapp_number_profile_id: None,
            sending_phone_number: None,
            whatsapp_phone_number: None,
            allow_number_change_during_onboarding: None,
            own_waba: req
                .whatsapp_business_account
                .clone()
                .map(|w| WabaCredentials {
                    waba_id: w.waba_id.unwrap_or_default(),
                    // Only the fact that a token was given is kept, never the token.
                    access_token: w
                        .access_token
                        .map(|t| TokenGiven::from(t.expose_secret()))
                        .unwrap_or_default(),
                    phone_number_id: w.phone_number_id,
                }),
            billing_contact: req.billing_contact.clone().map(billing_contact),
            brand: req.brand.clone().map(|b| brand_from_request(b, now, None)),
            role: Some("admin".into()),
            deleted_at: None,
            fixtures: Default::default(),
        };
        state.profiles.push(profile.clone());
        state.keys.push(ApiKey {
            // Derived from the org key in derived-keys mode, so it never needs storing.
            key: state.new_profile_key(id),
            kind: KeyKind::Profile(id),
        });
        Ok(views::profile(state, &profile, rev))
    })?;
    Ok(Reply::with(StatusCode::CREATED, to_json(&detail)))
}

/// E5: partial update; absent and `null` both leave a field unchanged (D1, Q3).
pub fn update(ctx: &Ctx<'_>, id: Uuid) -> HandlerResult {
    ctx.scope.require_org_admin()?;
    let rev = ctx.app.revision();
    let (stored, facts) = {
        let s = ctx.app.read();
        let p = s.profile(id).ok_or_else(ApiError::profile_not_found)?;
        let stored = StoredProfile {
            id: id.to_string(),
            billing_model: BillingModel::from_wire(&p.billing_model),
            has_billing_contact: p
                .billing_contact
                .as_ref()
                .is_some_and(|c| c.name.is_some() || c.email.is_some()),
            // V13: the profile's own brand is locked once submitted to TCR.
            brand_submitted_to_tcr: p.brand.as_ref().is_some_and(|b| b.submitted_to_tcr),
            inherit_tcr_campaign: p.inherit_tcr_campaign,
        };
        (stored, organization_facts(&s))
    };
    // S2: the newer revision accepts sender borrowing and ignores it, so V17 is not run.
    let body = if revision::stores_sender_borrowing(rev) {
        std::borrow::Cow::Borrowed(&ctx.body)
    } else {
        let mut b = ctx.body.clone();
        if let Some(o) = b.as_object_mut() {
            o.remove("sending_phone_number_profile_id");
            o.remove("sending_whatsapp_number_profile_id");
        }
        std::borrow::Cow::Owned(b)
    };
    let req = profile_update_from_json(&body, Some(&stored), Some(&facts)).map_err(rejection)?;
    let now = ctx.now();
    let borrowing = revision::stores_sender_borrowing(rev);
    let flags = revision::stores_sharing_flags(rev);
    let detail = ctx.mutate(|state| {
        let p = state
            .profile_mut(id)
            .ok_or_else(ApiError::profile_not_found)?;
        macro_rules! set {
            ($field:ident) => {
                if let Some(v) = req.$field.clone() {
                    p.$field = v.into();
                }
            };
        }
        set!(name);
        if let Some(v) = req.short_name.clone() {
            p.short_name = Some(v);
        }
        if let Some(v) = req.description.clone() {
            p.description = Some(v);
        }
        if let Some(v) = req.icon.clone() {
            p.icon = Some(v);
        }
        if flags {
            set!(allow_contact_sharing);
            set!(allow_template_sharing);
            set!(inherit_contacts);
            set!(inherit_templates);
        }
        set!(inherit_tcr_brand);
        set!(inherit_tcr_campaign);
        if let Some(m) = &req.billing_model {
            p.billing_model = m.as_str().to_string();
        }
        if let Some(c) = req.billing_contact.clone() {
            p.billing_contact = Some(billing_contact(c));
        }
        if let Some(b) = req.brand.clone() {
            p.brand = Some(brand_from_request(b, now, p.brand.as_ref()));
            // Sending a brand means using it, unless this request also set the flag.
            if req.inherit_tcr_brand.is_none() {
                p.inherit_tcr_brand = false;
            }
        }
        if borrowing {
            if let Some(v) = &req.sending_phone_number_profile_id {
                p.sending_phone_number_profile_id = Uuid::parse_str(v).ok();
            }
            if let Some(v) = &req.sending_whatsapp_number_profile_id {
                p.sending_whatsapp_number_profile_id = Uuid::parse_str(v).ok();
            }
        }
        if let Some(v) = req.sending_phone_number.clone() {
            p.sending_phone_number = Some(v);
        }
        if let Some(v) = req.whatsapp_phone_number.clone() {
            p.whatsapp_phone_number = Some(v);
        }
        if let Some(v) = req.allow_number_change_during_onboarding {
            p.allow_number_change_during_onboarding = Some(v);
        }
        p.updated_at = Some(now);
        let p = p.clone();
        Ok(views::profile(state, &p, rev))
    })?;
    Ok(Reply::ok(to_json(&detail)))
}
