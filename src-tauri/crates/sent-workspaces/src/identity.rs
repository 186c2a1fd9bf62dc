//! What a key must be to run a workspace, decided from `GET /v3/me`.
//!
//! Sent's `/v3/me` has no "role of this key" field for an organization key; it reports a `role` on
//! each child profile, "inherited from the organization if not set on the profile" (contract §9.13).
//! So the key's role is read from its profiles: if any profile reports a role and none reports
//! `admin` (or `owner`), the key cannot manage profiles. With no profile, or no role reported, the
//! role is unknown and the key is accepted: Sent itself will answer 403 `AUTH_004` on a write.

use sent_model::me::Me;
use sent_model::{AccountType, UserRole};

use crate::{KeyIdentity, WorkspaceError};

/// The identity of an organization admin key, or why the key cannot run a workspace.
pub fn organization_identity(me: &Me) -> Result<KeyIdentity, WorkspaceError> {
    let identity = identity(me);
    if me.account_type != AccountType::Organization {
        return Err(WorkspaceError::NotOrganizationKey {
            account_type: me.account_type.as_str().to_owned(),
            name: me.name.clone(),
        });
    }
    match &identity.role {
        Some(role) if role != "admin" && role != "owner" => {
            Err(WorkspaceError::NotAdmin { role: role.clone() })
        }
        _ => Ok(identity),
    }
}

/// What `/v3/me` says about any key.
pub fn identity(me: &Me) -> KeyIdentity {
    let roles: Vec<&UserRole> = me.profiles.iter().filter_map(|p| p.role.as_ref()).collect();
    let role = if roles
        .iter()
        .any(|r| matches!(r, UserRole::Admin | UserRole::Owner))
    {
        Some(UserRole::Admin.as_str().to_owned())
    } else {
        roles.first().map(|r| r.as_str().to_owned())
    };
    KeyIdentity {
        account_type: me.account_type.as_str().to_owned(),
        account_id: me.id.clone(),
        name: me.name.clone(),
        role,
        profile_count: u32::try_from(me.profiles.len()).unwrap_or(u32::MAX),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn me(json: serde_json::Value) -> Me {
        serde_json::from_value(json).expect("a Me")
    }

    #[test]
    fn an_organization_admin_key_is_accepted() {
        let me = me(serde_json::json!({
            "id": "7ba7b810-9dad-11d1-80b4-00c04fd430c8", "type": "organization", "name": "Acme Agency",
            "profiles": [{"id": "a", "name": "P", "role": "admin"}, {"id": "b", "name": "Q", "role": null}]
        }));
        let identity = organization_identity(&me).unwrap();
        assert_eq!(identity.name, "Acme Agency");
        assert_eq!(identity.role.as_deref(), Some("admin"));
        assert_eq!(identity.profile_count, 2);
    }

    #[test]
    fn a_developer_key_is_refused_with_its_role() {
        let me = me(serde_json::json!({
            "id": "x", "type": "organization", "name": "Acme",
            "profiles": [{"id": "a", "name": "P", "role": "developer"}]
        }));
        let error = organization_identity(&me).unwrap_err();
        assert!(matches!(&error, WorkspaceError::NotAdmin { role } if role == "developer"));
        assert!(error.to_string().contains("developer role"));
    }

    #[test]
    fn a_profile_key_is_refused_and_named() {
        let me = me(
            serde_json::json!({"id": "p", "type": "profile", "name": "Beta Clinic", "profiles": []}),
        );
        let error = organization_identity(&me).unwrap_err();
        assert_eq!(error.to_string(), "This is a profile key (Beta Clinic). Managing sender profiles needs an organization API key.");
    }

    #[test]
    fn an_organization_without_profiles_has_an_unknown_role_and_is_accepted() {
        let me = me(
            serde_json::json!({"id": "o", "type": "organization", "name": "New Org", "profiles": []}),
        );
        assert_eq!(organization_identity(&me).unwrap().role, None);
    }
}
