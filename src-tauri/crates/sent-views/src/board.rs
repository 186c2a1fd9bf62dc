//! The compliance board: which clients cannot send yet, and what to do next. One row per profile
//! of the same [`ProfileListModel`] the list uses, with the facts review needs kept compact on the
//! row ([`ReviewFacts`], read from every profile a refresh streams in) and the campaign count the
//! board reads in the background ([`CampaignCount`]). The next action is worded here, by the same
//! rules as the submit dialog's prerequisites (`onboard::missing_for_review`), so the board and the
//! dialog never disagree.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use sent_model::effective::ResourceSource;
use sent_model::ProfileDetail;

use crate::labels::Tone;
use crate::list::{fold, Facet, ProfileListModel, SortDirection, SortKey, MAX_WINDOW};
use crate::rows::SourceCell;

/// Where a profile stands, by what needs doing (the board's filters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum NextKind {
    /// Review ended with a rejection: fix and submit again.
    Rejected,
    /// Nothing is missing: submit for review.
    Ready,
    /// Something review needs is missing.
    Blocked,
    /// The board is still reading what it needs to tell (its campaigns).
    Checking,
    /// In review at Sent or TCR: nothing to do.
    InReview,
    /// Approved: the profile can send.
    Live,
}

impl NextKind {
    /// Sorted by what needs attention first.
    pub const ALL: [NextKind; 6] = [
        NextKind::Rejected,
        NextKind::Ready,
        NextKind::Blocked,
        NextKind::Checking,
        NextKind::InReview,
        NextKind::Live,
    ];

    fn rank(self) -> usize {
        Self::ALL.iter().position(|k| *k == self).unwrap_or(0)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            NextKind::Rejected => "rejected",
            NextKind::Ready => "ready",
            NextKind::Blocked => "blocked",
            NextKind::Checking => "checking",
            NextKind::InReview => "in_review",
            NextKind::Live => "live",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            NextKind::Rejected => "Rejected",
            NextKind::Ready => "Ready for review",
            NextKind::Blocked => "Blocked",
            NextKind::Checking => "Being checked",
            NextKind::InReview => "In review",
            NextKind::Live => "Live",
        }
    }

    fn tone(self) -> Tone {
        match self {
            NextKind::Rejected => Tone::Danger,
            NextKind::Ready => Tone::Progress,
            NextKind::Blocked => Tone::Attention,
            NextKind::Checking | NextKind::InReview => Tone::Neutral,
            NextKind::Live => Tone::Success,
        }
    }
}

/// Where a row's next action is done.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ActionTarget {
    /// The profile's identity section (short name, description).
    Identity,
    /// The profile's brand section.
    Brand,
    /// The profile's TCR campaigns (the campaign form).
    Campaigns,
    /// The profile's WhatsApp section.
    Whatsapp,
    /// The submit-for-review dialog.
    Submit,
}

/// Whose TCR brand a profile uses, as review sees it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum BrandStanding {
    Own,
    Organization,
    /// It inherits, and the organization has none.
    OrganizationHasNone,
    /// It keeps its own, and has none yet.
    #[default]
    Missing,
}

/// What review needs to know of a profile, read from it once (a refresh, a save) and kept on its
/// row as one small number.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(from = "u16", into = "u16")]
pub struct ReviewFacts {
    /// False for a row an older version kept without them.
    pub known: bool,
    pub short_name: bool,
    pub description: bool,
    pub brand: BrandStanding,
    /// The brand is a TCR application (then review needs a campaign).
    pub tcr_application: bool,
    /// The billed party (the profile, for the profile's own billing models) has a billing contact.
    pub billing_contact: bool,
    pub inherits_contacts: bool,
    pub inherits_templates: bool,
    pub shares_contacts: bool,
    pub shares_templates: bool,
    pub inherits_campaign: bool,
}

impl ReviewFacts {
    /// A pooled resource's configuration in words, for the report: "Inherits and shares".
    pub fn pooled(inherits: bool, shares: bool) -> &'static str {
        match (inherits, shares) {
            (true, true) => "Inherits the organization's and shares its own",
            (true, false) => "Inherits the organization's",
            (false, true) => "Own, shared with the other profiles",
            (false, false) => "Own, not shared",
        }
    }
}

