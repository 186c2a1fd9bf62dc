// The one door from the webview to Rust. Command names, arguments and answers come from the
// generated map (ui/src/bindings/commands.ts, written from src-tauri/src/commands/catalog.rs), so a
// command cannot be called with the wrong name or shape; every failure is an IpcError.
import { invoke } from "@tauri-apps/api/core";
import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import type { CommandName, Commands, Events } from "./bindings/commands";
import type { IpcError } from "./bindings/IpcError";

/** Turns whatever `invoke` rejected with into an IpcError, so callers have one shape to handle. */
export function toIpcError(raw: unknown): IpcError {
  if (raw && typeof raw === "object" && "kind" in raw && "message" in raw) {
    return raw as IpcError;
  }
  // Tauri rejects with a plain string when the command is unknown, refused by the capability, or
  // given arguments it cannot read.
  return {
    kind: "ipc",
    message: "The app could not carry out this action. Restart it; if this keeps happening, report the details.",
    detail: typeof raw === "string" ? raw : String(raw),
  };
}

type ArgsOf<K extends CommandName> = keyof Commands[K]["args"] extends never ? [] : [Commands[K]["args"]];

/** Calls a declared command. */
export async function call<K extends CommandName>(name: K, ...args: ArgsOf<K>): Promise<Commands[K]["returns"]> {
  try {
    return await invoke<Commands[K]["returns"]>(name, args[0] as Record<string, unknown> | undefined);
  } catch (raw) {
    throw toIpcError(raw);
  }
}


/** Listens to a pushed event; resolves to the function that stops listening. */
export function on<E extends keyof Events>(event: E, handler: (payload: Events[E]) => void): Promise<UnlistenFn> {
  return listen<Events[E]>(event, (e) => handler(e.payload)).catch(() => () => {});
}
