//! The demo seed: "Acme Agency" and five profiles that show the three patterns of the
//! Sender Profiles concept page (agency, franchise, platform/ISV) in different statuses.

use chrono::{DateTime, Duration, Utc};
use serde_json::json;
use uuid::Uuid;

use super::brand;
use crate::store::{
    BillingContact, Campaign, Contact, Organization, Owner, Profile, State, Template,
    WabaCredentials, STATE_VERSION,
};

pub(super) struct P<'a> {
    pub(super) name: &'a str,
    pub(super) short: Option<&'a str>,
    pub(super) description: &'a str,
    pub(super) status: &'a str,
    pub(super) billing: &'a str,
    pub(super) inherit: [bool; 4], // contacts, templates, tcr brand, tcr campaign
    pub(super) share: [bool; 2],   // contacts, templates
    pub(super) waba: Option<&'a str>,
}

/// A profile record from its pattern (also used by the generated profiles).
pub(super) fn profile(now: DateTime<Utc>, age_days: i64, p: P<'_>) -> Profile {
    Profile {
        id: Uuid::new_v4(),
        name: p.name.into(),
        icon: None,
        description: Some(p.description.into()),
        short_name: p.short.map(Into::into),
        status: p.status.into(),
        created_at: now - Duration::days(age_days),
        updated_at: Some(now - Duration::days(age_days / 2)),
        allow_contact_sharing: p.share[0],
        allow_template_sharing: p.share[1],
        inherit_contacts: p.inherit[0],
        inherit_templates: p.inherit[1],
        inherit_tcr_brand: p.inherit[2],
        inherit_tcr_campaign: p.inherit[3],
        billing_model: p.billing.into(),
        sending_phone_number_profile_id: None,
        sending_whatsapp_number_profile_id: None,
        sending_phone_number: None,
        whatsapp_phone_number: None,
        allow_number_change_during_onboarding: None,
        own_waba: p.waba.map(|w| WabaCredentials {
            waba_id: w.into(),
            access_token: "EAAG-demo-token".into(),
            phone_number_id: None,
        }),
        billing_contact: None,
        brand: None,
        role: Some("admin".into()),
        deleted_at: None,
        fixtures: Default::default(),
    }
}

fn campaign(
    now: DateTime<Utc>,
    owner: Owner,
    brand_id: Uuid,
    name: &str,
    submitted: bool,
) -> Campaign {
    Campaign {
        id: Uuid::new_v4(),
        owner,
        brand_id: Some(brand_id),
        created_at: now,
        updated_at: None,
        status: Some(if submitted { "ACTIVE" } else { "SENT_CREATED" }.into()),
        sharing_status: submitted.then(|| "ACCEPTED".to_string()),
        submitted_to_tcr: submitted,
        submitted_at: submitted.then_some(now),
        tcr_campaign_id: submitted.then(|| "CX4K2P9".to_string()),
        cost: submitted.then_some(15.0),
        has_submission_transaction: submitted,
        use_case_ids: vec![Uuid::new_v4()],
        data: serde_json::from_value(json!({
            "name": name,
            "description": "Appointment reminders and follow-ups for customers who opted in at booking",
            "type": "App",
            "useCases": [{
                "messagingUseCaseUs": "ACCOUNT_NOTIFICATION",
                "sampleMessages": ["Hi Ana, your appointment is tomorrow at 9:00. Reply STOP to opt out."]
            }],
            "messageFlow": "Customers opt in on the booking form",
            "privacyPolicyLink": "https://acme-agency.example/privacy",
            "termsAndConditionsLink": "https://acme-agency.example/terms",
            "optinKeywords": "START", "optoutKeywords": "STOP, END", "helpKeywords": "HELP",
            "optinMessage": "You are subscribed.", "optoutMessage": "You are unsubscribed.",
            "helpMessage": "Reply STOP to unsubscribe."
        }))
        .expect("the demo campaign matches the wire model"),
        deleted: false,
    }
}

