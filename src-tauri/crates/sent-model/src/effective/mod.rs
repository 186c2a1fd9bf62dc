//! The effective configuration of a sender profile: for each resource (billing, WhatsApp Business
//! Account, contacts, templates, TCR brand, TCR campaign), where it comes from — the profile's own,
//! the organization's, the profile's own shared with the other profiles, or none — and why
//! (contract §13).
//!
//! One implementation for the sandbox (which renders `waba_id` and `brand` and decides completion
//! from it) and the app (which shows it in the profile list and, later, the detail screen), so the
//! two cannot disagree. Pure functions over plain inputs: no I/O, no wire parsing beyond
//! [`overview`], which reads a [`ProfileDetail`] as `GET /v3/profiles` returns it.

mod overview;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::enums::BillingModel;

pub use overview::{overview, OrganizationSummary, ProfileOverview};

#[cfg(test)]
mod tests;

/// Where a profile's resource comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ResourceSource {
    /// The profile's own resource.
    Own,
    /// The organization's resource, used by the profile.
    Inherited,
    /// The profile's own resource, also visible to the organization's other profiles.
    Shared,
    /// Nothing in effect.
    None,
}

/// Why a resource resolved as it did: a short machine reason the UI words (Rust owns the words
/// through its labels; the reason is stable API).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ResourceReason {
    /// The profile does not inherit and has a resource of its own.
    OwnResource,
    /// The profile inherits and the organization has the resource.
    InheritsFromOrganization,
    /// The profile inherits, but the organization has no such resource.
    OrganizationHasNone,
    /// The profile does not inherit and has none of its own.
    NoOwnResource,
    /// The profile keeps its own and shares it with the organization's other profiles.
    SharedWithProfiles,
    /// The profile reads the organization's and also shares its own with the other profiles.
    InheritsAndShares,
    /// WhatsApp: credentials given for this profile at creation (direct WABA).
    DirectCredentials,
    /// Billing: `billing_model` `profile`, the profile pays.
    ProfilePays,
    /// Billing: `billing_model` `organization`, the organization pays.
    OrganizationPays,
    /// Billing: `billing_model` `profile_and_organization`, the profile first, the organization
    /// as fallback.
    ProfileThenOrganization,
    /// Billing: a `billing_model` value this app version does not know.
    UnknownBillingModel,
}

/// One resource's resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ResourceResolution {
    /// Where it comes from.
    pub source: ResourceSource,
    /// Why.
    pub reason: ResourceReason,
}

impl ResourceResolution {
    const fn new(source: ResourceSource, reason: ResourceReason) -> Self {
        Self { source, reason }
    }

    /// Picks the value in effect for a single-valued resource (WABA, brand): the profile's own
    /// when own or shared, the organization's when inherited, nothing otherwise.
    pub fn pick<T>(self, own: Option<T>, organization: Option<T>) -> Option<T> {
        match self.source {
            ResourceSource::Own | ResourceSource::Shared => own,
            ResourceSource::Inherited => organization,
            ResourceSource::None => None,
        }
    }

    /// Whether something is in effect.
    pub fn is_some(self) -> bool {
        self.source != ResourceSource::None
    }
}

/// The effective configuration of a profile, one resolution per resource.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct EffectiveConfig {
    /// Who pays (`billing_model`).
    pub billing: ResourceResolution,
    /// The WhatsApp Business Account.
    pub whatsapp: ResourceResolution,
    /// Contacts (`inherit_contacts`, `allow_contact_sharing`).
    pub contacts: ResourceResolution,
    /// Templates (`inherit_templates`, `allow_template_sharing`).
    pub templates: ResourceResolution,
    /// The TCR brand (`inherit_tcr_brand`, own `brand`).
    pub tcr_brand: ResourceResolution,
    /// The TCR campaigns (`inherit_tcr_campaign`, own campaigns).
    pub tcr_campaign: ResourceResolution,
}

