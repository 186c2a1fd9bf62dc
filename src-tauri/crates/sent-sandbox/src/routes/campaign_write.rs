//! Campaign create (E9) and full-replace update (E10), checked by the shared rules (V20–V22)
//! with the facts only the server has (inheritance, TCR submission).

use axum::http::StatusCode;
use sent_model::validate::{campaign_from_json, CampaignFacts, CampaignWrite};
use uuid::Uuid;

use super::campaigns::{campaign_not_found, check_profile};
use super::common::to_json;
use super::common::{Ctx, HandlerResult, Reply};
use crate::envelope::{rejection, ApiError};
use crate::review::effective_brand;
use crate::store::{Campaign, Owner};
use crate::views;

/// E9: a campaign under the profile's brand; refused when the profile inherits campaigns (V22).
pub fn create(ctx: &Ctx<'_>, id: Uuid) -> HandlerResult {
    let inherits = {
        let s = ctx.app.read();
        check_profile(ctx, &s, id, true)?;
        s.profile(id).map(|p| p.inherit_tcr_campaign)
    };
    let req = campaign_from_json(
        &ctx.body,
        CampaignWrite::Create {
            profile_inherits_campaigns: inherits,
        },
    )
    .map_err(rejection)?;
    let now = ctx.now();
    let rev = ctx.app.revision();
    let detail = ctx.mutate(|state| {
        let p = state.profile(id).ok_or_else(ApiError::profile_not_found)?;
        // Contract E9 (assumed): a campaign needs a brand to belong to.
        let brand_id = effective_brand(state, p)
            .and_then(|b| Uuid::parse_str(&b.id).ok())
            .ok_or_else(|| {
                ApiError::field(
                    "campaign",
                    "The profile has no brand: add a brand before creating campaigns",
                )
            })?;
        let mut data = req.campaign.clone().unwrap_or_default();
        if !crate::revision::campaign_volume(rev) {
            // The seed revision does not know `volume` (D20): not stored.
            data.volume = None;
        }
        let c = Campaign {
            id: Uuid::new_v4(),
            owner: Owner::Profile(id),
            brand_id: Some(brand_id),
            created_at: now,
            updated_at: None,
            status: None,
            sharing_status: None,
            submitted_to_tcr: false,
            submitted_at: None,
            tcr_campaign_id: None,
            cost: None,
            has_submission_transaction: false,
            use_case_ids: data
                .use_cases
                .iter()
                .flatten()
                .map(|_| Uuid::new_v4())
                .collect(),
            data,
            deleted: false,
        };
        state.campaigns.push(c.clone());
        Ok(views::campaign_json(state, &c, false, rev))
    })?;
    Ok(Reply::with(StatusCode::CREATED, to_json(&detail)))
}

/// E10: replaces the campaign; refused once submitted to TCR or when inherited (V21).
pub fn update(ctx: &Ctx<'_>, id: Uuid, campaign_id: Uuid) -> HandlerResult {
    let facts = {
        let s = ctx.app.read();
        check_profile(ctx, &s, id, true)?;
        let c = s
            .campaigns
            .iter()
            .find(|c| {
                c.id == campaign_id
                    && !c.deleted
                    && (c.owner == Owner::Profile(id) || c.owner == Owner::Org)
            })
            .ok_or_else(campaign_not_found)?;
        CampaignFacts {
            submitted_to_tcr: c.submitted_to_tcr,
            inherited: c.owner != Owner::Profile(id),
        }
    };
    let req = campaign_from_json(
        &ctx.body,
        CampaignWrite::Update {
            existing: Some(facts),
        },
    )
    .map_err(rejection)?;
    let now = ctx.now();
    let rev = ctx.app.revision();
    let detail = ctx.mutate(|state| {
        let c = state
            .campaigns
            .iter_mut()
            .find(|c| c.id == campaign_id && c.owner == Owner::Profile(id) && !c.deleted)
            .ok_or_else(campaign_not_found)?;
        let mut data = req.campaign.clone().unwrap_or_default();
        if !crate::revision::campaign_volume(rev) {
            // The seed revision does not know `volume` (D20): not stored.
            data.volume = None;
        }
        c.use_case_ids = data
            .use_cases
            .iter()
            .flatten()
            .map(|_| Uuid::new_v4())
            .collect();
        c.data = data;
        c.updated_at = Some(now);
        let c = c.clone();
        Ok(views::campaign_json(state, &c, false, rev))
    })?;
    Ok(Reply::ok(to_json(&detail)))
}
