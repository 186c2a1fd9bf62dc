//! The profile detail screen: what a profile is and uses, and editing it as a draft.
//!
//! The webview edits a copy of the [`ProfileDetail`] Sent returned (the draft, saved in the local
//! database as the user types, never with card data). Every check runs here, with the same rules
//! the client and the sandbox use (`sent_model::validate`), plus the app's own (phone numbers in
//! E.164, one main destination country). A save sends only the fields that changed
//! ([`ProfileUpdate::diff`]); card details travel beside the draft, only in the save call, and are
//! dropped (zeroized) when it returns. Every save, dry run, failure and delete is appended to the
//! journal with its fields old → new (card data as "redacted").

use std::collections::BTreeMap;

use sent_client::{drift, CallOptions, ProfileBackend, ServerDrift};
use sent_model::effective::OrganizationSummary;
use sent_model::validate::{self, OrganizationFacts, StoredProfile};
use sent_model::{BillingContact, BrandDetail, PaymentDetails, ProfileDetail, ProfileUpdate};
use sent_views::edit::{self as words, DriftMemory, FieldChange};
use sent_views::{resource_lines, ProfileRow, ResourceLine};
use serde::Serialize;
use ts_rs::TS;
use uuid::Uuid;

use crate::core::Core;
use crate::error::{AppError, ErrorKind};
use crate::journal::{record, EntryOutcome, JournalAction};
use sent_model::ProfileId;

use crate::profiles::organization_summary;

/// Workspace fact: the newer-server behaviours detected so far.
const DRIFT_KEY: &str = "server_drift";

/// One newer-server behaviour, as the banner says it.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct DriftNotice {
    pub drift: ServerDrift,
    pub message: String,
}

/// Parts of the form that cannot be edited, each with the reason the screen shows.
#[derive(Debug, Clone, Default, Serialize, TS)]
#[ts(export)]
pub struct EditLocks {
    /// The profile's own brand was submitted to TCR (V13).
    pub brand: Option<String>,
    /// This server ignores the contact/template sharing and inheritance flags (D1).
    pub sharing: Option<String>,
    /// This server ignores sender borrowing (D2).
    pub borrowing: Option<String>,
    /// This server drops the brand's primary use case and expected volume (D5).
    pub brand_volume: Option<String>,
}

/// Everything the detail screen shows.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ProfileDetailView {
    pub row: ProfileRow,
    /// As Sent last returned it.
    pub profile: ProfileDetail,
    /// Effective configuration, resource by resource.
    pub resources: Vec<ResourceLine>,
    /// Why this profile cannot send on some channel, in sentences (empty when it can).
    pub warnings: Vec<String>,
    pub locks: EditLocks,
    /// Newer-server behaviours detected on this workspace.
    pub drift: Vec<DriftNotice>,
    /// The unsaved edit kept from earlier, if any.
    pub draft: Option<ProfileDetail>,
    #[ts(type = "number | null")]
    pub draft_saved_at: Option<i64>,
    /// When the profile was last read from Sent (Unix ms).
    #[ts(type = "number | null")]
    pub fetched_at: Option<i64>,
}

/// The verdict on a draft while the user types.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct EditCheck {
    /// Field path → messages (paths as the form's field ids).
    pub fields: BTreeMap<String, Vec<String>>,
    /// What a save would send, old → new.
    pub changes: Vec<FieldChange>,
}

/// What a save (or its dry run) came back with.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct SaveOutcome {
    pub dry_run: bool,
    /// What was sent, old → new.
    pub changes: Vec<FieldChange>,
    /// Fields the user set that Sent answered with another value (shown next to the field).
    pub differences: Vec<FieldChange>,
    /// The profile as Sent answered (a dry run: as it would be).
    pub profile: ProfileDetail,
    /// The screen after a live save (a dry run leaves the profile as it was: `None`).
    pub view: Option<ProfileDetailView>,
    /// Newer-server behaviours this answer revealed.
    pub drift: Vec<DriftNotice>,
    /// One sentence for the user.
    pub message: String,
    pub request_id: Option<String>,
}

