//! Bulk onboarding, worded: the columns a spreadsheet may have (each a profile field, with the
//! headers that name it), how a header finds its column, how a row's cells become an onboarding
//! draft, and the words of a row's state. No IO here: the app reads the file and sends the rows.

use std::collections::BTreeMap;

use sent_model::enums::BillingModel;
use sent_model::enums::{TcrBrandRelationship, TcrVertical};
use sent_model::ProfileDetail;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use ts_rs::TS;

use crate::onboard::{apply_preset, OnboardingDraft};

/// What kind of value a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ColumnKind {
    Text,
    /// yes / no (also true / false, 1 / 0, y / n).
    Flag,
    /// A preset id or label.
    Preset,
    BillingModel,
    /// `inherit` or `direct`.
    Whatsapp,
    /// Used once, in memory; never stored.
    Secret,
    Vertical,
    Relationship,
    /// Two-letter codes separated by commas or spaces; the first is the main one.
    Countries,
}

/// A column the import knows: a profile field.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Column {
    /// The field's path in the draft (`billing_contact.email`): also the mapping's value.
    pub id: &'static str,
    pub label: &'static str,
    pub kind: ColumnKind,
    /// An example value (the template file's second row).
    pub example: &'static str,
    /// Other headers that name it (matched ignoring case, spaces and punctuation).
    #[serde(skip)]
    #[ts(skip)]
    pub aliases: &'static [&'static str],
}

const fn col(
    id: &'static str,
    label: &'static str,
    kind: ColumnKind,
    example: &'static str,
    aliases: &'static [&'static str],
) -> Column {
    Column {
        id,
        label,
        kind,
        example,
        aliases,
    }
}

use ColumnKind as K;

/// Every column, in the template's order.
pub const COLUMNS: &[Column] = &[
    col(
        "name",
        "Name",
        K::Text,
        "Bella Salon Downtown",
        &[
            "profile name",
            "profile",
            "client",
            "client name",
            "company",
            "company name",
        ],
    ),
    col(
        "short_name",
        "Short name",
        K::Text,
        "BELLA",
        &["sender name", "shortname", "short", "sender id"],
    ),
    col(
        "description",
        "Description",
        K::Text,
        "Hair salon, downtown location",
        &["about"],
    ),
    col(
        "icon",
        "Icon URL",
        K::Text,
        "",
        &["icon", "logo", "logo url"],
    ),
    col(
        "preset",
        "Preset",
        K::Preset,
        "Agency",
        &["pattern", "setup"],
    ),
    col(
        "billing_model",
        "Billing model",
        K::BillingModel,
        "organization",
        &["billing", "who pays"],
    ),
    col(
        "billing_contact.name",
        "Billing contact name",
        K::Text,
        "",
        &["billing name", "billing contact"],
    ),
    col(
        "billing_contact.email",
        "Billing contact e-mail",
        K::Text,
        "",
        &[
            "billing email",
            "billing e-mail",
            "invoice email",
            "billing contact email",
        ],
    ),
    col(
        "billing_contact.phone",
        "Billing contact phone",
        K::Text,
        "",
        &["billing phone"],
    ),
    col(
        "billing_contact.address",
        "Billing address",
        K::Text,
        "",
        &["billing contact address"],
    ),
    col("inherit_contacts", "Inherit contacts", K::Flag, "", &[]),
    col(
        "allow_contact_sharing",
        "Share contacts",
        K::Flag,
        "",
        &["share contacts with organization"],
    ),
    col("inherit_templates", "Inherit templates", K::Flag, "", &[]),
    col(
        "allow_template_sharing",
        "Share templates",
        K::Flag,
        "",
        &["share templates with organization"],
    ),
    col(
        "inherit_tcr_brand",
        "Inherit brand",
        K::Flag,
        "",
        &["inherit tcr brand", "use organization brand"],
    ),
    col(
        "inherit_tcr_campaign",
        "Inherit campaigns",
        K::Flag,
        "",
        &["inherit tcr campaign", "inherit campaign"],
    ),
    col(
        "whatsapp",
        "WhatsApp",
        K::Whatsapp,
        "direct",
        &["whatsapp account", "waba"],
    ),
    col(
        "waba_id",
        "WhatsApp Business Account ID",
        K::Text,
        "104996245590311",
        &[
            "waba id",
            "whatsapp business account",
            "whatsapp account id",
        ],
    ),
    col(
        "phone_number_id",
        "WhatsApp phone number ID",
        K::Text,
        "",
        &["phone number id"],
    ),
    col(
        "access_token",
        "WhatsApp access token",
        K::Secret,
        "",
        &["token", "waba token", "whatsapp token"],
    ),
    col(
        "brand.contact.name",
        "Brand contact name",
        K::Text,
        "",
        &["brand contact"],
    ),
    col(
        "brand.contact.email",
        "Brand contact e-mail",
        K::Text,
        "",
        &["brand email", "brand contact email"],
    ),
    col(
        "brand.contact.phone",
        "Brand contact phone",
        K::Text,
        "",
        &["brand phone"],
    ),
    col(
        "brand.business.legal_name",
        "Legal name",
        K::Text,
        "",
        &["legal business name", "brand legal name"],
    ),
    col(
        "brand.business.tax_id",
        "Tax ID",
        K::Text,
        "",
        &["ein", "tax number", "vat"],
    ),
    col(
        "brand.business.tax_id_type",
        "Tax ID type",
        K::Text,
        "",
        &[],
    ),
    col(
        "brand.business.entity_type",
        "Entity type",
        K::Text,
        "",
        &["business type"],
    ),
    col(
        "brand.business.street",
        "Street",
        K::Text,
        "",
        &["address", "street address"],
    ),
    col("brand.business.city", "City", K::Text, "", &[]),
    col(
        "brand.business.state",
        "State or region",
        K::Text,
        "",
        &["state", "region", "province"],
    ),
    col(
        "brand.business.postal_code",
        "Postal code",
        K::Text,
        "",
        &["zip", "zip code", "postcode"],
    ),
    col(
        "brand.business.country",
        "Country",
        K::Text,
        "",
        &["country code"],
    ),
    col(
        "brand.business.url",
        "Website",
        K::Text,
        "",
        &["url", "web", "website url"],
    ),
    col(
        "brand.compliance.vertical",
        "Vertical",
        K::Vertical,
        "",
        &["industry", "tcr vertical"],
    ),
    col(
        "brand.compliance.brand_relationship",
        "Brand relationship",
        K::Relationship,
        "",
        &["relationship"],
    ),
    col(
        "brand.compliance.destination_countries",
        "Destination countries",
        K::Countries,
        "",
        &["countries", "destination country"],
    ),
];

