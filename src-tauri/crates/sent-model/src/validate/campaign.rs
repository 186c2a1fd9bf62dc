//! Campaign rules: V20 (body), V21 (submitted or inherited campaigns are read-only), V22 (no own
//! campaign while inheriting the organization's).

use super::{blank, messages, urls, FieldErrors};
use crate::campaign::{CampaignData, CampaignRequest};

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

/// The app's own check of a campaign's policy links, not a server rule (the contract types them as
/// plain strings, and the sandbox accepts any): TCR's reviewers open them, so a link must be a full
/// web address. A blank link is no link.
pub fn campaign_link_fields(campaign: &CampaignData) -> FieldErrors {
    let mut errors = FieldErrors::new();
    for (path, value) in [
        ("campaign.privacyPolicyLink", &campaign.privacy_policy_link),
        (
            "campaign.termsAndConditionsLink",
            &campaign.terms_and_conditions_link,
        ),
    ] {
        if let Some(value) = value.as_deref().map(str::trim).filter(|v| !v.is_empty()) {
            if urls::parse_http_url(value).is_err() {
                errors.add(path, messages::LINK_NOT_A_WEB_ADDRESS);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_policy_link_must_be_a_full_web_address() {
        let campaign = |link: &str| CampaignData {
            privacy_policy_link: Some(link.into()),
            terms_and_conditions_link: Some(link.into()),
            ..CampaignData::default()
        };
        for bad in [
            "see our website",
            "example.com/privacy",
            "ftp://example.com",
            "https://",
        ] {
            let errors = campaign_link_fields(&campaign(bad)).into_map();
            assert_eq!(errors.len(), 2, "{bad}: {errors:?}");
            assert_eq!(
                errors["campaign.privacyPolicyLink"],
                vec![messages::LINK_NOT_A_WEB_ADDRESS.to_owned()]
            );
        }
        for good in [
            "https://example.com/privacy",
            " http://example.com ",
            "",
            "  ",
        ] {
            assert!(campaign_link_fields(&campaign(good)).is_empty(), "{good}");
        }
        assert!(campaign_link_fields(&CampaignData::default()).is_empty());
    }
}
