//! `GET /v3/me` (E1): the organization view, or a profile's view for profile keys and for
//! organization keys with `x-profile-id` (Q25).

use serde_json::{json, Value};

use super::{Ctx, HandlerResult, Reply};
use crate::clock::format_ts;
use crate::completion::effective_waba;
use crate::views;

/// E1.
pub fn get(ctx: &Ctx<'_>) -> HandlerResult {
    let s = ctx.app.read();
    let org = &s.org;
    // The caller's role on each profile (contract §9.13). The sandbox's keys are per role, not per
    // user, so a developer-role key is a developer on every profile; an admin key has the role set
    // on the profile, else admin ("inherited from the org").
    let developer_key = ctx.scope.org_role == Some(crate::auth::Role::Developer);
    let data: Value = match ctx.scope.profile.and_then(|id| s.profile(id)) {
        None => json!({
            "id": org.id,
            "type": "organization",
            "name": org.name,
            "email": org.email,
            "icon": org.icon,
            "description": org.description,
            "created_at": format_ts(org.created_at),
            "organization_id": null,
            "short_name": null,
            "status": null,
            "settings": null,
            "profiles": s.live_profiles().map(|p| json!({
                "id": p.id,
                "name": p.name,
                "short_name": p.short_name,
                "description": p.description,
                "icon": p.icon,
                "status": p.status,
                "created_at": format_ts(p.created_at),
                "role": if developer_key { "developer".into() } else { p.role.clone().unwrap_or_else(|| "admin".into()) },
                "settings": views::settings(p),
            })).collect::<Vec<_>>(),
            "channels": {
                "sms": { "configured": org.sms_phone_number.is_some(), "phone_number": org.sms_phone_number },
                "whatsapp": {
                    "configured": org.waba_id.is_some(),
                    "phone_number": org.whatsapp_phone_number,
                    "business_name": org.whatsapp_business_name,
                },
                "rcs": { "configured": false, "phone_number": null },
            },
        }),
        Some(p) => {
            let waba = effective_waba(&s, p);
            let sms = p.sending_phone_number.clone().or_else(|| {
                p.inherit_tcr_brand
                    .then(|| org.sms_phone_number.clone())
                    .flatten()
            });
            let wa_number = p.whatsapp_phone_number.clone().or_else(|| {
                p.own_waba
                    .is_none()
                    .then(|| org.whatsapp_phone_number.clone())
                    .flatten()
            });
            json!({
                "id": p.id,
                "type": "profile",
                "name": p.name,
                "email": org.email,
                "icon": p.icon,
                "description": p.description,
                "created_at": format_ts(p.created_at),
                "organization_id": org.id,
                "short_name": p.short_name,
                "status": p.status,
                "settings": views::settings(p),
                "profiles": [],
                "channels": {
                    "sms": { "configured": sms.is_some(), "phone_number": sms },
                    "whatsapp": {
                        "configured": waba.is_some(),
                        "phone_number": wa_number,
                        "business_name": waba.as_ref().map(|_| p.name.clone()),
                    },
                    "rcs": { "configured": false, "phone_number": null },
                },
            })
        }
    };
    Ok(Reply::ok(data))
}