/// What a delete came back with.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct DeleteOutcome {
    pub message: String,
    pub request_id: Option<String>,
}

// ---- reading -------------------------------------------------------------------------------

pub async fn profile_detail(
    state: &Core,
    workspace_id: Uuid,
    profile_id: ProfileId,
) -> Result<ProfileDetailView, AppError> {
    let profile_id = profile_id.into_string();
    let workspace = workspace_id.to_string();
    let cached = state
        .with_store(|store| store.cached_profile(&workspace, &profile_id))?
        .flatten();
    let (profile, fetched_at) = cached.ok_or_else(gone)?;
    detail_view(state, &workspace, profile, Some(fetched_at))
}

pub async fn refresh_profile(
    state: &Core,
    workspace_id: Uuid,
    profile_id: ProfileId,
) -> Result<ProfileDetailView, AppError> {
    let profile_id = profile_id.into_string();
    let workspace = workspace_id.to_string();
    let (client, _) = state.client(workspace_id, None)?;
    let profile = match client.get_profile(&profile_id).await {
        Ok(response) => response.data,
        Err(error) => {
            let error = AppError::from(error);
            if deleted_at_sent(&error) {
                // Deleted elsewhere: forget it here too.
                forget_profile(state, &workspace, &profile_id)?;
                return Err(gone());
            }
            return Err(error);
        }
    };
    remember_profile(state, &workspace, &profile)?;
    detail_view(state, &workspace, profile, Some(now_ms()))
}

/// Sent says the profile does not exist (a 404 with its `RESOURCE_*` code). A 404 without one
/// (a proxy, a wrong base URL, a server that does not know the route) says nothing about the
/// profile: the cached profile and the user's unsaved edit are kept.
pub(crate) fn deleted_at_sent(error: &AppError) -> bool {
    error.kind == ErrorKind::NotFound
        && error
            .code
            .as_deref()
            .is_some_and(|code| code.starts_with("RESOURCE_"))
}

fn gone() -> AppError {
    AppError::new(
        ErrorKind::NotFound,
        "This profile is not in the organization any more (deleted, or never cached here). Go back to the list and refresh it.",
    )
}

pub(crate) fn detail_view(
    state: &Core,
    workspace: &str,
    profile: ProfileDetail,
    fetched_at: Option<i64>,
) -> Result<ProfileDetailView, AppError> {
    let organization = organization_summary(state, workspace);
    let drifts = known_drift(state, workspace);
    let draft = state
        .with_store(|store| store.draft::<ProfileDetail>(workspace, &draft_key(&profile.id)))?
        .flatten();
    let locks = locks(&profile, &drifts);
    let read_only = words::ReadOnlyParts {
        brand: locks.brand.is_some(),
        sharing: locks.sharing.is_some(),
        borrowing: locks.borrowing.is_some(),
        brand_volume: locks.brand_volume.is_some(),
    };
    // A draft equal to the profile, or whose only changes are to parts now read-only, is no edit.
    let (draft, draft_saved_at) = match draft {
        Some((draft, at)) => match words::draft_within_locks(draft, &profile, read_only) {
            Some(draft) => (Some(draft), Some(at)),
            None => {
                state.with_store(|store| store.delete_draft(workspace, &draft_key(&profile.id)))?;
                (None, None)
            }
        },
        None => (None, None),
    };
    Ok(ProfileDetailView {
        row: ProfileRow::new(&profile, &organization),
        resources: resource_lines(&profile, &organization),
        warnings: warnings(&profile, &organization),
        locks,
        drift: notices(&drifts),
        profile,
        draft,
        draft_saved_at,
        fetched_at,
    })
}

