//! Profile management through `/v3/profiles` (contract E2–E11), behind [`ProfileBackend`].
//!
//! Writes are validated with `sent-model`'s rules first (V1–V17, V20–V23 without stored-state
//! facts; the server checks those): an invalid body fails with [`ClientError::Invalid`] and no
//! request. Profile management uses the organization key without `x-profile-id`.

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
use crate::response::ApiResponse;
use crate::transport::{Call, SentClient};
use crate::url::segment;

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
};

impl ProfileBackend for SentClient {
    async fn list_profiles(&self) -> ClientResult<ApiResponse<ProfileList>> {
        self.call(read("/v3/profiles".into(), UNSCOPED)).await
    }

    async fn get_profile(&self, profile_id: &str) -> ClientResult<ApiResponse<ProfileDetail>> {
        self.call(read(
            format!("/v3/profiles/{}", segment(profile_id)),
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
        let path = format!("/v3/profiles/{}", segment(profile_id));
        self.call(write(Method::PATCH, path, body, options)).await
    }

    async fn delete_profile(
        &self,
        profile_id: &str,
        options: &CallOptions,
    ) -> ClientResult<ApiResponse<()>> {
        let body = body_json(&SandboxOnly::default(), options.sandbox)?;
        let path = format!("/v3/profiles/{}", segment(profile_id));
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
        let path = format!("/v3/profiles/{}/complete", segment(profile_id));
        self.call(write(Method::POST, path, body, options)).await
    }

    async fn list_campaigns(
        &self,
        profile_id: &str,
    ) -> ClientResult<ApiResponse<Vec<TcrCampaignWithUseCases>>> {
        let path = format!("/v3/profiles/{}/campaigns", segment(profile_id));
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
        let path = format!("/v3/profiles/{}/campaigns", segment(profile_id));
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
            segment(profile_id),
            segment(campaign_id)
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
            segment(profile_id),
            segment(campaign_id)
        );
        self.call_empty(write(Method::DELETE, path, body, options))
            .await
    }
}
