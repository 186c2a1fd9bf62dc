//! Onboarding a client profile: the wizard's draft (kept in the local database as the user works,
//! never with the WhatsApp token or card details), each step checked by the same rules as the
//! client and the sandbox, the exact create request shown with secrets masked, a dry run, and
//! "Create" with the draft's one Idempotency-Key (a retry, a double click or a resume after a crash
//! can never create two profiles). After creation: submit for review with the prerequisites of
//! contract §12 checked first, then the status followed until it settles.

use std::collections::BTreeMap;

use sent_client::{drift, CallOptions, ProfileBackend};
use sent_model::validate::{self, CreateOptions};
use sent_model::{
    BillingContactInfo, BrandData, PaymentDetails, ProfileComplete, ProfileCreate, ProfileDetail,
    SecretString, WhatsappBusinessAccount,
};
use sent_views::edit::{self as words, flatten, FieldChange};
use sent_views::onboard::{self, apply_preset, DraftSummary, OnboardingDraft, Preset, STEPS};
use sent_views::{resource_lines, ResourceLine};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::core::Core;
use crate::edit::{
    detail_view, explain_save_error, notices, remember_drift, remember_profile, tidy, DriftNotice,
    ProfileDetailView,
};
use crate::error::{AppError, ErrorKind};
use crate::journal::{record, EntryOutcome, JournalAction};
use crate::profiles::organization_summary;
use sent_model::ProfileId;

/// The secrets of a create: typed in the wizard, sent once, kept nowhere.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[ts(export)]
pub struct OnboardingSecrets {
    /// The WhatsApp System-User token (direct credentials).
    pub access_token: Option<SecretString>,
    pub payment: Option<PaymentDetails>,
}

/// One step in the step list.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct StepState {
    pub id: String,
    pub label: String,
    /// Fields with a problem on this step.
    pub errors: u32,
}

/// The verdict on the whole draft.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct OnboardingCheck {
    /// Field path (wire spelling) → messages in words.
    pub fields: BTreeMap<String, Vec<String>>,
    pub steps: Vec<StepState>,
    /// The exact `POST /v3/profiles` body, secrets masked.
    pub request: serde_json::Value,
    /// What the profile will use, resolved as if created.
    pub resources: Vec<ResourceLine>,
    /// Whether the organization has a WhatsApp Business Account (`None`: not known yet).
    pub organization_has_whatsapp: Option<bool>,
    /// This server does not let a profile inherit the organization's WhatsApp account (learned
    /// from its answers, D4): why the option is not offered.
    pub whatsapp_inherit_unavailable: Option<String>,
}

/// The wizard's start: presets and step labels.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct OnboardingStart {
    pub draft: OnboardingDraft,
    pub presets: Vec<Preset>,
}

/// What a create (or its dry run) came back with.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct CreateOutcome {
    pub dry_run: bool,
    pub message: String,
    pub request_id: Option<String>,
    /// Newer-server behaviours this answer revealed (e.g. created without WhatsApp, D4).
    pub drift: Vec<DriftNotice>,
    /// The created profile's screen (a dry run: `None`).
    pub view: Option<ProfileDetailView>,
    /// The draft as it is now (with the created profile's id).
    pub draft: OnboardingDraft,
}

/// A submit's answer.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct SubmitOutcome {
    pub message: String,
    pub request_id: Option<String>,
}

/// What a profile needs before review, read fresh from Sent: asked before the submission is
/// offered, so the prerequisites are named first.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ReviewReadiness {
    /// Where the profile stands for review, in words.
    pub standing: String,
    /// Submitting is offered (not in review, not approved).
    pub can_submit: bool,
    /// What is missing: field path → what to do (empty: ready to submit).
    pub missing: BTreeMap<String, Vec<String>>,
    /// Sent reports the result to this app's own receiver (a server on this computer); elsewhere
    /// an https address the agency owns is asked.
    pub local: bool,
    /// The profile's row as read now.
    pub row: sent_views::ProfileRow,
}

