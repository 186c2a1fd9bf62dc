//! Profile management through `/v3/profiles` (contract E2–E11), behind [`ProfileBackend`].
//!
//! Writes are validated with `sent-model`'s rules first (V1–V17, V20–V23 without stored-state
//! facts; the server checks those): an invalid body fails with [`ClientError::Invalid`] and no
//! request. Profile management uses the organization key without `x-profile-id`.

use std::collections::HashSet;
use std::future::Future;

use reqwest::Method;
use sent_model::campaign::TcrCampaignWithUseCases;
use sent_model::validate::{self, CampaignWrite, CreateOptions};
use sent_model::{
    CampaignRequest, ProfileComplete, ProfileCompleteResult, ProfileCreate, ProfileDetail,
    ProfileList, ProfileUpdate, SandboxOnly,
};

use super::body_json;
use crate::error::{ClientError, ClientResult};
use crate::options::CallOptions;
use crate::response::{ApiResponse, ResponseInfo};
use crate::stream::{self, StreamedList};
use crate::transport::{Call, SentClient};
use crate::url::{query, segment};

/// Everything the app does with profiles and their campaigns. Implemented by [`SentClient`] over
/// `/v3/profiles`; a backend for the newer `/v3/sender-profiles` surface would implement it too.
pub trait ProfileBackend: Send + Sync {
    /// E2: every profile of the organization.
    fn list_profiles(&self) -> impl Future<Output = ClientResult<ApiResponse<ProfileList>>> + Send;
    /// E3: one profile.
    fn get_profile(
        &self,
        profile_id: &str,
    ) -> impl Future<Output = ClientResult<ApiResponse<ProfileDetail>>> + Send;
    /// E4: create (idempotent; dry run with `options.sandbox`).
    fn create_profile(
        &self,
        request: &ProfileCreate,
        options: &CallOptions,
    ) -> impl Future<Output = ClientResult<ApiResponse<ProfileDetail>>> + Send;
    /// E5: PATCH a change set (only what changed).
    fn update_profile(
        &self,
        profile_id: &str,
        changes: &ProfileUpdate,
        options: &CallOptions,
    ) -> impl Future<Output = ClientResult<ApiResponse<ProfileDetail>>> + Send;
    /// E6: soft delete.
    fn delete_profile(
        &self,
        profile_id: &str,
        options: &CallOptions,
    ) -> impl Future<Output = ClientResult<ApiResponse<()>>> + Send;
    /// E7: submit for review.
    fn complete_profile(
        &self,
        profile_id: &str,
        request: &ProfileComplete,
        options: &CallOptions,
    ) -> impl Future<Output = ClientResult<ApiResponse<ProfileCompleteResult>>> + Send;
    /// E8: the profile's campaigns (or the organization's when inherited).
    fn list_campaigns(
        &self,
        profile_id: &str,
    ) -> impl Future<Output = ClientResult<ApiResponse<Vec<TcrCampaignWithUseCases>>>> + Send;
    /// E9: create a campaign.
    fn create_campaign(
        &self,
        profile_id: &str,
        request: &CampaignRequest,
        options: &CallOptions,
    ) -> impl Future<Output = ClientResult<ApiResponse<TcrCampaignWithUseCases>>> + Send;
    /// E10: replace a campaign.
    fn update_campaign(
        &self,
        profile_id: &str,
        campaign_id: &str,
        request: &CampaignRequest,
        options: &CallOptions,
    ) -> impl Future<Output = ClientResult<ApiResponse<TcrCampaignWithUseCases>>> + Send;
    /// E11: delete a campaign.
    fn delete_campaign(
        &self,
        profile_id: &str,
        campaign_id: &str,
        options: &CallOptions,
    ) -> impl Future<Output = ClientResult<ApiResponse<()>>> + Send;
}

fn preflight(errors: validate::FieldErrors) -> ClientResult<()> {
    errors
        .into_result()
        .map_err(|fields| ClientError::Invalid { fields })
}

fn read<'a>(path: String, options: &'a CallOptions) -> Call<'a> {
    Call {
        method: Method::GET,
        path,
        query: String::new(),
        body: None,
        options,
        idempotent: false,
    }
}

fn write<'a>(
    method: Method,
    path: String,
    body: serde_json::Value,
    options: &'a CallOptions,
) -> Call<'a> {
    // Idempotency-Key on every write, DELETE included (the docs list it, D13; harmless otherwise).
    Call {
        method,
        path,
        query: String::new(),
        body: Some(body),
        options,
        idempotent: true,
    }
}

const UNSCOPED: &CallOptions = &CallOptions {
    profile_id: None,
    idempotency_key: None,
    sandbox: false,
    pace: None,
};

/// Page cap when a newer server pages the profile list (contract D7).
const MAX_PROFILE_PAGES: u32 = 200;