/// Why the profile cannot send, channel by channel.
fn warnings(profile: &ProfileDetail, organization: &OrganizationSummary) -> Vec<String> {
    let mut out = Vec::new();
    if profile.waba_id.is_none() && !organization.has_waba {
        out.push("Cannot send WhatsApp: there is no WhatsApp Business Account, neither the profile's own nor the organization's. Connect one in the Sent dashboard, or create the profile again with direct WhatsApp credentials.".into());
    }
    match &profile.brand {
        None if profile.inherit_tcr_brand => out.push("Cannot send US SMS (A2P 10DLC): the profile inherits the organization's TCR brand, but the organization has none. Add the organization's brand in the Sent dashboard, or turn off “Inherit the organization's TCR brand” and fill in the profile's own brand.".into()),
        None => out.push("Cannot send US SMS (A2P 10DLC): the profile has no TCR brand. Fill in its brand below, or turn on “Inherit the organization's TCR brand”.".into()),
        Some(brand) if !brand.submitted_to_tcr && brand.compliance.as_ref().is_some_and(|c| c.is_tcr_application) => {
            let status = profile.status.as_str().to_ascii_lowercase();
            if status == "pending_review" || (sent_views::onboard::submit_in_progress(&status) && status != "incomplete") {
                out.push("US SMS (A2P 10DLC) waits for TCR: the profile is under review; Sent submits its brand to TCR when the review passes.".into());
            } else {
                out.push("US SMS (A2P 10DLC) waits for TCR: the brand is not submitted yet. Submit the profile for review when its brand and campaign are complete.".into());
            }
        }
        Some(_) => {}
    }
    if profile.billing_model.bills_profile()
        && profile
            .billing_contact
            .as_ref()
            .is_none_or(|c| c.name.is_none() && c.email.is_none())
    {
        out.push("The profile is billed but has no billing contact: Sent cannot invoice it. Add the billing contact below.".into());
    }
    out
}

fn locks(profile: &ProfileDetail, drifts: &[ServerDrift]) -> EditLocks {
    let brand = profile
        .brand
        .as_ref()
        .filter(|b| !b.is_inherited && b.submitted_to_tcr)
        .map(|b| {
            let when = b
                .submitted_at
                .as_ref()
                .map(|t| format!(" on {}", t.to_utc().format("%-d %B %Y")))
                .unwrap_or_default();
            format!("This brand was submitted to TCR{when}. Sent no longer accepts changes to a submitted brand; contact Sent support to change a registered brand.")
        });
    let has = |d: ServerDrift| drifts.contains(&d);
    EditLocks {
        brand,
        sharing: has(ServerDrift::SharingFlagsIgnored).then(|| {
            "Read-only on this server: it ignores contact/template sharing and inheritance (it did not keep a value this app saved).".into()
        }),
        borrowing: has(ServerDrift::SenderBorrowingIgnored).then(|| {
            "Read-only on this server: it ignores sender borrowing. Give the profile its own number instead.".into()
        }),
        brand_volume: has(ServerDrift::BrandVolumeFieldsDropped).then(|| {
            "Read-only on this server: it does not store the brand's primary use case and expected volume.".into()
        }),
    }
}

pub(crate) fn notices(drifts: &[ServerDrift]) -> Vec<DriftNotice> {
    drifts
        .iter()
        .map(|d| DriftNotice {
            drift: *d,
            message: d.message().into(),
        })
        .collect()
}

pub(crate) fn known_drift(state: &Core, workspace: &str) -> Vec<ServerDrift> {
    state
        .with_store(|store| store.fact::<DriftMemory>(workspace, DRIFT_KEY))
        .ok()
        .flatten()
        .flatten()
        .map(|memory| {
            memory
                .drifts
                .into_iter()
                .filter_map(|name| serde_json::from_value(serde_json::Value::String(name)).ok())
                .collect()
        })
        .unwrap_or_default()
}

