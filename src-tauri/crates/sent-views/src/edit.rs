//! Editing a profile, worded: the label of every field the app can change (paths as Sent's
//! `error.details` names them), the list of changes a save will send (old → new, card data as
//! "redacted"), the app-level rules that sit on top of Sent's (destination countries), the
//! choices of the brand form's closed lists, and phone numbers normalised to E.164.
//!
//! Field paths are the wire's: top level snake_case (`billing_contact.email`), brand sections in
//! the request's camelCase (`brand.business.legalName`). [`canonical_path`] folds the other
//! spellings a server may use (`brand.business.legal_name`, `brand[business][legalName]`) onto
//! these, so a server error lands on the field the user sees.

use sent_model::enums::BillingModel;
use sent_model::{BrandData, ProfileDetail, ProfileUpdate};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

use crate::fields::choice_label;
pub use crate::fields::{
    brand_relationships, camel, canonical_path, entity_types, field_label, tax_id_types, verticals,
};
use crate::labels::billing_label;

/// One field a save changes, as the review dialog and the journal show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FieldChange {
    /// Wire path, e.g. `brand.business.legalName` (the form's field id).
    pub path: String,
    /// What the user reads, e.g. "Brand · Legal name".
    pub label: String,
    /// The stored value, worded ("not set" when there was none).
    pub old: String,
    /// The value the save sends, worded ("redacted" for card data).
    pub new: String,
}

/// What the journal keeps of one change the app made (never a secret: card data is "redacted").
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct JournalChanges {
    /// The profile's name when the change was made (the journal outlives renames and deletes).
    pub profile_name: String,
    pub changes: Vec<FieldChange>,
    /// Sent's error message, or the verdict of a dry run.
    pub message: Option<String>,
}

// Journal records: names, field labels and worded values; card data is "redacted" by
// [`changes`] and never reaches it.
impl sent_model::NoSecret for JournalChanges {}
// Names of detected server behaviours (`sharing_flags_ignored`, ...).
impl sent_model::NoSecret for DriftMemory {}

/// What the app learned about a server's behaviour from its own answers (contract §19.2
/// detections, by their snake_case names), remembered per workspace (one base URL and account).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DriftMemory {
    pub drifts: Vec<String>,
}

/// The shown value of a field with nothing in it.
pub const NOT_SET: &str = "not set";
/// The shown value of card data and tokens.
pub const REDACTED: &str = "redacted";

/// A rule's message (Sent's wording, which names the wire path) as a sentence for the form, shown
/// under the field it is about: what to do, without the path.
pub fn humanize(path: &str, message: &str) -> String {
    use sent_model::validate::messages as m;
    let known = match message {
        m::SHORT_NAME_INVALID => Some("Use 3–11 letters, digits or spaces, with at least one letter."),
        m::BRAND_WITH_INHERITED_BRAND => Some("The profile inherits the organization's brand: turn off “Inherit the organization's TCR brand” to give it its own."),
        m::PAYMENT_NOT_ALLOWED => Some("The organization pays for this profile: choose a billing model that bills the profile to add a card."),
        m::EXPIRY_INVALID => Some("Use MM/YY, e.g. 09/27."),
        m::CARD_NUMBER_INVALID => Some("Enter the 13–19 digits of the card number."),
        m::CVC_INVALID => Some("Enter the 3 or 4 digits printed on the card."),
        m::BILLING_CONTACT_REQUIRED => Some("This billing model bills the profile: enter the billing contact's name and e-mail."),
        m::BRAND_SUBMITTED => Some("This brand was submitted to TCR and can no longer be changed."),
        m::BILLING_MODEL_INVALID => Some("Choose one of the billing models listed."),
        m::NAME_REQUIRED => Some("Enter the profile's name."),
        _ => None,
    };
    if let Some(known) = known {
        return known.into();
    }
    let canonical = canonical_path(path);
    if message == m::required(path) || message == m::required(&canonical) {
        return "Required: fill this in.".into();
    }
    if message == m::not_e164(path) || message == m::not_e164(&canonical) {
        return "Enter the number in E.164: +, the country code and the number, e.g. +14155550123."
            .into();
    }
    if message == m::unknown_sender_profile(path) {
        return "No other profile of this organization has this id: copy the id from that profile's page.".into();
    }
    if message == m::self_sender_profile(path) {
        return "A profile cannot borrow its own sender: enter another profile's id.".into();
    }
    if message == m::cyclic_sender_profile(path) {
        return "That profile borrows its sender, directly or not, from this one: choose a profile with a sender of its own.".into();
    }
    // Anything else: without the path it starts with, as a sentence.
    let rest = [path, canonical.as_str()]
        .iter()
        .find_map(|p| message.strip_prefix(p).map(str::trim_start))
        .unwrap_or(message);
    let mut sentence: String = rest
        .chars()
        .take(1)
        .flat_map(char::to_uppercase)
        .chain(rest.chars().skip(1))
        .collect();
    if !sentence.ends_with(['.', '!', '?', ')']) {
        sentence.push('.');
    }
    sentence
}

