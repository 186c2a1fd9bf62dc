//! Detections of a newer Sent server revision (contract §19.2): compare what a write sent with what
//! came back, never a version string. Pure functions; the app remembers the results per base URL
//! and account and shows them in a non-blocking banner.
//!
//! Covered: D1 (sharing/inheritance flags ignored), D2 (sender borrowing ignored), D4 (no WhatsApp
//! inheritance), D5 (brand volume fields not stored), D6 (campaign `volume` supported), D7 (paged
//! profile list). D8–D13 are reactions to errors and statuses, handled where they occur (the
//! client's retry rules for D9/D10/D13, the profile list for D7/D12).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use sent_model::campaign::TcrCampaignWithUseCases;
use sent_model::{BrandData, ProfileCreate, ProfileDetail, ProfileList, ProfileUpdate};

/// A behaviour of a newer server revision, detected from its own answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ServerDrift {
    /// D1: a sharing/inheritance flag sent `true` came back `false`.
    SharingFlagsIgnored,
    /// D2: a borrowed-sender profile id sent came back `null`.
    SenderBorrowingIgnored,
    /// D4: a create without WhatsApp credentials came back with `waba_id: null`.
    WhatsappNotInherited,
    /// D5: `primaryUseCase` / `expectedMessagingVolume` were not stored.
    BrandVolumeFieldsDropped,
    /// D6: campaigns carry a `volume`.
    CampaignVolumeSupported,
    /// D7: the profile list is paged.
    ProfileListPaged,
    /// D7: the profile list is paged and could not be read to the end.
    ProfileListTruncated,
}

impl ServerDrift {
    /// What to tell the user.
    pub fn message(&self) -> &'static str {
        match self {
            ServerDrift::SharingFlagsIgnored => "This server ignores contact/template sharing and inheritance; the setting was not saved.",
            ServerDrift::SenderBorrowingIgnored => "Sender borrowing is not supported by this server; give the profile its own sender in the Sent dashboard.",
            ServerDrift::WhatsappNotInherited => "Profile created without WhatsApp: this server requires each profile to have its own WhatsApp Business Account.",
            ServerDrift::BrandVolumeFieldsDropped => "This server does not store the brand's primary use case and expected volume; use the campaign's volume instead.",
            ServerDrift::CampaignVolumeSupported => "This server stores an expected volume per campaign.",
            ServerDrift::ProfileListPaged => "This server pages the profile list.",
            ServerDrift::ProfileListTruncated => "The profile list was truncated by the server.",
        }
    }
}

/// D1, D4, D5 after `POST /v3/profiles`.
pub fn after_profile_create(sent: &ProfileCreate, returned: &ProfileDetail) -> Vec<ServerDrift> {
    let mut found = Vec::new();
    let flags = [
        (sent.allow_contact_sharing, returned.allow_contact_sharing),
        (sent.allow_template_sharing, returned.allow_template_sharing),
        (sent.inherit_contacts, returned.inherit_contacts),
        (sent.inherit_templates, returned.inherit_templates),
    ];
    if flags_dropped(&flags) {
        found.push(ServerDrift::SharingFlagsIgnored);
    }
    if sent.whatsapp_business_account.is_none() && returned.waba_id.is_none() {
        found.push(ServerDrift::WhatsappNotInherited);
    }
    if brand_volume_dropped(sent.brand.as_ref(), returned) {
        found.push(ServerDrift::BrandVolumeFieldsDropped);
    }
    found
}

/// D1, D2, D5 after `PATCH /v3/profiles/{id}`.
pub fn after_profile_update(sent: &ProfileUpdate, returned: &ProfileDetail) -> Vec<ServerDrift> {
    let mut found = Vec::new();
    let flags = [
        (sent.allow_contact_sharing, returned.allow_contact_sharing),
        (sent.allow_template_sharing, returned.allow_template_sharing),
        (sent.inherit_contacts, returned.inherit_contacts),
        (sent.inherit_templates, returned.inherit_templates),
    ];
    if flags_dropped(&flags) {
        found.push(ServerDrift::SharingFlagsIgnored);
    }
    let borrowed = [
        (
            &sent.sending_phone_number_profile_id,
            &returned.sending_phone_number_profile_id,
        ),
        (
            &sent.sending_whatsapp_number_profile_id,
            &returned.sending_whatsapp_number_profile_id,
        ),
    ];
    if borrowed
        .iter()
        .any(|(sent, back)| sent.as_deref().is_some_and(|s| !s.is_empty()) && back.is_none())
    {
        found.push(ServerDrift::SenderBorrowingIgnored);
    }
    if brand_volume_dropped(sent.brand.as_ref(), returned) {
        found.push(ServerDrift::BrandVolumeFieldsDropped);
    }
    found
}

