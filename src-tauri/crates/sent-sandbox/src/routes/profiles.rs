//! Profiles (E2–E7): list, get, delete (soft, Q15), complete (§12). Create and update live in
//! `profile_write.rs`.

use axum::http::StatusCode;
use chrono::Duration;
use serde_json::Value;
use uuid::Uuid;

use super::{Ctx, HandlerResult, Reply};
use crate::completion::prerequisites;
use crate::envelope::rejection;
use crate::envelope::ApiError;
use crate::schema;
use crate::store::{CompletionJob, KeyKind};
use crate::views;
use sent_model::{CompletionStatus, PaginationMeta, ProfileCompleteResult, ProfileList};

pub use super::profile_write::{create, update};

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
    let s = ctx.app.read();
    let profiles: Vec<_> = s
        .live_profiles()
        .map(|p| views::profile(&s, p, ctx.app.config.api_revision))
        .collect();
    let count = profiles.len() as u32;
    let list = ProfileList {
        profiles,
        // S7: only the newer revision pages this list.
        pagination: crate::revision::profile_list_paginated(ctx.app.config.api_revision).then_some(
            PaginationMeta {
                page: 1,
                page_size: count,
                total_count: count,
                total_pages: 1,
                has_more: false,
                cursors: None,
            },
        ),
    };
    Ok(Reply::ok(to_json(&list)))
}

/// Serializes a wire type for an envelope's `data`.
pub fn to_json<T: serde::Serialize>(v: &T) -> Value {
    serde_json::to_value(v).unwrap_or(Value::Null)
}

/// E3.
pub fn get(ctx: &Ctx<'_>, id: Uuid) -> HandlerResult {
    check_read(ctx, id)?;
    let s = ctx.app.read();
    let p = s.profile(id).ok_or_else(ApiError::profile_not_found)?;
    Ok(Reply::ok(to_json(&views::profile(
        &s,
        p,
        ctx.app.config.api_revision,
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
    ctx.mutate(|state| {
        let p = state
            .profile_mut(id)
            .ok_or_else(ApiError::profile_not_found)?;
        p.deleted_at = Some(now);
        state.completions.retain(|j| j.profile_id != id);
        // Keys of a deleted profile are refused by auth (AUTH_002); keep the record for audit.
        let _ = state.keys.iter().any(|k| k.kind == KeyKind::Profile(id));
        Ok(())
    })?;
    Ok(Reply::no_content())
}

/// E7: checks prerequisites, then schedules the job that sets the status and calls back.
pub fn complete(ctx: &Ctx<'_>, id: Uuid) -> HandlerResult {
    ctx.scope.require_org_admin()?;
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
        let missing = prerequisites(state, &p);
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