impl ReviewFacts {
    pub fn of(profile: &ProfileDetail) -> Self {
        let filled = |s: &Option<String>| s.as_deref().is_some_and(|s| !s.trim().is_empty());
        let brand = match &profile.brand {
            None if profile.inherit_tcr_brand => BrandStanding::OrganizationHasNone,
            None => BrandStanding::Missing,
            Some(b) if b.is_inherited || profile.inherit_tcr_brand => BrandStanding::Organization,
            Some(_) => BrandStanding::Own,
        };
        Self {
            known: true,
            short_name: filled(&profile.short_name),
            description: filled(&profile.description),
            brand,
            tcr_application: profile
                .brand
                .as_ref()
                .and_then(|b| b.compliance.as_ref())
                .is_some_and(|c| c.is_tcr_application),
            billing_contact: profile
                .billing_contact
                .as_ref()
                .is_some_and(|c| filled(&c.name) || filled(&c.email) || filled(&c.phone)),
            inherits_contacts: profile.inherit_contacts,
            inherits_templates: profile.inherit_templates,
            shares_contacts: profile.allow_contact_sharing,
            shares_templates: profile.allow_template_sharing,
            inherits_campaign: profile.inherit_tcr_campaign,
        }
    }
}

impl From<ReviewFacts> for u16 {
    fn from(f: ReviewFacts) -> u16 {
        let brand = match f.brand {
            BrandStanding::Missing => 0,
            BrandStanding::Organization => 1,
            BrandStanding::OrganizationHasNone => 2,
            BrandStanding::Own => 3,
        };
        u16::from(f.known)
            | u16::from(f.short_name) << 1
            | u16::from(f.description) << 2
            | u16::from(f.tcr_application) << 3
            | u16::from(f.billing_contact) << 4
            | brand << 5
            | u16::from(f.inherits_contacts) << 7
            | u16::from(f.inherits_templates) << 8
            | u16::from(f.shares_contacts) << 9
            | u16::from(f.shares_templates) << 10
            | u16::from(f.inherits_campaign) << 11
    }
}

impl From<u16> for ReviewFacts {
    fn from(bits: u16) -> Self {
        let on = |n: u16| bits & (1 << n) != 0;
        Self {
            known: on(0),
            short_name: on(1),
            description: on(2),
            tcr_application: on(3),
            billing_contact: on(4),
            inherits_contacts: on(7),
            inherits_templates: on(8),
            shares_contacts: on(9),
            shares_templates: on(10),
            inherits_campaign: on(11),
            brand: match (bits >> 5) & 3 {
                0 => BrandStanding::Missing,
                1 => BrandStanding::Organization,
                2 => BrandStanding::OrganizationHasNone,
                _ => BrandStanding::Own,
            },
        }
    }
}

/// The brand's standing at TCR in words: "TCR: Active · identity: Verified".
pub fn brand_detail(profile: &ProfileDetail) -> String {
    let Some(brand) = &profile.brand else {
        return if profile.inherit_tcr_brand {
            "The organization has no TCR brand".into()
        } else {
            "No TCR brand yet".into()
        };
    };
    let mut parts = Vec::new();
    match &brand.status {
        Some(status) => parts.push(format!("TCR: {}", capitalized(status.as_str()))),
        None if brand.submitted_to_tcr => parts.push("Submitted to TCR".to_owned()),
        None => parts.push("Not submitted to TCR".to_owned()),
    }
    if let Some(identity) = &brand.identity_status {
        let label = crate::fields::identity_statuses()
            .into_iter()
            .find(|c| c.value == identity.as_str())
            .map_or_else(|| capitalized(identity.as_str()), |c| c.label);
        parts.push(format!("identity: {label}"));
    }
    parts.join(" · ")
}

fn capitalized(wire: &str) -> String {
    let words = wire.replace('_', " ").to_lowercase();
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => "Not reported".into(),
    }
}

/// A profile's TCR campaigns as the board last read them (own and inherited, as review counts).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CampaignCount {
    pub count: u16,
    /// Of those, active at TCR.
    pub active: u16,
    /// When they were read (Unix ms).
    pub read_at: i64,
}

