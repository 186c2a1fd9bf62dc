//! `GET /v3/me` (E1): the organization view, or a profile's view for profile keys and for
//! organization keys with `x-profile-id` (Q25).

use sent_model::me::{Me, MeChannel, MeChannels, MeProfile, ProfileSettings};
use sent_model::{AccountType, BillingModel, ProfileStatus, Timestamp, UserRole};

use super::common::{Ctx, HandlerResult, Reply};
use crate::config::ApiRevision;
use crate::review::effective_waba;
use crate::store::Profile;

/// ProfileSettings (§9.13).
pub fn settings(p: &Profile, rev: ApiRevision) -> ProfileSettings {
    // S1: the newer revision reports the four sharing/inheritance flags as false.
    let flags = crate::revision::stores_sharing_flags(rev);
    ProfileSettings {
        allow_contact_sharing: Some(flags && p.allow_contact_sharing),
        allow_template_sharing: Some(flags && p.allow_template_sharing),
        inherit_contacts: Some(flags && p.inherit_contacts),
        inherit_templates: Some(flags && p.inherit_templates),
        inherit_tcr_brand: Some(p.inherit_tcr_brand),
        inherit_tcr_campaign: Some(p.inherit_tcr_campaign),
        billing_model: Some(BillingModel::from_wire(&p.billing_model)),
    }
}

fn channel(
    rev: ApiRevision,
    number: Option<String>,
    configured: bool,
    business_name: Option<String>,
) -> MeChannel {
    MeChannel {
        configured,
        // The seed revision always sends the key (null when empty); S12 omits it when empty.
        phone_number: if crate::revision::me_newer_keys(rev) {
            number.map(Some)
        } else {
            Some(number)
        },
        business_name,
    }
}

/// S12: the newer keys (`sending_phone_number` = the SMS channel's number, the account holding
/// it, and `enable_template_auto_creation_for_sp`), filled in when the revision reports them.
fn newer_keys(me: &mut Me, rev: ApiRevision) {
    if !crate::revision::me_newer_keys(rev) {
        return;
    }
    let sms = me.channels.sms.phone_number.clone().flatten();
    me.sending_phone_number_profile_id = Some(sms.as_ref().map(|_| me.id.clone()));
    me.sending_phone_number = Some(sms);
    // An organization of the sandbox is not enabled for template auto-creation; a profile
    // always reports false.
    me.enable_template_auto_creation_for_sp = Some(false);
}

/// E1.
pub fn get(ctx: &Ctx<'_>) -> HandlerResult {
    let s = ctx.app.read();
    let org = &s.org;
    let rev = ctx.app.revision();
    let rcs = || channel(rev, None, false, None);
    // The caller's role on each profile (§9.13). Sandbox keys are per role, not per user: a
    // developer-role key is a developer on every profile; an admin key shows the role set on
    // the profile, else admin ("inherited from the org").
    let developer_key = ctx.scope.org_role == Some(crate::auth::Role::Developer);
    let mut me = match ctx.scope.profile.and_then(|id| s.profile(id)) {
        None => Me {
            id: org.id.to_string(),
            account_type: AccountType::from_wire("organization"),
            name: org.name.clone(),
            email: org.email.clone(),
            icon: org.icon.clone(),
            description: org.description.clone(),
            created_at: Some(Timestamp::from(org.created_at)),
            organization_id: None,
            short_name: None,
            status: None,
            settings: None,
            profiles: s
                .live_profiles()
                .map(|p| MeProfile {
                    id: p.id.to_string(),
                    name: p.name.clone(),
                    short_name: p.short_name.clone(),
                    description: p.description.clone(),
                    icon: p.icon.clone(),
                    status: Some(ProfileStatus::from_wire(&p.status)),
                    created_at: Some(Timestamp::from(p.created_at)),
                    role: Some(UserRole::from_wire(if developer_key {
                        "developer"
                    } else {
                        p.role.as_deref().unwrap_or("admin")
                    })),
                    settings: Some(settings(p, rev)),
                })
                .collect(),
            channels: MeChannels {
                sms: channel(
                    rev,
                    org.sms_phone_number.clone(),
                    org.sms_phone_number.is_some(),
                    None,
                ),
                whatsapp: channel(
                    rev,
                    org.whatsapp_phone_number.clone(),
                    org.waba_id.is_some(),
                    org.whatsapp_business_name.clone(),
                ),
                rcs: rcs(),
            },
            // §19 S12: keys of the newer revision stay absent here.
            sending_phone_number: None,
            sending_phone_number_profile_id: None,
            enable_template_auto_creation_for_sp: None,
        },
        Some(p) => {
            let waba = effective_waba(&s, p, rev);
            let sms = p.sending_phone_number.clone().or_else(|| {
                p.inherit_tcr_brand
                    .then(|| org.sms_phone_number.clone())
                    .flatten()
            });
            let wa_number = p.whatsapp_phone_number.clone().or_else(|| {
                (p.own_waba.is_none() && crate::revision::inherits_org_waba(rev))
                    .then(|| org.whatsapp_phone_number.clone())
                    .flatten()
            });
            Me {
                id: p.id.to_string(),
                account_type: AccountType::from_wire("profile"),
                name: p.name.clone(),
                email: org.email.clone(),
                icon: p.icon.clone(),
                description: p.description.clone(),
                created_at: Some(Timestamp::from(p.created_at)),
                organization_id: Some(org.id.to_string()),
                short_name: p.short_name.clone(),
                status: Some(ProfileStatus::from_wire(&p.status)),
                settings: Some(settings(p, rev)),
                profiles: vec![],
                channels: MeChannels {
                    sms: channel(rev, sms.clone(), sms.is_some(), None),
                    whatsapp: channel(
                        rev,
                        wa_number,
                        waba.is_some(),
                        waba.as_ref().map(|_| p.name.clone()),
                    ),
                    rcs: rcs(),
                },
                sending_phone_number: None,
                sending_phone_number_profile_id: None,
                enable_template_auto_creation_for_sp: None,
            }
        }
    };
    newer_keys(&mut me, rev);
    Ok(Reply::ok(me))
}
