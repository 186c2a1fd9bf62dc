//! Per-profile reads and the test send: templates (E12–E13), messages (E14–E16), number lookup
//! (E17), contacts (E18). Usually called with `CallOptions::for_profile(id)` (org key acting for a
//! child profile) or with the profile's own key unscoped.

use reqwest::Method;
use sent_model::contact::{ContactFilter, ContactList};
use sent_model::envelope::PageRequest;
use sent_model::message::{MessageActivities, MessageDetail, SendMessage, SendResult};
use sent_model::number::NumberLookup;
use sent_model::template::{Template, TemplateFilter, TemplateList};

use super::body_json;
use crate::error::{ClientError, ClientResult};
use crate::options::CallOptions;
use crate::response::ApiResponse;
use crate::transport::{Call, SentClient};
use crate::url::{query, segment};

fn get<'a>(path: String, query: String, options: &'a CallOptions) -> Call<'a> {
    Call {
        method: Method::GET,
        path,
        query,
        body: None,
        options,
        idempotent: false,
    }
}

fn page_pairs(page: PageRequest) -> Vec<(&'static str, String)> {
    // Both always sent: required by older servers, accepted by newer ones (§19 R15).
    vec![
        ("page", page.page.to_string()),
        ("page_size", page.page_size.to_string()),
    ]
}

impl SentClient {
    /// E12: one page of templates visible to the account (or scoped profile).
    pub async fn list_templates(
        &self,
        page: PageRequest,
        filter: &TemplateFilter,
        options: &CallOptions,
    ) -> ClientResult<ApiResponse<TemplateList>> {
        let mut pairs = page_pairs(page);
        let optional = [
            ("category", &filter.category),
            ("status", &filter.status),
            ("search", &filter.search),
        ];
        pairs.extend(
            optional
                .into_iter()
                .filter_map(|(k, v)| v.clone().map(|v| (k, v))),
        );
        if let Some(flag) = filter.is_welcome_playground {
            pairs.push(("is_welcome_playground", flag.to_string()));
        }
        self.call(get("/v3/templates".into(), query(&pairs), options))
            .await
    }

    /// E13: one template.
    pub async fn get_template(
        &self,
        id: &str,
        options: &CallOptions,
    ) -> ClientResult<ApiResponse<Template>> {
        self.call(get(
            format!("/v3/templates/{}", segment("template_id", id)?),
            String::new(),
            options,
        ))
        .await
    }

    /// E14: send (202 = accepted, not delivered: poll [`SentClient::get_message`]).
    pub async fn send_message(
        &self,
        request: &SendMessage,
        options: &CallOptions,
    ) -> ClientResult<ApiResponse<SendResult>> {
        let errors = sent_model::validate::send_message_fields(request);
        errors
            .into_result()
            .map_err(|fields| ClientError::Invalid { fields })?;
        let body = body_json(request, options.sandbox)?;
        let call = Call {
            method: Method::POST,
            path: "/v3/messages".into(),
            query: String::new(),
            body: Some(body),
            options,
            idempotent: true,
        };
        self.call(call).await
    }

    /// E15: a message's status and content.
    pub async fn get_message(
        &self,
        id: &str,
        options: &CallOptions,
    ) -> ClientResult<ApiResponse<MessageDetail>> {
        self.call(get(
            format!("/v3/messages/{}", segment("message_id", id)?),
            String::new(),
            options,
        ))
        .await
    }

    /// E16: a message's activity timeline, newest first.
    pub async fn message_activities(
        &self,
        id: &str,
        options: &CallOptions,
    ) -> ClientResult<ApiResponse<MessageActivities>> {
        let path = format!("/v3/messages/{}/activities", segment("message_id", id)?);
        self.call(get(path, String::new(), options)).await
    }

    /// E17: carrier lookup of an E.164 number (`+` stays literal in the path).
    pub async fn lookup_number(
        &self,
        phone_number: &str,
        options: &CallOptions,
    ) -> ClientResult<ApiResponse<NumberLookup>> {
        let path = format!(
            "/v3/numbers/lookup/{}",
            segment("phone_number", phone_number)?
        );
        self.call(get(path, String::new(), options)).await
    }

    /// E18: one page of contacts.
    pub async fn list_contacts(
        &self,
        page: PageRequest,
        filter: &ContactFilter,
        options: &CallOptions,
    ) -> ClientResult<ApiResponse<ContactList>> {
        let mut pairs = page_pairs(page);
        let optional = [
            ("channel", &filter.channel),
            ("phone", &filter.phone),
            ("search", &filter.search),
        ];
        pairs.extend(
            optional
                .into_iter()
                .filter_map(|(k, v)| v.clone().map(|v| (k, v))),
        );
        self.call(get("/v3/contacts".into(), query(&pairs), options))
            .await
    }
}