/// A followed profile's status changed.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ProfileStatusUpdate {
    pub workspace_id: String,
    pub profile_id: String,
    pub row: sent_views::ProfileRow,
    /// The status no longer changes by itself.
    pub settled: bool,
    pub message: String,
}

fn draft_key(id: &str) -> String {
    format!("onboarding:{id}")
}

pub async fn start_onboarding(
    _state: &Core,
    preset: Option<String>,
) -> Result<OnboardingStart, AppError> {
    let mut draft = OnboardingDraft {
        id: Uuid::new_v4().to_string(),
        step: "identity".into(),
        idempotency_key: Uuid::new_v4().to_string(),
        ..OnboardingDraft::default()
    };
    apply_preset(&mut draft, preset.as_deref().unwrap_or("custom"));
    if preset.is_none() {
        draft.preset = None;
    }
    Ok(OnboardingStart {
        draft,
        presets: onboard::presets(),
    })
}

/// "New client like this": a new onboarding draft with the configuration of `profile_id` (read
/// fresh from Sent, with its own campaigns when it has them) and none of its identity or secrets
/// (see [`onboard::draft_like`]). The draft is saved at once, so it is on the list's "Drafts" and
/// survives a restart like any other; the wizard opens it by its id.
pub async fn start_onboarding_like(
    state: &Core,
    workspace_id: Uuid,
    profile_id: ProfileId,
) -> Result<OnboardingStart, AppError> {
    let profile_id = profile_id.into_string();
    let (client, _) = state.client(workspace_id, None)?;
    let source = client.get_profile(&profile_id).await?.data;
    let campaigns = if source.inherit_tcr_campaign {
        Vec::new()
    } else {
        client.list_campaigns(&profile_id).await?.data
    };
    let workspace = workspace_id.to_string();
    let organization = organization_summary(state, &workspace);
    let whatsapp_own = match (&source.waba_id, &organization.waba_id) {
        (None, _) => false,
        (Some(id), Some(org_id)) => id != org_id,
        // Whose account it is cannot be told (Sent does not report the organization's WABA id to
        // this workspace): the new client is asked for its own account rather than silently put
        // on the organization's; the WhatsApp step offers the organization's as the other choice.
        (Some(_), None) => true,
    };
    let draft = onboard::draft_like(&source, whatsapp_own, &campaigns);
    state.with_store(|store| store.put_draft(&workspace, &draft_key(&draft.id), &draft))?;
    Ok(OnboardingStart {
        draft,
        presets: onboard::presets(),
    })
}

/// Applies a preset to the draft (answers the new draft).
pub async fn apply_onboarding_preset(
    _state: &Core,
    draft: OnboardingDraft,
    preset: String,
) -> Result<OnboardingDraft, AppError> {
    let mut draft = draft;
    apply_preset(&mut draft, &preset);
    Ok(draft)
}

pub async fn save_onboarding_draft(
    state: &Core,
    workspace_id: Uuid,
    draft: OnboardingDraft,
) -> Result<(), AppError> {
    let workspace = workspace_id.to_string();
    let draft = with_stored_key(state, &workspace, draft)?;
    state.with_store(|store| store.put_draft(&workspace, &draft_key(&draft.id), &draft))?;
    Ok(())
}

/// The draft with what only Rust decides taken from the stored copy: its Idempotency-Key (renewed
/// after a definite refusal, kept after an ambiguous failure), when its outcome became unknown, and
/// the profile it created. The webview's copy may be older than any of them.
fn with_stored_key(
    state: &Core,
    workspace: &str,
    mut draft: OnboardingDraft,
) -> Result<OnboardingDraft, AppError> {
    let stored = state
        .with_store(|store| store.draft::<OnboardingDraft>(workspace, &draft_key(&draft.id)))?
        .flatten()
        .map(|(d, _)| d);
    if let Some(stored) = stored {
        draft.keep_decided(stored);
    }
    Ok(draft)
}