pub(crate) fn remember_drift(
    state: &Core,
    workspace: &str,
    found: &[ServerDrift],
) -> Result<(), AppError> {
    if found.is_empty() {
        return Ok(());
    }
    let mut all = known_drift(state, workspace);
    for d in found {
        if !all.contains(d) {
            all.push(*d);
        }
    }
    all.sort();
    let memory = DriftMemory {
        drifts: all
            .iter()
            .filter_map(|d| serde_json::to_value(d).ok()?.as_str().map(str::to_owned))
            .collect(),
    };
    state.with_store(|store| store.put_fact(workspace, DRIFT_KEY, &memory))?;
    Ok(())
}

/// Puts a profile Sent answered into the cache and its row into the list (which pushes
/// `profiles_updated`).
pub(crate) fn remember_profile(
    state: &Core,
    workspace: &str,
    profile: &ProfileDetail,
) -> Result<(), AppError> {
    let organization = organization_summary(state, workspace);
    state.with_store(|store| store.upsert_profile(workspace, profile))?;
    if let Ok(id) = workspace.parse::<Uuid>() {
        if state.lists.upsert(id, profile, &organization) {
            crate::profiles::announce(state, id);
        }
    }
    Ok(())
}

fn forget_profile(state: &Core, workspace: &str, profile_id: &str) -> Result<(), AppError> {
    state.with_store(|store| {
        store.remove_profile(workspace, profile_id)?;
        store.delete_draft(workspace, &draft_key(profile_id))
    })?;
    if let Ok(id) = workspace.parse::<Uuid>() {
        if state.lists.remove(id, profile_id) {
            crate::profiles::announce(state, id);
        }
    }
    Ok(())
}

/// Forgets the newer-server behaviours learned for a workspace ("Check again"): the next answers
/// decide anew.
pub async fn forget_server_drift(state: &Core, workspace_id: Uuid) -> Result<(), AppError> {
    let workspace = workspace_id.to_string();
    state.with_store(|store| store.put_fact(&workspace, DRIFT_KEY, &DriftMemory::default()))?;
    Ok(())
}

// ---- drafts ----------------------------------------------------------------------------------

fn draft_key(profile_id: &str) -> String {
    format!("profile:{profile_id}")
}

/// Keeps the unsaved edit (a response-shaped profile: no card data or token can be in it).
pub async fn save_profile_draft(
    state: &Core,
    workspace_id: Uuid,
    profile_id: ProfileId,
    draft: ProfileDetail,
) -> Result<Option<i64>, AppError> {
    let profile_id = profile_id.into_string();
    let workspace = workspace_id.to_string();
    let saved = state.with_store(|store| {
        store.put_draft(&workspace, &draft_key(&profile_id), &draft)?;
        Ok(crate::profiles::now_ms())
    })?;
    Ok(saved)
}

pub async fn discard_profile_draft(
    state: &Core,
    workspace_id: Uuid,
    profile_id: ProfileId,
) -> Result<(), AppError> {
    let profile_id = profile_id.into_string();
    let workspace = workspace_id.to_string();
    state.with_store(|store| store.delete_draft(&workspace, &draft_key(&profile_id)))?;
    Ok(())
}

// ---- checking ------------------------------------------------------------------------------

/// A phone number as E.164, or a field error that says how to write it.
pub async fn normalize_phone(
    _state: &Core,
    value: String,
    country: Option<String>,
) -> Result<String, AppError> {
    words::normalize_phone(&value, country.as_deref())
        .map_err(|problem| AppError::new(ErrorKind::Validation, problem.0))
}

pub async fn check_profile_edit(
    state: &Core,
    workspace_id: Uuid,
    profile_id: ProfileId,
    draft: ProfileDetail,
    payment: Option<PaymentDetails>,
) -> Result<EditCheck, AppError> {
    let profile_id = profile_id.into_string();
    let prepared = prepare(state, workspace_id, &profile_id, draft, payment)?;
    Ok(EditCheck {
        changes: words::changes(&prepared.stored, &prepared.update),
        fields: prepared.fields,
    })
}

struct Prepared {
    stored: ProfileDetail,
    update: ProfileUpdate,
    fields: BTreeMap<String, Vec<String>>,
}

