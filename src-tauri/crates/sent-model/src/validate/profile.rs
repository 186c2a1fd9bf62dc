//! Profile rules: create (V1–V12, V14–V16), update (V2–V13, V16, V17) and complete (V23).

use std::collections::{BTreeMap, BTreeSet};

use super::{blank, fields_result, messages, rules, FieldErrors, Rejection};
use crate::enums::BillingModel;
use crate::profile::{
    BillingContactInfo, BrandData, PaymentDetails, ProfileComplete, ProfileCreate, ProfileDetail,
    ProfileUpdate, WhatsappBusinessAccount,
};
use crate::secret::SecretString;

/// Options of the create rules.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CreateOptions {
    /// Contract Q4: when `billing_model` is omitted Sent defaults to `profile`. Lenient (default,
    /// `false`): the default does not demand a billing contact. Strict: V9 applies to it too.
    pub strict_billing_default: bool,
    /// Contract E4/9.1: `allow_contact_sharing` and `allow_template_sharing` are not nullable on
    /// create, so an explicit `null` is a 400 on that field (`false`, the default). The newer
    /// revision (§19.1 R1, S1) accepts `null` for all four sharing/inheritance flags (`true`).
    pub sharing_flags_nullable: bool,
}

/// What the rules need to know about the stored profile being updated.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StoredProfile {
    /// Its id (V17: a profile cannot borrow its own sender).
    pub id: String,
    /// Stored billing model (effective model when the PATCH does not change it: V4, V9).
    pub billing_model: BillingModel,
    /// A billing contact is stored (V9).
    pub has_billing_contact: bool,
    /// Its own brand was submitted to TCR (V13).
    pub brand_submitted_to_tcr: bool,
    /// It uses the organization's campaigns (V22).
    pub inherit_tcr_campaign: bool,
}

impl From<&ProfileDetail> for StoredProfile {
    fn from(profile: &ProfileDetail) -> Self {
        Self {
            id: profile.id.clone(),
            billing_model: profile.billing_model.clone(),
            has_billing_contact: profile
                .billing_contact
                .as_ref()
                .is_some_and(|contact| contact.name.is_some() || contact.email.is_some()),
            brand_submitted_to_tcr: profile
                .brand
                .as_ref()
                .is_some_and(|brand| !brand.is_inherited && brand.submitted_to_tcr),
            inherit_tcr_campaign: profile.inherit_tcr_campaign,
        }
    }
}

/// Which other profile's senders a profile borrows (V17).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SenderLinks {
    /// Borrowed SMS setup.
    pub sending_phone_number_profile_id: Option<String>,
    /// Borrowed WhatsApp setup.
    pub sending_whatsapp_number_profile_id: Option<String>,
}

/// What the rules need to know about the organization.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OrganizationFacts {
    /// The organization has a WhatsApp Business Account (V14).
    pub has_whatsapp_account: bool,
    /// Every live profile of the organization by id, with its borrowed senders (V17).
    pub profiles: BTreeMap<String, SenderLinks>,
}

impl OrganizationFacts {
    /// Facts from the organization's profile list.
    pub fn from_profiles<'a>(
        has_whatsapp_account: bool,
        profiles: impl IntoIterator<Item = &'a ProfileDetail>,
    ) -> Self {
        let profiles = profiles
            .into_iter()
            .map(|p| {
                let links = SenderLinks {
                    sending_phone_number_profile_id: p.sending_phone_number_profile_id.clone(),
                    sending_whatsapp_number_profile_id: p
                        .sending_whatsapp_number_profile_id
                        .clone(),
                };
                (p.id.clone(), links)
            })
            .collect();
        Self {
            has_whatsapp_account,
            profiles,
        }
    }
}

/// Every failing field of a create body (V1–V12, V15, V16). V14 is not a field rule: see
/// [`check_profile_create`].
pub fn profile_create_fields(req: &ProfileCreate, options: CreateOptions) -> FieldErrors {
    let mut errors = FieldErrors::new();
    if blank(req.name.as_deref()) {
        errors.add("name", messages::NAME_REQUIRED);
    }
    check_short_name(req.short_name.as_deref(), &mut errors);
    if req.brand.is_some() && req.inherit_tcr_brand == Some(true) {
        errors.add("brand", messages::BRAND_WITH_INHERITED_BRAND);
    }
    check_billing_model(req.billing_model.as_ref(), &mut errors);
    // Sent's default is `profile` (E4); whether that default demands a contact is Q4.
    let effective = req.billing_model.clone().unwrap_or(BillingModel::Profile);
    let demands_contact = req.billing_model.is_some() || options.strict_billing_default;
    if demands_contact && effective.bills_profile() && req.billing_contact.is_none() {
        errors.add("billing_contact", messages::BILLING_CONTACT_REQUIRED);
    }
    if let Some(contact) = &req.billing_contact {
        check_billing_contact(contact, &mut errors);
    }
    if let Some(payment) = &req.payment_details {
        if effective == BillingModel::Organization {
            errors.add("payment_details", messages::PAYMENT_NOT_ALLOWED);
        }
        check_payment(payment, &mut errors);
    }
    if let Some(account) = &req.whatsapp_business_account {
        check_whatsapp(account, &mut errors);
    }
    if let Some(brand) = &req.brand {
        check_brand(brand, &mut errors);
    }
    errors
}