pub async fn onboarding_draft(
    state: &Core,
    workspace_id: Uuid,
    id: String,
) -> Result<OnboardingStart, AppError> {
    let workspace = workspace_id.to_string();
    let draft = state
        .with_store(|store| store.draft::<OnboardingDraft>(&workspace, &draft_key(&id)))?
        .flatten()
        .map(|(d, _)| d)
        .ok_or_else(|| {
            AppError::new(
                ErrorKind::NotFound,
                "This draft is not on this computer any more (finished or discarded). Start a new profile instead.",
            )
        })?;
    Ok(OnboardingStart {
        draft,
        presets: onboard::presets(),
    })
}

pub async fn onboarding_drafts(
    state: &Core,
    workspace_id: Uuid,
) -> Result<Vec<DraftSummary>, AppError> {
    let workspace = workspace_id.to_string();
    let drafts = state
        .with_store(|store| {
            let infos = store.drafts(&workspace)?;
            let mut out = Vec::new();
            for info in infos
                .into_iter()
                .filter(|i| i.key.starts_with("onboarding:"))
            {
                if let Some((draft, at)) = store.draft::<OnboardingDraft>(&workspace, &info.key)? {
                    out.push(DraftSummary {
                        name: if draft.profile.name.trim().is_empty() {
                            "Unnamed profile".into()
                        } else {
                            draft.profile.name.clone()
                        },
                        step_label: onboard::step_label(&draft.step),
                        step: draft.step,
                        id: draft.id,
                        updated_at: at,
                        created_profile_id: draft.created_profile_id,
                    });
                }
            }
            Ok(out)
        })?
        .unwrap_or_default();
    Ok(drafts)
}

pub async fn discard_onboarding_draft(
    state: &Core,
    workspace_id: Uuid,
    id: String,
) -> Result<(), AppError> {
    let workspace = workspace_id.to_string();
    state.with_store(|store| store.delete_draft(&workspace, &draft_key(&id)))?;
    Ok(())
}

/// A draft whose create ended "outcome unknown" more than a day ago: Sent no longer replays its
/// key, so a profile of the draft's name made since then is the one that create made. It is
/// adopted (the draft points at it, nothing is sent); with none, the create goes ahead with the
/// draft's key.
async fn adopt_lost_create(
    state: &Core,
    workspace_id: Uuid,
    draft: &mut OnboardingDraft,
) -> Result<(), AppError> {
    if !draft.lost_create_to_look_up(crate::profiles::now_ms()) {
        return Ok(());
    }
    let (client, _) = state.client(workspace_id, None)?;
    // The list streams: only the profiles of the draft's name are kept (a superset of what
    // `adopt_lost_create` accepts), never the whole organization.
    let name = draft.profile.name.trim().to_lowercase();
    let found = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let into = found.clone();
    client
        .stream_profiles(move |p| {
            if p.name.trim().to_lowercase() == name {
                into.lock().unwrap_or_else(|e| e.into_inner()).push(p);
            }
        })
        .await?;
    let profiles = std::mem::take(&mut *found.lock().unwrap_or_else(|e| e.into_inner()));
    let workspace = workspace_id.to_string();
    if let Some(profile) = draft.adopt_lost_create(&profiles) {
        remember_profile(state, &workspace, profile)?;
    }
    let kept = &*draft;
    state.with_store(|store| store.put_draft(&workspace, &draft_key(&kept.id), kept))?;
    Ok(())
}

