// App-wide state: app info, the workspaces, the domain labels (Rust owns the words).
import type { AppInfo } from "../bindings/AppInfo";
import type { DomainLabels } from "../bindings/DomainLabels";
import type { IpcError } from "../bindings/IpcError";
import type { Theme } from "../bindings/Theme";
import type { Workspace } from "../bindings/Workspace";
import type { WorkspaceList } from "../bindings/WorkspaceList";
import { call } from "../ipc";
import { store } from "./store";
import { markPhase, markStartup } from "../lib/bench";
import { askCurrentFirstWindow, askFirstWindow } from "./profiles";

export const appInfo = store<AppInfo | null>(null);
export const workspaceList = store<WorkspaceList | null>(null);
export const labels = store<DomainLabels | null>(null);
export const appError = store<IpcError | null>(null);
/**
 * A screen with unsaved work sets this while it is shown: navigation that does not go through a
 * link (the command palette) asks it first; `false` means the screen took over (it asks the user).
 */
export const leaveGuard: { current: ((to: string) => boolean) | null } = { current: null };

/** A one-off confirmation shown above the screen (e.g. after a delete), until dismissed. */
export const flash = store<string | null>(null);

export function currentWorkspace(): Workspace | null {
  const list = workspaceList.value;
  return list?.workspaces.find((w) => w.id === list.current) ?? null;
}

/** Loads what every screen needs. */
/** Started by main.tsx before the first render, taken by the shell's first effect. */
let started: Promise<void> | null = null;

/** The start-up calls go out as the script starts, before anything is drawn (main.tsx); settles
 * when they have answered (never rejects: a failure is kept in `appError`). */
export function startLoading(): Promise<void> {
  started ??= loadApp();
  return started;
}

/** The load `startLoading` began (once), or a new one (a shell rendered again, the tests). */
export function loadAppOnce(): Promise<void> {
  const load = started ?? loadApp();
  started = null;
  return load;
}

export async function loadApp(): Promise<void> {
  try {
    markPhase("scriptStarted");
    // The current workspace's first window is asked with the rest (Rust knows which workspace is
    // current), and the app's first render of the list waits for its answer too (it never fails
    // this): the list's first paint has the rows, instead of an empty list a frame before them.
    const current = askCurrentFirstWindow();
    const [info, list, words] = await Promise.all([
      call("app_info").then((answer) => (markPhase("infoAnswered"), answer)),
      call("list_workspaces").then((answer) => (markPhase("workspacesAnswered"), answer)),
      call("domain_labels").then((answer) => (markPhase("labelsAnswered"), answer)),
    ]);
    // Answered for another workspace (switched in between; never at launch): asked again for this one.
    const firstWindow = current.then((answeredFor) =>
      answeredFor === list.current || !list.current ? undefined : askFirstWindow(list.current));
    // At most a quarter second: a list slow to answer shows the screen first, its rows after.
    await Promise.race([firstWindow, new Promise((done) => setTimeout(done, 250))]);
    markPhase("appLoaded");
    markStartup(info.startup);
    appInfo.value = info;
    workspaceList.value = list;
    labels.value = words;
    applyTheme(info.theme);
  } catch (error) {
    appError.value = error as IpcError;
  }
}

export async function refreshWorkspaces(): Promise<void> {
  const [info, list] = await Promise.all([call("app_info"), call("list_workspaces")]);
  appInfo.value = info;
  workspaceList.value = list;
}

/** Replaces one workspace in the list (after a profile key changed). */
export function replaceWorkspace(updated: Workspace): void {
  const list = workspaceList.value;
  if (!list) return;
  workspaceList.value = { ...list, workspaces: list.workspaces.map((w) => (w.id === updated.id ? updated : w)) };
}

export function environmentLabel(value: string): string {
  return labels.value?.environments.find((c) => c.value === value)?.label ?? value;
}

export async function setTheme(theme: Theme): Promise<void> {
  applyTheme(theme);
  try {
    appInfo.value = await call("set_theme", { theme });
  } catch (error) {
    appError.value = error as IpcError;
  }
}

/** `system` follows the operating system (prefers-color-scheme); light/dark force it. */
export function applyTheme(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
}