/// What the profile says about itself: its inheritance and sharing flags and which resources it
/// holds of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProfileResources<'a> {
    pub inherit_contacts: bool,
    pub inherit_templates: bool,
    pub inherit_tcr_brand: bool,
    pub inherit_tcr_campaign: bool,
    pub allow_contact_sharing: bool,
    pub allow_template_sharing: bool,
    pub billing_model: &'a BillingModel,
    /// Direct WhatsApp credentials were given at creation.
    pub has_own_waba: bool,
    /// The profile has a brand of its own.
    pub has_own_brand: bool,
    /// The profile has campaigns of its own.
    pub has_own_campaigns: bool,
}

/// What the organization holds that a profile may inherit.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct OrganizationResources {
    /// A WABA from Embedded Signup.
    pub has_waba: bool,
    /// A TCR brand.
    pub has_brand: bool,
    /// At least one TCR campaign.
    pub has_campaigns: bool,
}

/// Resolves every resource of a profile against its organization.
pub fn resolve(profile: &ProfileResources<'_>, org: &OrganizationResources) -> EffectiveConfig {
    EffectiveConfig {
        billing: billing(profile.billing_model),
        whatsapp: whatsapp(profile.has_own_waba, org.has_waba),
        contacts: pooled(profile.inherit_contacts, profile.allow_contact_sharing),
        templates: pooled(profile.inherit_templates, profile.allow_template_sharing),
        tcr_brand: inheritable(
            profile.inherit_tcr_brand,
            profile.has_own_brand,
            org.has_brand,
        ),
        tcr_campaign: inheritable(
            profile.inherit_tcr_campaign,
            profile.has_own_campaigns,
            org.has_campaigns,
        ),
    }
}

/// Billing from `billing_model` (§13.1): `organization` is inherited, `profile` own, and
/// `profile_and_organization` own with the organization as fallback.
pub fn billing(model: &BillingModel) -> ResourceResolution {
    use ResourceReason as R;
    use ResourceSource as S;
    match model {
        BillingModel::Profile => ResourceResolution::new(S::Own, R::ProfilePays),
        BillingModel::Organization => ResourceResolution::new(S::Inherited, R::OrganizationPays),
        BillingModel::ProfileAndOrganization => {
            ResourceResolution::new(S::Own, R::ProfileThenOrganization)
        }
        BillingModel::Other(_) => ResourceResolution::new(S::None, R::UnknownBillingModel),
    }
}

/// The WABA (§13.2): direct credentials win; otherwise the organization's (the profile inherits
/// it when created without credentials, and cannot change it later).
pub fn whatsapp(has_own: bool, org_has: bool) -> ResourceResolution {
    use ResourceReason as R;
    use ResourceSource as S;
    if has_own {
        ResourceResolution::new(S::Own, R::DirectCredentials)
    } else if org_has {
        ResourceResolution::new(S::Inherited, R::InheritsFromOrganization)
    } else {
        ResourceResolution::new(S::None, R::OrganizationHasNone)
    }
}

/// Contacts and templates (§13.1): two independent directions. A profile always keeps its own;
/// `inherit` adds the organization's (reported as inherited, with [`ResourceReason::InheritsAndShares`]
/// when it also shares), `share` exposes its own to the other profiles.
pub fn pooled(inherit: bool, share: bool) -> ResourceResolution {
    use ResourceReason as R;
    use ResourceSource as S;
    match (inherit, share) {
        (true, true) => ResourceResolution::new(S::Inherited, R::InheritsAndShares),
        (true, false) => ResourceResolution::new(S::Inherited, R::InheritsFromOrganization),
        (false, true) => ResourceResolution::new(S::Shared, R::SharedWithProfiles),
        (false, false) => ResourceResolution::new(S::Own, R::OwnResource),
    }
}

/// TCR brand and campaigns (§13.1, prerequisites P2/P3/P5/P6): the organization's when
/// inherited, else the profile's own.
pub fn inheritable(inherit: bool, has_own: bool, org_has: bool) -> ResourceResolution {
    use ResourceReason as R;
    use ResourceSource as S;
    match (inherit, has_own, org_has) {
        (true, _, true) => ResourceResolution::new(S::Inherited, R::InheritsFromOrganization),
        (true, _, false) => ResourceResolution::new(S::None, R::OrganizationHasNone),
        (false, true, _) => ResourceResolution::new(S::Own, R::OwnResource),
        (false, false, _) => ResourceResolution::new(S::None, R::NoOwnResource),
    }
}