/// The create body from the draft and the secrets (secrets only when given).
fn build(
    draft: &OnboardingDraft,
    profile: &ProfileDetail,
    secrets: &OnboardingSecrets,
) -> ProfileCreate {
    let bills_profile = profile.billing_model.bills_profile();
    ProfileCreate {
        name: Some(profile.name.clone()).filter(|n| !n.trim().is_empty()),
        short_name: profile.short_name.clone(),
        description: profile.description.clone(),
        icon: profile.icon.clone(),
        allow_contact_sharing: Some(profile.allow_contact_sharing),
        allow_template_sharing: Some(profile.allow_template_sharing),
        inherit_contacts: Some(profile.inherit_contacts),
        inherit_templates: Some(profile.inherit_templates),
        // Always explicit: their defaults differ by server revision (D3).
        inherit_tcr_brand: Some(profile.inherit_tcr_brand),
        inherit_tcr_campaign: Some(profile.inherit_tcr_campaign),
        billing_model: Some(profile.billing_model.clone()),
        billing_contact: profile
            .billing_contact
            .as_ref()
            .filter(|_| bills_profile)
            .map(BillingContactInfo::from),
        payment_details: secrets
            .payment
            .clone()
            .map(PaymentDetails::as_typed)
            .filter(|p| bills_profile && !p.is_blank()),
        whatsapp_business_account: (!draft.whatsapp_inherit).then(|| WhatsappBusinessAccount {
            waba_id: draft.waba_id.clone().filter(|v| !v.trim().is_empty()),
            access_token: secrets
                .access_token
                .clone()
                .filter(|t| !t.expose_secret().trim().is_empty()),
            phone_number_id: draft
                .phone_number_id
                .clone()
                .filter(|v| !v.trim().is_empty()),
        }),
        brand: profile
            .brand
            .as_ref()
            .filter(|b| !profile.inherit_tcr_brand && !b.is_inherited)
            .map(BrandData::from),
        sandbox: false,
    }
}

/// The body as the review step shows it: secrets masked.
fn masked(create: &ProfileCreate) -> serde_json::Value {
    let plain = ProfileCreate {
        payment_details: None,
        whatsapp_business_account: None,
        ..create.clone()
    };
    let mut value = serde_json::to_value(&plain).unwrap_or_default();
    if let Some(object) = value.as_object_mut() {
        if let Some(waba) = &create.whatsapp_business_account {
            let mut masked = serde_json::Map::new();
            if let Some(id) = &waba.waba_id {
                masked.insert("waba_id".into(), id.clone().into());
            }
            if let Some(id) = &waba.phone_number_id {
                masked.insert("phone_number_id".into(), id.clone().into());
            }
            if waba.access_token.is_some() {
                masked.insert("access_token".into(), "•••• (hidden)".into());
            }
            object.insert("whatsapp_business_account".into(), masked.into());
        }
        if create.payment_details.is_some() {
            object.insert(
                "payment_details".into(),
                serde_json::json!({"card_number": "•••• (hidden)", "expiry": "••/••", "cvc": "•••", "zip_code": "•••"}),
            );
        }
    }
    value
}

pub(crate) struct Checked {
    pub(crate) create: ProfileCreate,
    pub(crate) fields: BTreeMap<String, Vec<String>>,
    organization_has_whatsapp: Option<bool>,
    whatsapp_inherit_unavailable: Option<String>,
}

/// What a draft's check needs to know of the organization, read once (a batch checks thousands of
/// rows against it).
pub(crate) struct OrganizationContext {
    organization_has_whatsapp: Option<bool>,
    whatsapp_inherit_unavailable: Option<String>,
}

pub(crate) fn organization_context(state: &Core, workspace: &str) -> OrganizationContext {
    let summary = organization_summary(state, workspace);
    // Whether the organization's answers were ever read (the list was fetched): only then does
    // the summary know its WhatsApp account. The list model answers without reading every profile.
    let known = workspace
        .parse::<Uuid>()
        .is_ok_and(|id| state.lists.with(id, |m| m.fetched_at().is_some()));
    OrganizationContext {
        organization_has_whatsapp: known.then_some(summary.has_waba),
        whatsapp_inherit_unavailable: crate::edit::known_drift(state, workspace)
            .contains(&sent_client::ServerDrift::WhatsappNotInherited)
            .then(|| "This Sent server does not let a profile inherit the organization's WhatsApp account: it created an earlier profile without WhatsApp. Connect the client's own account here, or add one in the Sent dashboard after creation.".to_owned()),
    }
}

fn check_draft(
    state: &Core,
    workspace: &str,
    draft: &OnboardingDraft,
    secrets: &OnboardingSecrets,
) -> Checked {
    check_draft_in(&organization_context(state, workspace), draft, secrets)
}

