//! A profile's TCR campaigns (contract E8–E11) on its detail screen: list, create, edit, delete.
//! Read-only with the reason when the profile inherits the organization's campaigns or a campaign
//! was submitted to TCR. The form is checked by the shared rules (V20–V22) as it is filled in; every
//! write carries its action's idempotency key and is journaled.

use std::collections::BTreeMap;

use sent_client::{CallOptions, ProfileBackend};
use sent_model::campaign::{CampaignData, CampaignRequest, TcrCampaignWithUseCases};
use sent_model::enums::MessagingUseCaseUs;
use sent_model::validate::{self, CampaignFacts, CampaignWrite};
use sent_model::ProfileDetail;
use sent_views::edit::{humanize, FieldChange};
use sent_views::Choice;
use serde::Serialize;
use ts_rs::TS;
use uuid::Uuid;

use crate::core::Core;
use crate::error::{AppError, ErrorKind};
use crate::journal::{record, EntryOutcome, JournalAction};
use sent_model::{CampaignId, ProfileId};

/// One campaign as the list shows it.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct CampaignRow {
    pub campaign: TcrCampaignWithUseCases,
    /// "Own" or "Organization's".
    pub owner_label: String,
    /// Why it cannot be edited or deleted here, when it cannot.
    pub read_only: Option<String>,
    pub status_label: String,
    /// The use cases in words.
    pub use_case_labels: Vec<String>,
}

/// The campaigns section of a profile.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct CampaignsView {
    pub campaigns: Vec<CampaignRow>,
    /// Why no campaign can be created here, when none can (the profile inherits campaigns).
    pub create_blocked: Option<String>,
    /// The closed list of US messaging use cases, worded.
    pub use_cases: Vec<Choice>,
}

/// The verdict on a campaign form.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct CampaignCheck {
    pub fields: BTreeMap<String, Vec<String>>,
}

fn use_case_label(use_case: &MessagingUseCaseUs) -> String {
    let words = use_case.as_str().to_lowercase().replace('_', " ");
    match use_case {
        MessagingUseCaseUs::TwoFa => "Two-factor authentication".into(),
        MessagingUseCaseUs::M2m => "Machine to machine".into(),
        _ => {
            let mut chars = words.chars();
            chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect())
                .unwrap_or(words)
        }
    }
}

fn use_case_choices() -> Vec<Choice> {
    MessagingUseCaseUs::ALL
        .iter()
        .map(|u| Choice {
            value: u.as_str().into(),
            label: use_case_label(u),
            hint: None,
        })
        .collect()
}

async fn profile(
    state: &Core,
    workspace_id: Uuid,
    profile_id: &str,
) -> Result<ProfileDetail, AppError> {
    let (client, _) = state.client(workspace_id, None)?;
    Ok(client.get_profile(profile_id).await?.data)
}

fn row(profile: &ProfileDetail, campaign: TcrCampaignWithUseCases) -> CampaignRow {
    let own = campaign.customer_id.as_deref() == Some(profile.id.as_str());
    let read_only = if !own {
        Some("The organization's campaign, which this profile inherits: change it at the organization.".to_owned())
    } else if campaign.submitted_to_tcr {
        Some(
            "Submitted to TCR: Sent no longer accepts changes to it or its deletion here."
                .to_owned(),
        )
    } else {
        None
    };
    CampaignRow {
        owner_label: if own {
            "Own".into()
        } else {
            "Organization's".into()
        },
        status_label: match campaign.status.as_ref().map(|s| s.as_str()) {
            Some("ACTIVE") => "Active".into(),
            Some("SENT_CREATED") => "Created".into(),
            Some("EXPIRED") => "Expired".into(),
            Some(other) => other.into(),
            None => "Not reported".into(),
        },
        use_case_labels: campaign
            .use_cases
            .iter()
            .filter_map(|u| u.messaging_use_case_us.as_ref())
            .map(use_case_label)
            .collect(),
        read_only,
        campaign,
    }
}

