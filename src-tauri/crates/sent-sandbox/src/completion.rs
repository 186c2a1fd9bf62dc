//! Profile completion (contract §12): the background job and the one-shot callback to
//! `webHookUrl`. The rules it applies live in [`crate::review`].

use std::sync::Arc;

use serde_json::{json, Value};
use uuid::Uuid;

use crate::app::App;
use crate::review::result_status;
use sent_model::profile::CompletionCallback;
use sent_model::{CompletionStatus, Timestamp};

/// Whether a callback URL may actually be called: loopback only, the sandbox never sends
/// traffic off the machine (other valid URLs are accepted and the call is recorded as skipped).
/// Decided on the host as the HTTP client parses it, user info refused
/// ([`sent_model::validate::urls`]): `http://evil.example\@127.0.0.1/` goes to `evil.example`.
pub fn is_loopback_url(url: &str) -> bool {
    sent_model::validate::urls::is_loopback_url(url)
}

/// Finishes every job whose time has come, then sends the callbacks.
pub async fn run_due(app: &Arc<App>) {
    let now = app.clock.now();
    let finished: Vec<(Uuid, String, Result<&'static str, String>)> = {
        let mut state = app.write();
        if !state.completions.iter().any(|j| j.due_at <= now) {
            return;
        }
        let (due, keep): (Vec<_>, Vec<_>) =
            state.completions.drain(..).partition(|j| j.due_at <= now);
        state.completions = keep;
        let mut out = vec![];
        for job in due {
            let Some(p) = state.profile(job.profile_id).cloned() else {
                continue;
            };
            let rev = app.revision();
            // S8: a fixture-forced background failure keeps the status and reports why.
            if let Some(reason) = p
                .fixtures
                .completion_failure
                .clone()
                .filter(|_| crate::revision::completion_newer_rules(rev))
            {
                out.push((job.profile_id, job.webhook_url, Err(reason)));
                continue;
            }
            let status = result_status(&state, &p, rev);
            if let Some(pm) = state.profile_mut(job.profile_id) {
                // Q10: keep the documented 4-value read vocabulary.
                pm.status = if status == "COMPLETED" {
                    "approved"
                } else {
                    "pending_review"
                }
                .into();
                pm.updated_at = Some(now);
            }
            out.push((job.profile_id, job.webhook_url, Ok(status)));
        }
        out
    };
    if let Err(e) = app.persist() {
        tracing::error!("persisting completion results failed: {e}");
    }
    for (profile_id, url, status) in finished {
        let body = CompletionCallback {
            profile_id: profile_id.to_string(),
            success: status.is_ok(),
            status: status.as_ref().ok().map(|s| CompletionStatus::from_wire(s)),
            timestamp: Some(Timestamp::from(app.clock.now())),
            reason: status.err(),
        };
        let outcome: Value = if is_loopback_url(&url) {
            match app.http.post(&url).json(&body).send().await {
                Ok(r) => json!({ "http_status": r.status().as_u16() }),
                Err(e) => json!({ "error": e.to_string() }),
            }
        } else {
            json!({ "skipped": "not a loopback URL: the sandbox never calls out of this machine" })
        };
        app.record_delivery(json!({
            "kind": "completion_callback", "url": url, "body": serde_json::to_value(&body).unwrap_or_default(), "outcome": outcome,
        }));
    }
}

#[cfg(test)]
mod tests {
    use super::is_loopback_url;

    #[test]
    fn loopback_detection() {
        assert!(is_loopback_url("http://127.0.0.1:8080/cb"));
        assert!(is_loopback_url("http://localhost/cb"));
        assert!(is_loopback_url("http://[::1]:9/x"));
        assert!(!is_loopback_url("https://example.com/cb"));
        assert!(!is_loopback_url("http://127.0.0.1.evil.example/cb"));
        assert!(!is_loopback_url("ftp://127.0.0.1/"));
        assert!(!is_loopback_url("http://evil.example\\@127.0.0.1/"));
        assert!(!is_loopback_url("http://127.0.0.1:1@evil.example/"));
        assert!(!is_loopback_url("http://localhost:x@evil.example/"));
        assert!(!is_loopback_url("http://[::1]@evil.example/"));
        assert!(!is_loopback_url("http://user@127.0.0.1/"));
    }
}
