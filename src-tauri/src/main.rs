// Prevents an additional console window on Windows in release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    // `sent-profiles onboard FILE --workspace NAME …`: bulk onboarding with no window.
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("onboard") {
        std::process::exit(sent_profiles_lib::cli::onboard(&args[1..]));
    }
    sent_profiles_lib::run();
}