/// What the board asks for.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BoardQuery {
    /// Matched anywhere in the name, short name or id, ignoring case and accents.
    #[serde(default)]
    pub search: String,
    /// One kind of next action; none for every profile.
    #[serde(default)]
    pub next: Option<NextKind>,
    /// A wire status; empty for every status (the profile list's filter, for its report).
    #[serde(default)]
    pub status: String,
    /// A wire billing model; empty for every model (the profile list's filter, for its report).
    #[serde(default)]
    pub billing: String,
    #[serde(default)]
    pub offset: u32,
    #[serde(default)]
    pub limit: u32,
}

/// A row's next action in words, and where it is done.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct NextAction {
    pub kind: NextKind,
    pub kind_label: String,
    pub tone: Tone,
    /// "Add a campaign", "Ready: submit for review", "Rejected: <reason>: fix and submit again".
    pub words: String,
    pub target: Option<ActionTarget>,
    /// The field (or section) of the profile screen where it is done, for a target there.
    pub field: Option<String>,
}

/// One row of the board.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct BoardRow {
    pub workspace_id: String,
    pub workspace_name: String,
    /// The workspace's server is on this computer (Sent reports to the app's own receiver).
    pub local: bool,
    pub id: String,
    pub name: String,
    pub short_name: Option<String>,
    pub status: String,
    pub status_label: String,
    pub status_tone: Tone,
    /// Own, organization's or none.
    pub brand: SourceCell,
    /// TCR status and identity status in words.
    pub brand_detail: String,
    /// "2 campaigns, 1 active", "None", "Not read yet".
    pub campaigns: String,
    pub whatsapp: SourceCell,
    /// "Profile pays · billing contact on file".
    pub billing: String,
    pub next: NextAction,
    /// How fresh the campaigns cell is: "Read 3 min ago".
    pub freshness: String,
}

/// A window of the board.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct BoardWindow {
    /// The workspace asked for, or empty for every workspace.
    pub workspace_id: String,
    /// Every profile on the board (of the workspace, or of every workspace).
    pub total: u32,
    /// Those the search and filter match.
    pub matched: u32,
    pub offset: u32,
    pub rows: Vec<BoardRow>,
    /// One per kind of next action, in the board's order, with its count.
    pub kinds: Vec<Facet>,
    /// The board's campaigns are being read in the background.
    pub reading: bool,
    /// A workspace shown is not on this computer: a submission asks where Sent should report.
    pub needs_address: bool,
    /// What went wrong reading campaigns in the background, with what to do.
    pub read_problem: Option<String>,
    /// "Profiles read from Sent 4 min ago" (the oldest list when every workspace is shown).
    pub freshness: String,
}

/// The columns of the board's report, one line per profile.
pub const REPORT_HEADER: [&str; 17] = [
    "Workspace",
    "Profile",
    "Profile id",
    "Short name",
    "Status",
    "Standing",
    "Next action",
    "Brand",
    "Brand at TCR",
    "Campaigns",
    "Campaign inheritance",
    "WhatsApp",
    "Billing model",
    "Contacts",
    "Templates",
    "Created",
    "Campaigns read",
];

/// The kind of a profile's next action, and the gap that makes it so.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gap {
    None,
    NotKnown,
    ShortAndDescription,
    ShortName,
    Description,
    OrganizationHasNoBrand,
    NoBrand,
    CampaignsNotRead,
    NoCampaign,
    NoWhatsapp,
}