/// The shared rules on a draft (the wizard's, and each row of a batch).
pub(crate) fn check_draft_in(
    context: &OrganizationContext,
    draft: &OnboardingDraft,
    secrets: &OnboardingSecrets,
) -> Checked {
    let mut errors = validate::FieldErrors::new();
    let profile = tidy(draft.profile.clone(), &mut errors);
    let create = build(draft, &profile, secrets);
    let rules = validate::profile_create_fields(&create, CreateOptions::default());
    for (path, messages) in rules.into_map() {
        if !errors.contains(&path) {
            for m in messages {
                errors.add(path.clone(), m);
            }
        }
    }
    // Own brand chosen but not filled in.
    if !profile.inherit_tcr_brand && create.brand.is_none() {
        errors.add(
            "brand",
            "Fill in the profile's own brand, or choose to inherit the organization's.",
        );
    }
    if let Some(problem) = create
        .brand
        .as_ref()
        .and_then(words::destination_country_problem)
    {
        errors.add("brand.compliance.destinationCountries", problem);
    }
    if profile.billing_model.bills_profile()
        && create.billing_contact.is_none()
        && !errors.contains("billing_contact")
    {
        errors.add(
            "billing_contact",
            "This billing model bills the profile: enter the billing contact's name and e-mail.",
        );
    }
    // V14 before anything is sent: inheriting WhatsApp needs an organization account.
    let organization_has_whatsapp = context.organization_has_whatsapp;
    if draft.whatsapp_inherit && organization_has_whatsapp == Some(false) {
        errors.add(
            "whatsapp",
            "The organization has no WhatsApp Business Account, so there is nothing to inherit (Sent would refuse the profile). Enter this profile's own WhatsApp credentials, or connect an account to the organization in the Sent dashboard first.",
        );
    }
    let whatsapp_inherit_unavailable = context.whatsapp_inherit_unavailable.clone();
    if draft.whatsapp_inherit && !errors.contains("whatsapp") {
        if let Some(why) = &whatsapp_inherit_unavailable {
            errors.add("whatsapp", why.clone());
        }
    }
    let fields = errors.into_map().into_iter().fold(
        BTreeMap::new(),
        |mut all: BTreeMap<String, Vec<String>>, (path, messages)| {
            all.entry(words::canonical_path(&path))
                .or_default()
                .extend(messages.iter().map(|m| words::humanize(&path, m)));
            all
        },
    );
    Checked {
        create,
        fields,
        organization_has_whatsapp,
        whatsapp_inherit_unavailable,
    }
}

fn steps(fields: &BTreeMap<String, Vec<String>>) -> Vec<StepState> {
    STEPS
        .iter()
        .map(|(id, label)| StepState {
            id: (*id).into(),
            label: (*label).into(),
            errors: fields
                .keys()
                .filter(|path| onboard::step_of(path) == *id)
                .count() as u32,
        })
        .collect()
}

pub async fn check_onboarding(
    state: &Core,
    workspace_id: Uuid,
    draft: OnboardingDraft,
    secrets: OnboardingSecrets,
) -> Result<OnboardingCheck, AppError> {
    let workspace = workspace_id.to_string();
    let checked = check_draft(state, &workspace, &draft, &secrets);
    let mut preview = draft.profile.clone();
    preview.waba_id = (!draft.whatsapp_inherit)
        .then(|| draft.waba_id.clone())
        .flatten();
    let mut organization = organization_summary(state, &workspace);
    if draft.whatsapp_inherit && organization.has_waba {
        // The resolver then reports the organization's account.
        preview.waba_id = Some("organization".into());
        organization.waba_id = Some("organization".into());
    } else if !draft.whatsapp_inherit && organization.waba_id.is_none() {
        // Direct credentials: the account will be the profile's own, whatever the organization
        // has (its id is not reported, so the preview must not guess from the ids).
        organization.waba_id = Some("organization".into());
    }
    Ok(OnboardingCheck {
        request: masked(&checked.create),
        steps: steps(&checked.fields),
        resources: resource_lines(&preview, &organization),
        organization_has_whatsapp: checked.organization_has_whatsapp,
        whatsapp_inherit_unavailable: checked.whatsapp_inherit_unavailable,
        fields: checked.fields,
    })
}