fn prepare(
    state: &Core,
    workspace_id: Uuid,
    profile_id: &str,
    draft: ProfileDetail,
    payment: Option<PaymentDetails>,
) -> Result<Prepared, AppError> {
    let workspace = workspace_id.to_string();
    let (stored, _) = state
        .with_store(|store| store.cached_profile(&workspace, profile_id))?
        .flatten()
        .ok_or_else(gone)?;
    let mut fields = validate::FieldErrors::new();
    let draft = tidy(draft, &mut fields);
    for (path, message) in words::uncleared(&stored, &draft) {
        fields.add(path, message);
    }
    let mut update = ProfileUpdate::diff(&stored, &draft);
    update.payment_details = payment
        .map(PaymentDetails::as_typed)
        .filter(|p| !p.is_blank());
    // V17 needs the organization's profiles: read them only when a borrowed sender changes.
    let borrowing = update.sending_phone_number_profile_id.is_some()
        || update.sending_whatsapp_number_profile_id.is_some();
    let organization = if borrowing {
        state
            .with_store(|store| store.cached_profiles(&workspace))?
            .flatten()
            .map(|cached| {
                OrganizationFacts::from_profiles(
                    organization_summary(state, &workspace).has_waba,
                    cached.profiles.iter(),
                )
            })
    } else {
        None
    };
    // The app's own checks (phone numbers, e-mails, countries) speak first; a rule's message
    // for the same field would only repeat them.
    let rules = validate::profile_update_fields(
        &update,
        Some(&StoredProfile::from(&stored)),
        organization.as_ref(),
    );
    for (path, messages) in rules.into_map() {
        if !fields.contains(&path) {
            for message in messages {
                fields.add(path.clone(), message);
            }
        }
    }
    // V9 in full: a billed profile needs a contact, also when the model is unchanged.
    if draft.billing_model.bills_profile()
        && update.billing_contact.is_none()
        && !StoredProfile::from(&stored).has_billing_contact
        && !fields.contains("billing_contact")
    {
        fields.add(
            "billing_contact",
            "This billing model bills the profile: enter the billing contact's name and e-mail.",
        );
    }
    if let Some(problem) = update
        .brand
        .as_ref()
        .and_then(words::destination_country_problem)
    {
        fields.add("brand.compliance.destinationCountries", problem);
    }
    let fields = fields.into_map().into_iter().fold(
        BTreeMap::new(),
        |mut all: BTreeMap<String, Vec<String>>, (path, messages)| {
            all.entry(words::canonical_path(&path))
                .or_default()
                .extend(messages.iter().map(|m| words::humanize(&path, m)));
            all
        },
    );
    Ok(Prepared {
        stored,
        update,
        fields,
    })
}

/// The draft as it would be sent: text trimmed, empty text as "not set", phone numbers in E.164
/// (a number that cannot be normalised stays as typed, with its field error).
pub(crate) fn tidy(mut draft: ProfileDetail, fields: &mut validate::FieldErrors) -> ProfileDetail {
    fn text(value: &mut Option<String>) {
        if let Some(v) = value {
            let trimmed = v.trim();
            *value = (!trimmed.is_empty()).then(|| trimmed.to_owned());
        }
    }
    fn phone(
        value: &mut Option<String>,
        country: Option<&str>,
        path: &str,
        fields: &mut validate::FieldErrors,
    ) {
        text(value);
        if let Some(v) = value {
            match words::normalize_phone(v, country) {
                Ok(e164) => *v = e164,
                Err(problem) => fields.add(path, problem.0),
            }
        }
    }
    draft.name = draft.name.trim().to_owned();
    for value in [
        &mut draft.short_name,
        &mut draft.description,
        &mut draft.icon,
    ] {
        text(value);
    }
    text(&mut draft.sending_phone_number_profile_id);
    text(&mut draft.sending_whatsapp_number_profile_id);
    phone(
        &mut draft.sending_phone_number,
        None,
        "sending_phone_number",
        fields,
    );
    phone(
        &mut draft.whatsapp_phone_number,
        None,
        "whatsapp_phone_number",
        fields,
    );
    if let Some(contact) = &mut draft.billing_contact {
        tidy_billing(contact, fields, phone, text);
    }
    if let Some(brand) = &mut draft.brand {
        tidy_brand(brand, fields, phone, text);
    }
    draft
}

