//! Workspaces end to end: a real `sent-sandbox` over HTTP, the real Secret Service of the test
//! session (`./x test` / `./x session`), settings in memory.

use sent_keychain::{KeyRef, Keychain};
use sent_model::SecretString;
use sent_sandbox::{RunningSandbox, Sandbox, Seed};
use sent_workspaces::{
    EnvironmentKind, KeyIdentity, LocalSandbox, MemoryBackend, Settings, SettingsBackend,
    WorkspaceDraft, WorkspaceError, Workspaces, LOCAL_SANDBOX_ID,
};
use uuid::Uuid;

fn require_test_session() {
    assert!(
        std::env::var_os("SENT_PROFILES_TEST_SESSION").is_some(),
        "run inside the test session: ./x session cargo test -p sent-workspaces"
    );
}

struct Fixture {
    sandbox: RunningSandbox,
    workspaces: Workspaces<MemoryBackend>,
}

async fn fixture() -> Fixture {
    require_test_session();
    let sandbox = Sandbox::builder()
        .seed(Seed::Demo)
        .start("127.0.0.1:0")
        .await
        .expect("sandbox");
    let keychain = Keychain::os(format!("app.sentprofiles.desktop.test-{}", Uuid::new_v4()));
    let local = LocalSandbox {
        base_url: "http://127.0.0.1:9".into(),
        org_key: SecretString::new("embedded-sandbox-key-0001"),
        identity: KeyIdentity {
            account_type: "organization".into(),
            account_id: "x".into(),
            name: "Embedded".into(),
            role: Some("admin".into()),
            profile_count: 0,
        },
    };
    let workspaces = Workspaces::new(Settings::new(MemoryBackend::default()), keychain, local);
    Fixture {
        sandbox,
        workspaces,
    }
}

fn draft(url: &str, key: &str) -> WorkspaceDraft {
    WorkspaceDraft {
        name: "Acme (by hand)".into(),
        environment: EnvironmentKind::Custom,
        custom_base_url: Some(url.into()),
        api_key: SecretString::new(key),
    }
}

fn stored_json(workspaces: &Workspaces<MemoryBackend>) -> String {
    let backend = workspaces.settings().backend();
    format!(
        "{:?} {:?}",
        backend.get("workspaces"),
        backend.get("current_workspace")
    )
}

#[tokio::test]
async fn an_org_admin_key_makes_a_workspace_whose_key_is_only_in_the_keychain() {
    let f = fixture().await;
    let key = f.sandbox.keys().org_admin;
    let workspace = f
        .workspaces
        .add(draft(&f.sandbox.base_url(), &key))
        .await
        .expect("added");

    assert_eq!(workspace.identity.account_type, "organization");
    assert_eq!(workspace.identity.name, "Acme Agency");
    assert!(workspace.identity.profile_count > 0);
    assert_eq!(workspace.key_hint, format!("…{}", &key[key.len() - 4..]));
    let keychain = f.workspaces.keychain().unwrap();
    let stored = keychain
        .get(&KeyRef::Organization {
            workspace: workspace.id,
        })
        .unwrap()
        .unwrap();
    assert_eq!(stored.expose_secret(), key);
    assert!(
        !stored_json(&f.workspaces).contains(&key),
        "the key must not reach the settings"
    );

    let list = f.workspaces.list();
    assert_eq!(
        list.current, workspace.id,
        "a new workspace becomes current"
    );
    assert_eq!(
        list.workspaces[0].id, LOCAL_SANDBOX_ID,
        "the built-in sandbox stays first"
    );

    // The backend resolves the key for a call itself.
    let (config, options) = f.workspaces.resolve(workspace.id, None).unwrap();
    assert_eq!(config.api_key.expose_secret(), key);
    assert!(options.profile_id.is_none());

    let after = f.workspaces.remove(workspace.id).unwrap();
    assert_eq!(after.current, LOCAL_SANDBOX_ID);
    assert!(keychain
        .get(&KeyRef::Organization {
            workspace: workspace.id
        })
        .unwrap()
        .is_none());
}

#[tokio::test]
async fn an_unknown_key_is_refused_on_the_key_field_and_nothing_is_kept() {
    let f = fixture().await;
    let error = f
        .workspaces
        .add(draft(&f.sandbox.base_url(), "not-a-real-key-000000"))
        .await
        .unwrap_err();
    assert!(
        matches!(error, WorkspaceError::KeyRejected { .. }),
        "{error:?}"
    );
    assert!(error.to_string().contains("did not recognise this API key"));
    // A custom server's advice names that server, not Sent's production or staging.
    assert!(error.to_string().contains(&f.sandbox.base_url()), "{error}");
    assert!(!error.to_string().contains("production"), "{error}");
    assert!(error.fields().unwrap().contains("api_key"));
    assert_eq!(f.workspaces.list().workspaces.len(), 1);
}

#[tokio::test]
async fn a_developer_key_and_a_profile_key_are_refused_with_what_they_are() {
    let f = fixture().await;
    let keys = f.sandbox.keys();
    let developer = f
        .workspaces
        .add(draft(&f.sandbox.base_url(), &keys.org_developer))
        .await
        .unwrap_err();
    assert!(
        matches!(developer, WorkspaceError::NotAdmin { ref role } if role == "developer"),
        "{developer:?}"
    );
    let profile = &keys.profiles[0];
    let error = f
        .workspaces
        .add(draft(&f.sandbox.base_url(), &profile.key))
        .await
        .unwrap_err();
    assert!(
        matches!(error, WorkspaceError::NotOrganizationKey { .. }),
        "{error:?}"
    );
    assert!(error.to_string().contains(&profile.name));
}

