//! Messaging vocabularies (open): channels, message statuses, template category and status.

open_enum! {
    /// A message channel (`channel[]` on send, `channel` on results).
    Channel {
        Sms => "sms",
        Whatsapp => "whatsapp",
        Rcs => "rcs",
        /// Automatic selection by Sent (the default).
        Sent => "sent",
    }
}

open_enum! {
    /// Status of a message or of one of its activities/events.
    MessageStatus {
        Queued => "QUEUED",
        Processed => "PROCESSED",
        Routed => "ROUTED",
        SentStatus => "SENT",
        Delivered => "DELIVERED",
        Read => "READ",
        Failed => "FAILED",
        Received => "RECEIVED",
        Filtered => "FILTERED",
        Blocked => "BLOCKED",
        Scheduled => "SCHEDULED",
        Cancelled => "CANCELLED",
    }
}

impl MessageStatus {
    /// True once the message can no longer change (delivered, read, failed, filtered, blocked,
    /// cancelled, received); the app stops polling then.
    pub fn is_final(&self) -> bool {
        matches!(
            MessageStatus::from_wire_ignore_case(self.as_str()),
            MessageStatus::Delivered
                | MessageStatus::Read
                | MessageStatus::Failed
                | MessageStatus::Filtered
                | MessageStatus::Blocked
                | MessageStatus::Cancelled
                | MessageStatus::Received
        )
    }
}

open_enum! {
    /// Template category.
    TemplateCategory {
        Marketing => "MARKETING",
        Utility => "UTILITY",
        Authentication => "AUTHENTICATION",
    }
}

open_enum! {
    /// Template review status.
    TemplateStatus {
        Approved => "APPROVED",
        Pending => "PENDING",
        Rejected => "REJECTED",
        Draft => "DRAFT",
        Paused => "PAUSED",
        Disabled => "DISABLED",
        Revoked => "REVOKED",
    }
}
