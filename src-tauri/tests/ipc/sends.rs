//! Quick test sends over IPC on the mock runtime against the embedded sandbox (real HTTP, real
//! message progression): options per profile, the form's rules, a send followed to delivered, the
//! magic failing numbers explained, a dry run that leaves no message, one message per key.

use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::support::{invoke, mock_app, MockApp};

const BUILTIN: &str = "00000000-0000-0000-0000-000000000000";

fn key() -> String {
    uuid::Uuid::new_v4().to_string()
}

fn profile_id(app: &MockApp, name: &str) -> Value {
    crate::support::profile_id(app, BUILTIN, name)
}

fn options(app: &MockApp, id: &Value) -> Value {
    invoke(
        &app.window,
        "send_options",
        json!({ "workspaceId": BUILTIN, "profileId": id }),
    )
    .unwrap()
}

fn template<'a>(options: &'a Value, name: &str) -> &'a Value {
    options["templates"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["name"] == name)
        .unwrap_or_else(|| panic!("template {name}: {options}"))
}

fn send(app: &MockApp, id: &Value, draft: Value, key: &str) -> Result<Value, Value> {
    invoke(
        &app.window,
        "quick_send",
        json!({ "workspaceId": BUILTIN, "profileId": id, "draft": draft, "idempotencyKey": key }),
    )
}

/// Waits for the backend's follower to reach a final status (the sandbox moves a step every 2 s).
fn final_timeline(app: &MockApp, id: &Value, message_id: &Value) -> Value {
    let started = Instant::now();
    loop {
        let t = invoke(
            &app.window,
            "message_timeline",
            json!({ "workspaceId": BUILTIN, "profileId": id, "messageId": message_id }),
        )
        .unwrap();
        if t["is_final"] == true {
            return t;
        }
        assert!(
            started.elapsed() < Duration::from_secs(40),
            "never final: {t}"
        );
        std::thread::sleep(Duration::from_millis(250));
    }
}

#[test]
fn options_say_which_key_and_what_can_be_sent() {
    let app = mock_app();
    let bella = profile_id(&app, "Bella Salon");
    let o = options(&app, &bella);
    assert!(
        o["key_note"].as_str().unwrap().contains("x-profile-id"),
        "{o}"
    );
    assert_eq!(
        o["sandbox_default"], false,
        "the built-in sandbox is not production"
    );
    let reminder = template(&o, "visit_reminder");
    assert_eq!(reminder["sendable"], true);
    assert_eq!(reminder["variables"][0]["label"], "First name");
    let promo = template(&o, "spring_promo");
    assert_eq!(promo["sendable"], false);
    assert!(promo["reason"].as_str().unwrap().contains("approved"));
    let channels: Vec<&str> = o["channels"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["value"].as_str().unwrap())
        .collect();
    assert_eq!(channels[0], "auto");
    assert!(
        channels.contains(&"whatsapp"),
        "Bella has a WhatsApp account: {channels:?}"
    );
    assert!(!channels.contains(&"rcs"));
    assert!(o["channel_notes"]
        .as_array()
        .unwrap()
        .iter()
        .any(|n| n.as_str().unwrap().contains("RCS")));
}

#[test]
fn the_form_is_checked_in_rust() {
    let app = mock_app();
    let bella = profile_id(&app, "Bella Salon");
    let o = options(&app, &bella);
    let reminder = template(&o, "visit_reminder").clone();
    let check = invoke(
        &app.window,
        "check_send",
        json!({ "draft": { "template_id": reminder["id"], "variables": { "first_name": "Ann", "time": " " },
                "recipients": ["+1 (415) 555-0123", "415 555", "+14155550123"], "channel": null, "sandbox": false },
                "template": reminder }),
    )
    .unwrap();
    assert_eq!(check["recipients"][0], "+14155550123");
    let fields = check["fields"].as_object().unwrap();
    assert!(fields["recipients.1"][0]
        .as_str()
        .unwrap()
        .contains("Start with +"));
    assert!(fields["recipients.2"][0]
        .as_str()
        .unwrap()
        .contains("twice"));
    assert!(fields["variables.time"][0]
        .as_str()
        .unwrap()
        .contains("time"));
    assert!(!fields.contains_key("variables.first_name"));

    // An unapproved template is refused before anything is sent.
    let promo = template(&o, "spring_promo").clone();
    let error = send(
        &app,
        &bella,
        json!({ "template_id": promo["id"], "variables": {}, "recipients": ["+14155550123"],
                "channel": null, "sandbox": false }),
        &key(),
    )
    .unwrap_err();
    assert_eq!(error["kind"], "validation");
    assert!(error["fields"]["template"][0]
        .as_str()
        .unwrap()
        .contains("approved"));

    // A test send goes to at most 20 numbers; the message says how many to remove.
    let many: Vec<String> = (0..22).map(|i| format!("+1415555{:04}", 100 + i)).collect();
    let error = send(
        &app,
        &bella,
        json!({ "template_id": reminder["id"], "variables": { "first_name": "Ann", "time": "10:00" },
                "recipients": many, "channel": null, "sandbox": false }),
        &key(),
    )
    .unwrap_err();
    assert!(
        error["fields"]["recipients"][0]
            .as_str()
            .unwrap()
            .contains("remove 2"),
        "{error}"
    );
}

