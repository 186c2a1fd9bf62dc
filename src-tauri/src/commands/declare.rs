//! The macro behind the one declaration of the IPC commands (`commands/catalog.rs`).
//!
//! For each declared `module::name(arg: Type, ...) -> Return` it generates:
//! - the `#[tauri::command]` itself (an async wrapper that waits for the core, then calls
//!   `sent_app::module::name(&Core, args)`, so the compiler checks the declared argument and return types against the use case);
//! - the invoke handler registering exactly those commands ([`handler`](super::handler));
//! - [`NAMES`](super::NAMES), from which `build.rs` also writes one permission per command (it reads
//!   the catalog's text) and the tests check the capability;
//! - [`typescript`](super::typescript): the typed TypeScript command map written to
//!   `ui/src/bindings/commands.ts` (argument names in the camelCase Tauri expects, types from ts-rs).

macro_rules! declare_commands {
    ($(
        $(#[doc = $doc:literal])*
        $module:ident :: $name:ident ( $($arg:ident : $ty:ty),* $(,)? ) -> $ret:ty ;
    )+) => {
        /// The `#[tauri::command]` wrappers (private, so Tauri's helper macros stay local).
        mod wrappers {
            #[allow(unused_imports)]
            use super::*;
            $(
                $(#[doc = $doc])*
                #[tauri::command]
                async fn $name(
                    state: tauri::State<'_, std::sync::Arc<$crate::state::AppState>>,
                    $($arg: $ty),*
                ) -> Result<$ret, sent_app::AppError> {
                    let started = std::time::Instant::now();
                    let core = state.core().await?;
                    let result = sent_app::$module::$name(core, $($arg),*).await;
                    sent_app::note_if_slow(stringify!($name), started);
                    result
                }
            )+

            pub fn handler<R: tauri::Runtime>(
            ) -> impl Fn(tauri::ipc::Invoke<R>) -> bool + Send + Sync + 'static {
                tauri::generate_handler![$($name),+]
            }
        }

        /// Every command, as the webview invokes it, in declaration order.
        pub const NAMES: &[&str] = &[$(stringify!($name)),+];

        /// Registers every declared command.
        pub fn handler<R: tauri::Runtime>(
        ) -> impl Fn(tauri::ipc::Invoke<R>) -> bool + Send + Sync + 'static {
            wrappers::handler()
        }

        /// The typed TypeScript command map (`ui/src/bindings/commands.ts`).
        pub fn typescript() -> String {
            let mut map = $crate::commands::typescript::CommandMap::new();
            $(
                map.command(
                    stringify!($name),
                    &[$($doc),*],
                    vec![$($crate::commands::typescript::Arg::of::<$ty>(stringify!($arg))),*],
                    $crate::commands::typescript::Arg::of::<$ret>("returns"),
                );
            )+
            for event in sent_app::AppEvent::ALL {
                let (docs, payload) = $crate::commands::event_payload(event);
                map.event(event.name(), docs, payload);
            }
            map.finish()
        }
    };
}

pub(crate) use declare_commands;
