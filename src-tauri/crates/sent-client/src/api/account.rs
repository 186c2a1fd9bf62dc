//! `GET /v3/me`: who the key belongs to. An unscoped answer is remembered, so that a profile key is
//! never sent with `x-profile-id` afterwards (scoped answers describe the child profile, Q25).

use reqwest::Method;
use sent_model::me::MeProfile;
use sent_model::{Envelope, Me, UserRole};
use serde::Deserialize;

use crate::error::{ClientError, ClientResult};
use crate::options::CallOptions;
use crate::response::ApiResponse;
use crate::stream;
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
        // An organization's answer lists every child profile (about 470 bytes each: 47 MB at
        // 100,000), so it is streamed and each child is kept with its id and role only, the parts
        // a workspace reads (the key's role, the profile count).
        let (raw, body) = self.execute_open(call).await?;
        let request_id = raw.info.request_id.clone();
        let (envelope, bytes): (Envelope<LightMe>, u64) =
            stream::read_json(body, MAX_ME_BYTES, raw.status, request_id.clone()).await?;
        if !envelope.success || envelope.error.is_some() {
            return Err(crate::transport::api_error(
                raw.status, &envelope, request_id,
            ));
        }
        let mut info = raw.info;
        info.body_bytes = usize::try_from(bytes).unwrap_or(usize::MAX);
        info.body_request_id = envelope.meta.request_id.clone();
        if info.request_id.is_none() {
            info.request_id = info.body_request_id.clone();
        }
        let light = envelope.data.ok_or_else(|| ClientError::BadResponse {
            status: raw.status,
            message: "the envelope has no data".into(),
            request_id: info.request_id.clone(),
        })?;
        let response = ApiResponse {
            data: light.into_me(),
            info,
        };
        if options.profile_id.is_none() {
            self.set_key_kind(response.data.account_type.clone());
        }
        Ok(response)
    }
}

/// The most body bytes `/v3/me` may take (its child profile list is reduced while parsed).
const MAX_ME_BYTES: u64 = 512 * 1024 * 1024;

/// `/v3/me` as parsed: the account as it is, its child profiles with their id and role only.
#[derive(Deserialize)]
struct LightMe {
    #[serde(default)]
    profiles: Vec<LightProfile>,
    #[serde(flatten)]
    rest: Me,
}

#[derive(Deserialize)]
struct LightProfile {
    #[serde(default)]
    id: String,
    #[serde(default)]
    role: Option<UserRole>,
}

impl LightMe {
    fn into_me(self) -> Me {
        let mut me = self.rest;
        me.profiles = self
            .profiles
            .into_iter()
            .map(|p| MeProfile {
                id: p.id,
                role: p.role,
                ..MeProfile::default()
            })
            .collect();
        me
    }
}