/// Sent's verdict on a create: field errors first (400), then V14 (422) when the organization's
/// facts are known.
pub fn check_profile_create(
    req: &ProfileCreate,
    organization: Option<&OrganizationFacts>,
    options: CreateOptions,
) -> Result<(), Rejection> {
    fields_result(profile_create_fields(req, options))?;
    let inherits_whatsapp = req.whatsapp_business_account.is_none();
    if inherits_whatsapp && organization.is_some_and(|org| !org.has_whatsapp_account) {
        return Err(Rejection::NoOrganizationWhatsapp);
    }
    Ok(())
}

/// Every failing field of a PATCH change set (V2–V13, V16, V17). `stored` enables V4/V9 against
/// the stored billing model and contact, V13 and V17's self check; `organization` enables V17.
pub fn profile_update_fields(
    req: &ProfileUpdate,
    stored: Option<&StoredProfile>,
    organization: Option<&OrganizationFacts>,
) -> FieldErrors {
    let mut errors = FieldErrors::new();
    check_short_name(req.short_name.as_deref(), &mut errors);
    if req.brand.is_some() && req.inherit_tcr_brand == Some(true) {
        errors.add("brand", messages::BRAND_WITH_INHERITED_BRAND);
    }
    if req.brand.is_some() && stored.is_some_and(|s| s.brand_submitted_to_tcr) {
        errors.add("brand", messages::BRAND_SUBMITTED);
    }
    check_billing_model(req.billing_model.as_ref(), &mut errors);
    // V9 applies when switching to a billed-profile model with no contact given or stored.
    if let (Some(model), None) = (&req.billing_model, &req.billing_contact) {
        if model.bills_profile() && stored.is_some_and(|s| !s.has_billing_contact) {
            errors.add("billing_contact", messages::BILLING_CONTACT_REQUIRED);
        }
    }
    if let Some(contact) = &req.billing_contact {
        check_billing_contact(contact, &mut errors);
    }
    if let Some(payment) = &req.payment_details {
        let effective = req
            .billing_model
            .clone()
            .or_else(|| stored.map(|s| s.billing_model.clone()));
        if effective == Some(BillingModel::Organization) {
            errors.add("payment_details", messages::PAYMENT_NOT_ALLOWED);
        }
        check_payment(payment, &mut errors);
    }
    if let Some(brand) = &req.brand {
        check_brand(brand, &mut errors);
    }
    for (path, value) in [
        ("sending_phone_number", &req.sending_phone_number),
        ("whatsapp_phone_number", &req.whatsapp_phone_number),
    ] {
        if value.as_deref().is_some_and(|v| !rules::is_e164(v)) {
            errors.add(path, messages::not_e164(path));
        }
    }
    let borrowed = [
        (
            "sending_phone_number_profile_id",
            &req.sending_phone_number_profile_id,
            false,
        ),
        (
            "sending_whatsapp_number_profile_id",
            &req.sending_whatsapp_number_profile_id,
            true,
        ),
    ];
    for (path, target, whatsapp) in borrowed {
        if let Some(target) = target {
            check_sender_link(path, target, whatsapp, stored, organization, &mut errors);
        }
    }
    errors
}

/// Sent's verdict on a PATCH (always 400 when refused).
pub fn check_profile_update(
    req: &ProfileUpdate,
    stored: Option<&StoredProfile>,
    organization: Option<&OrganizationFacts>,
) -> Result<(), Rejection> {
    fields_result(profile_update_fields(req, stored, organization))
}

/// V23: `webHookUrl` required and an absolute https URL (http allowed for loopback hosts, Q38).
pub fn profile_complete_fields(req: &ProfileComplete) -> FieldErrors {
    let mut errors = FieldErrors::new();
    match req.web_hook_url.as_deref() {
        None => errors.add("webHookUrl", messages::required("webHookUrl")),
        Some(url) if url.trim().is_empty() => {
            errors.add("webHookUrl", messages::required("webHookUrl"))
        }
        Some(url) if !rules::is_valid_webhook_url(url) => {
            errors.add("webHookUrl", messages::WEBHOOK_URL_INVALID)
        }
        Some(_) => {}
    }
    errors
}