impl SentClient {
    /// E2 read as a stream (see [`crate::stream`]): each profile of every page goes to `sink` as
    /// it is parsed from the body, once per id; nothing of the list is kept here. Pages are
    /// followed as [`ProfileBackend::list_profiles`] follows them (D7); a list the server stopped
    /// paging before its end answers `complete: false`. On an error, what `sink` already received
    /// is an incomplete list: the caller drops it.
    pub async fn stream_profiles<F>(&self, sink: F) -> ClientResult<StreamedList>
    where
        F: FnMut(ProfileDetail) + Send + 'static,
    {
        let mut sink = sink;
        let mut seen: HashSet<String> = HashSet::new();
        let mut info: Option<ResponseInfo> = None;
        let mut complete = true;
        let mut page = 1u32;
        let mut page_size = 0u32;
        loop {
            let mut call = read("/v3/profiles".into(), UNSCOPED);
            let first = info.is_none();
            if !first {
                let pairs = [
                    ("page", page.to_string()),
                    ("page_size", page_size.to_string()),
                ];
                call.query = query(&pairs);
            }
            let (raw, body) = self.execute_open(call).await.map_err(|e| {
                if first {
                    legacy_api_gone(e)
                } else {
                    e
                }
            })?;
            let request_id = raw.info.request_id.clone();
            let (end, back, bytes) =
                stream::read_page(body, sink, seen, raw.status, request_id.clone()).await;
            let end = end?;
            let Some((returned, returned_seen)) = back else {
                return Err(ClientError::BadResponse {
                    status: raw.status,
                    message: "the profile list could not be read to its end".into(),
                    request_id,
                });
            };
            (sink, seen) = (returned, returned_seen);
            if !end.success || end.error.is_some() {
                return Err(stream::page_refused(raw.status, &end, request_id));
            }
            let mut page_info = raw.info;
            page_info.body_bytes = usize::try_from(bytes).unwrap_or(usize::MAX);
            match &mut info {
                None => {
                    page_info.body_request_id = end.meta.request_id.clone();
                    if page_info.request_id.is_none() {
                        page_info.request_id = page_info.body_request_id.clone();
                    }
                    info = Some(page_info);
                }
                Some(total) => {
                    total.attempts += page_info.attempts;
                    total.elapsed_ms += page_info.elapsed_ms;
                    total.body_bytes = total.body_bytes.saturating_add(page_info.body_bytes);
                }
            }
            let Some(pagination) = end.pagination else {
                break; // a seed-revision server answers the whole list at once
            };
            if !first && end.fresh == 0 {
                complete = !pagination.has_more; // the server ignored `page`
                break;
            }
            if first {
                page = pagination.page.max(1);
                page_size = pagination.page_size.max(1);
            }
            if !pagination.has_more {
                break;
            }
            if page >= MAX_PROFILE_PAGES {
                complete = false;
                break;
            }
            page += 1;
        }
        Ok(StreamedList {
            count: seen.len(),
            complete,
            info: info.unwrap_or_default(),
        })
    }

    /// Follows `pagination.has_more` of a newer server (§19 R10, D7) until the last page, a page
    /// that only repeats known profiles (the server ignores `page`), or the cap. On the merged
    /// result `pagination.has_more == true` means the list is still truncated by the server.
    async fn follow_profile_pages(
        &self,
        mut merged: ApiResponse<ProfileList>,
    ) -> ClientResult<ApiResponse<ProfileList>> {
        let Some(mut pagination) = merged.data.pagination.clone() else {
            return Ok(merged);
        };
        let page_size = pagination.page_size.max(1);
        let mut page = pagination.page.max(1);
        let mut seen: HashSet<String> = merged.data.profiles.iter().map(|p| p.id.clone()).collect();
        while pagination.has_more && page < MAX_PROFILE_PAGES {
            page += 1;
            let pairs = [
                ("page", page.to_string()),
                ("page_size", page_size.to_string()),
            ];
            let mut call = read("/v3/profiles".into(), UNSCOPED);
            call.query = query(&pairs);
            let next: ApiResponse<ProfileList> = self.call(call).await?;
            merged.info.attempts += next.info.attempts;
            merged.info.elapsed_ms += next.info.elapsed_ms;
            merged.info.body_bytes += next.info.body_bytes;
            // The pages together may hold no more than one answer may: a server that pages
            // forever cannot fill memory.
            let limit = self.config().max_response_bytes;
            if merged.info.body_bytes > limit {
                return Err(ClientError::ResponseTooLarge {
                    status: next.info.status,
                    limit,
                    request_id: next.info.request_id,
                });
            }
            let fresh: Vec<ProfileDetail> = next
                .data
                .profiles
                .into_iter()
                .filter(|p| seen.insert(p.id.clone()))
                .collect();
            if fresh.is_empty() {
                break; // the server ignored `page`: keep `has_more` to say "truncated"
            }
            merged.data.profiles.extend(fresh);
            pagination = next.data.pagination.unwrap_or_default();
        }
        merged.data.pagination = Some(pagination);
        Ok(merged)
    }
}

