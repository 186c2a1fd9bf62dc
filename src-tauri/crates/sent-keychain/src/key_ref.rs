//! Which key an entry holds. The account string is the entry's name inside the app's service, so
//! each workspace's keys are separate and can all be found again to delete them.

use uuid::Uuid;

/// A key the app keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KeyRef {
    /// The organization API key of a workspace.
    Organization { workspace: Uuid },
    /// A sender profile's own API key, within a workspace.
    Profile { workspace: Uuid, profile: Uuid },
    /// A throw-away entry written and deleted by [`crate::Keychain::probe`].
    Probe(Uuid),
}

impl KeyRef {
    /// The entry's account name, e.g. `workspace/<id>/organization`.
    pub fn account(&self) -> String {
        match self {
            KeyRef::Organization { workspace } => format!("workspace/{workspace}/organization"),
            KeyRef::Profile { workspace, profile } => {
                format!("workspace/{workspace}/profile/{profile}")
            }
            KeyRef::Probe(id) => format!("probe/{id}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accounts_are_distinct_per_workspace_and_profile() {
        let (w1, w2, p) = (Uuid::new_v4(), Uuid::new_v4(), Uuid::new_v4());
        let accounts = [
            KeyRef::Organization { workspace: w1 }.account(),
            KeyRef::Organization { workspace: w2 }.account(),
            KeyRef::Profile {
                workspace: w1,
                profile: p,
            }
            .account(),
            KeyRef::Profile {
                workspace: w2,
                profile: p,
            }
            .account(),
        ];
        let unique: std::collections::HashSet<_> = accounts.iter().collect();
        assert_eq!(unique.len(), accounts.len());
        assert!(accounts[0].starts_with(&format!("workspace/{w1}/")));
    }
}
