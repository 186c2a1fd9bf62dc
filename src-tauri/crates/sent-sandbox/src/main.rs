//! `sent-sandbox` binary: parses flags, starts the server, prints the URL and keys, and stops
//! cleanly on Ctrl-C or SIGTERM.

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;
use sent_sandbox::cli::Cli;
use sent_sandbox::Sandbox;

#[tokio::main]
async fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("SENT_SANDBOX_LOG")
                .unwrap_or_else(|_| "warn".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    let cli = Cli::parse();
    // The standalone server keeps its control API (behind the Host check), for tests and tools.
    let mut builder = Sandbox::builder()
        .config(cli.config())
        .seed(cli.seed)
        .control_api(true);
    if let Some(k) = &cli.org_key {
        builder = builder.org_key(k.clone());
    }
    if let Some(d) = &cli.data {
        builder = builder.data_file(d.clone());
    }
    let sandbox = match builder.start(&cli.addr).await {
        Ok(s) => s,
        Err(e) => {
            eprintln!("sent-sandbox: {e}");
            return ExitCode::FAILURE;
        }
    };
    // Handlers go in before the first line is printed: a tool that reads the line and at once
    // sends SIGTERM must get the clean shutdown, not the default kill.
    let signals = Signals::install();
    {
        // Tools read the first line to find the server: print it before anything else, flushed.
        let mut out = std::io::stdout().lock();
        let keys = sandbox.keys();
        let _ = writeln!(out, "listening on {}", sandbox.base_url());
        let _ = writeln!(out, "key org-admin {}", keys.org_admin);
        let _ = writeln!(out, "key org-developer {}", keys.org_developer);
        for p in &keys.profiles {
            let _ = writeln!(out, "key profile {} {} {}", p.profile_id, p.key, p.name);
        }
        let _ = out.flush();
    }
    signals.wait().await;
    sandbox.shutdown().await;
    ExitCode::SUCCESS
}

/// Ctrl-C and SIGTERM, registered up front.
struct Signals {
    #[cfg(unix)]
    term: Option<tokio::signal::unix::Signal>,
    #[cfg(unix)]
    int: Option<tokio::signal::unix::Signal>,
}

impl Signals {
    fn install() -> Self {
        #[cfg(unix)]
        {
            use tokio::signal::unix::{signal, SignalKind};
            Self {
                term: signal(SignalKind::terminate()).ok(),
                int: signal(SignalKind::interrupt()).ok(),
            }
        }
        #[cfg(not(unix))]
        {
            Self {}
        }
    }

    async fn wait(mut self) {
        #[cfg(unix)]
        {
            async fn recv(s: &mut Option<tokio::signal::unix::Signal>) {
                match s {
                    Some(s) => {
                        s.recv().await;
                    }
                    None => std::future::pending().await,
                }
            }
            tokio::select! {
                _ = recv(&mut self.term) => {}
                _ = recv(&mut self.int) => {}
            }
        }
        #[cfg(not(unix))]
        {
            let _ = tokio::signal::ctrl_c().await;
        }
    }
}