type PhoneFn = fn(&mut Option<String>, Option<&str>, &str, &mut validate::FieldErrors);
type TextFn = fn(&mut Option<String>);

fn tidy_billing(
    contact: &mut BillingContact,
    fields: &mut validate::FieldErrors,
    phone: PhoneFn,
    text: TextFn,
) {
    text(&mut contact.name);
    text(&mut contact.email);
    text(&mut contact.address);
    phone(&mut contact.phone, None, "billing_contact.phone", fields);
    if let Some(email) = contact.email.as_deref() {
        if !looks_like_email(email) {
            fields.add(
                "billing_contact.email",
                "Enter an e-mail address like billing@example.com.",
            );
        }
    }
}

fn tidy_brand(
    brand: &mut BrandDetail,
    fields: &mut validate::FieldErrors,
    phone: PhoneFn,
    text: TextFn,
) {
    let country = brand
        .business
        .as_ref()
        .and_then(|b| b.country.clone())
        .filter(|c| c.trim().len() == 2);
    if let Some(contact) = &mut brand.contact {
        contact.name = contact.name.trim().to_owned();
        for v in [
            &mut contact.business_name,
            &mut contact.role,
            &mut contact.email,
            &mut contact.phone_country_code,
        ] {
            text(v);
        }
        phone(
            &mut contact.phone,
            country.as_deref(),
            "brand.contact.phone",
            fields,
        );
        if contact
            .email
            .as_deref()
            .is_some_and(|e| !looks_like_email(e))
        {
            fields.add(
                "brand.contact.email",
                "Enter an e-mail address like compliance@example.com.",
            );
        }
    }
    if let Some(business) = &mut brand.business {
        for v in [
            &mut business.legal_name,
            &mut business.tax_id,
            &mut business.tax_id_type,
            &mut business.entity_type,
            &mut business.street,
            &mut business.city,
            &mut business.state,
            &mut business.postal_code,
            &mut business.country,
            &mut business.url,
            &mut business.country_of_registration,
        ] {
            text(v);
        }
        for (path, value) in [
            ("brand.business.country", &mut business.country),
            (
                "brand.business.countryOfRegistration",
                &mut business.country_of_registration,
            ),
        ] {
            if let Some(v) = value {
                *v = v.to_ascii_uppercase();
                if v.len() != 2 || !v.chars().all(|c| c.is_ascii_alphabetic()) {
                    fields.add(
                        path,
                        "Use the two-letter country code (ISO 3166-1), e.g. US.",
                    );
                }
            }
        }
        if let Some(url) = business.url.as_deref() {
            if sent_model::validate::urls::parse_http_url(url).is_err() {
                fields.add(
                    "brand.business.url",
                    "Enter the website as a full address, e.g. https://example.com.",
                );
            }
        }
    }
    if let Some(compliance) = &mut brand.compliance {
        text(&mut compliance.primary_use_case);
        text(&mut compliance.phone_number_prefix);
        text(&mut compliance.notes);
        if let Some(Some(volume)) = &mut compliance.expected_messaging_volume {
            let trimmed = volume.trim().to_owned();
            if trimmed.is_empty() {
                compliance.expected_messaging_volume = None;
            } else if !trimmed.chars().all(|c| c.is_ascii_digit()) {
                fields.add(
                    "brand.compliance.expectedMessagingVolume",
                    "Enter the expected messages per month as a whole number, e.g. 10000.",
                );
            } else {
                *volume = trimmed;
            }
        }
        for country in &mut compliance.destination_countries {
            if let Some(id) = &mut country.id {
                *id = id.trim().to_ascii_uppercase();
            }
        }
    }
}

