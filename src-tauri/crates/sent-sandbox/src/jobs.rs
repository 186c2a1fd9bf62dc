//! The sandbox's timed work: due profile completions, then due deliveries (completion callbacks
//! and webhook tests), on a ticker and whenever sandbox time jumps.

use std::sync::Arc;
use std::time::Duration;

use crate::app::App;

/// Finishes every completion whose time has come, then sends what became due.
pub async fn run_due(app: &Arc<App>) {
    crate::completion::run_due(app).await;
    crate::deliveries::run_due(app).await;
}

/// Background ticker; time may also jump through the control API, which calls `run_due` itself.
pub fn spawn_worker(app: Arc<App>, mut shutdown: tokio::sync::watch::Receiver<bool>) {
    tokio::spawn(async move {
        loop {
            tokio::select! {
                _ = tokio::time::sleep(Duration::from_millis(100)) => {
                    run_due(&app).await;
                }
                _ = shutdown.changed() => break,
            }
        }
    });
}