/// D6 from any campaign answer.
pub fn after_campaign(returned: &TcrCampaignWithUseCases) -> Vec<ServerDrift> {
    if returned.volume.is_some() {
        vec![ServerDrift::CampaignVolumeSupported]
    } else {
        Vec::new()
    }
}

/// D7 from a (merged) profile list.
pub fn after_profile_list(list: &ProfileList) -> Vec<ServerDrift> {
    match &list.pagination {
        None => Vec::new(),
        Some(page) if page.has_more => {
            vec![
                ServerDrift::ProfileListPaged,
                ServerDrift::ProfileListTruncated,
            ]
        }
        Some(_) => vec![ServerDrift::ProfileListPaged],
    }
}

/// All four `false` on reads alone proves nothing: only a `true` that came back `false` counts.
fn flags_dropped(flags: &[(Option<bool>, bool)]) -> bool {
    flags
        .iter()
        .any(|(sent, back)| *sent == Some(true) && !back)
}

fn brand_volume_dropped(sent: Option<&BrandData>, returned: &ProfileDetail) -> bool {
    let Some(compliance) = sent.and_then(|brand| brand.compliance.as_ref()) else {
        return false;
    };
    let back = returned
        .brand
        .as_ref()
        .and_then(|brand| brand.compliance.as_ref());
    let Some(back) = back else { return false };
    let use_case_lost = compliance.primary_use_case.is_some() && back.primary_use_case.is_none();
    let volume_lost =
        compliance.expected_messaging_volume.is_some() && back.expected_messaging_volume.is_none();
    use_case_lost || volume_lost
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn profile(value: serde_json::Value) -> ProfileDetail {
        serde_json::from_value(value).unwrap()
    }

    #[test]
    fn d1_d4_d5_on_create() {
        let sent: ProfileCreate = serde_json::from_value(json!({
            "name": "N", "inherit_contacts": true, "allow_contact_sharing": false,
            "brand": {"contact": {"name": "D"}, "compliance": {"vertical": "RETAIL",
                "brandRelationship": "BASIC_ACCOUNT", "expectedMessagingVolume": "1000"}}
        }))
        .unwrap();
        let newer = profile(json!({"inherit_contacts": false, "waba_id": null,
            "brand": {"compliance": {"primary_use_case": null}}}));
        assert_eq!(
            after_profile_create(&sent, &newer),
            [
                ServerDrift::SharingFlagsIgnored,
                ServerDrift::WhatsappNotInherited,
                ServerDrift::BrandVolumeFieldsDropped
            ]
        );
        let older = profile(json!({"inherit_contacts": true, "waba_id": "123",
            "brand": {"compliance": {"expected_messaging_volume": "1000"}}}));
        assert!(after_profile_create(&sent, &older).is_empty());
    }

    #[test]
    fn d2_on_update_and_d6_d7() {
        let sent = ProfileUpdate {
            sending_phone_number_profile_id: Some("p2".into()),
            ..Default::default()
        };
        assert_eq!(
            after_profile_update(&sent, &profile(json!({}))),
            [ServerDrift::SenderBorrowingIgnored]
        );
        let kept = profile(json!({"sending_phone_number_profile_id": "p2"}));
        assert!(after_profile_update(&sent, &kept).is_empty());
        let campaign: TcrCampaignWithUseCases =
            serde_json::from_value(json!({"volume": "1500"})).unwrap();
        assert_eq!(
            after_campaign(&campaign),
            [ServerDrift::CampaignVolumeSupported]
        );
        let list: ProfileList =
            serde_json::from_value(json!({"profiles": [], "pagination": {"has_more": true}}))
                .unwrap();
        assert_eq!(after_profile_list(&list).len(), 2);
        assert!(after_profile_list(&ProfileList::default()).is_empty());
        assert!(ServerDrift::WhatsappNotInherited
            .message()
            .contains("WhatsApp"));
    }
}
