//! "New client like this": a draft started from a demo profile carries its configuration and none
//! of its identity; the new client, named and identified anew, is created with the same
//! configuration; no secret typed on the way is kept. Against the embedded sandbox's demo
//! organization, on a real SQLite file.

mod support;

use sent_app::onboard;
use sent_model::BillingContact;
use support::{profile, TestCore, BUILTIN};

/// Every byte of the app's data folder (the database, its journal and anything beside it).
fn data_bytes(dir: &std::path::Path) -> Vec<u8> {
    let mut all = Vec::new();
    for entry in walk(dir) {
        all.extend(std::fs::read(entry).unwrap_or_default());
    }
    all
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|w| w == needle.as_bytes())
}

#[test]
fn a_client_like_tenant_co_has_its_configuration_and_none_of_its_identity() {
    let core = TestCore::start();
    let tenant = profile(&core, "Tenant Co");

    let start = core
        .run(onboard::start_onboarding_like(
            &core.core,
            BUILTIN,
            tenant.clone(),
        ))
        .unwrap();
    let draft = start.draft;
    // Tenant Co's configuration: everything of its own, the tenant billed, its own WhatsApp account.
    let p = &draft.profile;
    assert_eq!(
        (
            p.inherit_contacts,
            p.allow_contact_sharing,
            p.inherit_templates,
            p.allow_template_sharing,
            p.inherit_tcr_brand,
            p.inherit_tcr_campaign
        ),
        (false, false, false, false, false, false)
    );
    assert_eq!(p.billing_model.as_str(), "profile");
    assert!(!draft.whatsapp_inherit);
    let brand = p.brand.as_ref().expect("Tenant Co's own brand, as a form");
    assert_eq!(
        brand
            .compliance
            .as_ref()
            .and_then(|c| c.vertical.as_ref())
            .map(|v| v.as_str()),
        Some("TECHNOLOGY")
    );
    assert!(brand.contact.is_none());
    let like = draft.like.as_ref().unwrap();
    assert_eq!(like.name, "Tenant Co");
    assert_eq!(
        like.campaigns
            .iter()
            .map(|c| c.name.as_deref().unwrap_or(""))
            .collect::<Vec<_>>(),
        ["Tenant Co notifications"]
    );

    // Kept at once, like any draft, and without Tenant Co's identity.
    let drafts = core
        .run(onboard::onboarding_drafts(&core.core, BUILTIN))
        .unwrap();
    assert!(drafts.iter().any(|d| d.id == draft.id));
    let kept = serde_json::to_string(
        &core
            .run(onboard::onboarding_draft(
                &core.core,
                BUILTIN,
                draft.id.clone(),
            ))
            .unwrap()
            .draft
            .profile,
    )
    .unwrap();
    for identity in [
        "Tenant Co Inc",
        "ap@tenant.example",
        "204417733119855",
        "TenantCo",
    ] {
        assert!(!kept.contains(identity), "{identity} was copied: {kept}");
    }

    // The new client, named and identified anew, is created with the same configuration.
    let mut draft = draft;
    draft.profile.name = "Tenant Two".into();
    draft.profile.short_name = Some("TenantTwo".into());
    draft.profile.description = Some("Second platform tenant".into());
    draft.profile.billing_contact = Some(BillingContact {
        name: Some("Tenant Two Ltd".into()),
        email: Some("ap@tenant-two.example".into()),
        ..BillingContact::default()
    });
    let brand = draft.profile.brand.as_mut().unwrap();
    brand.contact = Some(sent_model::profile::brand::BrandContactDetail {
        name: "Tina Two".into(),
        email: Some("tina@tenant-two.example".into()),
        ..Default::default()
    });
    let business = brand.business.get_or_insert_with(Default::default);
    business.legal_name = Some("Tenant Two Ltd".into());
    draft.waba_id = Some("204400000000222".into());
    core.run(onboard::save_onboarding_draft(
        &core.core,
        BUILTIN,
        draft.clone(),
    ))
    .unwrap();
    let token = "EAAG-like-this-token-9f8e7d6c5b4a";
    let outcome = core
        .run(onboard::create_profile(
            &core.core,
            BUILTIN,
            draft,
            onboard::OnboardingSecrets {
                access_token: Some(token.into()),
                payment: None,
            },
            false,
        ))
        .unwrap_or_else(|e| panic!("the client like Tenant Co is created: {e:?}"));
    let made = outcome.view.expect("the created profile's screen").profile;
    assert_eq!(made.name, "Tenant Two");
    assert_eq!(
        (
            made.inherit_contacts,
            made.allow_contact_sharing,
            made.inherit_templates,
            made.allow_template_sharing,
            made.inherit_tcr_brand,
            made.inherit_tcr_campaign
        ),
        (false, false, false, false, false, false)
    );
    assert_eq!(made.billing_model.as_str(), "profile");
    let made_brand = made.brand.as_ref().expect("its own brand");
    assert!(!made_brand.is_inherited);
    assert_eq!(
        made_brand
            .compliance
            .as_ref()
            .and_then(|c| c.vertical.as_ref())
            .map(|v| v.as_str()),
        Some("TECHNOLOGY")
    );
    assert_ne!(made.waba_id.as_deref(), Some("204417733119855"));
    assert_ne!(made.id, tenant.as_str());

    // Nothing secret reached the disk: not the token typed for the new client's WhatsApp account.
    let bytes = data_bytes(&core.dir.path);
    assert!(!bytes.is_empty(), "the data folder holds the database");
    assert!(!contains(&bytes, token), "the WhatsApp token is on disk");
}
