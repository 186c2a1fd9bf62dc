//! Starting states: `demo` (an agency with profiles of every pattern) and `empty`, optionally
//! with N generated profiles on top ([`generated`]).

mod demo;
pub mod generated;

use chrono::{DateTime, Utc};
use serde_json::json;
use uuid::Uuid;

use crate::store::{Brand, Organization, State, STATE_VERSION};

/// Which starting state to build.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Seed {
    /// "Acme Agency" with a WABA, a TCR brand and campaign, templates, contacts and five profiles.
    #[default]
    Demo,
    /// An organization without a WABA and nothing else.
    Empty,
}

/// Builds the seed state, plus `generated_profiles` generated profiles after the seed's own.
/// With `org_key` the sandbox runs in derived-keys mode: the org key is the org admin key and
/// every other key is derived from it; without, all keys are random.
pub fn build(
    seed: Seed,
    generated_profiles: usize,
    org_key: Option<String>,
    now: DateTime<Utc>,
) -> State {
    let mut state = match seed {
        Seed::Demo => demo::build(now),
        Seed::Empty => empty(now),
    };
    generated::append(&mut state, generated_profiles, now);
    match org_key {
        Some(org) => state.derive_keys(&org),
        None => state.fill_missing_keys(),
    }
    state
}

fn empty(now: DateTime<Utc>) -> State {
    State {
        version: STATE_VERSION,
        org: Organization {
            id: Uuid::new_v4(),
            name: "Sandbox Organization".into(),
            email: Some("owner@sandbox.example".into()),
            icon: None,
            description: None,
            created_at: now,
            waba_id: None,
            whatsapp_phone_number: None,
            whatsapp_business_name: None,
            sms_phone_number: None,
            brand: None,
        },
        profiles: vec![],
        campaigns: vec![],
        templates: vec![],
        contacts: vec![],
        messages: vec![],
        webhooks: vec![],
        keys: vec![],
        completions: vec![],
        clock_offset_ms: 0,
        idempotency: vec![],
        key_secret: None,
    }
}

/// A brand in response form, used by the demo seed.
pub(crate) fn brand(
    now: DateTime<Utc>,
    legal_name: &str,
    vertical: &str,
    tcr: bool,
    submitted: bool,
) -> Brand {
    let tcr_id = format!(
        "B{}",
        &Uuid::new_v4().simple().to_string()[..6].to_uppercase()
    );
    let ts = crate::clock::format_ts(now);
    serde_json::from_value(json!({
        "id": Uuid::new_v4(),
        "tcr_brand_id": submitted.then_some(tcr_id),
        "status": submitted.then_some("ACTIVE"),
        "identity_status": submitted.then_some("VERIFIED"),
        "universal_ein": null,
        "csp_id": submitted.then_some("SENTCSP01"),
        "submitted_to_tcr": submitted,
        "submitted_at": submitted.then(|| ts.clone()),
        "is_inherited": false,
        "created_at": ts,
        "updated_at": null,
        "contact": {
            "name": "Dana Ortiz", "business_name": legal_name, "role": "Operations",
            "phone": "+14155550142", "email": "compliance@acme-agency.example", "phone_country_code": "1"
        },
        "business": {
            "legal_name": legal_name, "tax_id": "94-1234567", "tax_id_type": "us_ein",
            "entity_type": "PRIVATE_PROFIT", "street": "88 Harbor Rd", "city": "Oakland", "state": "CA",
            "postal_code": "94607", "country": "US", "url": "https://acme-agency.example",
            "country_of_registration": "US"
        },
        "compliance": {
            "vertical": vertical, "brand_relationship": "SMALL_ACCOUNT",
            "primary_use_case": "Appointment reminders and customer care",
            "expected_messaging_volume": "10000", "is_tcr_application": tcr,
            "phone_number_prefix": "+1",
            "destination_countries": [ { "id": "US", "isMain": false } ],
            "notes": null
        }
    }))
    .expect("the demo brand matches the wire model")
}