pub async fn profile_campaigns(
    state: &Core,
    workspace_id: Uuid,
    profile_id: ProfileId,
) -> Result<CampaignsView, AppError> {
    let profile_id = profile_id.into_string();
    let profile = profile(state, workspace_id, &profile_id).await?;
    let (client, _) = state.client(workspace_id, None)?;
    let campaigns = client.list_campaigns(&profile_id).await?.data;
    crate::board::note_campaigns(state, workspace_id, &profile_id, &campaigns);
    Ok(CampaignsView {
        campaigns: campaigns.into_iter().map(|c| row(&profile, c)).collect(),
        create_blocked: profile.inherit_tcr_campaign.then(|| {
            "This profile uses the organization's campaigns. To give it campaigns of its own, turn off “Inherit the organization's TCR campaigns” and save.".to_owned()
        }),
        use_cases: use_case_choices(),
    })
}

/// The form as it is sent: text trimmed, empty optional text as not set, empty sample lines dropped.
fn tidy(mut campaign: CampaignData) -> CampaignData {
    let trim = |v: &mut Option<String>| {
        if let Some(s) = v {
            let t = s.trim().to_owned();
            *v = (!t.is_empty()).then_some(t);
        }
    };
    for v in [
        &mut campaign.name,
        &mut campaign.description,
        &mut campaign.campaign_type,
        &mut campaign.message_flow,
        &mut campaign.privacy_policy_link,
        &mut campaign.terms_and_conditions_link,
        &mut campaign.optin_keywords,
        &mut campaign.optout_keywords,
        &mut campaign.help_keywords,
        &mut campaign.optin_message,
        &mut campaign.optout_message,
        &mut campaign.help_message,
    ] {
        trim(v);
    }
    for use_case in campaign.use_cases.iter_mut().flatten() {
        if let Some(samples) = &mut use_case.sample_messages {
            samples.retain(|s| !s.trim().is_empty());
            for s in samples.iter_mut() {
                *s = s.trim().to_owned();
            }
        }
    }
    campaign
}

fn fields_of(request: &CampaignRequest, write: CampaignWrite) -> BTreeMap<String, Vec<String>> {
    let mut errors = validate::campaign_write_fields(request, write);
    if let Some(campaign) = &request.campaign {
        errors.merge(validate::campaign_link_fields(campaign));
    }
    errors
        .into_map()
        .into_iter()
        .map(|(path, messages)| {
            let shown = messages.iter().map(|m| humanize(&path, m)).collect();
            (path, shown)
        })
        .collect()
}

/// Checks a campaign form (create when `campaign_id` is `None`).
pub async fn check_campaign(
    _state: &Core,
    campaign: CampaignData,
    creating: bool,
) -> Result<CampaignCheck, AppError> {
    let request = CampaignRequest {
        campaign: Some(tidy(campaign)),
        sandbox: false,
    };
    let write = if creating {
        CampaignWrite::Create {
            profile_inherits_campaigns: None,
        }
    } else {
        CampaignWrite::Update { existing: None }
    };
    Ok(CampaignCheck {
        fields: fields_of(&request, write),
    })
}

fn described(campaign: &CampaignData) -> Vec<FieldChange> {
    vec![FieldChange {
        path: "campaign.name".into(),
        label: "Campaign".into(),
        old: sent_views::edit::NOT_SET.into(),
        new: campaign.name.clone().unwrap_or_default(),
    }]
}

