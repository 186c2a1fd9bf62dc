//! [`NoSecret`]: the types whose JSON may be written to the local database. Here, in the crate
//! every other depends on, so each type's crate can vouch for it beside its definition (the store
//! and the views are siblings: neither reads the other).

use serde::de::DeserializeOwned;
use serde::Serialize;

/// Types whose JSON may be written to the database: serializable and holding no secret
/// (no `SecretString`, no `secret::wire` serializer, no key-like free text). Implement it only
/// after checking every field, next to the type, with a comment that says what it holds.
pub trait NoSecret: Serialize + DeserializeOwned {}

impl NoSecret for crate::ProfileDetail {}
impl NoSecret for crate::BrandDetail {}
impl NoSecret for crate::BillingContact {}
// Booleans and a WhatsApp Business Account id (never its token).
impl NoSecret for crate::effective::OrganizationSummary {}
impl<T: NoSecret> NoSecret for Vec<T> {}
impl<T: NoSecret> NoSecret for Option<T> {}
