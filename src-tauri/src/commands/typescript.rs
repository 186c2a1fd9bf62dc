//! Writes the typed TypeScript command map from the command declarations, with the same ts-rs
//! configuration as the type bindings (so `Uuid` is a `string`, large integers are `number`).

use std::collections::BTreeMap;

use ts_rs::{Config, TS};

/// One argument (or the return value) of a command, as TypeScript sees it.
pub struct Arg {
    name: String,
    ts: String,
    /// TypeScript name -> file (without extension) under `ui/src/bindings`.
    imports: Vec<(String, String)>,
}

impl Arg {
    /// Describes `T` under `name` (snake_case as in Rust; Tauri expects camelCase keys).
    pub fn of<T: TS + 'static + ?Sized>(name: &str) -> Self {
        let cfg = config();
        let mut imports = Vec::new();
        let mut add = |dep: ts_rs::Dependency| {
            let file = dep.output_path.with_extension("");
            imports.push((dep.ts_name, file.to_string_lossy().replace('\\', "/")));
        };
        if let Some(own) = ts_rs::Dependency::from_ty::<T>(&cfg) {
            add(own);
        }
        for dep in T::dependencies(&cfg) {
            add(dep);
        }
        // `Vec<X>`, `Option<X>`: X itself is a generic of the wrapper, not a dependency.
        struct Generics<'a>(&'a Config, Vec<ts_rs::Dependency>);
        impl ts_rs::TypeVisitor for Generics<'_> {
            fn visit<U: TS + 'static + ?Sized>(&mut self) {
                if let Some(dep) = ts_rs::Dependency::from_ty::<U>(self.0) {
                    self.1.push(dep);
                }
            }
        }
        let mut generics = Generics(&cfg, Vec::new());
        T::visit_generics(&mut generics);
        for dep in generics.1 {
            add(dep);
        }
        let ts = T::name(&cfg);
        // A dependency's own fields are its file's business: import only what the name shows.
        imports.retain(|(ts_name, _)| mentions(&ts, ts_name));
        imports.sort();
        imports.dedup();
        Self {
            name: camel_case(name),
            ts,
            imports,
        }
    }
}

/// Whether `ident` appears in `ts` as a whole identifier.
fn mentions(ts: &str, ident: &str) -> bool {
    let is_ident = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '$';
    ts.match_indices(ident).any(|(at, _)| {
        let before = ts[..at].chars().next_back();
        let after = ts[at + ident.len()..].chars().next();
        !before.is_some_and(is_ident) && !after.is_some_and(is_ident)
    })
}

fn config() -> Config {
    // The same variables `.cargo/config.toml` sets for ts-rs.
    Config::from_env()
}

/// Tauri turns `workspace_id` into the `workspaceId` key the webview must send.
fn camel_case(snake: &str) -> String {
    sent_views::edit::camel(snake)
}

/// The whole map, built command by command.
#[derive(Default)]
pub struct CommandMap {
    imports: BTreeMap<String, String>,
    entries: Vec<String>,
    events: Vec<String>,
}

impl CommandMap {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn command(&mut self, name: &str, docs: &[&str], args: Vec<Arg>, returns: Arg) {
        let mut entry = String::new();
        let doc: Vec<&str> = docs.iter().map(|d| d.trim()).collect();
        if !doc.is_empty() {
            entry.push_str(&format!("  /** {} */\n", doc.join(" ")));
        }
        let fields: Vec<String> = args
            .iter()
            .map(|a| format!("{}: {}", a.name, a.ts))
            .collect();
        entry.push_str(&format!(
            "  {name}: {{ args: {{ {} }}; returns: {} }};\n",
            fields.join("; "),
            returns.ts
        ));
        for arg in args.iter().chain(std::iter::once(&returns)) {
            for (ts_name, file) in &arg.imports {
                self.imports.insert(ts_name.clone(), file.clone());
            }
        }
        self.entries.push(entry);
    }

    /// An event the core pushes, with its payload.
    pub fn event(&mut self, name: &str, docs: &str, payload: Arg) {
        self.events
            .push(format!("  /** {docs} */\n  {name}: {};\n", payload.ts));
        for (ts_name, file) in &payload.imports {
            self.imports.insert(ts_name.clone(), file.clone());
        }
    }

    pub fn finish(self) -> String {
        let mut out = String::from(
            "// Generated from src-tauri/src/commands/catalog.rs by `cargo test` (./x bindings): do not edit.\n\n",
        );
        for (ts_name, file) in &self.imports {
            out.push_str(&format!("import type {{ {ts_name} }} from \"./{file}\";\n"));
        }
        out.push_str("\n/** Every IPC command: its arguments (as the webview sends them) and its answer. */\n");
        out.push_str("export type Commands = {\n");
        for entry in &self.entries {
            out.push_str(entry);
        }
        out.push_str("};\n\nexport type CommandName = keyof Commands;\n");
        out.push_str(
            "\n/** Every event the backend pushes, with its payload (`sent_app::AppEvent`). */\n",
        );
        out.push_str("export type Events = {\n");
        for event in &self.events {
            out.push_str(event);
        }
        out.push_str("};\n");
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn argument_names_are_the_camel_case_tauri_expects() {
        assert_eq!(camel_case("workspace_id"), "workspaceId");
        assert_eq!(camel_case("draft"), "draft");
        assert_eq!(camel_case("idempotency_key"), "idempotencyKey");
    }

    #[test]
    fn only_the_types_a_signature_shows_are_imported() {
        assert!(mentions("Array<ProfileRow>", "ProfileRow"));
        assert!(!mentions("Array<ProfileRows>", "ProfileRow"));
        assert!(!mentions("MyProfileRow", "ProfileRow"));
        let arg = Arg::of::<Vec<sent_views::ProfileRow>>("rows");
        assert_eq!(arg.ts, "Array<ProfileRow>");
        let names: Vec<&str> = arg.imports.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["ProfileRow"]);
    }
}
