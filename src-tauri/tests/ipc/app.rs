use serde_json::json;

use crate::support::{invoke, mock_app};

#[test]
fn app_info_answers_over_ipc_with_the_crate_version_and_the_sandbox() {
    let app = mock_app();
    let info = invoke(&app.window, "app_info", json!({})).expect("app_info succeeds");
    assert_eq!(info["name"], "Sent Profiles");
    assert_eq!(info["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(info["environment"], "local_sandbox");
    assert_eq!(info["debug_build"], cfg!(debug_assertions));
    assert_eq!(info["keychain_ready"], true);
    assert_eq!(info["notices"], json!([]));
    assert_eq!(info["theme"], "system");
    let dark = invoke(&app.window, "set_theme", json!({ "theme": "dark" })).unwrap();
    assert_eq!(dark["theme"], "dark");
    let refused = invoke(&app.window, "set_theme", json!({ "theme": "purple" })).unwrap_err();
    assert!(refused.to_string().contains("purple"), "{refused}");
}

#[test]
fn every_listed_command_is_registered_and_nothing_else_answers() {
    let app = mock_app();
    for name in sent_profiles_lib::commands::NAMES {
        if let Err(error) = invoke(&app.window, name, json!({})) {
            let text = error.to_string();
            assert!(
                !text.contains("not found"),
                "{name} is declared in catalog.rs but not registered: {text}"
            );
        }
    }
    let unknown = invoke(&app.window, "no_such_command", json!({})).unwrap_err();
    assert!(unknown.to_string().contains("not found"), "{unknown}");
}