/// A column by id.
pub fn column(id: &str) -> Option<&'static Column> {
    COLUMNS.iter().find(|c| c.id == id)
}

/// Lower case, letters and digits only: `Billing contact e-mail` → `billingcontactemail`.
fn folded(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The column a header names, if any: its id, its label, its last part (`legal_name`), or one of
/// its other spellings.
pub fn column_for_header(header: &str) -> Option<&'static str> {
    let wanted = folded(header);
    if wanted.is_empty() {
        return None;
    }
    COLUMNS
        .iter()
        .find(|c| {
            folded(c.id) == wanted
                || folded(c.label) == wanted
                || c.aliases.iter().any(|a| folded(a) == wanted)
        })
        .or_else(|| {
            COLUMNS.iter().find(|c| {
                c.id.contains('.') && folded(c.id.rsplit('.').next().unwrap_or("")) == wanted
            })
        })
        .map(|c| c.id)
}

/// The mapping of a file's headers: for each header, the column it fills (`None`: ignored).
/// `remembered` (header → column id, from the workspace's last import) wins over the guess; a
/// column is filled by one header only (the first).
pub fn map_headers(
    headers: &[String],
    remembered: &BTreeMap<String, String>,
) -> Vec<Option<String>> {
    let mut taken = std::collections::BTreeSet::new();
    headers
        .iter()
        .map(|h| {
            let id = remembered
                .get(&folded(h))
                .filter(|id| id.is_empty() || column(id).is_some())
                .map(|id| (!id.is_empty()).then(|| id.clone()))
                .unwrap_or_else(|| column_for_header(h).map(str::to_owned))?;
            taken.insert(id.clone()).then_some(id)
        })
        .collect()
}