fn classify(
    status: &str,
    facts: ReviewFacts,
    campaigns: Option<CampaignCount>,
    whatsapp: Option<ResourceSource>,
) -> (NextKind, Gap) {
    match status.to_ascii_lowercase().as_str() {
        "approved" | "completed" => {
            let gap = if whatsapp == Some(ResourceSource::None) {
                Gap::NoWhatsapp
            } else {
                Gap::None
            };
            return (NextKind::Live, gap);
        }
        "pending_review" | "submitted" | "processing" | "in_progress" => {
            return (NextKind::InReview, Gap::None)
        }
        "rejected" | "failed" => return (NextKind::Rejected, Gap::None),
        _ => {}
    }
    let blocked = |gap| (NextKind::Blocked, gap);
    if !facts.known {
        return (NextKind::Checking, Gap::NotKnown);
    }
    match (facts.short_name, facts.description) {
        (false, false) => return blocked(Gap::ShortAndDescription),
        (false, true) => return blocked(Gap::ShortName),
        (true, false) => return blocked(Gap::Description),
        _ => {}
    }
    match facts.brand {
        BrandStanding::OrganizationHasNone => return blocked(Gap::OrganizationHasNoBrand),
        BrandStanding::Missing => return blocked(Gap::NoBrand),
        _ => {}
    }
    if facts.tcr_application {
        match campaigns {
            None => return (NextKind::Checking, Gap::CampaignsNotRead),
            Some(c) if c.count == 0 => return blocked(Gap::NoCampaign),
            Some(_) => {}
        }
    }
    (NextKind::Ready, Gap::None)
}

fn next_action(kind: NextKind, gap: Gap, reason: Option<&str>, reading: bool) -> NextAction {
    let (words, target): (String, Option<ActionTarget>) = match (kind, gap) {
        (NextKind::Live, Gap::NoWhatsapp) => (
            "Live for SMS: connect a WhatsApp account to send on WhatsApp".into(),
            Some(ActionTarget::Whatsapp),
        ),
        (NextKind::Live, _) => ("Live: nothing to do".into(), None),
        (NextKind::InReview, _) => (
            "In review at Sent: nothing to do until review ends".into(),
            None,
        ),
        (NextKind::Rejected, _) => match reason.map(str::trim).filter(|r| !r.is_empty()) {
            Some(reason) => (
                format!("Rejected: {reason}: fix and submit again"),
                Some(ActionTarget::Submit),
            ),
            None => (
                "Rejected: see what Sent reported, fix and submit again".into(),
                Some(ActionTarget::Submit),
            ),
        },
        (NextKind::Ready, _) => (
            "Ready: submit for review".into(),
            Some(ActionTarget::Submit),
        ),
        (_, Gap::NotKnown) => (
            "Refresh the profile list to read what review needs".into(),
            None,
        ),
        (_, Gap::CampaignsNotRead) if reading => ("Reading its campaigns from Sent…".into(), None),
        (_, Gap::CampaignsNotRead) => (
            "Its campaigns are not read yet: press Refresh to read them".into(),
            None,
        ),
        (_, Gap::ShortAndDescription) => (
            "Add a short name and a description".into(),
            Some(ActionTarget::Identity),
        ),
        (_, Gap::ShortName) => ("Add a short name".into(), Some(ActionTarget::Identity)),
        (_, Gap::Description) => ("Add a description".into(), Some(ActionTarget::Identity)),
        (_, Gap::OrganizationHasNoBrand) => (
            "Give it its own TCR brand: the organization has none to inherit".into(),
            Some(ActionTarget::Brand),
        ),
        (_, Gap::NoBrand) => ("Add its TCR brand".into(), Some(ActionTarget::Brand)),
        (_, Gap::NoCampaign) => ("Add a campaign".into(), Some(ActionTarget::Campaigns)),
        (_, _) => (
            "Ready: submit for review".into(),
            Some(ActionTarget::Submit),
        ),
    };
    let field = match (target, gap) {
        (Some(ActionTarget::Identity), Gap::Description) => Some("description"),
        (Some(ActionTarget::Identity), _) => Some("short_name"),
        (Some(ActionTarget::Brand), _) => Some("brand"),
        (Some(ActionTarget::Campaigns), _) => Some("campaigns"),
        (Some(ActionTarget::Whatsapp), _) => Some("whatsapp_phone_number"),
        _ => None,
    };
    NextAction {
        kind,
        kind_label: kind.label().into(),
        tone: kind.tone(),
        words,
        target,
        field: field.map(str::to_owned),
    }
}

