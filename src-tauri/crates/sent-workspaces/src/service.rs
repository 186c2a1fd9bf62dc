//! The workspace actions behind the app's commands: add (verifying the key with `GET /v3/me`),
//! switch, remove (with its keys), per-profile keys, and resolving which URL and key a call uses.
//! Keys go to the keychain before the workspace is saved, and never anywhere else.

use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

use sent_client::{CallOptions, ClientConfig, ClientError, RetryPolicy, SentClient};
use sent_keychain::{KeyRef, Keychain, KeychainError};
use sent_model::me::Me;
use sent_model::{AccountType, SecretString};
use uuid::Uuid;

use crate::{
    key_hint, organization_identity, EnvironmentKind, KeyIdentity, ProfileKeyInfo, Settings,
    SettingsBackend, Workspace, WorkspaceDraft, WorkspaceError, WorkspaceList, LOCAL_SANDBOX_ID,
};

/// The embedded sandbox of this run: where it listens and its organization key.
#[derive(Debug, Clone)]
pub struct LocalSandbox {
    pub base_url: String,
    pub org_key: SecretString,
    pub identity: KeyIdentity,
}

/// Workspaces over a settings backend and the keychain.
pub struct Workspaces<B: SettingsBackend> {
    settings: Settings<B>,
    keychain: Result<Keychain, KeychainError>,
    local: LocalSandbox,
    /// How long a key check may take before the server counts as unreachable.
    verify_timeout: Duration,
    /// Serialises every read-modify-write of the stored workspaces (never held across an await),
    /// so concurrent commands cannot overwrite each other's changes.
    edit: Mutex<()>,
}

impl<B: SettingsBackend> Workspaces<B> {
    /// `keychain` is the start-up probe's result: without a keychain the built-in sandbox still
    /// works, and adding keys fails with the keychain's own explanation.
    pub fn new(
        settings: Settings<B>,
        keychain: Result<Keychain, KeychainError>,
        local: LocalSandbox,
    ) -> Self {
        Self {
            settings,
            keychain,
            local,
            edit: Mutex::new(()),
            verify_timeout: Duration::from_secs(20),
        }
    }

    pub fn settings(&self) -> &Settings<B> {
        &self.settings
    }

    pub fn keychain(&self) -> Result<&Keychain, KeychainError> {
        self.keychain.as_ref().map_err(Clone::clone)
    }

    /// The built-in sandbox first, then the user's workspaces; the current one, falling back to
    /// the sandbox when the remembered one is gone.
    pub fn list(&self) -> WorkspaceList {
        let stored = self.settings.workspaces();
        let mut builtin = self.builtin();
        if let Some(saved) = stored.iter().find(|w| w.id == LOCAL_SANDBOX_ID) {
            builtin.profile_keys = saved.profile_keys.clone();
        }
        let mut workspaces = vec![builtin];
        workspaces.extend(stored.into_iter().filter(|w| w.id != LOCAL_SANDBOX_ID));
        for workspace in &mut workspaces {
            workspace.on_this_computer =
                sent_model::validate::urls::is_loopback_url(&workspace.base_url);
        }
        let remembered = self.settings.current_workspace();
        let current = if workspaces.iter().any(|w| w.id == remembered) {
            remembered
        } else {
            LOCAL_SANDBOX_ID
        };
        WorkspaceList {
            workspaces,
            current,
        }
    }

    /// The current workspace.
    pub fn current(&self) -> Workspace {
        let list = self.list();
        list.workspaces
            .into_iter()
            .find(|w| w.id == list.current)
            .expect("the current workspace is listed")
    }

    /// Checks the draft, asks Sent who the key is, stores the key in the keychain, saves the
    /// workspace and makes it current.
    pub async fn add(&self, draft: WorkspaceDraft) -> Result<Workspace, WorkspaceError> {
        let errors = draft.validate();
        if !errors.is_empty() {
            return Err(WorkspaceError::Invalid(errors));
        }
        let base_url = draft.base_url().expect("a validated draft has a base URL");
        let me = self
            .who_is(&base_url, &draft.api_key, draft.environment)
            .await?;
        let identity = organization_identity(&me)?;
        let keychain = self.keychain()?;
        let on_this_computer = sent_model::validate::urls::is_loopback_url(&base_url);
        let workspace = Workspace {
            id: Uuid::new_v4(),
            name: draft.name.trim().to_owned(),
            environment: draft.environment,
            base_url,
            key_hint: key_hint(draft.api_key.expose_secret()),
            identity,
            profile_keys: Vec::new(),
            built_in: false,
            on_this_computer,
        };
        let key = KeyRef::Organization {
            workspace: workspace.id,
        };
        let _edit = self.lock();
        keychain.set(&key, &draft.api_key)?;
        let mut stored = self.settings.workspaces();
        stored.push(workspace.clone());
        let saved = self
            .settings
            .set_workspaces(&stored)
            .and_then(|()| self.settings.set_current_workspace(workspace.id));
        if let Err(error) = saved {
            // Do not leave a key behind for a workspace that does not exist.
            let _ = keychain.delete(&key);
            return Err(WorkspaceError::Settings(error));
        }
        Ok(workspace)
    }

