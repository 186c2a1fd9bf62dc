use super::*;
use crate::profile::{BrandDetail, ProfileDetail};
use ResourceReason as R;
use ResourceSource as S;

fn res(source: ResourceSource, reason: ResourceReason) -> ResourceResolution {
    ResourceResolution { source, reason }
}

fn bools() -> [bool; 2] {
    [false, true]
}

/// Every combination of the six flags, the three "own" facts and the three organization facts.
#[test]
fn every_flag_combination() {
    let models = [
        BillingModel::Profile,
        BillingModel::Organization,
        BillingModel::ProfileAndOrganization,
        BillingModel::Other("prepaid".into()),
    ];
    let mut seen = 0;
    for bits in 0u32..(1 << 12) {
        let bit = |i: u32| bits & (1 << i) != 0;
        for model in &models {
            let p = ProfileResources {
                inherit_contacts: bit(0),
                inherit_templates: bit(1),
                inherit_tcr_brand: bit(2),
                inherit_tcr_campaign: bit(3),
                allow_contact_sharing: bit(4),
                allow_template_sharing: bit(5),
                billing_model: model,
                has_own_waba: bit(6),
                has_own_brand: bit(7),
                has_own_campaigns: bit(8),
            };
            let org = OrganizationResources {
                has_waba: bit(9),
                has_brand: bit(10),
                has_campaigns: bit(11),
            };
            let c = resolve(&p, &org);
            assert_eq!(c.billing, billing(model));
            assert_eq!(c.whatsapp, whatsapp(p.has_own_waba, org.has_waba));
            assert_eq!(
                c.contacts,
                pooled(p.inherit_contacts, p.allow_contact_sharing)
            );
            assert_eq!(
                c.templates,
                pooled(p.inherit_templates, p.allow_template_sharing)
            );
            assert_eq!(
                c.tcr_brand,
                inheritable(p.inherit_tcr_brand, p.has_own_brand, org.has_brand)
            );
            assert_eq!(
                c.tcr_campaign,
                inheritable(
                    p.inherit_tcr_campaign,
                    p.has_own_campaigns,
                    org.has_campaigns
                )
            );
            // Invariants that hold whatever the combination.
            if c.tcr_brand.source == S::Inherited {
                assert!(p.inherit_tcr_brand && org.has_brand);
            }
            if c.tcr_brand.source == S::Own {
                assert!(!p.inherit_tcr_brand && p.has_own_brand);
            }
            // An inheriting profile never falls back to its own brand (V3: brand and inherit
            // exclude each other).
            if p.inherit_tcr_brand {
                assert_ne!(c.tcr_brand.source, S::Own);
            }
            seen += 1;
        }
    }
    assert_eq!(seen, 4096 * 4);
}

#[test]
fn billing_models() {
    assert_eq!(billing(&BillingModel::Profile), res(S::Own, R::ProfilePays));
    assert_eq!(
        billing(&BillingModel::Organization),
        res(S::Inherited, R::OrganizationPays)
    );
    assert_eq!(
        billing(&BillingModel::ProfileAndOrganization),
        res(S::Own, R::ProfileThenOrganization)
    );
    assert_eq!(
        billing(&BillingModel::Other("x".into())),
        res(S::None, R::UnknownBillingModel)
    );
}

#[test]
fn whatsapp_table() {
    assert_eq!(whatsapp(true, true), res(S::Own, R::DirectCredentials));
    assert_eq!(whatsapp(true, false), res(S::Own, R::DirectCredentials));
    assert_eq!(
        whatsapp(false, true),
        res(S::Inherited, R::InheritsFromOrganization)
    );
    assert_eq!(whatsapp(false, false), res(S::None, R::OrganizationHasNone));
}

#[test]
fn contacts_and_templates_table() {
    assert_eq!(pooled(true, true), res(S::Inherited, R::InheritsAndShares));
    assert_eq!(
        pooled(true, false),
        res(S::Inherited, R::InheritsFromOrganization)
    );
    assert_eq!(pooled(false, true), res(S::Shared, R::SharedWithProfiles));
    assert_eq!(pooled(false, false), res(S::Own, R::OwnResource));
}

#[test]
fn brand_and_campaign_table() {
    for own in bools() {
        assert_eq!(
            inheritable(true, own, true),
            res(S::Inherited, R::InheritsFromOrganization)
        );
        assert_eq!(
            inheritable(true, own, false),
            res(S::None, R::OrganizationHasNone)
        );
    }
    for org in bools() {
        assert_eq!(inheritable(false, true, org), res(S::Own, R::OwnResource));
        assert_eq!(
            inheritable(false, false, org),
            res(S::None, R::NoOwnResource)
        );
    }
}