pub async fn create_profile(
    state: &Core,
    workspace_id: Uuid,
    draft: OnboardingDraft,
    secrets: OnboardingSecrets,
    dry_run: bool,
) -> Result<CreateOutcome, AppError> {
    let workspace = workspace_id.to_string();
    let mut draft = with_stored_key(state, &workspace, draft)?;
    if !dry_run {
        adopt_lost_create(state, workspace_id, &mut draft).await?;
    }
    if let Some(id) = &draft.created_profile_id {
        return Err(AppError::new(
            ErrorKind::Conflict,
            format!("This draft already created its profile ({id}). Open it from the profile list; nothing was sent again."),
        ));
    }
    let Checked {
        mut create, fields, ..
    } = check_draft(state, &workspace, &draft, &secrets);
    drop(secrets);
    if !fields.is_empty() {
        let mut error = AppError::new(
            ErrorKind::Validation,
            format!(
                "{} to fix before creating; nothing was sent.",
                if fields.len() == 1 {
                    "One field".to_owned()
                } else {
                    format!("{} fields", fields.len())
                }
            ),
        );
        error.fields = Some(fields);
        return Err(error);
    }
    // A dry run gets a key of its own (Sent caches a dry run's answer under its key); the live
    // create always uses the draft's.
    let key = if dry_run {
        Uuid::new_v4().to_string()
    } else {
        draft.idempotency_key.clone()
    };
    let key = AppError::idempotency_key(key)?;
    let mut options = CallOptions::default().with_idempotency_key(key);
    if dry_run {
        options = options.dry_run();
    }
    let changes = created_fields(&create);
    let (client, _) = state.client(workspace_id, None)?;
    let result = client.create_profile(&create, &options).await;
    // The token and card leave memory now.
    create.payment_details = None;
    if let Some(waba) = &mut create.whatsapp_business_account {
        waba.access_token = None;
    }
    let named = ProfileDetail {
        id: String::new(),
        name: draft.profile.name.clone(),
        ..ProfileDetail::default()
    };
    let response = match result {
        Ok(response) => response,
        Err(error) => {
            let error = explain_save_error(AppError::from(error));
            let mut error = error;
            if error.kind == ErrorKind::Validation
                && error.fields.is_none()
                && error.message.contains("WhatsApp")
            {
                error.fields = Some(BTreeMap::from([(
                    "whatsapp".to_owned(),
                    vec![error.message.clone()],
                )]));
            }
            if !dry_run {
                // Ambiguous keeps its key (and remembers since when); a definite refusal is
                // replayed by Sent for 24 h under its key, so the corrected draft gets a new one.
                draft.after_failed_create(error.outcome, crate::profiles::now_ms());
                let kept = &draft;
                state
                    .with_store(|store| store.put_draft(&workspace, &draft_key(&kept.id), kept))?;
            }
            record(
                state,
                &workspace,
                &named,
                if dry_run {
                    JournalAction::ProfileCreateDryRun
                } else {
                    JournalAction::ProfileCreate
                },
                &EntryOutcome::of(&error),
                changes,
                Some(error.message.clone()),
                error.request_id.as_deref(),
            );
            return Err(error);
        }
    };
    let returned = response.data;
    let request_id = response.info.request_id;
    let found = drift::after_profile_create(&create, &returned);
    remember_drift(state, &workspace, &found)?;
    let drift_words = notices(&found);
    if !dry_run {
        draft.ambiguous_since = None;
    }
    let (message, view) = if dry_run {
        (
            "Dry run: Sent accepted this profile. Nothing was created; create it for real when ready.".to_owned(),
            None,
        )
    } else {
        remember_profile(state, &workspace, &returned)?;
        draft.created_profile_id = Some(returned.id.clone());
        draft.step = "submit".into();
        state.with_store(|store| store.put_draft(&workspace, &draft_key(&draft.id), &draft))?;
        let whatsapp_note = if found.contains(&sent_client::ServerDrift::WhatsappNotInherited) {
            " It has no WhatsApp: this server does not let a profile inherit the organization's WhatsApp account. Give it its own account in the Sent dashboard."
        } else {
            ""
        };
        (
            format!(
                "“{}” was created.{whatsapp_note} Next: submit it for review.",
                returned.name
            ),
            Some(detail_view(
                state,
                &workspace,
                returned.clone(),
                Some(crate::profiles::now_ms()),
            )?),
        )
    };
    let journaled = ProfileDetail {
        id: returned.id.clone(),
        name: returned.name.clone(),
        ..ProfileDetail::default()
    };
    record(
        state,
        &workspace,
        &journaled,
        JournalAction::ProfileCreate,
        &EntryOutcome::done(dry_run),
        changes,
        Some(message.clone()),
        request_id.as_deref(),
    );
    Ok(CreateOutcome {
        dry_run,
        message,
        request_id,
        drift: drift_words,
        view,
        draft,
    })
}

