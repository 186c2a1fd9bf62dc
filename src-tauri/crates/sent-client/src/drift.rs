//! Detections of a newer Sent server revision (contract §19.2): compare what a write sent with what
//! came back, never a version string. Pure functions; the app remembers the results per base URL
//! and account and shows them in a non-blocking banner.
//!
//! Covered: D1 (sharing/inheritance flags ignored), D2 (sender borrowing ignored), D4 (no WhatsApp
//! inheritance), D5 (brand volume fields not stored), D6 (campaign `volume` supported), D7 (paged
//! profile list), D8 (newer completion: prerequisites the seeds do not name, direct approval),
//! D9 (delete refused by the WhatsApp account), D10 (send preconditions reported on messages, a
//! 429 that is not the rate limit), D11 (resources report their owning account). The reactions
//! themselves live where they occur: the client's retry rules for D9/D10/D13, the profile list
//! for D7/D12.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use sent_model::campaign::TcrCampaignWithUseCases;
use sent_model::contact::ContactList;
use sent_model::message::MessageDetail;
use sent_model::template::TemplateList;
use sent_model::{
    BrandData, ProfileCreate, ProfileDetail, ProfileList, ProfileStatus, ProfileUpdate,
};

use crate::error::ClientError;

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
    /// D8: completion names prerequisites the seeds do not know (KYC, documents, ...).
    CompletionPrerequisitesNewer,
    /// D8: a profile reached `approved` without passing `pending_review`.
    CompletionApprovesDirectly,
    /// D9: a delete was refused because of the profile's WhatsApp Business Account (409 other
    /// than `CONFLICT_001`; never retried).
    DeleteBlockedByWhatsapp,
    /// D10: a send accepted with 202 ended `BLOCKED` / `FILTERED`, or a message carries a
    /// `reason_code`: preconditions are reported on the messages, not refused with 422.
    SendPreconditionsOnMessages,
    /// D10: a 429 that is not the rate limit (`BUSINESS_002`): not retried automatically.
    TooManyRequestsNotRateLimit,
    /// D11: templates/contacts report their owning account (`customer_id`); `is_inherited` no
    /// longer locks rows.
    ResourceOwnerReported,
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
            ServerDrift::CompletionPrerequisitesNewer => "This server checks more before completing a profile (for example a submitted KYC form or compliance documents); upload those in the Sent dashboard.",
            ServerDrift::CompletionApprovesDirectly => "This server approves completed profiles directly, without a review step.",
            ServerDrift::DeleteBlockedByWhatsapp => "This server refuses to delete a profile while its number is registered on the WhatsApp Business Account: remove the number in WhatsApp Manager first (or try again later if the account could not be read).",
            ServerDrift::SendPreconditionsOnMessages => "This server accepts sends it cannot deliver and reports why on each message (BLOCKED or FILTERED with a reason).",
            ServerDrift::TooManyRequestsNotRateLimit => "This server answered 429 for something other than the rate limit; it is not retried automatically.",
            ServerDrift::ResourceOwnerReported => "This server reports which account owns each template and contact; nothing is inherited between profiles.",
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

/// The detail keys a seed-revision server names on a refused completion (§12.2, Q8).
const SEED_COMPLETION_KEYS: &[&str] = &[
    "short_name",
    "description",
    "brand",
    "campaigns",
    "webHookUrl",
    "whatsapp_business_account",
];

/// D8 after `POST /v3/profiles/{id}/complete` answered an error: a 400 naming a prerequisite the
/// seeds do not know (documents, KYC, ...). The app shows every `details` key verbatim anyway.
pub fn after_complete_error(error: &ClientError) -> Vec<ServerDrift> {
    let newer = error.status() == Some(400)
        && error
            .fields()
            .is_some_and(|f| f.paths().any(|p| !SEED_COMPLETION_KEYS.contains(&p)));
    if newer {
        vec![ServerDrift::CompletionPrerequisitesNewer]
    } else {
        Vec::new()
    }
}

/// D8 from the statuses a profile went through after `complete` (oldest first, as polled): it
/// reached `approved` and never showed `pending_review`. Only meaningful when the seed rules
/// would have sent it to review; the caller passes the statuses it observed since completing.
pub fn after_completion_statuses(seen: &[ProfileStatus]) -> Vec<ServerDrift> {
    let is = |s: &ProfileStatus, w: &str| s.as_str().eq_ignore_ascii_case(w);
    let approved = seen.last().is_some_and(|s| is(s, "approved"));
    let reviewed = seen.iter().any(|s| is(s, "pending_review"));
    if approved && !reviewed && seen.len() > 1 {
        vec![ServerDrift::CompletionApprovesDirectly]
    } else {
        Vec::new()
    }
}

/// D9 after a refused `DELETE /v3/profiles/{id}`: a 409 other than `CONFLICT_001`
/// (`CONFLICT_012`: number still on the WhatsApp Business Account; `CONFLICT_013`: the account
/// could not be read). Never retried by the client.
pub fn after_delete_error(error: &ClientError) -> Vec<ServerDrift> {
    let blocked = error.status() == Some(409) && error.code().is_some_and(|c| c != "CONFLICT_001");
    if blocked {
        vec![ServerDrift::DeleteBlockedByWhatsapp]
    } else {
        Vec::new()
    }
}

/// What to tell the user about a 409 on delete (D9), by code.
pub fn delete_conflict_remedy(code: &str) -> Option<&'static str> {
    match code {
        "CONFLICT_012" => Some("A number of this profile is still registered on your WhatsApp Business Account. Deregister and delete it in WhatsApp Manager, then delete the profile again."),
        "CONFLICT_013" => Some("Sent could not read this profile's WhatsApp Business Account. Try again later."),
        _ => None,
    }
}