#[tokio::test]
async fn a_server_that_cannot_be_reached_is_named() {
    let f = fixture().await;
    // Port 9 (discard) on loopback: nothing listens there.
    let error = f
        .workspaces
        .add(draft("http://127.0.0.1:9", "some-key-0123456789"))
        .await
        .unwrap_err();
    assert!(
        matches!(error, WorkspaceError::Unreachable { .. }),
        "{error:?}"
    );
    assert!(error
        .to_string()
        .starts_with("No Sent server answered at http://127.0.0.1:9."));
    // In words on the URL field; the network error chain only as the detail.
    let fields = error.fields().expect("a field error").into_map();
    assert!(fields.contains_key("custom_base_url"), "{fields:?}");
    assert!(!error.to_string().contains("Connect"), "{error}");
    assert!(error.detail().is_some_and(|d| !d.is_empty()));
}

#[tokio::test]
async fn profile_keys_are_verified_used_for_that_profile_and_removed() {
    let f = fixture().await;
    let keys = f.sandbox.keys();
    let workspace = f
        .workspaces
        .add(draft(&f.sandbox.base_url(), &keys.org_admin))
        .await
        .unwrap();
    let (first, second) = (&keys.profiles[0], &keys.profiles[1]);

    let wrong = f
        .workspaces
        .set_profile_key(
            workspace.id,
            first.profile_id,
            SecretString::new(second.key.clone()),
        )
        .await
        .unwrap_err();
    assert!(
        matches!(wrong, WorkspaceError::WrongProfileKey { .. }),
        "{wrong:?}"
    );

    let updated = f
        .workspaces
        .set_profile_key(
            workspace.id,
            first.profile_id,
            SecretString::new(first.key.clone()),
        )
        .await
        .unwrap();
    assert_eq!(updated.profile_keys.len(), 1);
    assert_eq!(updated.profile_keys[0].profile_name, first.name);
    let (config, options) = f
        .workspaces
        .resolve(workspace.id, Some(first.profile_id))
        .unwrap();
    assert_eq!(
        config.api_key.expose_secret(),
        first.key,
        "the profile's own key is used"
    );
    assert!(
        options.profile_id.is_none(),
        "no x-profile-id with a profile key"
    );
    let (config, options) = f
        .workspaces
        .resolve(workspace.id, Some(second.profile_id))
        .unwrap();
    assert_eq!(config.api_key.expose_secret(), keys.org_admin);
    assert_eq!(options.profile_id, Some(second.profile_id.to_string()));
    assert!(!stored_json(&f.workspaces).contains(&first.key));

    let after = f
        .workspaces
        .remove_profile_key(workspace.id, first.profile_id)
        .unwrap();
    assert!(after.profile_keys.is_empty());
    let keychain = f.workspaces.keychain().unwrap();
    assert!(keychain
        .get(&KeyRef::Profile {
            workspace: workspace.id,
            profile: first.profile_id
        })
        .unwrap()
        .is_none());
    f.workspaces.remove(workspace.id).unwrap();
}

#[tokio::test]
async fn switching_is_remembered_and_the_builtin_cannot_be_removed() {
    let f = fixture().await;
    let workspace = f
        .workspaces
        .add(draft(&f.sandbox.base_url(), &f.sandbox.keys().org_admin))
        .await
        .unwrap();
    assert_eq!(
        f.workspaces.switch(LOCAL_SANDBOX_ID).unwrap().current,
        LOCAL_SANDBOX_ID
    );
    assert_eq!(
        f.workspaces.switch(workspace.id).unwrap().current,
        workspace.id
    );
    assert_eq!(f.workspaces.settings().current_workspace(), workspace.id);
    assert!(matches!(
        f.workspaces.switch(Uuid::new_v4()),
        Err(WorkspaceError::NotFound(_))
    ));
    assert!(matches!(
        f.workspaces.remove(LOCAL_SANDBOX_ID),
        Err(WorkspaceError::BuiltIn)
    ));
    f.workspaces.remove(workspace.id).unwrap();
}

/// A server that answers every request with a redirect (and nothing else), on loopback.
fn redirecting_server() -> String {
    use std::io::{Read, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let addr = listener.local_addr().expect("addr");
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten().take(8) {
            let mut stream = stream;
            let mut buf = [0u8; 4096];
            let _ = stream.read(&mut buf);
            let _ = stream.write_all(
                b"HTTP/1.1 302 Found\r\nLocation: http://127.0.0.1:9/elsewhere\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
            );
        }
    });
    format!("http://{addr}")
}

#[tokio::test]
async fn a_redirecting_address_is_refused_on_the_url_field() {
    let f = fixture().await;
    let error = f
        .workspaces
        .add(draft(&redirecting_server(), "some-key-0123456789"))
        .await
        .unwrap_err();
    let fields = error.fields().expect("a field error").into_map();
    let message = fields
        .get("custom_base_url")
        .and_then(|m| m.first())
        .cloned()
        .unwrap_or_default();
    assert!(message.contains("redirect"), "{error:?}");
    assert_eq!(f.workspaces.list().workspaces.len(), 1, "nothing was kept");
}