#[allow(clippy::too_many_arguments)]
fn template(
    now: DateTime<Utc>,
    owner: Owner,
    name: &str,
    category: &str,
    status: &str,
    channels: &[&str],
    body: &str,
    variables: &[&str],
) -> Template {
    Template {
        id: Uuid::new_v4(),
        owner,
        name: name.into(),
        category: category.into(),
        language: "en_US".into(),
        status: status.into(),
        channels: channels.iter().map(|c| c.to_string()).collect(),
        variables: variables.iter().map(|c| c.to_string()).collect(),
        body: body.into(),
        is_published: status == "APPROVED",
        is_welcome_playground: name == "welcome_playground",
        created_at: now - Duration::days(30),
        updated_at: None,
    }
}

fn contact(
    now: DateTime<Utc>,
    owner: Owner,
    phone: &str,
    channels: &str,
    opt_out: bool,
) -> Contact {
    Contact {
        id: Uuid::new_v4(),
        owner,
        phone_number: phone.into(),
        region_code: "US".into(),
        country_code: "1".into(),
        available_channels: channels.into(),
        default_channel: channels.split(',').next().unwrap_or("sms").into(),
        opt_out,
        created_at: now - Duration::days(10),
        updated_at: None,
    }
}

pub(super) fn build(now: DateTime<Utc>) -> State {
    let org_brand = brand(
        now - Duration::days(90),
        "Acme Agency LLC",
        "PROFESSIONAL",
        true,
        true,
    );
    let org_brand_id = Uuid::parse_str(&org_brand.id).unwrap_or_default();

    // Agency pattern: org pays, dedicated WABA, dedicated contacts, inherited + shared templates.
    let bella = profile(
        now,
        60,
        P {
            name: "Bella Salon",
            short: Some("Bella"),
            description: "Agency client: hair salon reminders",
            status: "approved",
            billing: "organization",
            inherit: [false, true, true, true],
            share: [false, true],
            waba: Some("204417733119851"),
        },
    );
    // Agency client with its own brand already submitted to TCR (brand locked, V13).
    let mut northwind = profile(
        now,
        45,
        P {
            name: "Northwind Clinics",
            short: Some("NWC Care"),
            description: "Agency client: clinic appointment reminders",
            status: "pending_review",
            billing: "organization",
            inherit: [false, true, false, false],
            share: [false, false],
            waba: Some("204417733119852"),
        },
    );
    northwind.brand = Some(brand(
        now - Duration::days(40),
        "Northwind Health Ltd",
        "HEALTHCARE",
        true,
        true,
    ));
    // Franchise pattern: org pays, dedicated WABA per location, inherited contacts and templates.
    let mut downtown = profile(
        now,
        30,
        P {
            name: "Joe's Pizza Downtown",
            short: Some("Joes DT"),
            description: "Franchise location: order updates",
            status: "approved",
            billing: "organization",
            inherit: [true, true, true, true],
            share: [false, false],
            waba: Some("204417733119853"),
        },
    );
    downtown.sending_phone_number = Some("+14155550111".into());
    let uptown = profile(
        now,
        3,
        P {
            name: "Joe's Pizza Uptown",
            short: None,
            description: "Franchise location, still being set up",
            status: "incomplete",
            billing: "organization",
            inherit: [true, true, true, true],
            share: [false, false],
            waba: None,
        },
    );
    // Platform/ISV pattern: tenant pays, everything dedicated; brand not yet submitted (editable).
    let mut tenant = profile(
        now,
        7,
        P {
            name: "Tenant Co",
            short: Some("TenantCo"),
            description: "Platform tenant with dedicated resources",
            status: "incomplete",
            billing: "profile",
            inherit: [false, false, false, false],
            share: [false, false],
            waba: Some("204417733119855"),
        },
    );
    tenant.billing_contact = Some(BillingContact {
        name: Some("Tenant Co Inc".into()),
        email: Some("ap@tenant.example".into()),
        phone: Some("+14155550160".into()),
        address: Some("1 Market St, San Francisco, CA 94105, US".into()),
    });
    tenant.brand = Some(brand(
        now - Duration::days(6),
        "Tenant Co Inc",
        "TECHNOLOGY",
        true,
        false,
    ));

    let campaigns = vec![
        campaign(
            now - Duration::days(80),
            Owner::Org,
            org_brand_id,
            "Acme client notifications",
            true,
        ),
        campaign(
            now - Duration::days(39),
            Owner::Profile(northwind.id),
            northwind
                .brand
                .as_ref()
                .and_then(|b| Uuid::parse_str(&b.id).ok())
                .unwrap_or(org_brand_id),
            "Northwind reminders",
            true,
        ),
        campaign(
            now - Duration::days(5),
            Owner::Profile(tenant.id),
            tenant
                .brand
                .as_ref()
                .and_then(|b| Uuid::parse_str(&b.id).ok())
                .unwrap_or(org_brand_id),
            "Tenant Co notifications",
            false,
        ),
    ];

    let templates = vec![
        template(
            now,
            Owner::Org,
            "visit_reminder",
            "UTILITY",
            "APPROVED",
            &["sms", "whatsapp"],
            "Hi {{first_name}}, see you tomorrow at {{time}}.",
            &["first_name", "time"],
        ),
        template(
            now,
            Owner::Org,
            "otp_code",
            "AUTHENTICATION",
            "APPROVED",
            &["sms"],
            "Your code is {{code}}",
            &["code"],
        ),
        template(
            now,
            Owner::Org,
            "spring_promo",
            "MARKETING",
            "PENDING",
            &["whatsapp"],
            "Spring sale: 20% off this week, {{first_name}}!",
            &["first_name"],
        ),
        template(
            now,
            Owner::Org,
            "sms_survey",
            "MARKETING",
            "PENDING",
            &["sms"],
            "How did we do? Reply 1-5.",
            &[],
        ),
        template(
            now,
            Owner::Org,
            "welcome_playground",
            "UTILITY",
            "APPROVED",
            &["sms", "whatsapp"],
            "Welcome to Sent!",
            &[],
        ),
        template(
            now,
            Owner::Profile(tenant.id),
            "tenant_welcome",
            "UTILITY",
            "APPROVED",
            &["sms"],
            "Welcome to Tenant Co, {{first_name}}.",
            &["first_name"],
        ),
        template(
            now,
            Owner::Profile(bella.id),
            "bella_booking",
            "UTILITY",
            "REJECTED",
            &["whatsapp"],
            "Book your next visit: {{link}}",
            &["link"],
        ),
    ];

    let contacts = vec![
        contact(now, Owner::Org, "+14155550199", "sms,whatsapp", false),
        contact(now, Owner::Org, "+14155550198", "sms", false),
        contact(
            now,
            Owner::Org,
            crate::magic::OPTED_OUT,
            "sms,whatsapp",
            true,
        ),
        contact(
            now,
            Owner::Profile(bella.id),
            "+14155550170",
            "whatsapp",
            false,
        ),
        contact(now, Owner::Profile(tenant.id), "+14155550180", "sms", false),
    ];

    State {
        version: STATE_VERSION,
        org: Organization {
            id: Uuid::new_v4(),
            name: "Acme Agency".into(),
            email: Some("team@acme-agency.example".into()),
            icon: Some("https://acme-agency.example/icon.png".into()),
            description: Some("Messaging agency managing client sender profiles".into()),
            created_at: now - Duration::days(120),
            waba_id: Some("104918273645501".into()),
            whatsapp_phone_number: Some("+14155550100".into()),
            whatsapp_business_name: Some("Acme Agency".into()),
            sms_phone_number: Some("+14155550101".into()),
            brand: Some(org_brand),
        },
        profiles: vec![bella, northwind, downtown, uptown, tenant],
        campaigns,
        templates,
        contacts,
        messages: vec![],
        webhooks: vec![],
        keys: vec![],
        completions: vec![],
        clock_offset_ms: 0,
        idempotency: vec![],
        key_secret: None,
    }
}
