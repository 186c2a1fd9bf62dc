//! Security issue #8, finding 6: request bodies that carry secrets (card fields, WhatsApp token)
//! serialize only through `secret::wire::to_body`, which only sent-client calls. Anywhere else,
//! `serde_json` refuses them, so no draft, log, journal or IPC answer can hold a card number.

use std::path::{Path, PathBuf};

use sent_model::secret::wire;
use sent_model::{
    BillingModel, PaymentDetails, ProfileCreate, ProfileUpdate, SecretString,
    WhatsappBusinessAccount,
};

const CARD: &str = "4111111111111111";
const TOKEN: &str = "EAAG-wire-only-token-7c1f";

fn payment() -> PaymentDetails {
    PaymentDetails {
        card_number: Some(CARD.into()),
        expiry: Some("11/29".into()),
        cvc: Some("987".into()),
        zip_code: Some(SecretString::new("94607")),
    }
}

fn waba() -> WhatsappBusinessAccount {
    WhatsappBusinessAccount {
        waba_id: Some("104918273645501".into()),
        access_token: Some(TOKEN.into()),
        phone_number_id: None,
    }
}

fn create() -> ProfileCreate {
    ProfileCreate {
        name: Some("Wire Only".into()),
        billing_model: Some(BillingModel::Profile),
        payment_details: Some(payment()),
        whatsapp_business_account: Some(waba()),
        ..Default::default()
    }
}

fn update() -> ProfileUpdate {
    ProfileUpdate {
        name: Some("Renamed".into()),
        payment_details: Some(payment()),
        ..Default::default()
    }
}

/// `serde_json` outside the wire helper: an error naming the rule, never the value.
fn refused<T: serde::Serialize>(what: &str, value: &T) {
    let err = serde_json::to_string(value)
        .err()
        .unwrap_or_else(|| panic!("{what} serialized outside the wire helper"));
    let text = err.to_string();
    assert!(text.contains(wire::REFUSED), "{what}: {text}");
    assert!(
        !text.contains(CARD) && !text.contains(TOKEN),
        "{what}: {text}"
    );
    assert!(serde_json::to_value(value).is_err(), "{what}");
    assert!(serde_json::to_vec_pretty(value).is_err(), "{what}");
}

#[test]
fn secret_bearing_types_do_not_serialize_outside_the_wire_helper() {
    refused("ProfileCreate", &create());
    refused("ProfileUpdate", &update());
    refused("PaymentDetails", &payment());
    refused("WhatsappBusinessAccount", &waba());
    refused("Option<PaymentDetails>", &Some(payment()));
    refused("a list of creates", &vec![create()]);
    // Every card field on its own, ZIP code included.
    for p in [
        PaymentDetails {
            card_number: Some(CARD.into()),
            ..Default::default()
        },
        PaymentDetails {
            expiry: Some("11/29".into()),
            ..Default::default()
        },
        PaymentDetails {
            cvc: Some("987".into()),
            ..Default::default()
        },
        PaymentDetails {
            zip_code: Some("94607".into()),
            ..Default::default()
        },
    ] {
        refused("one card field", &p);
    }
}

#[test]
fn bodies_without_a_secret_still_serialize() {
    let plain = ProfileUpdate {
        name: Some("Renamed".into()),
        ..Default::default()
    };
    assert_eq!(
        serde_json::to_value(&plain).unwrap(),
        serde_json::json!({"name": "Renamed"})
    );
}

#[test]
fn the_wire_helper_writes_the_real_values() {
    let body = wire::to_body(&create()).unwrap();
    assert_eq!(body["payment_details"]["card_number"], CARD);
    assert_eq!(body["payment_details"]["expiry"], "11/29");
    assert_eq!(body["payment_details"]["cvc"], "987");
    assert_eq!(body["payment_details"]["zip_code"], "94607");
    assert_eq!(body["whatsapp_business_account"]["access_token"], TOKEN);
    let body = wire::to_body(&update()).unwrap();
    assert_eq!(body["payment_details"]["card_number"], CARD);
    // The permission ends with the call.
    refused("ProfileCreate after to_body", &create());
}

#[test]
fn the_wire_helper_does_not_leak_into_other_threads() {
    let done = std::sync::Arc::new(std::sync::Barrier::new(2));
    let d = std::sync::Arc::clone(&done);
    let other = std::thread::spawn(move || {
        d.wait();
        serde_json::to_string(&create()).is_err()
    });
    // Serializing here while the other thread tries; its attempt is refused either way.
    let _ = wire::to_body(&create()).unwrap();
    done.wait();
    assert!(other.join().unwrap());
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            if p.file_name()
                .is_some_and(|n| n == "target" || n == "node_modules")
            {
                continue;
            }
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

#[test]
fn only_sent_client_calls_the_wire_helper() {
    let crates = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let allowed = [
        crates.join("sent-model").canonicalize().unwrap(),
        crates
            .join("sent-client")
            .join("src")
            .canonicalize()
            .unwrap(),
    ];
    let mut files = Vec::new();
    rust_files(&crates, &mut files);
    rust_files(&crates.join("..").join("src"), &mut files);
    assert!(files.len() > 20, "the source tree was found");
    let mut offenders = Vec::new();
    for f in files {
        let f = f.canonicalize().unwrap();
        if allowed.iter().any(|a| f.starts_with(a)) {
            continue;
        }
        let text = std::fs::read_to_string(&f).unwrap_or_default();
        // Code, not comments: any path to the wire module (a call, a `use`, a glob).
        let uses_wire = text.lines().map(str::trim).any(|l| {
            !l.starts_with("//")
                && (l.contains("secret::wire")
                    || l.contains("secret::*")
                    || (l.contains("secret::{") && l.contains("wire")))
        });
        if uses_wire {
            offenders.push(f.display().to_string());
        }
    }
    assert!(
        offenders.is_empty(),
        "only sent-client may serialize secrets onto the wire: {offenders:?}"
    );
}
