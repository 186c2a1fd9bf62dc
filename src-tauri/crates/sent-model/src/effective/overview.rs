//! The app's view of the resolution: what the profile list can say from a [`ProfileDetail`] (as
//! `GET /v3/profiles` returns it) and what the app knows of the organization, through the same
//! functions the sandbox uses.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{billing, inheritable, pooled, whatsapp, ResourceResolution};
use crate::profile::ProfileDetail;

/// What the app knows of the organization behind a workspace.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct OrganizationSummary {
    /// The organization has a WhatsApp Business Account.
    pub has_waba: bool,
    /// Its WABA id, when known: tells an inherited `waba_id` from a profile's own.
    pub waba_id: Option<String>,
    /// The organization has a TCR brand.
    pub has_brand: bool,
}

/// The list's columns for one profile. Campaigns are not part of a [`ProfileDetail`]: resolve them
/// with [`super::resolve`] once the profile's campaigns are known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ProfileOverview {
    /// Who pays.
    pub billing: ResourceResolution,
    /// WhatsApp: own account / organization's / none.
    pub whatsapp: ResourceResolution,
    /// Contacts. Newer servers report the flags as false (contract §19 S1): then "own".
    pub contacts: ResourceResolution,
    /// Templates, same caveat.
    pub templates: ResourceResolution,
    /// Brand: own / inherited / none.
    pub tcr_brand: ResourceResolution,
    /// The brand in effect has been submitted to TCR (and can no longer change).
    pub brand_submitted_to_tcr: bool,
}

/// Resolves the list's columns for one profile. The response is trusted first: an embedded brand
/// says by `is_inherited` whose it is, and `waba_id` is the WABA in effect (§9.1, Q17).
pub fn overview(profile: &ProfileDetail, org: &OrganizationSummary) -> ProfileOverview {
    let brand = profile.brand.as_ref();
    let (inherit_brand, has_own_brand, org_has_brand) = match brand {
        Some(b) if b.is_inherited => (true, false, true),
        Some(_) => (false, true, org.has_brand),
        // No brand shown: an inheriting profile whose organization has none (Q17), or a profile
        // without one yet.
        None => (profile.inherit_tcr_brand, false, false),
    };
    let waba_own = match (&profile.waba_id, &org.waba_id) {
        (None, _) => false,
        (Some(id), Some(org_id)) => id != org_id,
        // Without the organization's id, a WABA on a profile of an organization without one must
        // be the profile's own; with one, the inherited reading is the likely one.
        (Some(_), None) => !org.has_waba,
    };
    ProfileOverview {
        billing: billing(&profile.billing_model),
        whatsapp: whatsapp(waba_own, profile.waba_id.is_some() && !waba_own),
        contacts: pooled(profile.inherit_contacts, profile.allow_contact_sharing),
        templates: pooled(profile.inherit_templates, profile.allow_template_sharing),
        tcr_brand: inheritable(inherit_brand, has_own_brand, org_has_brand),
        brand_submitted_to_tcr: brand.is_some_and(|b| b.submitted_to_tcr),
    }
}