/// What the workspace remembers of a mapping: folded header → column id ("" for ignored).
pub fn remembered_mapping(
    headers: &[String],
    mapping: &[Option<String>],
) -> BTreeMap<String, String> {
    headers
        .iter()
        .zip(mapping)
        .map(|(h, m)| (folded(h), m.clone().unwrap_or_default()))
        .collect()
}

/// A workspace's last mapping (folded header → column id, "" for ignored), kept to map the next
/// file the same way.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RememberedMapping(pub BTreeMap<String, String>);

// Headers and column ids only.
impl sent_model::NoSecret for RememberedMapping {}

/// Settings for every row of a batch (a column of the same field overrides them).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BatchSettings {
    /// `agency`, `franchise`, `platform` or `custom`.
    pub preset: String,
    /// The billing model; `None`: the preset's.
    pub billing_model: Option<String>,
    /// `None`: the preset's choice; `Some(true)` inherit, `Some(false)` direct credentials.
    pub whatsapp_inherit: Option<bool>,
    /// Submit each created profile for review in the same run.
    #[serde(default)]
    pub submit_for_review: bool,
}

impl Default for BatchSettings {
    fn default() -> Self {
        Self {
            preset: "agency".into(),
            billing_model: None,
            whatsapp_inherit: None,
            submit_for_review: false,
        }
    }
}

impl sent_model::NoSecret for BatchSettings {}

/// A row as kept: its cells by column id, never a secret column's.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BatchCells(pub BTreeMap<String, String>);

// `BatchCells::new` drops every `Secret` column: a token from a file never reaches the database.
impl sent_model::NoSecret for BatchCells {}

impl BatchCells {
    /// The cells of a row, without its secret columns (answered apart, for memory only).
    pub fn new(
        cells: impl IntoIterator<Item = (String, String)>,
    ) -> (Self, BTreeMap<String, String>) {
        let mut kept = BTreeMap::new();
        let mut secrets = BTreeMap::new();
        for (id, value) in cells {
            let value = value.trim().to_owned();
            match column(&id) {
                Some(c) if c.kind == ColumnKind::Secret => {
                    if !value.is_empty() {
                        secrets.insert(id, value);
                    }
                    continue;
                }
                Some(_) => {
                    kept.insert(id, value);
                }
                None => {}
            }
        }
        (Self(kept), secrets)
    }

    pub fn get(&self, id: &str) -> &str {
        self.0.get(id).map_or("", String::as_str)
    }

    /// Sets a cell (a secret column is refused: `false`).
    pub fn set(&mut self, id: &str, value: &str) -> bool {
        match column(id) {
            Some(c) if c.kind != ColumnKind::Secret => {
                self.0.insert(id.to_owned(), value.trim().to_owned());
                true
            }
            _ => false,
        }
    }

    /// The folded name (duplicates are found on it).
    pub fn folded_name(&self) -> String {
        fold_name(self.get("name"))
    }
}

/// A name as duplicates are compared: case, accents' case and spacing aside.
pub fn fold_name(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn flag(value: &str) -> Option<bool> {
    match folded(value).as_str() {
        "yes" | "y" | "true" | "1" | "on" | "x" => Some(true),
        "no" | "n" | "false" | "0" | "off" => Some(false),
        _ => None,
    }
}

fn preset_id(value: &str) -> Option<&'static str> {
    match folded(value).as_str() {
        "agency" => Some("agency"),
        "franchise" => Some("franchise"),
        "platform" | "platformisv" | "isv" => Some("platform"),
        "custom" => Some("custom"),
        _ => None,
    }
}

fn billing_model(value: &str) -> Option<&'static str> {
    match folded(value).as_str() {
        "organization" | "organisation" | "org" | "theorganizationpays" => Some("organization"),
        "profile" | "theprofilepays" | "client" => Some("profile"),
        "profileandorganization" | "profileorganization" | "both" => {
            Some("profile_and_organization")
        }
        _ => None,
    }
}

fn upper_code(value: &str) -> String {
    value
        .trim()
        .chars()
        .map(|c| {
            if c == ' ' || c == '-' {
                '_'
            } else {
                c.to_ascii_uppercase()
            }
        })
        .collect()
}

