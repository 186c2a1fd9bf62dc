//! Who is calling and on whose behalf: `x-api-key` and `x-profile-id` (contract §1.2, §2.2, Q5).

use axum::http::{HeaderMap, StatusCode};
use uuid::Uuid;

use crate::envelope::ApiError;
use crate::store::{KeyKind, Owner, State};

/// Role of an organization key's user.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// May manage profiles and campaigns.
    Admin,
    /// Reads and sends only.
    Developer,
}

/// The authenticated caller and the account a request acts for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scope {
    /// `Some(role)` for an organization key, `None` for a profile key.
    pub org_role: Option<Role>,
    /// The profile acted for: a profile key's own profile, or the org key's `x-profile-id`.
    pub profile: Option<Uuid>,
    /// The calling account (organization or profile id): idempotency and rate-limit pool.
    pub account: Uuid,
}

impl Scope {
    /// Owner of resources created or listed in this scope.
    pub fn owner(&self) -> Owner {
        self.profile.map(Owner::Profile).unwrap_or(Owner::Org)
    }

    /// An organization key without `x-profile-id`: the organization's own view.
    pub fn is_org_view(&self) -> bool {
        self.org_role.is_some() && self.profile.is_none()
    }

    /// V19: organization view with an admin key, or 403 `AUTH_004`.
    pub fn require_org_admin(&self) -> Result<(), ApiError> {
        match (self.org_role, self.profile) {
            (Some(Role::Admin), None) => Ok(()),
            (Some(Role::Developer), None) => Err(ApiError::forbidden(
                "This operation requires the admin role in the organization",
            )),
            _ => Err(ApiError::forbidden(
                "This operation requires an organization API key",
            )),
        }
    }

    /// Organization view with any role, or 403 `AUTH_004`.
    pub fn require_org(&self) -> Result<(), ApiError> {
        if self.is_org_view() {
            Ok(())
        } else {
            Err(ApiError::forbidden(
                "This operation requires an organization API key",
            ))
        }
    }
}

/// Resolves the headers to a scope, in the order of contract §11: key (401), then
/// `x-profile-id` (400 malformed, 403 from a profile key, 404 unknown or deleted).
pub fn resolve(headers: &HeaderMap, state: &State) -> Result<Scope, ApiError> {
    let key = match headers.get("x-api-key").map(|v| v.to_str()) {
        None => {
            return Err(ApiError::new(
                StatusCode::UNAUTHORIZED,
                "AUTH_001",
                "Missing API key: send it in the x-api-key header",
            ))
        }
        Some(Ok(k)) if !k.trim().is_empty() => k.trim(),
        Some(_) => {
            return Err(ApiError::new(
                StatusCode::UNAUTHORIZED,
                "AUTH_001",
                "Missing API key: send it in the x-api-key header",
            ))
        }
    };
    let kind = state
        .keys
        .iter()
        .find(|k| k.key == key)
        .map(|k| k.kind)
        .ok_or_else(invalid_key)?;
    let scoped = match headers.get("x-profile-id") {
        None => None,
        Some(v) => {
            let raw = v.to_str().unwrap_or("").trim();
            if raw.is_empty() {
                None
            } else {
                Some(Uuid::parse_str(raw).map_err(|_| ApiError::bad_uuid("x-profile-id"))?)
            }
        }
    };
    match kind {
        KeyKind::Profile(id) => {
            // A deleted profile's key stops working with it.
            if state.profile(id).is_none() {
                return Err(invalid_key());
            }
            if scoped.is_some() {
                return Err(ApiError::forbidden(
                    "Only organization API keys may use the x-profile-id header",
                ));
            }
            Ok(Scope {
                org_role: None,
                profile: Some(id),
                account: id,
            })
        }
        KeyKind::OrgAdmin | KeyKind::OrgDeveloper => {
            let role = if kind == KeyKind::OrgAdmin {
                Role::Admin
            } else {
                Role::Developer
            };
            if let Some(id) = scoped {
                if state.profile(id).is_none() {
                    return Err(ApiError::profile_not_found());
                }
            }
            Ok(Scope {
                org_role: Some(role),
                profile: scoped,
                account: state.org.id,
            })
        }
    }
}

fn invalid_key() -> ApiError {
    ApiError::new(StatusCode::UNAUTHORIZED, "AUTH_002", "Invalid API key")
}