/// "just now", "4 min ago", "3 h ago", "2 days ago".
pub fn ago(now_ms: i64, at_ms: i64) -> String {
    let minutes = (now_ms - at_ms).max(0) / 60_000;
    match minutes {
        0 => "just now".into(),
        1..=59 => format!("{minutes} min ago"),
        60..=2879 => format!("{} h ago", minutes / 60),
        _ => format!("{} days ago", minutes / 1440),
    }
}

/// Words for the campaigns cell. Campaigns are read only while review needs them.
fn campaign_words(facts: ReviewFacts, kind: NextKind, campaigns: Option<CampaignCount>) -> String {
    match campaigns {
        None if !facts.tcr_application => "Not needed (not a TCR application)".into(),
        None if matches!(kind, NextKind::InReview | NextKind::Live) => "Not checked".into(),
        None => "Not read yet".into(),
        Some(c) if c.count == 0 => "None".into(),
        Some(c) => format!(
            "{} campaign{}, {} active",
            c.count,
            if c.count == 1 { "" } else { "s" },
            c.active
        ),
    }
}

/// The board's matching rows of one model, bucketed by kind in the board's order (each bucket by
/// name), and the count of every kind over the whole model.
pub struct BoardMatches {
    pub buckets: [Vec<u32>; 6],
    pub counts: [u32; 6],
}

impl ProfileListModel {
    /// The kind of every row's next action, in row order.
    fn kind_of(&self, i: usize) -> (NextKind, Gap) {
        let row = &self.rows[i];
        let status = &self.statuses.values[usize::from(row.status)].value;
        let whatsapp = self.cells[row.whatsapp as usize].source;
        classify(status, row.review, row.campaigns, whatsapp)
    }

    /// The rows the board shows for `query` (search and kind), bucketed by kind.
    pub fn board_matches(&mut self, query: &BoardQuery) -> BoardMatches {
        let order = self.order(SortKey::Name, SortDirection::Asc);
        let needle = fold(query.search.trim());
        // A filter value no row has matches nothing (`Some(None)`), as in the list.
        let pick = |value: &str, found: Option<u16>| (!value.is_empty()).then_some(found);
        let status = pick(
            &query.status,
            self.statuses.find(|s| s.value == query.status),
        );
        let billing = pick(
            &query.billing,
            self.billing.find(|b| b.value == query.billing),
        );
        let found = (!needle.is_empty()).then(|| self.rows_containing(&needle));
        let mut buckets: [Vec<u32>; 6] = Default::default();
        let mut counts = [0u32; 6];
        for &i in order.iter() {
            let (kind, _) = self.kind_of(i as usize);
            counts[kind.rank()] += 1;
            if query.next.is_some_and(|k| k != kind) {
                continue;
            }
            let row = &self.rows[i as usize];
            if status.is_some_and(|s| s != Some(row.status))
                || billing.is_some_and(|b| b != Some(row.billing))
            {
                continue;
            }
            if found.as_ref().is_some_and(|f| !f[i as usize]) {
                continue;
            }
            buckets[kind.rank()].push(i);
        }
        BoardMatches { buckets, counts }
    }

    /// One board row, worded. `reason`: the rejection reason the app knows for a profile;
    /// `reading`: the workspace's campaigns are being read now.
    pub fn board_row(
        &self,
        i: u32,
        now_ms: i64,
        reason: &dyn Fn(&str) -> Option<String>,
        reading: bool,
    ) -> BoardRow {
        let row = &self.rows[i as usize];
        let (kind, gap) = self.kind_of(i as usize);
        let status = &self.statuses.values[usize::from(row.status)];
        let billing = &self.billing.values[usize::from(row.billing)];
        let billing_words = match billing.value.as_str() {
            "profile" | "profile_and_organization" if row.review.billing_contact => {
                format!("{} · billing contact on file", billing.label)
            }
            "profile" | "profile_and_organization" => {
                format!("{} · no billing contact", billing.label)
            }
            _ => billing.label.clone(),
        };
        let reason = (kind == NextKind::Rejected)
            .then(|| reason(self.words.get(row.id)))
            .flatten();
        BoardRow {
            workspace_id: self.workspace_id.clone(),
            workspace_name: String::new(),
            local: true,
            id: self.words.get(row.id).to_owned(),
            name: self.words.get(row.name).to_owned(),
            short_name: self.words.opt(row.short_name).map(str::to_owned),
            status: status.value.clone(),
            status_label: status.label.clone(),
            status_tone: status.tone,
            // Whose brand only: its TCR standing is the detail line.
            brand: {
                let cell = &self.cells[row.brand as usize];
                SourceCell {
                    label: cell.source.map_or_else(
                        || cell.label.clone(),
                        |source| crate::labels::brand_label(source, false),
                    ),
                    ..cell.clone()
                }
            },
            brand_detail: self.cells[row.brand_detail as usize].label.clone(),
            campaigns: campaign_words(row.review, kind, row.campaigns),
            whatsapp: self.whatsapp_cell(row),
            billing: billing_words,
            next: next_action(kind, gap, reason.as_deref(), reading),
            freshness: match row.campaigns {
                Some(c) => format!("Read {}", ago(now_ms, c.read_at)),
                None if !row.review.tcr_application => String::new(),
                None if matches!(kind, NextKind::InReview | NextKind::Live) => {
                    "Not needed now".into()
                }
                None => "Reading…".into(),
            },
        }
    }