/// A row turned into a draft: the draft (no secret in it) and each cell's problem in words.
pub struct RowDraft {
    pub draft: OnboardingDraft,
    /// Column id → what is wrong with its value.
    pub cells: BTreeMap<String, Vec<String>>,
}

/// The draft a row makes: the batch's preset (or the row's), billing model and WhatsApp choice,
/// then every cell on top. A brand cell with a value gives the profile its own brand.
pub fn row_draft(settings: &BatchSettings, cells: &BatchCells, idempotency_key: &str) -> RowDraft {
    let mut problems: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut problem =
        |id: &str, message: String| problems.entry(id.to_owned()).or_default().push(message);
    let mut draft = OnboardingDraft {
        id: String::new(),
        step: "review".into(),
        idempotency_key: idempotency_key.to_owned(),
        ..OnboardingDraft::default()
    };
    let preset = match cells.get("preset") {
        "" => settings.preset.as_str(),
        value => preset_id(value).unwrap_or_else(|| {
            problem(
                "preset",
                format!(
                    "“{value}” is not a preset: use Agency, Franchise, Platform/ISV or Custom."
                ),
            );
            settings.preset.as_str()
        }),
    };
    apply_preset(&mut draft, preset);
    if let Some(model) = &settings.billing_model {
        draft.profile.billing_model = BillingModel::from_wire(model);
    }
    if let Some(inherit) = settings.whatsapp_inherit {
        draft.whatsapp_inherit = inherit;
    }
    let mut profile = serde_json::to_value(&draft.profile).unwrap_or_else(|_| json!({}));
    let mut own_brand = false;
    for c in COLUMNS {
        let value = cells.get(c.id);
        if value.is_empty() {
            continue;
        }
        let parsed: Option<Value> = match c.kind {
            K::Text => Some(Value::String(value.to_owned())),
            K::Flag => flag(value).map(Value::Bool).or_else(|| {
                problem(c.id, format!("“{value}” is not yes or no."));
                None
            }),
            K::Preset | K::Secret => None,
            K::BillingModel => billing_model(value).map(|m| Value::String(m.into())).or_else(|| {
                problem(c.id, format!("“{value}” is not a billing model: use organization, profile or profile_and_organization."));
                None
            }),
            K::Whatsapp => {
                match folded(value).as_str() {
                    "inherit" | "organization" | "organisation" | "inherited" => draft.whatsapp_inherit = true,
                    "direct" | "own" | "profile" | "dedicated" => draft.whatsapp_inherit = false,
                    _ => problem(c.id, format!("“{value}” is not a WhatsApp choice: use inherit (the organization's account) or direct (the client's own).")),
                }
                None
            }
            K::Vertical => {
                let code = upper_code(value);
                serde_json::from_value::<TcrVertical>(Value::String(code.clone()))
                    .ok()
                    .map(|_| Value::String(code))
                    .or_else(|| {
                        problem(c.id, format!("“{value}” is not a TCR vertical (e.g. RETAIL, HEALTHCARE, PROFESSIONAL)."));
                        None
                    })
            }
            K::Relationship => {
                let code = upper_code(value);
                serde_json::from_value::<TcrBrandRelationship>(Value::String(code.clone()))
                    .ok()
                    .map(|_| Value::String(code))
                    .or_else(|| {
                        problem(c.id, format!("“{value}” is not a brand relationship (e.g. BASIC_ACCOUNT, SMALL_ACCOUNT)."));
                        None
                    })
            }
            K::Countries => {
                let list: Vec<Value> = value
                    .split([',', ';', ' '])
                    .filter(|s| !s.trim().is_empty())
                    .enumerate()
                    .map(|(i, code)| json!({ "id": code.trim().to_uppercase(), "isMain": i == 0 }))
                    .collect();
                Some(Value::Array(list))
            }
        };
        match c.id {
            "waba_id" => draft.waba_id = Some(value.to_owned()),
            "phone_number_id" => draft.phone_number_id = Some(value.to_owned()),
            _ => {
                if let Some(parsed) = parsed {
                    if c.id.starts_with("brand.") {
                        own_brand = true;
                    }
                    set_path(&mut profile, c.id, parsed);
                }
            }
        }
    }
    if own_brand {
        // A brand typed in for this client is its own, whatever the preset said (unless the row
        // says otherwise explicitly: then the rules say the two cannot go together).
        if cells.get("inherit_tcr_brand").is_empty() {
            profile["inherit_tcr_brand"] = Value::Bool(false);
        }
        if let Some(compliance) = profile.pointer_mut("/brand/compliance") {
            if compliance.get("destination_countries").is_none() {
                compliance["destination_countries"] = json!([]);
            }
            if compliance.get("is_tcr_application").is_none() {
                compliance["is_tcr_application"] = Value::Bool(false);
            }
        }
    }
    match serde_json::from_value::<ProfileDetail>(profile) {
        Ok(p) => draft.profile = p,
        Err(e) => problem(
            "name",
            format!("This row could not be read as a profile ({e})."),
        ),
    }
    RowDraft {
        draft,
        cells: problems,
    }
}

