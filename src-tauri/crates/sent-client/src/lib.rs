//! `sent-client`: the app's only way to talk to Sent v3 (contract `shared/sent-api/CONTRACT.md`).
//!
//! It owns transport concerns and nothing else: base URL and headers, the redacted API key,
//! `x-profile-id` scoping (and refusing it locally for a profile key), retries like the official
//! SDKs minus their mistakes (§15, §19 R22), one `Idempotency-Key` per logical operation reused on
//! every retry (§5), dry runs (`sandbox: true`, §4), response metadata, and one typed error
//! ([`ClientError`]) that serializes for the UI as `{kind, message, fields?, request_id?}`.
//! Shapes and rules live in `sent-model`; every write is checked with its validators before any
//! request is made.
//!
//! ```no_run
//! # async fn demo() -> Result<(), sent_client::ClientError> {
//! use sent_client::{CallOptions, ClientConfig, ProfileBackend, SentClient};
//! let client = SentClient::new(ClientConfig::new("http://127.0.0.1:4010", "org-key".into()))?;
//! let me = client.me(&CallOptions::default()).await?;
//! let profiles = client.list_profiles().await?;
//! println!("{} has {} profiles", me.data.name, profiles.data.profiles.len());
//! # Ok(()) }
//! ```

pub mod api;
pub mod config;
pub mod drift;
pub mod error;
pub mod idempotency;
pub mod options;
pub mod pace;
pub mod response;
pub mod retry;
pub mod stream;
mod transport;
mod url;

pub use api::profiles::ProfileBackend;
pub use config::{ClientConfig, RetryPolicy, MAX_RESPONSE_BYTES};
pub use drift::ServerDrift;
pub use error::{ClientError, ClientResult};
pub use idempotency::IdempotencyKey;
pub use options::CallOptions;
pub use pace::Pace;
pub use response::{ApiResponse, RateLimit, ResponseInfo};
pub use sent_model::WriteOutcome;
pub use stream::StreamedList;
pub use transport::SentClient;
pub use url::check_base_url;