#[test]
fn a_send_is_followed_to_delivered_and_failures_explain_themselves() {
    let app = mock_app();
    let bella = profile_id(&app, "Bella Salon");
    let o = options(&app, &bella);
    let reminder = template(&o, "visit_reminder")["id"].clone();
    let draft = |to: Vec<&str>| {
        json!({ "template_id": reminder, "variables": { "first_name": "Ann", "time": "10:00" },
                "recipients": to, "channel": "sms", "sandbox": false })
    };
    let k = key();
    let sent = send(
        &app,
        &bella,
        draft(vec!["+14155550123", "+15005550001"]),
        &k,
    )
    .unwrap();
    assert_eq!(sent["sandbox"], false);
    let messages = sent["messages"].as_array().unwrap().clone();
    assert_eq!(messages.len(), 2);
    assert!(messages[0]["body"].as_str().unwrap().contains("Hi Ann"));
    assert_eq!(messages[0]["to_masked"], "+1 ••• 23");

    // The same click retried (same key): the same messages, nothing sent twice.
    let again = send(
        &app,
        &bella,
        draft(vec!["+14155550123", "+15005550001"]),
        &k,
    )
    .unwrap();
    assert_eq!(again["messages"], sent["messages"]);

    let delivered = final_timeline(&app, &bella, &messages[0]["message_id"]);
    assert_eq!(delivered["status"], "DELIVERED", "{delivered}");
    assert!(delivered["steps"].as_array().unwrap().len() >= 3);
    assert!(delivered["price"].is_string());
    let failed = final_timeline(&app, &bella, &messages[1]["message_id"]);
    assert_eq!(failed["status"], "FAILED");
    assert!(
        failed["explanation"]
            .as_str()
            .unwrap()
            .contains("ERR_ROUTE_DENIED"),
        "{failed}"
    );

    // Every recipient opted out: refused, explained, and kept in the history.
    let error = send(&app, &bella, draft(vec!["+15005550002"]), &key()).unwrap_err();
    assert_eq!(error["code"], "BUSINESS_004");
    assert!(error["message"].as_str().unwrap().contains("opted out"));

    let history = invoke(
        &app.window,
        "send_history",
        json!({ "workspaceId": BUILTIN }),
    )
    .unwrap();
    let outcomes: Vec<&str> = history
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["summary"]["outcome"].as_str().unwrap())
        .collect();
    assert_eq!(outcomes[0], "Refused: BUSINESS_004");
    assert_eq!(history[0]["recipients_masked"], "+1 ••• 02");
    // The accepted send's row follows its messages' timelines (a retried click is its own row).
    let started = Instant::now();
    loop {
        let history = invoke(
            &app.window,
            "send_history",
            json!({ "workspaceId": BUILTIN }),
        )
        .unwrap();
        let followed = history.as_array().unwrap().iter().any(|h| {
            h["summary"]["outcome"] == "1 delivered, 1 failed" && h["summary"]["tone"] == "danger"
        });
        if followed {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "the history never followed the timeline: {history}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn a_sandbox_send_renders_and_leaves_no_message() {
    let app = mock_app();
    let bella = profile_id(&app, "Bella Salon");
    let o = options(&app, &bella);
    let reminder = template(&o, "visit_reminder")["id"].clone();
    let dry = send(
        &app,
        &bella,
        json!({ "template_id": reminder, "variables": { "first_name": "Ann", "time": "10:00" },
                "recipients": ["+14155550123"], "channel": null, "sandbox": true }),
        &key(),
    )
    .unwrap();
    assert_eq!(dry["sandbox"], true);
    assert!(dry["message"]
        .as_str()
        .unwrap()
        .contains("Nothing was sent"));
    if let Some(id) = dry["messages"][0]["message_id"].as_str() {
        let missing = invoke(
            &app.window,
            "message_timeline",
            json!({ "workspaceId": BUILTIN, "profileId": bella, "messageId": id }),
        )
        .unwrap_err();
        assert_eq!(
            missing["kind"], "not_found",
            "a dry run creates no message: {missing}"
        );
    }
}