/// Sets `value` at a dotted path, making objects on the way.
fn set_path(target: &mut Value, path: &str, value: Value) {
    let mut at = target;
    let mut parts = path.split('.').peekable();
    while let Some(part) = parts.next() {
        if !at.is_object() {
            *at = json!({});
        }
        let object = at.as_object_mut().expect("made an object above");
        if parts.peek().is_none() {
            object.insert(part.to_owned(), value);
            return;
        }
        at = object.entry(part.to_owned()).or_insert_with(|| json!({}));
    }
}

/// The column a rule's field path belongs to (`brand.compliance.destinationCountries` →
/// `brand.compliance.destination_countries`, `whatsapp_business_account.access_token` →
/// `access_token`); `None`: the row as a whole.
pub fn column_of_path(path: &str) -> Option<&'static str> {
    let wanted = folded(path);
    let direct = COLUMNS
        .iter()
        .find(|c| folded(c.id) == wanted)
        .map(|c| c.id);
    direct.or(match path {
        "whatsapp_business_account.waba_id" => Some("waba_id"),
        "whatsapp_business_account.phone_number_id" => Some("phone_number_id"),
        "whatsapp_business_account.access_token" => Some("access_token"),
        "whatsapp" | "whatsapp_business_account" => Some("whatsapp"),
        "billing_contact" => Some("billing_contact.name"),
        _ => None,
    })
}

/// Where a row is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum RowState {
    /// Checked, nothing sent.
    Ready,
    /// Has problems: not sent until fixed.
    Problems,
    /// Its create is in flight (after a crash: sent again with its key).
    Sending,
    Created,
    /// Sent refused it (the reason is on the row).
    Refused,
    /// Its answer was lost: sent again only with its key.
    Unknown,
    /// Left out of this run (cancelled before it was sent).
    Skipped,
}

impl RowState {
    pub fn as_str(self) -> &'static str {
        match self {
            RowState::Ready => "ready",
            RowState::Problems => "problems",
            RowState::Sending => "sending",
            RowState::Created => "created",
            RowState::Refused => "refused",
            RowState::Unknown => "unknown",
            RowState::Skipped => "skipped",
        }
    }

    pub fn parse(s: &str) -> RowState {
        match s {
            "problems" => RowState::Problems,
            "sending" => RowState::Sending,
            "created" => RowState::Created,
            "refused" => RowState::Refused,
            "unknown" => RowState::Unknown,
            "skipped" => RowState::Skipped,
            _ => RowState::Ready,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            RowState::Ready => "Ready",
            RowState::Problems => "Has problems",
            RowState::Sending => "Sending…",
            RowState::Created => "Created",
            RowState::Refused => "Refused",
            RowState::Unknown => "Outcome unknown",
            RowState::Skipped => "Not sent",
        }
    }

    /// Whether a run still has to send it.
    pub fn to_send(self) -> bool {
        matches!(
            self,
            RowState::Ready | RowState::Sending | RowState::Unknown
        )
    }
}

