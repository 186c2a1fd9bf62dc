// The one door from the webview to Rust. Every command is typed with the ts-rs bindings generated
// from the Rust types (ui/src/bindings, never edited by hand), and every failure is an IpcError.
import { invoke } from "@tauri-apps/api/core";
import type { AppInfo } from "./bindings/AppInfo";
import type { IpcError } from "./bindings/IpcError";
import type { ProfileDetail } from "./bindings/ProfileDetail";
import type { Workspace } from "./bindings/Workspace";
import type { WorkspaceDraft } from "./bindings/WorkspaceDraft";
import type { WorkspaceList } from "./bindings/WorkspaceList";

/** Turns whatever `invoke` rejected with into an IpcError, so callers have one shape to handle. */
export function toIpcError(raw: unknown): IpcError {
  if (raw && typeof raw === "object" && "kind" in raw && "message" in raw) {
    return raw as IpcError;
  }
  // Tauri rejects with a plain string when the command is unknown or refused by a capability.
  return { kind: "ipc", message: typeof raw === "string" ? raw : String(raw) };
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (raw) {
    throw toIpcError(raw);
  }
}

export const commands = {
  appInfo: () => call<AppInfo>("app_info"),
  listWorkspaces: () => call<WorkspaceList>("list_workspaces"),
  addWorkspace: (draft: WorkspaceDraft) => call<Workspace>("add_workspace", { draft }),
  switchWorkspace: (id: string) => call<WorkspaceList>("switch_workspace", { id }),
  removeWorkspace: (id: string) => call<WorkspaceList>("remove_workspace", { id }),
  setProfileKey: (workspaceId: string, profileId: string, apiKey: string) =>
    call<Workspace>("set_profile_key", { workspaceId, profileId, apiKey }),
  removeProfileKey: (workspaceId: string, profileId: string) =>
    call<Workspace>("remove_profile_key", { workspaceId, profileId }),
  listProfiles: (workspaceId: string) => call<ProfileDetail[]>("list_profiles", { workspaceId }),
};