fn check_short_name(value: Option<&str>, errors: &mut FieldErrors) {
    if value.is_some_and(|v| !rules::is_valid_short_name(v)) {
        errors.add("short_name", messages::SHORT_NAME_INVALID);
    }
}

fn check_billing_model(value: Option<&BillingModel>, errors: &mut FieldErrors) {
    if value.is_some_and(|model| !model.is_known()) {
        errors.add("billing_model", messages::BILLING_MODEL_INVALID);
    }
}

fn check_billing_contact(contact: &BillingContactInfo, errors: &mut FieldErrors) {
    if blank(contact.name.as_deref()) {
        errors.add(
            "billing_contact.name",
            messages::required("billing_contact.name"),
        );
    }
    if blank(contact.email.as_deref()) {
        errors.add(
            "billing_contact.email",
            messages::required("billing_contact.email"),
        );
    }
    if contact.phone.as_deref().is_some_and(|p| !rules::is_e164(p)) {
        errors.add(
            "billing_contact.phone",
            messages::not_e164("billing_contact.phone"),
        );
    }
}

fn check_payment(payment: &PaymentDetails, errors: &mut FieldErrors) {
    let secret_checks = [
        (
            "payment_details.card_number",
            &payment.card_number,
            rules::is_valid_card_number as fn(&str) -> bool,
            messages::CARD_NUMBER_INVALID,
        ),
        (
            "payment_details.expiry",
            &payment.expiry,
            rules::is_valid_expiry,
            messages::EXPIRY_INVALID,
        ),
        (
            "payment_details.cvc",
            &payment.cvc,
            rules::is_valid_cvc,
            messages::CVC_INVALID,
        ),
    ];
    for (path, value, is_valid, message) in secret_checks {
        match value {
            None => errors.add(path, messages::required(path)),
            Some(secret) if !is_valid(secret.expose_secret()) => errors.add(path, message),
            Some(_) => {}
        }
    }
    if blank(payment.zip_code.as_ref().map(SecretString::expose_secret)) {
        errors.add(
            "payment_details.zip_code",
            messages::required("payment_details.zip_code"),
        );
    }
}

fn check_whatsapp(account: &WhatsappBusinessAccount, errors: &mut FieldErrors) {
    if blank(account.waba_id.as_deref()) {
        let path = "whatsapp_business_account.waba_id";
        errors.add(path, messages::required(path));
    }
    if account
        .access_token
        .as_ref()
        .is_none_or(|t| t.expose_secret().trim().is_empty())
    {
        let path = "whatsapp_business_account.access_token";
        errors.add(path, messages::required(path));
    }
}

fn check_brand(brand: &BrandData, errors: &mut FieldErrors) {
    match &brand.contact {
        None => errors.add("brand.contact", messages::required("brand.contact")),
        Some(contact) => {
            if blank(contact.name.as_deref()) {
                errors.add(
                    "brand.contact.name",
                    messages::required("brand.contact.name"),
                );
            }
            if contact.phone.as_deref().is_some_and(|p| !rules::is_e164(p)) {
                errors.add(
                    "brand.contact.phone",
                    messages::not_e164("brand.contact.phone"),
                );
            }
        }
    }
    match &brand.compliance {
        None => errors.add("brand.compliance", messages::required("brand.compliance")),
        Some(compliance) => {
            if compliance.vertical.is_none() {
                let path = "brand.compliance.vertical";
                errors.add(path, messages::required(path));
            }
            if compliance.brand_relationship.is_none() {
                let path = "brand.compliance.brandRelationship";
                errors.add(path, messages::required(path));
            }
        }
    }
}

/// V17: the target must be another live profile of the organization, and following the same kind
/// of link from it must never come back to this profile.
fn check_sender_link(
    path: &str,
    target: &str,
    whatsapp: bool,
    stored: Option<&StoredProfile>,
    organization: Option<&OrganizationFacts>,
    errors: &mut FieldErrors,
) {
    let own_id = stored.map(|s| s.id.as_str());
    if own_id == Some(target) {
        errors.add(path, messages::self_sender_profile(path));
        return;
    }
    let Some(org) = organization else { return };
    if !org.profiles.contains_key(target) {
        errors.add(path, messages::unknown_sender_profile(path));
        return;
    }
    let Some(own_id) = own_id else { return };
    let link_of = |links: &SenderLinks| {
        if whatsapp {
            links.sending_whatsapp_number_profile_id.clone()
        } else {
            links.sending_phone_number_profile_id.clone()
        }
    };
    let mut seen = BTreeSet::new();
    let mut current = target.to_owned();
    while let Some(next) = org.profiles.get(&current).and_then(link_of) {
        if next == own_id {
            errors.add(path, messages::cyclic_sender_profile(path));
            return;
        }
        if !seen.insert(next.clone()) {
            return; // a pre-existing loop elsewhere: not this write's doing
        }
        current = next;
    }
}