/// D10 from a message read after a 202 send: `BLOCKED` / `FILTERED`, or a `reason_code`.
pub fn after_message(message: &MessageDetail) -> Vec<ServerDrift> {
    let deferred = message.status.as_ref().is_some_and(|s| {
        let s = s.as_str();
        s.eq_ignore_ascii_case("BLOCKED") || s.eq_ignore_ascii_case("FILTERED")
    }) || message.reason_code.is_some();
    if deferred {
        vec![ServerDrift::SendPreconditionsOnMessages]
    } else {
        Vec::new()
    }
}

/// D10 after a refused send: a 429 with a code other than `BUSINESS_002`.
pub fn after_send_error(error: &ClientError) -> Vec<ServerDrift> {
    if error.status() == Some(429) && error.code().is_some_and(|c| c != "BUSINESS_002") {
        vec![ServerDrift::TooManyRequestsNotRateLimit]
    } else {
        Vec::new()
    }
}

/// The reason to show for a message that did not go out (D10): `reason_code` and `reason`,
/// falling back to the `ERR_*` code in the last event's `description`.
pub fn message_reason(message: &MessageDetail) -> Option<String> {
    if let Some(code) = &message.reason_code {
        return Some(match &message.reason {
            Some(text) => format!("{code}: {text}"),
            None => code.clone(),
        });
    }
    message
        .events
        .iter()
        .flatten()
        .rev()
        .filter_map(|e| e.description.as_deref())
        .find(|d| d.starts_with("ERR_"))
        .map(str::to_owned)
}

/// D11 from a template page.
pub fn after_templates(list: &TemplateList) -> Vec<ServerDrift> {
    owner_reported(list.templates.iter().map(|t| t.customer_id.as_deref()))
}

/// D11 from a contact page.
pub fn after_contacts(list: &ContactList) -> Vec<ServerDrift> {
    owner_reported(list.contacts.iter().map(|c| c.customer_id.as_deref()))
}

fn owner_reported<'a>(mut ids: impl Iterator<Item = Option<&'a str>>) -> Vec<ServerDrift> {
    if ids.any(|id| id.is_some_and(|s| !s.is_empty())) {
        vec![ServerDrift::ResourceOwnerReported]
    } else {
        Vec::new()
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

    #[test]
    fn d8_d9_d10_d11() {
        let api = |status: u16, code: &str, fields: Option<&[&str]>| ClientError::Api {
            status,
            family: sent_model::ErrorFamily::Validation,
            code: Some(code.into()),
            message: String::new(),
            fields: fields.map(|keys| {
                let mut f = sent_model::validate::FieldErrors::new();
                for k in keys {
                    f.add(*k, "x");
                }
                f
            }),
            request_id: None,
            retry_after: None,
        };
        let newer = api(400, "VALIDATION_001", Some(&["kyc", "short_name"]));
        assert_eq!(
            after_complete_error(&newer),
            [ServerDrift::CompletionPrerequisitesNewer]
        );
        let seed = api(400, "VALIDATION_001", Some(&["short_name", "brand"]));
        assert!(after_complete_error(&seed).is_empty());
        use ProfileStatus as S;
        assert_eq!(
            after_completion_statuses(&[S::Incomplete, S::Approved]),
            [ServerDrift::CompletionApprovesDirectly]
        );
        assert!(
            after_completion_statuses(&[S::Incomplete, S::PendingReview, S::Approved]).is_empty()
        );
        assert_eq!(
            after_delete_error(&api(409, "CONFLICT_012", None)),
            [ServerDrift::DeleteBlockedByWhatsapp]
        );
        assert!(after_delete_error(&api(409, "CONFLICT_001", None)).is_empty());
        assert!(delete_conflict_remedy("CONFLICT_012")
            .unwrap()
            .contains("WhatsApp Manager"));
        assert_eq!(
            after_send_error(&api(429, "LIMIT_001", None)),
            [ServerDrift::TooManyRequestsNotRateLimit]
        );
        assert!(after_send_error(&api(429, "BUSINESS_002", None)).is_empty());
        let blocked: MessageDetail = serde_json::from_value(json!({"id": "m", "status": "BLOCKED",
            "reason_code": "BUSINESS_005", "reason": "not approved"}))
        .unwrap();
        assert_eq!(
            after_message(&blocked),
            [ServerDrift::SendPreconditionsOnMessages]
        );
        assert_eq!(
            message_reason(&blocked).unwrap(),
            "BUSINESS_005: not approved"
        );
        let failed: MessageDetail = serde_json::from_value(json!({"id": "m", "status": "FAILED",
            "events": [{"status": "QUEUED", "timestamp": "2026-07-10T08:15:02Z"},
                       {"status": "FAILED", "timestamp": "2026-07-10T08:15:04Z", "description": "ERR_ROUTE_DENIED"}]})).unwrap();
        assert!(after_message(&failed).is_empty());
        assert_eq!(message_reason(&failed).unwrap(), "ERR_ROUTE_DENIED");
        let templates: TemplateList = serde_json::from_value(json!({"templates": [
            {"id": "t", "name": "n", "customer_id": "acct"}]}))
        .unwrap();
        assert_eq!(
            after_templates(&templates),
            [ServerDrift::ResourceOwnerReported]
        );
        assert!(after_contacts(&ContactList::default()).is_empty());
    }
}
