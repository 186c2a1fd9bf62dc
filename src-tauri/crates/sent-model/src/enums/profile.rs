//! Account and profile vocabularies: billing model, setup and completion statuses, account
//! type, user role.

open_enum! {
    /// Who pays for a profile's messages (`billing_model`). Open on reads; the validator (V11)
    /// refuses `Other` on writes.
    BillingModel {
        /// The profile is billed (needs a billing contact).
        Profile => "profile",
        /// The organization is billed.
        Organization => "organization",
        /// The profile first, the organization as fallback (needs a billing contact).
        ProfileAndOrganization => "profile_and_organization",
    }
}

impl BillingModel {
    /// True when the profile itself is billed, which requires a billing contact (V9).
    pub fn bills_profile(&self) -> bool {
        matches!(
            self,
            BillingModel::Profile | BillingModel::ProfileAndOrganization
        )
    }
}

open_enum! {
    /// Setup status of a profile. Documented read vocabulary first, then values other surfaces
    /// show (contract §12.4); compare with [`ProfileStatus::from_wire_ignore_case`] when unsure.
    ProfileStatus {
        Incomplete => "incomplete",
        PendingReview => "pending_review",
        Approved => "approved",
        Rejected => "rejected",
        Submitted => "submitted",
        Processing => "processing",
        Completed => "completed",
        Failed => "failed",
    }
}

open_enum! {
    /// `data.status` of `POST /v3/profiles/{id}/complete` and the completion callback's `status`
    /// (casing varies by surface: compare case-insensitively).
    CompletionStatus {
        Completed => "completed",
        Submitted => "submitted",
        InProgress => "in_progress",
        /// Upper-case form used by the status logic and the callback.
        CompletedUpper => "COMPLETED",
        /// Upper-case form used by the status logic and the callback.
        SubmittedUpper => "SUBMITTED",
        Failed => "failed",
    }
}

impl CompletionStatus {
    /// The status with casing folded: `COMPLETED` and `completed` both give `Completed`.
    pub fn normalized(&self) -> CompletionStatus {
        match self {
            CompletionStatus::CompletedUpper => CompletionStatus::Completed,
            CompletionStatus::SubmittedUpper => CompletionStatus::Submitted,
            CompletionStatus::Other(text) => match CompletionStatus::from_wire_ignore_case(text) {
                CompletionStatus::CompletedUpper => CompletionStatus::Completed,
                CompletionStatus::SubmittedUpper => CompletionStatus::Submitted,
                folded => folded,
            },
            known => known.clone(),
        }
    }
}

open_enum! {
    /// Kind of account a key belongs to (`GET /v3/me` `type`).
    AccountType {
        Organization => "organization",
        User => "user",
        Profile => "profile",
    }
}

open_enum! {
    /// A user's role on a profile (`/v3/me` `profiles[].role`).
    UserRole {
        Admin => "admin",
        Billing => "billing",
        Developer => "developer",
        Owner => "owner",
    }
}
