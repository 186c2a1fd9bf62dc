//! The behaviours that contract §19.3 (`api_revision = 2026-10`) changes, each decided here in
//! one place (S1–S13). Handlers ask these functions, never the revision itself.

use crate::config::ApiRevision;

fn newer(rev: ApiRevision) -> bool {
    matches!(rev, ApiRevision::Rev2026_10)
}

/// V14 / S4: omitting `whatsapp_business_account` with no org WABA is a 422.
pub fn missing_waba_is_error(rev: ApiRevision) -> bool {
    !newer(rev)
}

/// S4: a profile without its own `whatsapp_business_account` inherits the organization's WABA.
pub fn inherits_org_waba(rev: ApiRevision) -> bool {
    !newer(rev)
}

/// S3: default of `inherit_tcr_brand` / `inherit_tcr_campaign` on create when absent or null.
pub fn default_inherit_tcr(rev: ApiRevision) -> bool {
    !newer(rev)
}

/// S1: whether the four sharing/inheritance flags are stored (else reported `false`).
pub fn stores_sharing_flags(rev: ApiRevision) -> bool {
    !newer(rev)
}

/// S1 / E4: `allow_contact_sharing` / `allow_template_sharing` may be `null` on create.
pub fn sharing_flags_nullable(rev: ApiRevision) -> bool {
    newer(rev)
}

/// S1: `customer_id` is reported on contacts, templates and webhooks.
pub fn reports_customer_id(rev: ApiRevision) -> bool {
    newer(rev)
}

/// S1: an organization key without `x-profile-id` sees every profile's contacts and templates.
pub fn org_sees_profile_resources(rev: ApiRevision) -> bool {
    newer(rev)
}

/// S2: whether sender borrowing (`sending_*_profile_id`) is stored and checked (V17).
pub fn stores_sender_borrowing(rev: ApiRevision) -> bool {
    !newer(rev)
}

/// S5: whether `primaryUseCase` / `expectedMessagingVolume` of a brand are stored and echoed.
pub fn stores_brand_volume(rev: ApiRevision) -> bool {
    !newer(rev)
}

/// S6: whether campaign `volume` is stored and echoed, and the six TCR-internal keys dropped.
pub fn campaign_volume(rev: ApiRevision) -> bool {
    newer(rev)
}

/// S11 / D14: send preconditions (opt-out, unapproved template) refuse the request with 422
/// instead of accepting it and blocking (`BLOCKED`) or filtering (`FILTERED`) the messages.
pub fn send_preconditions_refuse(rev: ApiRevision) -> bool {
    !newer(rev)
}

/// S11: messages, events and activities carry `reason_code` / `reason` on failure.
pub fn message_reason_codes(rev: ApiRevision) -> bool {
    newer(rev)
}

/// S8: completion can end in `pending_review` (`SUBMITTED`).
pub fn completion_can_submit(rev: ApiRevision) -> bool {
    !newer(rev)
}

/// S8: completion checks the newer prerequisite list (description length, KYC, documents) and
/// the profile's own key may call it.
pub fn completion_newer_rules(rev: ApiRevision) -> bool {
    newer(rev)
}

/// S9: the DELETE conflict fixtures (`CONFLICT_012` / `CONFLICT_013`) apply.
pub fn delete_conflicts(rev: ApiRevision) -> bool {
    newer(rev)
}

/// S10: `page` and `page_size` are required on paged lists.
pub fn paging_params_required(rev: ApiRevision) -> bool {
    !newer(rev)
}

/// S10: `cursors` is always `null`; activities and event types carry `pagination`; the
/// template list ignores `is_welcome_playground`.
pub fn newer_paging(rev: ApiRevision) -> bool {
    newer(rev)
}

/// S7: `GET /v3/profiles` carries `pagination`.
pub fn profile_list_paginated(rev: ApiRevision) -> bool {
    newer(rev)
}

/// S12: `/v3/me` adds the newer keys and omits `channels.*.phone_number` when empty.
pub fn me_newer_keys(rev: ApiRevision) -> bool {
    newer(rev)
}

/// S13: webhook deliveries use the newer envelope and payloads, with `X-Webhook-Event-ID`.
pub fn newer_webhook_deliveries(rev: ApiRevision) -> bool {
    newer(rev)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_keeps_sections_1_to_18() {
        let s = ApiRevision::Seed;
        assert!(missing_waba_is_error(s) && default_inherit_tcr(s) && stores_sharing_flags(s));
        assert!(stores_sender_borrowing(s) && send_preconditions_refuse(s));
        assert!(completion_can_submit(s) && paging_params_required(s));
        assert!(!profile_list_paginated(s) && !campaign_volume(s) && !me_newer_keys(s));
        assert!(!sharing_flags_nullable(s) && !delete_conflicts(s));
    }

    #[test]
    fn newer_revision_flips_every_switch() {
        let n = ApiRevision::Rev2026_10;
        assert!(!missing_waba_is_error(n) && !default_inherit_tcr(n) && !stores_sharing_flags(n));
        assert!(!stores_sender_borrowing(n) && !send_preconditions_refuse(n));
        assert!(!completion_can_submit(n) && !paging_params_required(n));
        assert!(profile_list_paginated(n) && campaign_volume(n) && me_newer_keys(n));
        assert!(sharing_flags_nullable(n) && delete_conflicts(n) && reports_customer_id(n));
        assert_eq!("2026-10".parse::<ApiRevision>(), Ok(n));
        assert_eq!(n.to_string(), "2026-10");
    }
}
