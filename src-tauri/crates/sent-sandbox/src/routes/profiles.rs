//! Profiles (E2–E7): list, get, delete (soft, Q15), complete (§12). Create and update live in
//! `profile_write.rs`.

use axum::http::StatusCode;
use chrono::Duration;
use uuid::Uuid;

use super::common::{to_json, Ctx, HandlerResult, Reply};
use crate::envelope::rejection;
use crate::envelope::ApiError;
use crate::review::prerequisites;
use crate::schema;
use crate::store::{CompletionJob, KeyKind};
use crate::views;
use sent_model::{CompletionStatus, ProfileCompleteResult, ProfileList};

/// Q34: a profile scope may read its own profile only; anything else needs an org key.
fn check_read(ctx: &Ctx<'_>, id: Uuid) -> Result<(), ApiError> {
    match ctx.scope.profile {
        Some(own) if own == id => Ok(()),
        Some(_) => Err(ApiError::forbidden(
            "A profile key can only read its own profile",
        )),
        None => Ok(()),
    }
}

/// E2.
pub fn list(ctx: &Ctx<'_>) -> HandlerResult {
    // Q16: a profile scope has no organization view.
    ctx.scope.require_org()?;
    let rev = ctx.app.revision();
    let s = ctx.app.read();
    let paged = crate::revision::profile_list_paginated(rev);
    // S7: one page by default; the `profile_list_page_size` fixture forces several pages and
    // makes the endpoint honour `page` (a page past the end is empty).
    let page_size = ctx.app.fixtures().profile_list_page_size.filter(|_| paged);
    let total = s.live_profiles().count();
    let (page, size) = match page_size {
        Some(n) => {
            let page = ctx
                .query
                .get("page")
                .and_then(|v| v.parse::<usize>().ok())
                .filter(|p| *p >= 1)
                .unwrap_or(1);
            (page, n.max(1))
        }
        None => (1, total.max(1)),
    };
    let profiles: Vec<_> = s
        .live_profiles()
        .skip((page - 1).saturating_mul(size))
        .take(size)
        .map(|p| views::profile(&s, p, rev))
        .collect();
    let list = ProfileList {
        profiles,
        pagination: paged.then(|| {
            let mut meta = views::pagination(page, size, total);
            meta.cursors = None;
            if page_size.is_none() {
                meta.page_size = u32::try_from(total).unwrap_or(u32::MAX);
            }
            meta
        }),
    };
    Ok(Reply::ok(to_json(&list)))
}

/// E3.
pub fn get(ctx: &Ctx<'_>, id: Uuid) -> HandlerResult {
    check_read(ctx, id)?;
    let s = ctx.app.read();
    let p = s.profile(id).ok_or_else(ApiError::profile_not_found)?;
    Ok(Reply::ok(to_json(&views::profile(
        &s,
        p,
        ctx.app.revision(),
    ))))
}

/// E6: soft delete; the profile's own key stops working with it.
pub fn delete(ctx: &Ctx<'_>, id: Uuid) -> HandlerResult {
    ctx.scope.require_org_admin()?;
    let types = schema::check(&ctx.body, schema::SANDBOX_ONLY);
    if !types.is_empty() {
        return Err(ApiError::validation(types));
    }
    let now = ctx.now();
    let conflicts = crate::revision::delete_conflicts(ctx.app.revision());
    ctx.mutate(|state| {
        let p = state
            .profile_mut(id)
            .ok_or_else(ApiError::profile_not_found)?;
        // S9: a fixture makes the delete refused, nothing changed.
        if let Some(code) = p.fixtures.delete_conflict.as_deref().filter(|_| conflicts) {
            return Err(delete_conflict(code));
        }
        p.deleted_at = Some(now);
        state.completions.retain(|j| j.profile_id != id);
        // Keys of a deleted profile are refused by auth (AUTH_002); keep the record for audit.
        let _ = state.keys.iter().any(|k| k.kind == KeyKind::Profile(id));
        Ok(())
    })?;
    Ok(Reply::no_content())
}

/// S9: 409 `CONFLICT_012` (a held number is still registered on the customer's WhatsApp
/// Business Account) or `CONFLICT_013` (that account could not be read).
fn delete_conflict(code: &str) -> ApiError {
    let (code, message) = if code == "CONFLICT_013" {
        (
            "CONFLICT_013",
            "The profile's WhatsApp Business Account could not be read; try again later",
        )
    } else {
        (
            "CONFLICT_012",
            "A number held by this profile is still registered on your WhatsApp Business Account: \
         deregister and delete it in WhatsApp Manager first",
        )
    };
    ApiError::new(StatusCode::CONFLICT, code, message)
}

/// E7: checks prerequisites, then schedules the job that sets the status and calls back.
pub fn complete(ctx: &Ctx<'_>, id: Uuid) -> HandlerResult {
    let rev = ctx.app.revision();
    let newer = crate::revision::completion_newer_rules(rev);
    // S8: the profile's own key (or an admin acting for it) may complete it.
    let own = newer
        && ctx.scope.profile == Some(id)
        && ctx.scope.org_role != Some(crate::auth::Role::Developer);
    if !own {
        ctx.scope.require_org_admin()?;
    }
    // V23 and the body's types: the shared rules (https, or http on loopback per Q38).
    let req = sent_model::validate::profile_complete_from_json(&ctx.body).map_err(rejection)?;
    {
        let s = ctx.app.read();
        let p = s.profile(id).ok_or_else(ApiError::profile_not_found)?;
        if p.status == "approved" {
            return Ok(Reply::ok(ProfileCompleteResult {
                message: Some("Profile is already complete".into()),
                status: Some(CompletionStatus::from_wire("completed")),
            }));
        }
    }
    let url = req.web_hook_url.unwrap_or_default();
    let delay = Duration::from_std(ctx.app.config.completion_delay).unwrap_or(Duration::seconds(2));
    let due_at = ctx.now() + delay;
    ctx.mutate(|state| {
        let p = state
            .profile(id)
            .ok_or_else(ApiError::profile_not_found)?
            .clone();
        let missing = if newer {
            crate::review::prerequisites_2026_10(state, &p)
        } else {
            prerequisites(state, &p)
        };
        if !missing.is_empty() {
            return Err(ApiError::validation(missing));
        }
        // A second call while a job is pending replaces it (one callback, to the newest URL).
        state.completions.retain(|j| j.profile_id != id);
        // Q22: in sandbox mode this runs on a throwaway copy, so no job and no callback.
        state.completions.push(CompletionJob {
            profile_id: id,
            due_at,
            webhook_url: url,
        });
        Ok(())
    })?;
    Ok(Reply::with(
        StatusCode::ACCEPTED,
        ProfileCompleteResult {
            message: Some("Profile completion in progress".into()),
            status: Some(CompletionStatus::from_wire("in_progress")),
        },
    ))
}