/// Every field a change set sends, with the stored value beside it. The brand goes whole on the
/// wire; here only its fields that differ are listed. Card data is listed as "redacted".
pub fn changes(stored: &ProfileDetail, update: &ProfileUpdate) -> Vec<FieldChange> {
    let without_card = ProfileUpdate {
        payment_details: None,
        sandbox: false,
        ..update.clone()
    };
    // No secret left in it: the plain serializer accepts it.
    let new = serde_json::to_value(&without_card).unwrap_or(Value::Null);
    let mut old = serde_json::to_value(stored).unwrap_or(Value::Null);
    if let (Some(old), Some(brand)) = (old.as_object_mut(), stored.brand.as_ref()) {
        // Compare the brand in its request form (camelCase), as it is sent.
        let own = (!brand.is_inherited).then(|| BrandData::from(brand));
        old.insert(
            "brand".into(),
            own.and_then(|b| serde_json::to_value(b).ok())
                .unwrap_or(Value::Null),
        );
    }
    let mut leaves = Vec::new();
    flatten("", &new, &mut leaves);
    // The brand goes whole and replaces the stored one: a field it leaves out (emptied in the
    // form) is cleared at Sent, so it is a change to list ("Acme Inc" -> not set).
    if let (Some(new_brand @ Value::Object(_)), Some(old_brand @ Value::Object(_))) =
        (new.get("brand"), old.get("brand"))
    {
        let mut stored_leaves = Vec::new();
        flatten("brand", old_brand, &mut stored_leaves);
        for (path, value) in stored_leaves {
            let in_new = path
                .strip_prefix("brand.")
                .and_then(|rest| lookup(new_brand, rest));
            // Only inside a section the new brand sends (a section left out is not cleared).
            let section_sent = path
                .split('.')
                .nth(1)
                .is_some_and(|section| new_brand.get(section).is_some_and(Value::is_object));
            if section_sent
                && !value.is_null()
                && in_new.is_none()
                && !leaves.iter().any(|(p, _)| *p == path)
            {
                leaves.push((path, Value::Null));
            }
        }
    }
    let mut out: Vec<FieldChange> = leaves
        .into_iter()
        .filter_map(|(path, value)| {
            let before = lookup(&old, &path);
            if before == Some(&value) || (before.is_none() && value.is_null()) {
                return None;
            }
            let old = word(&path, before.unwrap_or(&Value::Null));
            let new = word(&path, &value);
            // Sent as part of a whole section, but reads the same ("not set" and an empty list):
            // no change the user made.
            if old == new {
                return None;
            }
            Some(FieldChange {
                label: field_label(&path),
                old,
                new,
                path,
            })
        })
        .collect();
    // The form's order (JSON key order depends on serde_json's features), then by path.
    out.sort_by(|a, b| {
        form_rank(&a.path)
            .cmp(&form_rank(&b.path))
            .then_with(|| a.path.cmp(&b.path))
    });
    if update.payment_details.is_some() {
        out.push(FieldChange {
            path: "payment_details".into(),
            label: field_label("payment_details"),
            old: NOT_SET.into(),
            new: format!("{REDACTED} (sent once to the card processor, kept nowhere)"),
        });
    }
    out
}

/// Where a field sits in the profile form (sections top to bottom).
fn form_rank(path: &str) -> usize {
    const ORDER: [&str; 21] = [
        "name",
        "short_name",
        "description",
        "icon",
        "inherit_contacts",
        "allow_contact_sharing",
        "inherit_templates",
        "allow_template_sharing",
        "inherit_tcr_brand",
        "inherit_tcr_campaign",
        "billing_model",
        "billing_contact",
        "payment_details",
        "brand.contact",
        "brand.business",
        "brand.compliance",
        "sending_phone_number",
        "whatsapp_phone_number",
        "sending_phone_number_profile_id",
        "sending_whatsapp_number_profile_id",
        "allow_number_change_during_onboarding",
    ];
    ORDER
        .iter()
        .position(|p| path == *p || path.starts_with(&format!("{p}.")))
        .unwrap_or(ORDER.len())
}