fn looks_like_email(value: &str) -> bool {
    let Some((local, domain)) = value.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !value.chars().any(char::is_whitespace)
}

// ---- saving --------------------------------------------------------------------------------

#[allow(clippy::too_many_arguments)]
pub async fn save_profile(
    state: &Core,
    workspace_id: Uuid,
    profile_id: ProfileId,
    draft: ProfileDetail,
    payment: Option<PaymentDetails>,
    dry_run: bool,
    idempotency_key: String,
) -> Result<SaveOutcome, AppError> {
    let profile_id = profile_id.into_string();
    let key = AppError::idempotency_key(idempotency_key)?;
    let workspace = workspace_id.to_string();
    let Prepared {
        stored,
        mut update,
        fields,
    } = prepare(state, workspace_id, &profile_id, draft, payment)?;
    if !fields.is_empty() {
        let count = fields.len();
        let mut error = AppError::new(
            ErrorKind::Validation,
            format!(
                "{} to fix before saving; nothing was sent.",
                if count == 1 {
                    "One field".to_owned()
                } else {
                    format!("{count} fields")
                }
            ),
        );
        error.fields = Some(fields);
        return Err(error);
    }
    if update.is_empty() {
        return Err(AppError::new(
            ErrorKind::Validation,
            "Nothing to save: the profile already has these values.",
        ));
    }
    let changes = words::changes(&stored, &update);
    let (client, _) = state.client(workspace_id, None)?;
    let mut options = CallOptions::default().with_idempotency_key(key);
    if dry_run {
        options = options.dry_run();
    }
    let result = client.update_profile(&profile_id, &update, &options).await;
    // Card details leave memory now (zeroized on drop); nothing below needs them.
    update.payment_details = None;
    let outcome = match result {
        Ok(response) => response,
        Err(error) => {
            let error = explain_save_error(AppError::from(error));
            record(
                state,
                &workspace,
                &stored,
                JournalAction::ProfileUpdate,
                &EntryOutcome::of(&error),
                changes,
                Some(error.message.clone()),
                error.request_id.as_deref(),
            );
            return Err(error);
        }
    };
    let returned = outcome.data;
    let request_id = outcome.info.request_id;
    let found = drift::after_profile_update(&update, &returned);
    remember_drift(state, &workspace, &found)?;
    // What the user set that came back otherwise.
    let sent_paths: Vec<&str> = changes.iter().map(|c| c.path.as_str()).collect();
    let differences: Vec<FieldChange> = words::changes(&returned, &update)
        .into_iter()
        .filter(|c| sent_paths.contains(&c.path.as_str()))
        .map(|c| FieldChange {
            label: c.label,
            path: c.path,
            old: c.new,
            new: c.old,
        })
        .collect();
    let message = match (dry_run, differences.is_empty()) {
        (true, _) => {
            "Dry run: Sent accepted these changes. Nothing was saved; save for real when ready."
                .to_owned()
        }
        (false, true) => "Saved. The profile now shows what Sent returned.".to_owned(),
        (false, false) => {
            "Saved, but Sent kept other values for some fields: see the notes next to them."
                .to_owned()
        }
    };
    record(
        state,
        &workspace,
        &stored,
        JournalAction::ProfileUpdate,
        &EntryOutcome::done(dry_run),
        changes.clone(),
        Some(message.clone()),
        request_id.as_deref(),
    );
    let view = if dry_run {
        None
    } else {
        remember_profile(state, &workspace, &returned)?;
        state.with_store(|store| store.delete_draft(&workspace, &draft_key(&profile_id)))?;
        Some(detail_view(
            state,
            &workspace,
            returned.clone(),
            Some(now_ms()),
        )?)
    };
    Ok(SaveOutcome {
        dry_run,
        changes,
        differences,
        profile: returned,
        view,
        drift: notices(&found),
        message,
        request_id,
    })
}

