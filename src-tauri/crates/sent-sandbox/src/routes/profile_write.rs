//! Writes that need the shared wire types and validation rules of `sent-model` (not merged yet).

use axum::http::StatusCode;
use uuid::Uuid;

use super::{Ctx, HandlerResult};
use crate::envelope::ApiError;

fn pending() -> ApiError {
    ApiError::new(
        StatusCode::NOT_IMPLEMENTED,
        "INTERNAL_005",
        "Not available in this sandbox build yet",
    )
}

/// E4.
pub fn create(ctx: &Ctx<'_>) -> HandlerResult {
    ctx.scope.require_org_admin()?;
    Err(pending())
}

/// E5.
pub fn update(_ctx: &Ctx<'_>, _id: Uuid) -> HandlerResult {
    Err(pending())
}
