//! TCR vocabularies (closed: the SDK types them as enums): vertical, brand relationship, entity
//! type, brand and campaign statuses, US messaging use cases.

closed_enum! {
    /// Industry of a brand (`TcrVertical`).
    TcrVertical {
        Professional => "PROFESSIONAL",
        RealEstate => "REAL_ESTATE",
        Healthcare => "HEALTHCARE",
        HumanResources => "HUMAN_RESOURCES",
        Energy => "ENERGY",
        Entertainment => "ENTERTAINMENT",
        Retail => "RETAIL",
        Transportation => "TRANSPORTATION",
        Agriculture => "AGRICULTURE",
        Insurance => "INSURANCE",
        Postal => "POSTAL",
        Education => "EDUCATION",
        Hospitality => "HOSPITALITY",
        Financial => "FINANCIAL",
        Political => "POLITICAL",
        Gambling => "GAMBLING",
        Legal => "LEGAL",
        Construction => "CONSTRUCTION",
        Ngo => "NGO",
        Manufacturing => "MANUFACTURING",
        Government => "GOVERNMENT",
        Technology => "TECHNOLOGY",
        Communication => "COMMUNICATION",
    }
}

closed_enum! {
    /// How well Sent knows a brand (`TcrBrandRelationship`).
    TcrBrandRelationship {
        BasicAccount => "BASIC_ACCOUNT",
        SmallAccount => "SMALL_ACCOUNT",
        MediumAccount => "MEDIUM_ACCOUNT",
        LargeAccount => "LARGE_ACCOUNT",
        KeyAccount => "KEY_ACCOUNT",
    }
}

closed_enum! {
    /// Legal form of a brand's business, as written in requests (`brand.business.entityType`).
    EntityType {
        PrivateProfit => "PRIVATE_PROFIT",
        PublicProfit => "PUBLIC_PROFIT",
        NonProfit => "NON_PROFIT",
        SoleProprietor => "SOLE_PROPRIETOR",
        Government => "GOVERNMENT",
    }
}

closed_enum! {
    /// TCR status of a brand (response `brand.status`).
    BrandStatus {
        Active => "ACTIVE",
        Inactive => "INACTIVE",
        Suspended => "SUSPENDED",
    }
}

closed_enum! {
    /// TCR's verification verdict on a brand (response `brand.identity_status`).
    BrandIdentityStatus {
        SelfDeclared => "SELF_DECLARED",
        Unverified => "UNVERIFIED",
        Verified => "VERIFIED",
        VettedVerified => "VETTED_VERIFIED",
    }
}

closed_enum! {
    /// US messaging use case of a campaign (`MessagingUseCaseUs`). Note `TWO_FA`, not `2FA`.
    MessagingUseCaseUs {
        Marketing => "MARKETING",
        AccountNotification => "ACCOUNT_NOTIFICATION",
        CustomerCare => "CUSTOMER_CARE",
        FraudAlert => "FRAUD_ALERT",
        TwoFa => "TWO_FA",
        DeliveryNotification => "DELIVERY_NOTIFICATION",
        SecurityAlert => "SECURITY_ALERT",
        M2m => "M2M",
        Mixed => "MIXED",
        HigherEducation => "HIGHER_EDUCATION",
        PollingVoting => "POLLING_VOTING",
        PublicServiceAnnouncement => "PUBLIC_SERVICE_ANNOUNCEMENT",
        LowVolume => "LOW_VOLUME",
    }
}

closed_enum! {
    /// TCR status of a campaign.
    CampaignStatus {
        SentCreated => "SENT_CREATED",
        Active => "ACTIVE",
        Expired => "EXPIRED",
    }
}

closed_enum! {
    /// Sharing status of a campaign with the connectivity partner.
    CampaignSharingStatus {
        Pending => "PENDING",
        Accepted => "ACCEPTED",
        Declined => "DECLINED",
    }
}