/// Every leaf of a JSON value with its dotted path.
pub fn flatten(prefix: &str, value: &Value, out: &mut Vec<(String, Value)>) {
    match value {
        Value::Object(map) => {
            for (key, value) in map {
                let path = if prefix.is_empty() {
                    key.clone()
                } else {
                    format!("{prefix}.{key}")
                };
                flatten(&path, value, out);
            }
        }
        _ => out.push((prefix.to_owned(), value.clone())),
    }
}

fn lookup<'a>(value: &'a Value, path: &str) -> Option<&'a Value> {
    path.split('.')
        .try_fold(value, |value, key| value.get(key))
        .filter(|v| !v.is_null())
}

/// A value as the review dialog shows it.
pub fn word(path: &str, value: &Value) -> String {
    match value {
        Value::Null => NOT_SET.into(),
        Value::Bool(true) => "Yes".into(),
        Value::Bool(false) => "No".into(),
        Value::String(s) if s.is_empty() => NOT_SET.into(),
        Value::String(s) if path == "billing_model" => {
            billing_label(&BillingModel::from(s.as_str()))
        }
        Value::String(s) => choice_label(path, s).unwrap_or_else(|| s.clone()),
        Value::Array(items) if path.ends_with("destinationCountries") => {
            if items.is_empty() {
                return NOT_SET.into();
            }
            items
                .iter()
                .map(|c| {
                    let id = c.get("id").and_then(Value::as_str).unwrap_or("?");
                    if c.get("isMain").and_then(Value::as_bool) == Some(true) {
                        format!("{id} (main)")
                    } else {
                        id.to_owned()
                    }
                })
                .collect::<Vec<_>>()
                .join(", ")
        }
        other => other.to_string(),
    }
}

/// The app's own rule on top of Sent's: a brand's destination countries name exactly one main
/// country (a profile that is not a TCR application sends completion to review for that country,
/// contract §12.3), each a two-letter code listed once.
pub fn destination_country_problem(brand: &BrandData) -> Option<String> {
    let countries = brand.compliance.as_ref()?.destination_countries.as_ref()?;
    if countries.is_empty() {
        return None;
    }
    let mut seen = std::collections::BTreeSet::new();
    for country in countries {
        let id = country.id.as_deref().unwrap_or("").trim();
        if id.len() != 2 || !id.chars().all(|c| c.is_ascii_uppercase()) {
            return Some(format!(
                "“{id}” is not a two-letter country code (ISO 3166-1, e.g. US, GB, DE)."
            ));
        }
        if !seen.insert(id.to_owned()) {
            return Some(format!("{id} is listed twice: list each country once."));
        }
    }
    match countries.iter().filter(|c| c.is_main == Some(true)).count() {
        1 => None,
        0 => Some("Mark one destination country as the main one.".into()),
        _ => Some("Mark only one destination country as the main one.".into()),
    }
}

/// Why a phone number could not be normalised.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhoneProblem(pub String);

/// A phone number in E.164 (`+14155550123`), from what a person typed (`+1 (415) 555-0123`,
/// `0044 20 7946 0958`). Without a leading `+` or `00`, `default_country` (ISO alpha-2) is used
/// when given. Numbers that cannot exist for their country are refused.
pub fn normalize_phone(input: &str, default_country: Option<&str>) -> Result<String, PhoneProblem> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Err(PhoneProblem("Enter a phone number.".into()));
    }
    if trimmed
        .chars()
        .any(|c| !(c.is_ascii_digit() || " +-().".contains(c)))
    {
        return Err(PhoneProblem(
            "Use digits only, with an optional + and spaces, dashes or brackets.".into(),
        ));
    }
    let international = trimmed
        .strip_prefix("00")
        .map(|rest| format!("+{rest}"))
        .unwrap_or_else(|| trimmed.to_owned());
    let country = default_country
        .map(|c| c.trim().to_ascii_uppercase())
        .and_then(|c| c.parse::<phonenumber::country::Id>().ok());
    if !international.starts_with('+') && country.is_none() {
        return Err(PhoneProblem(
            "Start with + and the country code, e.g. +14155550123.".into(),
        ));
    }
    let parsed = phonenumber::parse(country, &international).map_err(|_| {
        PhoneProblem("This is not a phone number: use +, the country code and the number.".into())
    })?;
    if !phonenumber::is_valid(&parsed) {
        return Err(PhoneProblem(
            "No such number exists for its country: check the digits and the country code.".into(),
        ));
    }
    Ok(parsed.format().mode(phonenumber::Mode::E164).to_string())
}

