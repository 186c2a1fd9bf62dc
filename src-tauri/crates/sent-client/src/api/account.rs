//! `GET /v3/me`: who the key belongs to. An unscoped answer is remembered, so that a profile key is
//! never sent with `x-profile-id` afterwards (scoped answers describe the child profile, Q25).

use reqwest::Method;
use sent_model::Me;

use crate::error::ClientResult;
use crate::options::CallOptions;
use crate::response::ApiResponse;
use crate::transport::{Call, SentClient};

impl SentClient {
    /// The account behind the key (or, with `options.profile_id`, the child profile's view).
    pub async fn me(&self, options: &CallOptions) -> ClientResult<ApiResponse<Me>> {
        let call = Call {
            method: Method::GET,
            path: "/v3/me".into(),
            query: String::new(),
            body: None,
            options,
            idempotent: false,
        };
        let response: ApiResponse<Me> = self.call(call).await?;
        if options.profile_id.is_none() {
            self.set_key_kind(response.data.account_type.clone());
        }
        Ok(response)
    }
}
