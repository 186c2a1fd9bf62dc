//! Campaigns (E8–E11) under a profile: list (own or inherited), create, full-replace update,
//! delete. Inherited campaigns are read-only (V21/V22).

use uuid::Uuid;

use super::common::{Ctx, HandlerResult, Reply};
use sent_model::validate::CampaignFacts;

use crate::envelope::ApiError;
use crate::schema;
use crate::store::{Owner, State};
use crate::views;

/// Q6: no catalog code is known for a missing campaign; this is a documented guess.
pub const CAMPAIGN_NOT_FOUND_CODE: &str = "RESOURCE_009";

/// 404 for an unknown campaign.
pub fn campaign_not_found() -> ApiError {
    ApiError::new(
        axum::http::StatusCode::NOT_FOUND,
        CAMPAIGN_NOT_FOUND_CODE,
        "Campaign not found",
    )
}

/// Profile-management calls need an organization key (Q34); the profile must exist (Q15).
pub fn check_profile(ctx: &Ctx<'_>, state: &State, id: Uuid, write: bool) -> Result<(), ApiError> {
    if write {
        ctx.scope.require_org_admin()?;
    } else {
        ctx.scope.require_org()?;
    }
    state
        .profile(id)
        .map(|_| ())
        .ok_or_else(ApiError::profile_not_found)
}

/// E8: the profile's campaigns, or the organization's when it inherits them.
pub fn list(ctx: &Ctx<'_>, id: Uuid) -> HandlerResult {
    let s = ctx.app.read();
    check_profile(ctx, &s, id, false)?;
    let p = s.profile(id).ok_or_else(ApiError::profile_not_found)?;
    let owner = if p.inherit_tcr_campaign {
        Owner::Org
    } else {
        Owner::Profile(id)
    };
    let items = s
        .campaigns_of(owner)
        .map(|c| views::campaign_json(&s, c, true, ctx.app.revision()))
        .collect::<Vec<_>>();
    Ok(Reply::ok(super::common::to_json(&items)))
}

/// E11: delete an own campaign; inherited ones are refused (V21).
pub fn delete(ctx: &Ctx<'_>, id: Uuid, campaign_id: Uuid) -> HandlerResult {
    {
        let s = ctx.app.read();
        check_profile(ctx, &s, id, true)?;
    }
    let types = schema::check(&ctx.body, schema::SANDBOX_ONLY);
    if !types.is_empty() {
        return Err(ApiError::validation(types));
    }
    ctx.mutate(|state| {
        let c = state
            .campaigns
            .iter_mut()
            .find(|c| {
                c.id == campaign_id
                    && !c.deleted
                    && (c.owner == Owner::Profile(id) || c.owner == Owner::Org)
            })
            .ok_or_else(campaign_not_found)?;
        // V21 through the shared rule: inherited campaigns are read-only here.
        let refused = sent_model::validate::campaign_delete_fields(CampaignFacts {
            submitted_to_tcr: c.submitted_to_tcr,
            inherited: c.owner != Owner::Profile(id),
        });
        if !refused.is_empty() {
            return Err(ApiError::validation(refused.into_map()));
        }
        c.deleted = true;
        Ok(())
    })?;
    Ok(Reply::no_content())
}