#[test]
fn pick_follows_the_source() {
    let own = Some("own");
    let org = Some("org");
    assert_eq!(whatsapp(true, true).pick(own, org), own);
    assert_eq!(whatsapp(false, true).pick(own, org), org);
    assert_eq!(whatsapp(false, false).pick(None, org), None);
    assert_eq!(pooled(false, true).pick(own, org), own);
    assert!(!inheritable(true, true, false).is_some());
}

fn brand(is_inherited: bool, submitted: bool) -> BrandDetail {
    BrandDetail {
        id: "b".into(),
        is_inherited,
        submitted_to_tcr: submitted,
        ..BrandDetail::default()
    }
}

fn org(waba_id: Option<&str>, has_brand: bool) -> OrganizationSummary {
    OrganizationSummary {
        has_waba: waba_id.is_some(),
        waba_id: waba_id.map(Into::into),
        has_brand,
    }
}

#[test]
fn overview_brand_column() {
    let mut p = ProfileDetail {
        inherit_tcr_brand: true,
        brand: Some(brand(true, true)),
        ..ProfileDetail::default()
    };
    let o = overview(&p, &org(None, true));
    assert_eq!(o.tcr_brand, res(S::Inherited, R::InheritsFromOrganization));
    assert!(o.brand_submitted_to_tcr);

    // Inheriting, organization without a brand: the server shows none (Q17).
    p.brand = None;
    let o = overview(&p, &org(None, false));
    assert_eq!(o.tcr_brand, res(S::None, R::OrganizationHasNone));
    assert!(!o.brand_submitted_to_tcr);

    p.inherit_tcr_brand = false;
    p.brand = Some(brand(false, false));
    let o = overview(&p, &org(None, true));
    assert_eq!(o.tcr_brand, res(S::Own, R::OwnResource));
    assert!(!o.brand_submitted_to_tcr);

    p.brand = None;
    let o = overview(&p, &org(None, true));
    assert_eq!(o.tcr_brand, res(S::None, R::NoOwnResource));
}

#[test]
fn overview_whatsapp_column() {
    let mut p = ProfileDetail {
        waba_id: Some("WABA-ORG".into()),
        ..ProfileDetail::default()
    };
    let o = overview(&p, &org(Some("WABA-ORG"), false));
    assert_eq!(o.whatsapp, res(S::Inherited, R::InheritsFromOrganization));

    p.waba_id = Some("WABA-OWN".into());
    let o = overview(&p, &org(Some("WABA-ORG"), false));
    assert_eq!(o.whatsapp, res(S::Own, R::DirectCredentials));

    // The organization's id unknown: a WABA where the organization has none is the profile's.
    let no_org = OrganizationSummary::default();
    assert_eq!(
        overview(&p, &no_org).whatsapp,
        res(S::Own, R::DirectCredentials)
    );
    let org_without_id = OrganizationSummary {
        has_waba: true,
        ..OrganizationSummary::default()
    };
    assert_eq!(
        overview(&p, &org_without_id).whatsapp,
        res(S::Inherited, R::InheritsFromOrganization)
    );

    p.waba_id = None;
    let o = overview(&p, &org(Some("WABA-ORG"), false));
    assert_eq!(o.whatsapp.source, S::None);
}

#[test]
fn overview_flags_match_the_core_resolver() {
    for bits in 0u32..16 {
        let bit = |i: u32| bits & (1 << i) != 0;
        let p = ProfileDetail {
            inherit_contacts: bit(0),
            allow_contact_sharing: bit(1),
            inherit_templates: bit(2),
            allow_template_sharing: bit(3),
            billing_model: BillingModel::Organization,
            ..ProfileDetail::default()
        };
        let o = overview(&p, &OrganizationSummary::default());
        assert_eq!(o.contacts, pooled(bit(0), bit(1)));
        assert_eq!(o.templates, pooled(bit(2), bit(3)));
        assert_eq!(o.billing, res(S::Inherited, R::OrganizationPays));
    }
}

#[test]
fn wire_form_is_snake_case() {
    let v = serde_json::to_value(whatsapp(false, true)).unwrap();
    assert_eq!(
        v,
        serde_json::json!({"source": "inherited", "reason": "inherits_from_organization"})
    );
}