    /// One profile as a line of the board's report (see [`REPORT_HEADER`]), its cells in words.
    pub fn report_line(
        &self,
        i: u32,
        workspace_name: &str,
        now_ms: i64,
        reason: &dyn Fn(&str) -> Option<String>,
    ) -> Vec<String> {
        let row = self.board_row(i, now_ms, reason, false);
        let facts = self.rows[i as usize].review;
        let created = self.rows[i as usize]
            .created_at
            .text(&self.words)
            .unwrap_or_default();
        vec![
            workspace_name.to_owned(),
            row.name,
            row.id,
            row.short_name.unwrap_or_default(),
            row.status_label,
            row.next.kind_label,
            row.next.words,
            row.brand.label,
            row.brand_detail,
            row.campaigns,
            if facts.inherits_campaign {
                "Inherits the organization's"
            } else {
                "Own"
            }
            .into(),
            row.whatsapp.label,
            row.billing,
            ReviewFacts::pooled(facts.inherits_contacts, facts.shares_contacts).into(),
            ReviewFacts::pooled(facts.inherits_templates, facts.shares_templates).into(),
            created.into_owned(),
            row.freshness,
        ]
    }

    /// Sets what the board read of a profile's campaigns. Answers whether the row is there. The
    /// name order stays (only the board's kinds move).
    pub fn set_campaigns(&mut self, id: &str, campaigns: CampaignCount) -> bool {
        let Some(at) = self.position(id) else {
            return false;
        };
        let row = &mut self.rows[at];
        if row.campaigns == Some(campaigns) {
            return true;
        }
        row.campaigns = Some(campaigns);
        self.generation += 1;
        true
    }

    /// A new generation with the same rows: views re-ask (the board's reading ended).
    pub fn touch(&mut self) {
        self.generation += 1;
    }

    /// The campaign counts read for each profile (carried into a list fetched anew).
    pub fn campaign_counts(&self) -> impl Iterator<Item = (&str, CampaignCount)> {
        self.rows
            .iter()
            .filter_map(|r| r.campaigns.map(|c| (self.words.get(r.id), c)))
    }

    /// Carries the campaign counts of `previous` over to the same profiles of this list.
    pub fn keep_campaigns_from(&mut self, previous: &ProfileListModel) {
        let known: std::collections::HashMap<&str, CampaignCount> =
            previous.campaign_counts().collect();
        if known.is_empty() {
            return;
        }
        for row in &mut self.rows {
            // The newer read wins.
            if let Some(old) = known.get(self.words.get(row.id)) {
                if row.campaigns.is_none_or(|c| c.read_at < old.read_at) {
                    row.campaigns = Some(*old);
                }
            }
        }
    }