/// Which parts of a profile cannot be changed from this app right now: the brand once submitted
/// to TCR (V13), and what the server showed it ignores (drift D1, D2, D5).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ReadOnlyParts {
    pub brand: bool,
    pub sharing: bool,
    pub borrowing: bool,
    pub brand_volume: bool,
}

/// What of a kept draft still applies to the stored profile. A change to a part that is
/// read-only now is not an edit anyone can save (the field is shown locked), so it is dropped:
/// otherwise the draft would keep the profile "unsaved" forever and ask before every navigation.
/// `None` when nothing is left to save (also a draft made before a save that carried it: only
/// the profile's timestamps differ).
pub fn draft_within_locks(
    mut draft: ProfileDetail,
    stored: &ProfileDetail,
    locked: ReadOnlyParts,
) -> Option<ProfileDetail> {
    if locked.brand {
        draft.brand = stored.brand.clone();
    }
    if locked.sharing {
        draft.allow_contact_sharing = stored.allow_contact_sharing;
        draft.allow_template_sharing = stored.allow_template_sharing;
        draft.inherit_contacts = stored.inherit_contacts;
        draft.inherit_templates = stored.inherit_templates;
    }
    if locked.borrowing {
        draft.sending_phone_number_profile_id = stored.sending_phone_number_profile_id.clone();
        draft.sending_whatsapp_number_profile_id =
            stored.sending_whatsapp_number_profile_id.clone();
    }
    if locked.brand_volume {
        let kept = stored.brand.as_ref().and_then(|b| b.compliance.as_ref());
        if let Some(compliance) = draft.brand.as_mut().and_then(|b| b.compliance.as_mut()) {
            compliance.primary_use_case = kept.and_then(|c| c.primary_use_case.clone());
            compliance.expected_messaging_volume =
                kept.and_then(|c| c.expected_messaging_volume.clone());
        }
    }
    // Compared as a save would: server-kept fields (timestamps, statuses) are no edit.
    (!ProfileUpdate::diff(stored, &draft).is_empty()).then_some(draft)
}