/// Creates (no `campaign_id`) or replaces a campaign of the profile, and answers the section anew.
pub async fn save_campaign(
    state: &Core,
    workspace_id: Uuid,
    profile_id: ProfileId,
    campaign_id: Option<CampaignId>,
    campaign: CampaignData,
    idempotency_key: String,
) -> Result<CampaignsView, AppError> {
    let profile_id = profile_id.into_string();
    let campaign_id = campaign_id.map(CampaignId::into_string);
    let workspace = workspace_id.to_string();
    let campaign = tidy(campaign);
    let profile = profile(state, workspace_id, &profile_id).await?;
    let (client, _) = state.client(workspace_id, None)?;
    let existing = match &campaign_id {
        Some(id) => client
            .list_campaigns(&profile_id)
            .await?
            .data
            .into_iter()
            .find(|c| &c.id == id)
            .map(|c| CampaignFacts {
                submitted_to_tcr: c.submitted_to_tcr,
                inherited: c.customer_id.as_deref() != Some(profile.id.as_str()),
            }),
        None => None,
    };
    let request = CampaignRequest {
        campaign: Some(campaign.clone()),
        sandbox: false,
    };
    let write = match &campaign_id {
        None => CampaignWrite::Create {
            profile_inherits_campaigns: Some(profile.inherit_tcr_campaign),
        },
        Some(_) => CampaignWrite::Update { existing },
    };
    let fields = fields_of(&request, write);
    if !fields.is_empty() {
        let mut error = AppError::new(
            ErrorKind::Validation,
            "Fix the highlighted fields; nothing was sent.",
        );
        error.fields = Some(fields);
        return Err(error);
    }
    let options =
        CallOptions::default().with_idempotency_key(AppError::idempotency_key(idempotency_key)?);
    let result = match &campaign_id {
        None => {
            client
                .create_campaign(&profile_id, &request, &options)
                .await
        }
        Some(id) => {
            client
                .update_campaign(&profile_id, id, &request, &options)
                .await
        }
    };
    let action = if campaign_id.is_some() {
        JournalAction::CampaignUpdate
    } else {
        JournalAction::CampaignCreate
    };
    match result {
        Ok(response) => {
            record(
                state,
                &workspace,
                &profile,
                action,
                &EntryOutcome::Ok,
                described(&campaign),
                None,
                response.info.request_id.as_deref(),
            );
        }
        Err(error) => {
            let error = AppError::from(error);
            record(
                state,
                &workspace,
                &profile,
                action,
                &EntryOutcome::of(&error),
                described(&campaign),
                Some(error.message.clone()),
                error.request_id.as_deref(),
            );
            return Err(error);
        }
    }
    profile_campaigns(state, workspace_id, ProfileId::new(profile_id)?).await
}

pub async fn delete_campaign(
    state: &Core,
    workspace_id: Uuid,
    profile_id: ProfileId,
    campaign_id: CampaignId,
    idempotency_key: String,
) -> Result<CampaignsView, AppError> {
    let profile_id = profile_id.into_string();
    let campaign_id = campaign_id.into_string();
    let workspace = workspace_id.to_string();
    let profile = profile(state, workspace_id, &profile_id).await?;
    let (client, _) = state.client(workspace_id, None)?;
    let options =
        CallOptions::default().with_idempotency_key(AppError::idempotency_key(idempotency_key)?);
    let gone = vec![FieldChange {
        path: "campaign".into(),
        label: "Campaign".into(),
        old: campaign_id.clone(),
        new: "deleted".into(),
    }];
    match client
        .delete_campaign(&profile_id, &campaign_id, &options)
        .await
    {
        Ok(response) => record(
            state,
            &workspace,
            &profile,
            JournalAction::CampaignDelete,
            &EntryOutcome::Ok,
            gone,
            None,
            response.info.request_id.as_deref(),
        ),
        Err(error) => {
            let error = AppError::from(error);
            record(
                state,
                &workspace,
                &profile,
                JournalAction::CampaignDelete,
                &EntryOutcome::of(&error),
                gone,
                Some(error.message.clone()),
                error.request_id.as_deref(),
            );
            return Err(error);
        }
    }
    profile_campaigns(state, workspace_id, ProfileId::new(profile_id)?).await
}
