//! The behaviours that contract §19.3 (`api_revision = 2026-10`) changes, each decided here in
//! one place. Only the `seed` revision exists today; adding the newer one means adding an
//! `ApiRevision` variant and answering these functions for it (S1–S13), not editing handlers.

use crate::config::ApiRevision;

/// V14 / S4: omitting `whatsapp_business_account` with no org WABA is a 422.
pub fn missing_waba_is_error(rev: ApiRevision) -> bool {
    match rev {
        ApiRevision::Seed => true,
    }
}

/// S3: default of `inherit_tcr_brand` / `inherit_tcr_campaign` on create when absent or null.
pub fn default_inherit_tcr(rev: ApiRevision) -> bool {
    match rev {
        ApiRevision::Seed => true,
    }
}

/// S1: whether the four sharing/inheritance flags are stored (else reported `false`).
pub fn stores_sharing_flags(rev: ApiRevision) -> bool {
    match rev {
        ApiRevision::Seed => true,
    }
}

/// S1 / E4: `allow_contact_sharing` / `allow_template_sharing` may be `null` on create.
pub fn sharing_flags_nullable(rev: ApiRevision) -> bool {
    match rev {
        ApiRevision::Seed => false,
    }
}

/// S2: whether sender borrowing (`sending_*_profile_id`) is stored and checked (V17).
pub fn stores_sender_borrowing(rev: ApiRevision) -> bool {
    match rev {
        ApiRevision::Seed => true,
    }
}

/// S11 / D14: send preconditions (opt-out, unapproved template) refuse the request with 422
/// instead of accepting it and blocking the messages.
pub fn send_preconditions_refuse(rev: ApiRevision) -> bool {
    match rev {
        ApiRevision::Seed => true,
    }
}

/// S8: completion can end in `pending_review` (`SUBMITTED`).
pub fn completion_can_submit(rev: ApiRevision) -> bool {
    match rev {
        ApiRevision::Seed => true,
    }
}

/// S10: `page` and `page_size` are required on paged lists.
pub fn paging_params_required(rev: ApiRevision) -> bool {
    match rev {
        ApiRevision::Seed => true,
    }
}

/// S7: `GET /v3/profiles` carries `pagination`.
pub fn profile_list_paginated(rev: ApiRevision) -> bool {
    match rev {
        ApiRevision::Seed => false,
    }
}
