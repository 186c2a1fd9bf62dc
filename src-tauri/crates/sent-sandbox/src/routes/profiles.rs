//! Profiles (E2–E7): list, get, delete (soft, Q15), complete (§12). Create and update live in
//! `profile_write.rs`.

use axum::http::StatusCode;
use chrono::Duration;
use serde_json::{json, Value};
use uuid::Uuid;

use super::{Ctx, HandlerResult, Reply};
use crate::completion::{is_loopback_url, prerequisites};
use crate::envelope::ApiError;
use crate::schema;
use crate::store::{CompletionJob, KeyKind};
use crate::views;

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
    let profiles: Vec<Value> = s.live_profiles().map(|p| views::profile(&s, p)).collect();
    let mut data = json!({ "profiles": profiles });
    if crate::revision::profile_list_paginated(ctx.app.config.api_revision) {
        data["pagination"] = views::pagination(1, profiles_len(&data), profiles_len(&data));
    }
    Ok(Reply::ok(data))
}

fn profiles_len(v: &Value) -> usize {
    v["profiles"].as_array().map(Vec::len).unwrap_or(0)
}

/// E3.
pub fn get(ctx: &Ctx<'_>, id: Uuid) -> HandlerResult {
    check_read(ctx, id)?;
    let s = ctx.app.read();
    let p = s.profile(id).ok_or_else(ApiError::profile_not_found)?;
    Ok(Reply::ok(views::profile(&s, p)))
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

/// V23 + Q38: absolute https URL, or http on a loopback host.
fn check_webhook_url(url: Option<&str>) -> Result<String, ApiError> {
    let Some(url) = url.map(str::trim).filter(|u| !u.is_empty()) else {
        return Err(ApiError::field("webHookUrl", "webHookUrl is required"));
    };
    let https = url
        .strip_prefix("https://")
        .is_some_and(|rest| !rest.is_empty() && !rest.starts_with('/'));
    if https || (url.starts_with("http://") && is_loopback_url(url)) {
        Ok(url.to_string())
    } else {
        Err(ApiError::field(
            "webHookUrl",
            "webHookUrl must be an absolute https URL (http is accepted for loopback hosts)",
        ))
    }
}

/// E7: checks prerequisites, then schedules the job that sets the status and calls back.
pub fn complete(ctx: &Ctx<'_>, id: Uuid) -> HandlerResult {
    ctx.scope.require_org_admin()?;
    let types = schema::check(&ctx.body, schema::COMPLETE);
    if !types.is_empty() {
        return Err(ApiError::validation(types));
    }
    {
        let s = ctx.app.read();
        let p = s.profile(id).ok_or_else(ApiError::profile_not_found)?;
        if p.status == "approved" {
            return Ok(Reply::ok(
                json!({ "message": "Profile is already complete", "status": "completed" }),
            ));
        }
    }
    let url = check_webhook_url(ctx.body.get("webHookUrl").and_then(Value::as_str))?;
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
        json!({ "message": "Profile completion in progress", "status": "in_progress" }),
    ))
}