    /// Makes `id` the current workspace.
    pub fn switch(&self, id: Uuid) -> Result<WorkspaceList, WorkspaceError> {
        let _edit = self.lock();
        if !self.list().workspaces.iter().any(|w| w.id == id) {
            return Err(WorkspaceError::NotFound(id));
        }
        self.settings
            .set_current_workspace(id)
            .map_err(WorkspaceError::Settings)?;
        Ok(self.list())
    }

    /// Deletes the workspace's keys from the keychain, then the workspace. Refused for the
    /// built-in sandbox, and when the keys cannot be deleted (the workspace stays, so its keys can
    /// still be found and deleted later).
    pub fn remove(&self, id: Uuid) -> Result<WorkspaceList, WorkspaceError> {
        if id == LOCAL_SANDBOX_ID {
            return Err(WorkspaceError::BuiltIn);
        }
        let _edit = self.lock();
        let mut stored = self.settings.workspaces();
        let workspace = stored
            .iter()
            .find(|w| w.id == id)
            .cloned()
            .ok_or(WorkspaceError::NotFound(id))?;
        let keychain = self.keychain()?;
        keychain.delete(&KeyRef::Organization { workspace: id })?;
        for profile in &workspace.profile_keys {
            keychain.delete(&KeyRef::Profile {
                workspace: id,
                profile: profile.profile_id,
            })?;
        }
        stored.retain(|w| w.id != id);
        self.settings
            .set_workspaces(&stored)
            .map_err(WorkspaceError::Settings)?;
        if self.settings.current_workspace() == id {
            self.settings
                .set_current_workspace(LOCAL_SANDBOX_ID)
                .map_err(WorkspaceError::Settings)?;
        }
        Ok(self.list())
    }

    /// Adds or replaces a profile's own key, after checking with Sent that it is that profile's.
    pub async fn set_profile_key(
        &self,
        workspace_id: Uuid,
        profile_id: Uuid,
        api_key: SecretString,
    ) -> Result<Workspace, WorkspaceError> {
        let workspace = self.find(workspace_id)?;
        if let Some(message) = crate::draft::check_api_key(api_key.expose_secret()) {
            let mut fields = sent_model::FieldErrors::new();
            fields.add("api_key", message);
            return Err(WorkspaceError::Invalid(fields));
        }
        let me = self
            .who_is(&workspace.base_url, &api_key, workspace.environment)
            .await?;
        let is_this_profile = me.account_type == AccountType::Profile
            && me.id.eq_ignore_ascii_case(&profile_id.to_string());
        if !is_this_profile {
            return Err(WorkspaceError::WrongProfileKey {
                actual: format!("the {} \"{}\"", me.account_type, me.name),
            });
        }
        let keychain = self.keychain()?;
        // Re-read after the network call: the workspace may have changed or gone meanwhile.
        let _edit = self.lock();
        let mut workspace = self.find(workspace_id)?;
        keychain.set(
            &KeyRef::Profile {
                workspace: workspace_id,
                profile: profile_id,
            },
            &api_key,
        )?;
        workspace
            .profile_keys
            .retain(|p| p.profile_id != profile_id);
        workspace.profile_keys.push(ProfileKeyInfo {
            profile_id,
            profile_name: me.name.clone(),
            key_hint: key_hint(api_key.expose_secret()),
        });
        self.save(&workspace)?;
        Ok(workspace)
    }

    /// Deletes a profile's own key; calls for that profile go back to org key + `x-profile-id`.
    pub fn remove_profile_key(
        &self,
        workspace_id: Uuid,
        profile_id: Uuid,
    ) -> Result<Workspace, WorkspaceError> {
        let _edit = self.lock();
        let mut workspace = self.find(workspace_id)?;
        self.keychain()?.delete(&KeyRef::Profile {
            workspace: workspace_id,
            profile: profile_id,
        })?;
        workspace
            .profile_keys
            .retain(|p| p.profile_id != profile_id);
        self.save(&workspace)?;
        Ok(workspace)
    }

    /// Whether the app holds a key of the profile's own in `workspace_id`.
    pub fn has_profile_key(&self, workspace_id: Uuid, profile_id: Uuid) -> bool {
        self.find(workspace_id)
            .is_ok_and(|w| w.profile_keys.iter().any(|p| p.profile_id == profile_id))
    }

    /// The client configuration for a call in `workspace_id`, acting for `profile` when given:
    /// with the profile's own key when it has one (no `x-profile-id`), else with the organization
    /// key and `x-profile-id`. The key is read from the keychain for each call, here and nowhere
    /// closer to the UI.
    pub fn resolve(
        &self,
        workspace_id: Uuid,
        profile: Option<Uuid>,
    ) -> Result<(ClientConfig, CallOptions), WorkspaceError> {
        let workspace = self.find(workspace_id)?;
        if let Some(profile_id) = profile {
            if workspace
                .profile_keys
                .iter()
                .any(|p| p.profile_id == profile_id)
            {
                let key = self
                    .keychain()?
                    .get(&KeyRef::Profile {
                        workspace: workspace_id,
                        profile: profile_id,
                    })?
                    .ok_or_else(|| missing_key(&workspace))?;
                return Ok((
                    ClientConfig::new(&workspace.base_url, key),
                    CallOptions::default(),
                ));
            }
        }
        let key = self.org_key(&workspace)?;
        let options = profile
            .map(|p| CallOptions::for_profile(p.to_string()))
            .unwrap_or_default();
        Ok((ClientConfig::new(&workspace.base_url, key), options))
    }