/// The journal's view of a create: every field sent (secrets as "redacted").
pub(crate) fn created_fields(create: &ProfileCreate) -> Vec<FieldChange> {
    let mut leaves = Vec::new();
    flatten("", &masked(create), &mut leaves);
    leaves
        .into_iter()
        .filter(|(_, v)| !v.is_null())
        .map(|(path, value)| FieldChange {
            label: words::field_label(&path),
            old: words::NOT_SET.into(),
            new: if path.starts_with("payment_details") || path.ends_with("access_token") {
                words::REDACTED.into()
            } else {
                words::word(&path, &value)
            },
            path,
        })
        .collect()
}

// ---- submit for review --------------------------------------------------------------------

pub async fn submit_profile(
    state: &Core,
    workspace_id: Uuid,
    profile_id: ProfileId,
    web_hook_url: Option<String>,
    idempotency_key: String,
) -> Result<SubmitOutcome, AppError> {
    let profile_id = profile_id.into_string();
    // Like every write, the caller's key: a retry of the same submission reuses it.
    let key = AppError::idempotency_key(idempotency_key)?;
    let workspace = workspace_id.to_string();
    // The address is the form's own field: checked before anything is read from Sent. Only a
    // server on this computer can report to this app's receiver; elsewhere an https address the
    // agency owns is needed (production Sent is never told to call 127.0.0.1).
    let local = validate::urls::is_loopback_url(&state.workspaces.find(workspace_id)?.base_url);
    let typed = onboard::report_address(local, web_hook_url).map_err(|fields| {
        let mut error = AppError::new(
            ErrorKind::Validation,
            "Enter the https address where Sent should report the result (an endpoint your agency owns); nothing was sent.",
        );
        error.fields = Some(fields.into_map());
        error
    })?;
    if let Some(url) = &typed {
        let request = ProfileComplete {
            web_hook_url: Some(url.clone()),
            sandbox: false,
        };
        if validate::profile_complete_fields(&request)
            .into_result()
            .is_err()
        {
            let mut error = AppError::new(
                ErrorKind::Validation,
                "Enter a valid https address for Sent's result; nothing was sent.",
            );
            error.fields = Some(BTreeMap::from([(
                "webHookUrl".to_owned(),
                vec!["Enter a full https address, such as https://hooks.your-agency.com/sent: Sent reports only to https.".to_owned()],
            )]));
            return Err(error);
        }
    }
    let generation = state.supervisor.generation(workspace_id);
    let (client, _) = state.client(workspace_id, None)?;
    let (profile, missing, campaigns) =
        read_review_gaps(&client, &profile_id, "nothing was sent. ").await?;
    crate::board::note_campaigns(state, workspace_id, &profile_id, &campaigns);
    if !missing.is_empty() {
        let mut error = AppError::new(
            ErrorKind::Validation,
            "The profile is not ready for review yet; nothing was sent. Fix each item listed, then submit again.",
        );
        error.fields = Some(missing);
        return Err(error);
    }
    let url = match typed {
        Some(url) => url,
        None => state.completion_receiver_url().await.map_err(|e| {
            AppError::new(ErrorKind::Config, "Enter the address where Sent should report the result (an endpoint your agency owns).").with_detail(e.to_string())
        })?,
    };
    let request = ProfileComplete {
        web_hook_url: Some(url),
        sandbox: false,
    };
    state.reviews.forget_reason(&profile_id);
    let options = CallOptions::default().with_idempotency_key(key);
    let result = client
        .complete_profile(&profile_id, &request, &options)
        .await;
    let response = match result {
        Ok(r) => r,
        Err(error) => {
            let error = AppError::from(error);
            record(
                state,
                &workspace,
                &profile,
                JournalAction::ProfileSubmit,
                &EntryOutcome::of(&error),
                Vec::new(),
                Some(error.message.clone()),
                error.request_id.as_deref(),
            );
            return Err(error);
        }
    };
    let request_id = response.info.request_id;
    let status = response
        .data
        .status
        .as_ref()
        .map(|s| s.as_str().to_ascii_lowercase())
        .unwrap_or_default();
    let message = match status.as_str() {
        "completed" => {
            "Sent says the profile is already complete: nothing more to submit.".to_owned()
        }
        _ => "Submitted: Sent is processing the profile. Its status updates here by itself."
            .to_owned(),
    };
    record(
        state,
        &workspace,
        &profile,
        JournalAction::ProfileSubmit,
        &EntryOutcome::Ok,
        Vec::new(),
        Some(message.clone()),
        request_id.as_deref(),
    );
    crate::reviews::follow_submission(
        state,
        workspace_id,
        generation,
        &profile_id,
        &profile.name,
        profile.status.as_str(),
    );
    Ok(SubmitOutcome {
        message,
        request_id,
    })
}

