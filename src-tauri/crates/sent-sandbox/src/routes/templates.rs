//! Templates (E12, E13): paged list with filters, and get. Visibility follows the scope:
//! a profile sees its own templates plus, with `inherit_templates`, the organization's and the
//! ones other profiles share; the organization sees its own plus shared ones.

use axum::http::StatusCode;
use uuid::Uuid;

use super::common::{paging, Ctx, HandlerResult, Reply};
use crate::envelope::ApiError;
use crate::store::{Owner, State, Template};
use crate::views;

/// Templates visible in the scope of `ctx`.
pub fn visible<'a>(state: &'a State, ctx: &Ctx<'_>) -> Vec<&'a Template> {
    // S1: without stored flags (newer revision) there is no inheritance or sharing.
    let flags = crate::revision::stores_sharing_flags(ctx.app.revision());
    let shared = |t: &Template| match t.owner {
        Owner::Profile(pid) => state
            .profile(pid)
            .is_some_and(|p| flags && p.allow_template_sharing),
        Owner::Org => false,
    };
    if crate::revision::org_sees_profile_resources(ctx.app.revision()) {
        // S1: a profile sees only its own templates; an organization key its own plus all its
        // profiles'.
        let own = ctx.scope.owner();
        let org_view = own == Owner::Org;
        return state
            .templates
            .iter()
            .filter(|t| t.owner == own || (org_view && super::common::live_owner(state, t.owner)))
            .collect();
    }
    match ctx.scope.profile.and_then(|id| state.profile(id)) {
        None => state
            .templates
            .iter()
            .filter(|t| t.owner == Owner::Org || shared(t))
            .collect(),
        Some(p) => state
            .templates
            .iter()
            .filter(|t| {
                t.owner == Owner::Profile(p.id)
                    || (flags && p.inherit_templates && (t.owner == Owner::Org || shared(t)))
            })
            .collect(),
    }
}

fn enum_filter(ctx: &Ctx<'_>, name: &str, allowed: &[&str]) -> Result<Option<String>, ApiError> {
    match ctx.query.get(name).filter(|v| !v.is_empty()) {
        None => Ok(None),
        Some(v) if allowed.contains(&v.as_str()) => Ok(Some(v.clone())),
        Some(_) => {
            let mut e = ApiError::new(
                StatusCode::BAD_REQUEST,
                "VALIDATION_006",
                format!("{name} must be one of {}", allowed.join(", ")),
            );
            e.details = Some(
                [(
                    name.to_string(),
                    vec![format!("{name} must be one of {}", allowed.join(", "))],
                )]
                .into(),
            );
            Err(e)
        }
    }
}

/// E12.
pub fn list(ctx: &Ctx<'_>) -> HandlerResult {
    let (page, size) = paging(ctx)?;
    let category = enum_filter(ctx, "category", &["MARKETING", "UTILITY", "AUTHENTICATION"])?;
    let status = enum_filter(ctx, "status", &["APPROVED", "PENDING", "REJECTED"])?;
    let search = ctx
        .query
        .get("search")
        .map(|s| s.to_lowercase())
        .filter(|s| !s.is_empty());
    // S10: the newer revision accepts and ignores `is_welcome_playground`.
    let welcome = ctx
        .query
        .get("is_welcome_playground")
        .filter(|_| !crate::revision::newer_paging(ctx.app.revision()))
        .map(|v| v == "true");
    let s = ctx.app.read();
    let all: Vec<&Template> = visible(&s, ctx)
        .into_iter()
        .filter(|t| category.as_ref().is_none_or(|c| &t.category == c))
        .filter(|t| status.as_ref().is_none_or(|c| &t.status == c))
        .filter(|t| {
            search.as_ref().is_none_or(|q| {
                t.name.to_lowercase().contains(q) || t.body.to_lowercase().contains(q)
            })
        })
        .filter(|t| welcome.is_none_or(|w| t.is_welcome_playground == w))
        .collect();
    let items: Vec<_> = all
        .iter()
        .skip((page - 1).saturating_mul(size))
        .take(size)
        .map(|t| views::template(t, super::common::customer_id(&s, t.owner, ctx)))
        .collect();
    Ok(Reply::ok(sent_model::template::TemplateList {
        templates: items,
        pagination: Some(views::pagination_for(
            ctx.app.revision(),
            page,
            size,
            all.len(),
        )),
    }))
}

/// E13.
pub fn get(ctx: &Ctx<'_>, id: Uuid) -> HandlerResult {
    let s = ctx.app.read();
    visible(&s, ctx)
        .into_iter()
        .find(|t| t.id == id)
        .map(|t| {
            Reply::ok(views::template(
                t,
                super::common::customer_id(&s, t.owner, ctx),
            ))
        })
        .ok_or_else(template_not_found)
}

/// 404 `RESOURCE_002`.
pub fn template_not_found() -> ApiError {
    ApiError::new(StatusCode::NOT_FOUND, "RESOURCE_002", "Template not found")
}