    /// The profiles whose campaigns the board should read: those review needs them for (not in
    /// review or live) whose count is unknown or older than `stale_before` (Unix ms), oldest
    /// first, at most `cap`.
    pub fn campaigns_to_read(&self, stale_before: i64, cap: usize) -> Vec<String> {
        let mut wanted: Vec<(i64, &str)> = (0..self.rows.len())
            .filter_map(|i| {
                let row = &self.rows[i];
                let (kind, _) = self.kind_of(i);
                let needs = row.review.tcr_application
                    && matches!(
                        kind,
                        NextKind::Ready
                            | NextKind::Checking
                            | NextKind::Blocked
                            | NextKind::Rejected
                    );
                let at = row.campaigns.map_or(i64::MIN, |c| c.read_at);
                (needs && at < stale_before).then_some((at, self.words.get(row.id)))
            })
            .collect();
        wanted.sort_by_key(|(at, _)| *at);
        wanted.truncate(cap);
        wanted.into_iter().map(|(_, id)| id.to_owned()).collect()
    }
}

/// Composes a board window from one or more models' matches (every workspace: by kind, then
/// workspace in the order given, then name). `rows_of` words the rows picked.
pub fn board_window(
    workspace_id: String,
    matches: &[BoardMatches],
    query: &BoardQuery,
    mut rows_of: impl FnMut(usize, u32) -> BoardRow,
) -> BoardWindow {
    let mut counts = [0u32; 6];
    for m in matches {
        for (c, n) in counts.iter_mut().zip(m.counts) {
            *c += n;
        }
    }
    let matched: usize = matches
        .iter()
        .map(|m| m.buckets.iter().map(Vec::len).sum::<usize>())
        .sum();
    let limit = if query.limit == 0 {
        100
    } else {
        query.limit.min(MAX_WINDOW)
    } as usize;
    let offset = (query.offset as usize).min(matched);
    let mut rows = Vec::new();
    let mut skip = offset;
    'kinds: for kind in 0..6 {
        for (m, model) in matches.iter().enumerate() {
            let bucket = &model.buckets[kind];
            if skip >= bucket.len() {
                skip -= bucket.len();
                continue;
            }
            for &i in &bucket[skip..] {
                if rows.len() >= limit {
                    break 'kinds;
                }
                rows.push(rows_of(m, i));
            }
            skip = 0;
        }
    }
    BoardWindow {
        workspace_id,
        total: counts.iter().sum(),
        matched: u32::try_from(matched).unwrap_or(u32::MAX),
        offset: u32::try_from(offset).unwrap_or(u32::MAX),
        rows,
        kinds: NextKind::ALL
            .iter()
            .zip(counts)
            .map(|(k, count)| Facet {
                value: k.as_str().into(),
                label: k.label().into(),
                count,
            })
            .collect(),
        reading: false,
        needs_address: false,
        read_problem: None,
        freshness: String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rows::ProfileRow;
    use sent_model::effective::OrganizationSummary;
    use sent_model::profile::{BrandComplianceDetail, BrandDetail};

    fn profile(name: &str, status: &str) -> ProfileDetail {
        ProfileDetail {
            id: format!("id-{name}"),
            name: name.into(),
            short_name: Some(name.chars().take(4).collect()),
            description: Some("A client".into()),
            status: sent_model::ProfileStatus::from_wire_ignore_case(status),
            brand: Some(BrandDetail {
                id: "b".into(),
                compliance: Some(BrandComplianceDetail {
                    is_tcr_application: true,
                    ..Default::default()
                }),
                ..Default::default()
            }),
            ..ProfileDetail::default()
        }
    }

    fn model(profiles: &[ProfileDetail]) -> ProfileListModel {
        let org = OrganizationSummary::default();
        ProfileListModel::new(
            "w",
            profiles.iter().map(|p| ProfileRow::new(p, &org)),
            Some(0),
            true,
            None,
        )
    }

    fn words(m: &mut ProfileListModel, query: &BoardQuery) -> Vec<(String, String)> {
        let matches = m.board_matches(query);
        let window = board_window("w".into(), &[matches], query, |_, i| {
            m.board_row(
                i,
                0,
                &|_| Some("The brand's tax id does not match".into()),
                true,
            )
        });
        window
            .rows
            .into_iter()
            .map(|r| (r.name, r.next.words))
            .collect()
    }

    #[test]
    fn the_next_action_follows_review_rules_and_attention_order() {
        let mut no_short = profile("Uptown", "incomplete");
        no_short.short_name = None;
        let mut no_brand = profile("Brandless", "incomplete");
        no_brand.brand = None;
        no_brand.inherit_tcr_brand = true;
        let mut m = model(&[
            profile("Bella", "approved"),
            profile("Northwind", "pending_review"),
            no_short,
            profile("Tenant", "incomplete"),
            profile("Zed", "rejected"),
            no_brand,
            profile("Empty", "incomplete"),
        ]);
        assert!(m.set_campaigns(
            "id-Tenant",
            CampaignCount {
                count: 1,
                active: 0,
                read_at: 0
            }
        ));
        m.set_campaigns(
            "id-Empty",
            CampaignCount {
                count: 0,
                active: 0,
                read_at: 0,
            },
        );
        let all = words(&mut m, &BoardQuery::default());
        let expected = [
            (
                "Zed",
                "Rejected: The brand's tax id does not match: fix and submit again",
            ),
            ("Tenant", "Ready: submit for review"),
            (
                "Brandless",
                "Give it its own TCR brand: the organization has none to inherit",
            ),
            ("Empty", "Add a campaign"),
            ("Uptown", "Add a short name"),
            (
                "Northwind",
                "In review at Sent: nothing to do until review ends",
            ),
            // Approved without a WhatsApp account (own or the organization's).
            (
                "Bella",
                "Live for SMS: connect a WhatsApp account to send on WhatsApp",
            ),
        ];
        let got: Vec<(&str, &str)> = all.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
        assert_eq!(got, expected);
        // A filter and a search.
        let ready = words(
            &mut m,
            &BoardQuery {
                next: Some(NextKind::Blocked),
                ..Default::default()
            },
        );
        assert_eq!(ready.len(), 3);
        let found = words(
            &mut m,
            &BoardQuery {
                search: "TENA".into(),
                ..Default::default()
            },
        );
        assert_eq!(found.len(), 1);
        // A window past the first rows.
        let query = BoardQuery {
            offset: 5,
            limit: 10,
            ..Default::default()
        };
        let page = words(&mut m, &query);
        assert_eq!(
            page.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>(),
            ["Northwind", "Bella"]
        );
    }

    #[test]
    fn a_profile_whose_campaigns_are_unread_is_being_checked_and_read_first() {
        let mut m = model(&[
            profile("A", "incomplete"),
            profile("B", "incomplete"),
            profile("C", "approved"),
        ]);
        let matches = m.board_matches(&BoardQuery::default());
        assert_eq!(matches.counts[NextKind::Checking.rank()], 2);
        m.set_campaigns(
            "id-A",
            CampaignCount {
                count: 2,
                active: 1,
                read_at: 100,
            },
        );
        assert_eq!(m.campaigns_to_read(50, 10), ["id-B"]);
        assert_eq!(m.campaigns_to_read(200, 10), ["id-B", "id-A"]);
        let row = m.board_row(0, 100 + 3 * 60_000, &|_| None, false);
        assert_eq!(row.campaigns, "2 campaigns, 1 active");
        assert_eq!(row.freshness, "Read 3 min ago");
        // A list fetched anew keeps what was read.
        let mut fresh = model(&[profile("A", "incomplete")]);
        fresh.keep_campaigns_from(&m);
        assert_eq!(fresh.campaign_counts().count(), 1);
        // Not reading any more: the words say what to do.
        assert!(m
            .board_row(1, 0, &|_| None, false)
            .next
            .words
            .contains("press Refresh"));
    }

    #[test]
    fn review_facts_survive_their_compact_form() {
        let mut p = profile("A", "incomplete");
        p.short_name = None;
        p.billing_contact = Some(sent_model::profile::BillingContact {
            email: Some("ap@a.example".into()),
            ..Default::default()
        });
        let facts = ReviewFacts::of(&p);
        assert_eq!(ReviewFacts::from(u16::from(facts)), facts);
        assert!(facts.known && !facts.short_name && facts.billing_contact && facts.tcr_application);
        assert_eq!(ReviewFacts::from(0u16), ReviewFacts::default());
    }
}