/// D12: `GET /v3/profiles` gone (404/405/410 without a `RESOURCE_*` code) means the server dropped
/// the legacy profile API, not that something is missing.
fn legacy_api_gone(error: ClientError) -> ClientError {
    match error {
        ClientError::Api { status: status @ (404 | 405 | 410), family, code, fields, request_id, retry_after, .. }
            if !code.as_deref().is_some_and(|c| c.starts_with("RESOURCE_")) =>
        {
            ClientError::Api {
                status,
                family,
                code,
                message: "This Sent server no longer offers the legacy profile API (/v3/profiles) that this app version uses.".into(),
                fields,
                request_id,
                retry_after,
            }
        }
        other => other,
    }
}

impl ProfileBackend for SentClient {
    /// With a newer server that pages the list, every page is fetched (see `follow_profile_pages`).
    async fn list_profiles(&self) -> ClientResult<ApiResponse<ProfileList>> {
        let first = self
            .call(read("/v3/profiles".into(), UNSCOPED))
            .await
            .map_err(legacy_api_gone)?;
        self.follow_profile_pages(first).await
    }

    async fn get_profile(&self, profile_id: &str) -> ClientResult<ApiResponse<ProfileDetail>> {
        self.call(read(
            format!("/v3/profiles/{}", segment("profile_id", profile_id)?),
            UNSCOPED,
        ))
        .await
    }

    async fn create_profile(
        &self,
        request: &ProfileCreate,
        options: &CallOptions,
    ) -> ClientResult<ApiResponse<ProfileDetail>> {
        preflight(validate::profile_create_fields(
            request,
            CreateOptions::default(),
        ))?;
        let body = body_json(request, options.sandbox)?;
        self.call(write(Method::POST, "/v3/profiles".into(), body, options))
            .await
    }

    async fn update_profile(
        &self,
        profile_id: &str,
        changes: &ProfileUpdate,
        options: &CallOptions,
    ) -> ClientResult<ApiResponse<ProfileDetail>> {
        preflight(validate::profile_update_fields(changes, None, None))?;
        let body = body_json(changes, options.sandbox)?;
        let path = format!("/v3/profiles/{}", segment("profile_id", profile_id)?);
        self.call(write(Method::PATCH, path, body, options)).await
    }

    async fn delete_profile(
        &self,
        profile_id: &str,
        options: &CallOptions,
    ) -> ClientResult<ApiResponse<()>> {
        let body = body_json(&SandboxOnly::default(), options.sandbox)?;
        let path = format!("/v3/profiles/{}", segment("profile_id", profile_id)?);
        self.call_empty(write(Method::DELETE, path, body, options))
            .await
    }

    async fn complete_profile(
        &self,
        profile_id: &str,
        request: &ProfileComplete,
        options: &CallOptions,
    ) -> ClientResult<ApiResponse<ProfileCompleteResult>> {
        preflight(validate::profile_complete_fields(request))?;
        let body = body_json(request, options.sandbox)?;
        let path = format!(
            "/v3/profiles/{}/complete",
            segment("profile_id", profile_id)?
        );
        self.call(write(Method::POST, path, body, options)).await
    }

    async fn list_campaigns(
        &self,
        profile_id: &str,
    ) -> ClientResult<ApiResponse<Vec<TcrCampaignWithUseCases>>> {
        let path = format!(
            "/v3/profiles/{}/campaigns",
            segment("profile_id", profile_id)?
        );
        self.call(read(path, UNSCOPED)).await
    }

    async fn create_campaign(
        &self,
        profile_id: &str,
        request: &CampaignRequest,
        options: &CallOptions,
    ) -> ClientResult<ApiResponse<TcrCampaignWithUseCases>> {
        let rules = CampaignWrite::Create {
            profile_inherits_campaigns: None,
        };
        preflight(validate::campaign_write_fields(request, rules))?;
        let body = body_json(request, options.sandbox)?;
        let path = format!(
            "/v3/profiles/{}/campaigns",
            segment("profile_id", profile_id)?
        );
        self.call(write(Method::POST, path, body, options)).await
    }

    async fn update_campaign(
        &self,
        profile_id: &str,
        campaign_id: &str,
        request: &CampaignRequest,
        options: &CallOptions,
    ) -> ClientResult<ApiResponse<TcrCampaignWithUseCases>> {
        preflight(validate::campaign_write_fields(
            request,
            CampaignWrite::Update { existing: None },
        ))?;
        let body = body_json(request, options.sandbox)?;
        let path = format!(
            "/v3/profiles/{}/campaigns/{}",
            segment("profile_id", profile_id)?,
            segment("campaign_id", campaign_id)?
        );
        self.call(write(Method::PUT, path, body, options)).await
    }

    async fn delete_campaign(
        &self,
        profile_id: &str,
        campaign_id: &str,
        options: &CallOptions,
    ) -> ClientResult<ApiResponse<()>> {
        let body = body_json(&SandboxOnly::default(), options.sandbox)?;
        let path = format!(
            "/v3/profiles/{}/campaigns/{}",
            segment("profile_id", profile_id)?,
            segment("campaign_id", campaign_id)?
        );
        self.call_empty(write(Method::DELETE, path, body, options))
            .await
    }
}