    fn org_key(&self, workspace: &Workspace) -> Result<SecretString, WorkspaceError> {
        if workspace.id == LOCAL_SANDBOX_ID {
            return Ok(self.local.org_key.clone());
        }
        self.keychain()?
            .get(&KeyRef::Organization {
                workspace: workspace.id,
            })?
            .ok_or_else(|| missing_key(workspace))
    }

    /// One workspace, as the settings hold it now.
    pub fn find(&self, id: Uuid) -> Result<Workspace, WorkspaceError> {
        self.list()
            .workspaces
            .into_iter()
            .find(|w| w.id == id)
            .ok_or(WorkspaceError::NotFound(id))
    }

    fn lock(&self) -> MutexGuard<'_, ()> {
        self.edit
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Writes one workspace back; the caller holds [`Self::lock`].
    fn save(&self, workspace: &Workspace) -> Result<(), WorkspaceError> {
        let mut stored = self.settings.workspaces();
        stored.retain(|w| w.id != workspace.id);
        stored.push(workspace.clone());
        self.settings
            .set_workspaces(&stored)
            .map_err(WorkspaceError::Settings)
    }

    fn builtin(&self) -> Workspace {
        Workspace {
            id: LOCAL_SANDBOX_ID,
            name: "Local sandbox".into(),
            environment: EnvironmentKind::LocalSandbox,
            base_url: self.local.base_url.clone(),
            key_hint: key_hint(self.local.org_key.expose_secret()),
            identity: self.local.identity.clone(),
            profile_keys: Vec::new(),
            built_in: true,
            on_this_computer: true,
        }
    }

    /// `GET /v3/me` with `key`, with Sent's answers turned into what the form shows.
    async fn who_is(
        &self,
        base_url: &str,
        key: &SecretString,
        environment: EnvironmentKind,
    ) -> Result<Me, WorkspaceError> {
        let config = ClientConfig::new(base_url, key.clone())
            .with_timeouts(Duration::from_secs(5), self.verify_timeout)
            // A key check is interactive: one quick retry at most, the user can press Save again.
            .with_retry(RetryPolicy {
                max_retries: 1,
                ..RetryPolicy::default()
            });
        let client = SentClient::new(config).map_err(|e| unreachable(environment, base_url, &e))?;
        match client.me(&CallOptions::default()).await {
            Ok(response) => Ok(response.data),
            Err(ClientError::Api {
                status: 401,
                request_id,
                ..
            }) => Err(WorkspaceError::KeyRejected {
                environment,
                server: base_url.to_owned(),
                request_id,
            }),
            Err(ClientError::Api {
                family,
                code,
                message,
                request_id,
                ..
            }) => Err(WorkspaceError::Sent {
                message,
                code,
                family: Some(family),
                request_id,
            }),
            Err(ClientError::Config(_)) => {
                let mut fields = sent_model::FieldErrors::new();
                fields.add(
                    "api_key",
                    "This key contains characters that cannot be sent; paste it again.",
                );
                Err(WorkspaceError::Invalid(fields))
            }
            // Something answered, but not like Sent's API: say so on the address, not "unreachable".
            Err(ClientError::Redirect { location, .. }) => {
                let mut fields = sent_model::FieldErrors::new();
                let to = location.map_or_else(String::new, |l| format!(" to {l}"));
                fields.add(
                    url_field(environment),
                    format!("This address answers with a redirect{to}. Sent's API never redirects: enter the API's own address (for Sent, choose Production or Staging)."),
                );
                Err(WorkspaceError::Invalid(fields))
            }
            Err(ClientError::ResponseTooLarge { .. }) => {
                let mut fields = sent_model::FieldErrors::new();
                fields.add(
                    url_field(environment),
                    "The server at this address answered with far more data than Sent does: check that it is a Sent API address.",
                );
                Err(WorkspaceError::Invalid(fields))
            }
            Err(error) => Err(unreachable(environment, base_url, &error)),
        }
    }
}

/// The form field that holds the server's address for an environment.
fn url_field(environment: EnvironmentKind) -> &'static str {
    if environment == EnvironmentKind::Custom {
        "custom_base_url"
    } else {
        "environment"
    }
}

fn unreachable(environment: EnvironmentKind, url: &str, error: &ClientError) -> WorkspaceError {
    WorkspaceError::Unreachable {
        environment,
        url: url.to_owned(),
        detail: error.to_string(),
    }
}

fn missing_key(workspace: &Workspace) -> WorkspaceError {
    WorkspaceError::Keychain(KeychainError::Platform {
        detail: format!(
            "the key of \"{}\" is no longer in the keychain; remove the workspace and add it again",
            workspace.name
        ),
    })
}