/// Reads the profile and its campaigns from Sent and names what review still needs. A campaign
/// list that cannot be read is its own error, never "needs a campaign".
#[allow(clippy::type_complexity)]
async fn read_review_gaps(
    client: &sent_client::SentClient,
    profile_id: &str,
    consequence: &str,
) -> Result<
    (
        ProfileDetail,
        BTreeMap<String, Vec<String>>,
        Vec<sent_model::campaign::TcrCampaignWithUseCases>,
    ),
    AppError,
> {
    let profile = client.get_profile(profile_id).await?.data;
    let campaigns = client.list_campaigns(profile_id).await.map_err(|error| {
        let mut error = AppError::from(error);
        error.message = format!(
            "The profile's campaigns could not be read, so its readiness for review is not known; {consequence}{}",
            error.message
        );
        error.outcome = None;
        error
    })?;
    let missing = onboard::missing_for_review(&profile, campaigns.data.len());
    Ok((profile, missing, campaigns.data))
}

/// What the profile needs before review (read fresh from Sent), and whether a submission is
/// offered.
pub async fn review_readiness(
    state: &Core,
    workspace_id: Uuid,
    profile_id: ProfileId,
) -> Result<ReviewReadiness, AppError> {
    let profile_id = profile_id.into_string();
    let workspace = state.workspaces.find(workspace_id)?;
    let local = validate::urls::is_loopback_url(&workspace.base_url);
    let (client, _) = state.client(workspace_id, None)?;
    let (profile, missing, campaigns) = read_review_gaps(&client, &profile_id, "").await?;
    crate::board::note_campaigns(state, workspace_id, &profile_id, &campaigns);
    // Not written to the cache: the screen that asked keeps its own read (and any draft being
    // typed); the follower after a submission and the screen's refresh keep the cache current.
    let key = workspace_id.to_string();
    let status = profile.status.as_str().to_ascii_lowercase();
    let (can_submit, standing) = onboard::review_standing(&status);
    Ok(ReviewReadiness {
        standing,
        can_submit,
        missing: if can_submit { missing } else { BTreeMap::new() },
        local,
        row: sent_views::ProfileRow::new(&profile, &organization_summary(state, &key)),
    })
}