/// The fields the draft empties that Sent cannot clear: a PATCH treats `null` (and an absent key)
/// as "leave unchanged" (contract Q3), so saving would silently keep the old value. Each gets a
/// message on its field that says so and what to do.
pub fn uncleared(stored: &ProfileDetail, draft: &ProfileDetail) -> Vec<(String, String)> {
    type Read = fn(&ProfileDetail) -> Option<String>;
    fn contact(
        p: &ProfileDetail,
        f: fn(&sent_model::BillingContact) -> &Option<String>,
    ) -> Option<String> {
        p.billing_contact.as_ref().and_then(|c| f(c).clone())
    }
    const READERS: [(&str, Read); 11] = [
        ("short_name", |p| p.short_name.clone()),
        ("description", |p| p.description.clone()),
        ("icon", |p| p.icon.clone()),
        ("sending_phone_number", |p| p.sending_phone_number.clone()),
        ("whatsapp_phone_number", |p| p.whatsapp_phone_number.clone()),
        ("sending_phone_number_profile_id", |p| {
            p.sending_phone_number_profile_id.clone()
        }),
        ("sending_whatsapp_number_profile_id", |p| {
            p.sending_whatsapp_number_profile_id.clone()
        }),
        ("billing_contact.name", |p| contact(p, |c| &c.name)),
        ("billing_contact.email", |p| contact(p, |c| &c.email)),
        ("billing_contact.phone", |p| contact(p, |c| &c.phone)),
        ("billing_contact.address", |p| contact(p, |c| &c.address)),
    ];
    READERS
        .iter()
        .map(|(path, read)| (*path, read(stored), read(draft)))
        .filter_map(|(path, old, new)| {
            let old = old.filter(|v| !v.trim().is_empty())?;
            new.as_deref().is_none_or(|v| v.trim().is_empty()).then(|| {
                (
                    path.to_owned(),
                    format!("Sent cannot clear this field: it would keep “{old}”. Type a new value, or put the old one back."),
                )
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use sent_model::enums::TcrVertical;
    use serde_json::json;

    fn stored() -> ProfileDetail {
        serde_json::from_value(json!({
            "id": "p1", "name": "Sales", "billing_model": "organization",
            "brand": {"id": "b1", "is_inherited": false,
                "contact": {"name": "Ann", "phone_country_code": "1"},
                "business": {"legal_name": "Acme LLC", "entity_type": "PRIVATE_PROFIT"},
                "compliance": {"vertical": "RETAIL", "brand_relationship": "BASIC_ACCOUNT",
                    "is_tcr_application": true,
                    "destination_countries": [{"id": "US", "isMain": true}]}}
        }))
        .unwrap()
    }

    #[test]
    fn an_emptied_field_sent_cannot_clear_says_so() {
        let mut stored = stored();
        stored.short_name = Some("Sales".into());
        let mut draft = stored.clone();
        assert!(uncleared(&stored, &draft).is_empty());
        draft.short_name = None;
        draft.description = Some("  ".into()); // was not set: nothing to keep
        let found = uncleared(&stored, &draft);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, "short_name");
        assert!(found[0].1.contains("keep “Sales”"), "{}", found[0].1);
    }

    #[test]
    fn a_kept_draft_loses_its_changes_to_read_only_parts() {
        let stored = stored();
        let mut draft = stored.clone();
        draft.allow_contact_sharing = !stored.allow_contact_sharing;
        // Sharing ignored by the server: the draft was only that toggle, so nothing is left.
        let sharing = ReadOnlyParts {
            sharing: true,
            ..Default::default()
        };
        assert_eq!(draft_within_locks(draft.clone(), &stored, sharing), None);
        // Not locked: the change is kept.
        assert_eq!(
            draft_within_locks(draft.clone(), &stored, ReadOnlyParts::default()),
            Some(draft.clone())
        );
        // Only server-kept fields differ (the draft predates a save that carried it): no edit.
        let mut older = stored.clone();
        older.updated_at = Some(serde_json::from_value(json!("2026-12-01T10:00:00Z")).unwrap());
        assert_eq!(
            draft_within_locks(older, &stored, ReadOnlyParts::default()),
            None
        );
        // A locked toggle beside a real edit: the edit stays, the toggle goes back.
        draft.name = "Renamed".into();
        let kept = draft_within_locks(draft, &stored, sharing).expect("the rename is kept");
        assert_eq!(kept.name, "Renamed");
        assert_eq!(kept.allow_contact_sharing, stored.allow_contact_sharing);
    }

    #[test]
    fn changes_list_exactly_what_is_sent_with_words() {
        let mut draft = stored();
        draft.inherit_contacts = true;
        draft.billing_model = BillingModel::Profile;
        let brand = draft.brand.as_mut().unwrap();
        brand.business.as_mut().unwrap().legal_name = Some("Acme Holdings LLC".into());
        brand.compliance.as_mut().unwrap().vertical = Some(TcrVertical::Technology);
        let update = ProfileUpdate::diff(&stored(), &draft);
        let list = changes(&stored(), &update);
        let by_path: Vec<(&str, &str, &str)> = list
            .iter()
            .map(|c| (c.path.as_str(), c.old.as_str(), c.new.as_str()))
            .collect();
        assert_eq!(
            by_path,
            [
                ("inherit_contacts", "No", "Yes"),
                ("billing_model", "Organization pays", "Profile pays"),
                ("brand.business.legalName", "Acme LLC", "Acme Holdings LLC"),
                ("brand.compliance.vertical", "Retail", "Technology"),
            ]
        );
        assert_eq!(list[2].label, "Business · Legal name");
    }

    #[test]
    fn an_emptied_brand_field_is_a_change_because_the_brand_goes_whole() {
        let mut stored = stored();
        stored
            .brand
            .as_mut()
            .unwrap()
            .contact
            .as_mut()
            .unwrap()
            .business_name = Some("Acme Inc".into());
        let mut draft = stored.clone();
        draft
            .brand
            .as_mut()
            .unwrap()
            .contact
            .as_mut()
            .unwrap()
            .business_name = None;
        let update = ProfileUpdate::diff(&stored, &draft);
        assert!(update.brand.is_some(), "the brand is sent");
        let list = changes(&stored, &update);
        let by_path: Vec<(&str, &str, &str)> = list
            .iter()
            .map(|c| (c.path.as_str(), c.old.as_str(), c.new.as_str()))
            .collect();
        assert_eq!(
            by_path,
            [("brand.contact.businessName", "Acme Inc", NOT_SET)]
        );
    }

    #[test]
    fn card_data_is_listed_redacted_and_never_serialized() {
        let update = ProfileUpdate {
            payment_details: Some(sent_model::PaymentDetails {
                card_number: Some("4242424242424242".into()),
                ..Default::default()
            }),
            ..Default::default()
        };
        let list = changes(&stored(), &update);
        assert_eq!(list.len(), 1);
        assert!(list[0].new.starts_with(REDACTED));
        let all = serde_json::to_string(&list).unwrap();
        assert!(!all.contains("4242"), "{all}");
    }

    #[test]
    fn server_paths_land_on_form_fields() {
        assert_eq!(
            canonical_path("brand.business.legal_name"),
            "brand.business.legalName"
        );
        assert_eq!(
            canonical_path("brand[compliance][brand_relationship]"),
            "brand.compliance.brandRelationship"
        );
        assert_eq!(
            canonical_path("payment_details.expiry"),
            "payment_details.expiry"
        );
        assert_eq!(
            field_label("brand.contact.phone_country_code"),
            "Brand contact · Calling code"
        );
        assert_eq!(field_label("something_new"), "something_new");
    }

    #[test]
    fn rule_messages_read_as_sentences_without_paths() {
        use sent_model::validate::messages as m;
        assert_eq!(
            humanize("payment_details.cvc", m::CVC_INVALID),
            "Enter the 3 or 4 digits printed on the card."
        );
        assert_eq!(
            humanize("billing_contact.name", &m::required("billing_contact.name")),
            "Required: fill this in."
        );
        assert!(
            humanize("brand.contact.phone", &m::not_e164("brand.contact.phone"))
                .starts_with("Enter the number in E.164")
        );
        assert_eq!(
            humanize(
                "brand.business.legal_name",
                "brand.business.legal_name is too long"
            ),
            "Is too long."
        );
        assert_eq!(humanize("x", "Something odd"), "Something odd.");
    }

    #[test]
    fn destination_countries_need_exactly_one_main() {
        let brand = |countries: serde_json::Value| -> BrandData {
            serde_json::from_value(json!({"compliance": {"destinationCountries": countries}}))
                .unwrap()
        };
        assert!(destination_country_problem(&brand(
            json!([{"id": "US", "isMain": true}, {"id": "CA"}])
        ))
        .is_none());
        assert!(destination_country_problem(&brand(json!([{"id": "US"}])))
            .unwrap()
            .contains("Mark one"));
        assert!(destination_country_problem(&brand(
            json!([{"id": "US", "isMain": true}, {"id": "CA", "isMain": true}])
        ))
        .unwrap()
        .contains("only one"));
        assert!(
            destination_country_problem(&brand(json!([{"id": "usa", "isMain": true}])))
                .unwrap()
                .contains("two-letter")
        );
        assert!(destination_country_problem(&brand(
            json!([{"id": "US", "isMain": true}, {"id": "US"}])
        ))
        .unwrap()
        .contains("twice"));
    }

    #[test]
    fn phones_are_normalised_to_e164_or_explained() {
        assert_eq!(
            normalize_phone("+1 (415) 555-0123", None).unwrap(),
            "+14155550123"
        );
        assert_eq!(
            normalize_phone("0044 20 7946 0958", None).unwrap(),
            "+442079460958"
        );
        assert_eq!(
            normalize_phone("(415) 555-0123", Some("us")).unwrap(),
            "+14155550123"
        );
        assert!(normalize_phone("(415) 555-0123", None)
            .unwrap_err()
            .0
            .contains("Start with +"));
        assert!(normalize_phone("+1 415 555 01234567", None).is_err());
        assert!(
            normalize_phone("+14155550123\n", None).is_ok(),
            "trailing whitespace is trimmed"
        );
        assert!(normalize_phone("call me", None)
            .unwrap_err()
            .0
            .contains("digits"));
        assert!(normalize_phone("", None).is_err());
    }
}
