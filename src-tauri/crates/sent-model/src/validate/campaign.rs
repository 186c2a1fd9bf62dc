//! Campaign rules: V20 (body), V21 (submitted or inherited campaigns are read-only), V22 (no own
//! campaign while inheriting the organization's).

use super::{blank, messages, FieldErrors};
use crate::campaign::CampaignRequest;

/// Which write a campaign body is for, with the facts its state rules need.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CampaignWrite {
    /// E9. `profile_inherits_campaigns`: the profile's `inherit_tcr_campaign` when known (V22).
    Create {
        /// The profile uses the organization's campaigns.
        profile_inherits_campaigns: Option<bool>,
    },
    /// E10 (full replacement). `existing`: the stored campaign when known (V21).
    Update {
        /// The stored campaign.
        existing: Option<CampaignFacts>,
    },
}

/// What the rules need to know about a stored campaign.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CampaignFacts {
    /// `submittedToTCR` is true.
    pub submitted_to_tcr: bool,
    /// It belongs to the organization (the profile inherits it).
    pub inherited: bool,
}

/// Every failing field of a campaign create/update body (V20–V22).
pub fn campaign_write_fields(req: &CampaignRequest, write: CampaignWrite) -> FieldErrors {
    let mut errors = FieldErrors::new();
    match write {
        CampaignWrite::Create {
            profile_inherits_campaigns: Some(true),
        } => {
            errors.add("campaign", messages::CAMPAIGN_WHILE_INHERITING);
        }
        CampaignWrite::Update {
            existing: Some(existing),
        } => {
            errors.merge(campaign_state_errors(existing, true));
        }
        _ => {}
    }
    let Some(campaign) = &req.campaign else {
        errors.add("campaign", messages::required("campaign"));
        return errors;
    };
    for (path, value) in [
        ("campaign.name", &campaign.name),
        ("campaign.description", &campaign.description),
        ("campaign.type", &campaign.campaign_type),
    ] {
        if blank(value.as_deref()) {
            errors.add(path, messages::required(path));
        }
    }
    let use_cases = campaign.use_cases.as_deref().unwrap_or_default();
    if use_cases.is_empty() {
        errors.add("campaign.useCases", messages::USE_CASES_EMPTY);
    }
    for (index, use_case) in use_cases.iter().enumerate() {
        let base = format!("campaign.useCases[{index}]");
        if use_case.messaging_use_case_us.is_none() {
            let path = format!("{base}.messagingUseCaseUs");
            errors.add(path.clone(), messages::required(&path));
        }
        let path = format!("{base}.sampleMessages");
        let samples = use_case.sample_messages.as_deref().unwrap_or_default();
        if !(1..=5).contains(&samples.len()) {
            errors.add(path.clone(), messages::sample_count(&path));
        }
        for (sample_index, sample) in samples.iter().enumerate() {
            if sample.chars().count() > 1024 {
                let sample_path = format!("{path}[{sample_index}]");
                errors.add(sample_path.clone(), messages::sample_too_long(&sample_path));
            }
        }
    }
    errors
}

/// V21 for `DELETE .../campaigns/{id}`: an inherited campaign cannot be deleted by the profile.
pub fn campaign_delete_fields(existing: CampaignFacts) -> FieldErrors {
    campaign_state_errors(existing, false)
}

fn campaign_state_errors(existing: CampaignFacts, updating: bool) -> FieldErrors {
    let mut errors = FieldErrors::new();
    if existing.inherited {
        errors.add("campaign", messages::CAMPAIGN_INHERITED);
    } else if updating && existing.submitted_to_tcr {
        errors.add("campaign", messages::CAMPAIGN_SUBMITTED);
    }
    errors
}
