// The names of every registered IPC command, as the webview invokes them. This file is the one list:
// `build.rs` includes it to have tauri-build generate an `allow-<name>` permission for each, and
// `commands::NAMES` includes it for the tests and the release smoke test.
&[
    "app_info",
    "list_workspaces",
    "add_workspace",
    "switch_workspace",
    "remove_workspace",
    "set_profile_key",
    "remove_profile_key",
    "list_profiles",
    "send_message",
]