pub(crate) fn explain_save_error(mut error: AppError) -> AppError {
    if let Some(fields) = error.fields.take() {
        let mut merged: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for (path, messages) in fields {
            merged
                .entry(words::canonical_path(&path))
                .or_default()
                .extend(messages.iter().map(|m| words::humanize(&path, m)));
        }
        error.message = format!(
            "Sent refused the save: {} Fix the highlighted fields and save again; nothing was changed.",
            error.message.trim_end_matches('.').to_owned() + "."
        );
        error.fields = Some(merged);
    }
    if error.outcome_unknown() {
        error.message = format!(
            "{} Outcome unknown: Sent may have applied it. Trying again is safe: the same action carries the same key and is never applied twice.",
            error.message.trim_end_matches('.').to_owned() + "."
        );
    }
    error
}

// ---- deleting ------------------------------------------------------------------------------

pub async fn delete_profile(
    state: &Core,
    workspace_id: Uuid,
    profile_id: ProfileId,
    confirm_name: String,
    idempotency_key: String,
) -> Result<DeleteOutcome, AppError> {
    let profile_id = profile_id.into_string();
    let key = AppError::idempotency_key(idempotency_key)?;
    let workspace = workspace_id.to_string();
    let (stored, _) = state
        .with_store(|store| store.cached_profile(&workspace, &profile_id))?
        .flatten()
        .ok_or_else(gone)?;
    if confirm_name.trim() != stored.name.trim() {
        let mut error = AppError::new(
            ErrorKind::Validation,
            "Type the profile's name exactly as shown to confirm; nothing was deleted.",
        );
        error.fields = Some(BTreeMap::from([(
            "confirm_name".to_owned(),
            vec![format!("Type “{}” to confirm.", stored.name)],
        )]));
        return Err(error);
    }
    let (client, _) = state.client(workspace_id, None)?;
    let options = CallOptions::default().with_idempotency_key(key);
    match client.delete_profile(&profile_id, &options).await {
        Ok(response) => {
            let request_id = response.info.request_id;
            record(
                state,
                &workspace,
                &stored,
                JournalAction::ProfileDelete,
                &EntryOutcome::Ok,
                Vec::new(),
                None,
                request_id.as_deref(),
            );
            forget_profile(state, &workspace, &profile_id)?;
            Ok(DeleteOutcome {
                message: format!("“{}” was deleted. Sent keeps its data (messages, contacts, history) for its records; it no longer appears or sends.", stored.name),
                request_id,
            })
        }
        Err(error) => {
            let mut error = AppError::from(error);
            let remedy = error
                .code
                .as_deref()
                .and_then(sent_client::drift::delete_conflict_remedy);
            if let Some(remedy) = remedy {
                error.message = format!(
                    "Sent refused to delete this profile ({}): {remedy} Nothing was deleted and the app will not retry.",
                    error.code.as_deref().unwrap_or("409")
                );
            } else if error.kind == ErrorKind::Conflict {
                // D9: any 409 but CONFLICT_001 is a state the user must resolve; never retried.
                error.message = format!(
                    "Sent refused to delete this profile ({}): {} Nothing was deleted and the app will not retry; resolve what Sent names, then delete again.",
                    error.code.as_deref().unwrap_or("409"),
                    error.message.trim_end_matches('.').to_owned() + "."
                );
            }
            record(
                state,
                &workspace,
                &stored,
                JournalAction::ProfileDelete,
                &EntryOutcome::of(&error),
                Vec::new(),
                Some(error.message.clone()),
                error.request_id.as_deref(),
            );
            Err(error)
        }
    }
}

fn now_ms() -> i64 {
    crate::profiles::now_ms()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_sent_s_own_not_found_forgets_a_profile() {
        let mut error = AppError::new(ErrorKind::NotFound, "Not found");
        assert!(
            !deleted_at_sent(&error),
            "a 404 without a code keeps the profile"
        );
        error.code = Some("RESOURCE_001".into());
        assert!(deleted_at_sent(&error));
        error.code = Some("NOT_FOUND".into());
        assert!(!deleted_at_sent(&error));
    }
}