/// The template file: every column's label, then an example row.
pub fn template_csv() -> String {
    let line = |cells: Vec<&str>| {
        cells
            .into_iter()
            .map(|c| {
                if c.contains([',', '"', '\n']) {
                    format!("\"{}\"", c.replace('"', "\"\""))
                } else {
                    c.to_owned()
                }
            })
            .collect::<Vec<_>>()
            .join(",")
    };
    format!(
        "{}\n{}\n",
        line(COLUMNS.iter().map(|c| c.label).collect()),
        line(COLUMNS.iter().map(|c| c.example).collect())
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(h: &[&str]) -> Vec<String> {
        h.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn headers_find_their_columns_by_wire_name_label_or_common_spelling() {
        let mapped = map_headers(
            &headers(&[
                "Client Name",
                "short_name",
                "Billing E-mail",
                "legal_name",
                "Zip",
                "Notes",
                "name",
            ]),
            &BTreeMap::new(),
        );
        assert_eq!(
            mapped,
            vec![
                Some("name".into()),
                Some("short_name".into()),
                Some("billing_contact.email".into()),
                Some("brand.business.legal_name".into()),
                Some("brand.business.postal_code".into()),
                None,
                None, // "name" again: a column is filled once
            ]
        );
        // What the user chose last time wins, ignoring a header included.
        let remembered = remembered_mapping(
            &headers(&["Notes", "Zip"]),
            &[Some("description".into()), None],
        );
        let mapped = map_headers(&headers(&["notes", "ZIP"]), &remembered);
        assert_eq!(mapped, vec![Some("description".into()), None]);
    }

    #[test]
    fn a_token_column_never_reaches_the_kept_cells() {
        let (cells, secrets) = BatchCells::new([
            ("name".to_owned(), " Acme ".to_owned()),
            ("access_token".to_owned(), "EAAG-secret".to_owned()),
        ]);
        assert_eq!(cells.get("name"), "Acme");
        assert!(!serde_json::to_string(&cells).unwrap().contains("EAAG"));
        assert_eq!(secrets["access_token"], "EAAG-secret");
        let mut cells = cells;
        assert!(!cells.set("access_token", "x"));
    }

    #[test]
    fn a_row_becomes_a_draft_with_its_cell_problems_in_words() {
        let settings = BatchSettings::default();
        let (cells, _) = BatchCells::new(
            [
                ("name", "Acme Dental"),
                ("billing_model", "the profile pays"),
                ("billing_contact.email", "ap@acme.test"),
                ("inherit_contacts", "maybe"),
                ("whatsapp", "inherit"),
                ("brand.business.legal_name", "Acme Dental LLC"),
                ("brand.compliance.vertical", "health care"),
                ("brand.compliance.destination_countries", "us, ca"),
            ]
            .map(|(a, b)| (a.to_owned(), b.to_owned())),
        );
        let made = row_draft(&settings, &cells, "key-1");
        let p = &made.draft.profile;
        assert_eq!(p.name, "Acme Dental");
        assert_eq!(p.billing_model, BillingModel::Profile);
        assert!(made.draft.whatsapp_inherit);
        assert!(!p.inherit_tcr_brand, "a brand typed in is the client's own");
        let brand = p.brand.as_ref().unwrap();
        assert_eq!(
            brand.business.as_ref().unwrap().legal_name.as_deref(),
            Some("Acme Dental LLC")
        );
        let countries = &brand.compliance.as_ref().unwrap().destination_countries;
        assert_eq!(countries[0].id.as_deref(), Some("US"));
        assert_eq!(countries[0].is_main, Some(true));
        assert_eq!(made.draft.idempotency_key, "key-1");
        assert!(made.cells["inherit_contacts"][0].contains("yes or no"));
        assert!(made.cells["brand.compliance.vertical"][0].contains("TCR vertical"));
    }

    #[test]
    fn rule_paths_land_on_their_columns() {
        assert_eq!(
            column_of_path("brand.compliance.destinationCountries"),
            Some("brand.compliance.destination_countries")
        );
        assert_eq!(
            column_of_path("brand.business.legalName"),
            Some("brand.business.legal_name")
        );
        assert_eq!(
            column_of_path("whatsapp_business_account.access_token"),
            Some("access_token")
        );
        assert_eq!(
            column_of_path("billing_contact.email"),
            Some("billing_contact.email")
        );
        assert_eq!(column_of_path("brand"), None);
    }

    #[test]
    fn the_template_names_every_column_once() {
        let template = template_csv();
        let header = template.lines().next().unwrap();
        assert_eq!(header.split(',').count(), COLUMNS.len());
        for (h, c) in header.split(',').zip(COLUMNS) {
            assert_eq!(column_for_header(h), Some(c.id), "{h}");
        }
    }
}
