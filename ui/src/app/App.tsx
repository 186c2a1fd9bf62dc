// The shell every screen fits into: title bar (workspace, environment, theme, add workspace),
// start-up notices, navigation, and the router. Screens live in ui/src/screens/<screen>/.
import { LocationProvider, Route, Router, lazy, useLocation } from "preact-iso";
import { useEffect, useState } from "preact/hooks";
import { AddWorkspaceDialog } from "../components/AddWorkspaceDialog";
import { ErrorNote } from "../components/ErrorNote";
import { ReviewNotices } from "../components/ReviewNotices";
import { CommandPalette, OpenPaletteButton } from "../components/palette/CommandPalette";
import { Shortcuts, shortcutsOpen } from "../components/Shortcuts";
import { ThemePicker } from "../components/ThemePicker";
import { WorkspaceSwitcher } from "../components/WorkspaceSwitcher";
import { appError, appInfo, flash, currentWorkspace, environmentLabel, loadAppOnce, refreshWorkspaces, workspaceList } from "../data/app";
import { call } from "../ipc";
import { useStores } from "../data/store";
import { labels } from "../data/app";
import { ProfileList } from "../screens/profiles/ProfileList";
import { useCommandKey } from "../components/Shortcuts";
import { afterFirstRows } from "../lib/firstRows";
import type { IpcError } from "../bindings/IpcError";
import type { Workspace } from "../bindings/Workspace";

// The list is in the first bundle; every other screen is a chunk of its own, loaded when first
// opened and fetched in the background once the list has painted (`preloadScreens`): the first
// rows wait for the list's code only (README, Benchmarks).
const ProfileScreen = lazy(() => import("../screens/profile/ProfileScreen").then((m) => m.ProfileScreen));
const SendScreen = lazy(() => import("../screens/send/SendScreen").then((m) => m.SendScreen));
const OnboardScreen = lazy(() => import("../screens/onboard/OnboardScreen").then((m) => m.OnboardScreen));
const JournalRoute = lazy(() => import("../screens/journal/JournalScreen").then((m) => m.JournalRoute));
const ImportScreen = lazy(() => import("../screens/import/ImportScreen").then((m) => m.ImportScreen));
const BoardScreen = lazy(() => import("../screens/board/BoardScreen").then((m) => m.BoardScreen));
const WorkspaceScreen = lazy(() => import("../screens/workspace/WorkspaceScreen").then((m) => m.WorkspaceScreen));

/** Fetches every screen's chunk, so a later first opening does not wait for its code (the unit
 * tests await it before rendering, so no chunk loads after a test file's environment is gone). */
export function preloadScreens(): Promise<unknown> {
  return Promise.all([ProfileScreen, SendScreen, OnboardScreen, JournalRoute, ImportScreen, BoardScreen, WorkspaceScreen]
    .map((screen) => screen.preload()));
}

let switchAttempt = 0;

export function App() {
  return (
    <LocationProvider>
      <Shell />
    </LocationProvider>
  );
}

function Shell() {
  const [adding, setAdding] = useState(false);
  useStores(appInfo, workspaceList, labels, appError, flash);
  const { route, path } = useLocation();
  useEffect(() => {
    void loadAppOnce();
    afterFirstRows(() => void preloadScreens().catch(() => {}));
  }, []);
  // Ctrl/⌘+B: the compliance board, from anywhere.
  useCommandKey("b", () => route("/board"), currentWorkspace() !== null);

  const info = appInfo.value;
  const list = workspaceList.value;
  const workspace = currentWorkspace();

  const switchTo = async (id: string) => {
    appError.value = null;
    const attempt = ++switchAttempt;
    try {
      const list = await call("switch_workspace", { id });
      // A later switch wins: an earlier answer arriving last must not undo it.
      if (attempt !== switchAttempt) return;
      workspaceList.value = list;
      await refreshWorkspaces();
      route("/");
    } catch (error) {
      if (attempt === switchAttempt) appError.value = error as IpcError;
    }
  };

  return (
    <div class="shell">
      {/* The first stop of Tab: past the title bar and the tabs, straight to the screen. */}
      <a class="skip-link" href="#main" data-testid="skip-link"
        onClick={(e) => { e.preventDefault(); document.getElementById("main")?.focus(); }}>
        Skip to the main content
      </a>
      <header class="titlebar">
        <h1 class="product">Sent Profiles</h1>
        {list && <WorkspaceSwitcher list={list} onSwitch={(id) => void switchTo(id)} />}
        {/* The environment in words and colour where it has consequences; the switcher already
            names a custom server or the sandbox. */}
        {workspace && (
          <span class={`env env-${workspace.environment}`} data-testid="environment"
            hidden={workspace.environment === "local_sandbox" || workspace.environment === "custom"}>
            {environmentLabel(workspace.environment)}
          </span>
        )}
        <span class="spacer" />
        <OpenPaletteButton />
        <ThemePicker />
        <button type="button" onClick={() => setAdding(true)} disabled={info?.keychain_ready === false}
          title={info?.keychain_ready === false ? "Needs a working keychain (see the notice)" : undefined}>
          Add workspace
        </button>
      </header>
      {info?.notices.map((notice) => (
        <div class="banner banner-warn" role="alert" data-testid={`notice-${notice.kind}`} key={notice.kind}>
          {notice.message}
        </div>
      ))}
      {workspace && (
        <nav class="tabs" aria-label="Screens">
          <a href="/" aria-current={path === "/" || path.startsWith("/profiles") ? "page" : undefined}>Profiles</a>
          <a href="/board" aria-current={path === "/board" ? "page" : undefined} data-testid="nav-board">Compliance board</a>
          <a href="/workspace" aria-current={path === "/workspace" ? "page" : undefined}>Workspace and keys</a>
          <a href="/import" aria-current={path.startsWith("/import") ? "page" : undefined} data-testid="nav-import">Import clients</a>
          <a href="/journal" aria-current={path === "/journal" ? "page" : undefined} data-testid="nav-journal">Journal</a>
          {workspace.environment === "local_sandbox" && (
            <span class="sandbox-note" data-testid="sandbox-banner">
              Practice data: nothing here reaches Sent or a real phone.
            </span>
          )}
        </nav>
      )}
      <main class="content" id="main" tabIndex={-1}>
        {appError.value && (
          <p role="alert" class="app-error" data-testid="app-error">
            <ErrorNote error={appError.value} />
          </p>
        )}
        {flash.value && (
          <p class="flash" role="status" data-testid="flash">
            {flash.value}
            <button type="button" class="link" onClick={() => (flash.value = null)}>Dismiss</button>
          </p>
        )}
        <ReviewNotices />
        {adding && (
          <AddWorkspaceDialog onClose={() => setAdding(false)}
            onAdded={() => refreshWorkspaces().catch((error) => (appError.value = error as IpcError))} />
        )}
        {workspace ? (
          <Router>
            <Route path="/" component={ProfilesRoute} />
            <Route path="/profiles/:workspace/:id" component={ProfileRoute} />
            <Route path="/profiles/:workspace/:id/send" component={SendRoute} />
            <Route path="/onboard" component={OnboardRoute} />
            <Route path="/onboard/:draft" component={OnboardRoute} />
            <Route path="/workspace" component={WorkspaceRoute} />
            <Route path="/journal" component={JournalRoute} />
            <Route path="/board" component={BoardRoute} />
            <Route path="/import" component={ImportRoute} />
            <Route path="/import/:batch" component={ImportRoute} />
            <Route default component={ProfilesRoute} />
          </Router>
        ) : (
          !appError.value && <p class="hint" role="status">Opening…</p>
        )}
      </main>
      <footer class="statusbar">
        <span aria-label="App version" data-testid="app-version">
          {info ? `v${info.version}${info.debug_build ? " (debug)" : ""}` : "…"}
        </span>
        {workspace && <span data-testid="workspace-url">{workspace.base_url}</span>}
        <span class="spacer" />
        <button type="button" class="link" onClick={() => (shortcutsOpen.value = true)} data-testid="open-shortcuts">
          Keyboard shortcuts (?)
        </button>
      </footer>
      <Shortcuts />
      {/* Ctrl+K: profiles, screens, add workspace, switch workspace; one switch for it and the switcher. */}
      <CommandPalette onSwitch={(id) => void switchTo(id)} onAddWorkspace={() => setAdding(true)}
        canAddWorkspace={info?.keychain_ready !== false} />
    </div>
  );
}

// Route components are module-level (stable identities), so a re-render of the shell never
// remounts a screen and loses its state; each reads the current workspace store.
function ProfilesRoute() {
  useStores(workspaceList);
  const workspace = currentWorkspace();
  return workspace ? <ProfileList workspace={workspace} /> : null;
}

/**
 * A deep link names its workspace, so it opens the right profile whichever workspace is current;
 * a workspace no longer on this computer says so.
 */
function InWorkspace({ workspaceId, render }: { workspaceId: string; render: (workspace: Workspace) => preact.ComponentChildren }) {
  useStores(workspaceList);
  const wanted = decodeURIComponent(workspaceId);
  const workspace = workspaceList.value?.workspaces.find((w) => w.id === wanted) ?? null;
  if (!workspaceList.value) return null;
  if (!workspace) {
    return <p role="alert" class="app-error">This profile belongs to a workspace that is not on this computer any more. <a href="/">Back to the profiles</a></p>;
  }
  return <>{render(workspace)}</>;
}

function ProfileRoute({ workspace, id }: { workspace: string; id: string }) {
  // `?go=<field>` (or `?go=submit`): where the board's next action lands on the profile.
  const { query } = useLocation();
  const go = query.go ? decodeURIComponent(query.go) : undefined;
  return <InWorkspace workspaceId={workspace} render={(w) => <ProfileScreen key={`${w.id}:${id}`} workspace={w} profileId={decodeURIComponent(id)} go={go} />} />;
}

/** The compliance board of the current workspace (or of every workspace). */
function BoardRoute() {
  useStores(workspaceList);
  const workspace = currentWorkspace();
  return workspace ? <BoardScreen workspace={workspace} /> : null;
}

/** The test-send panel of one profile (deep link, like the profile). */
function SendRoute({ workspace, id }: { workspace: string; id: string }) {
  // Keyed by profile: another profile's send panel starts afresh (its templates, no result of the
  // previous profile's send, no template chosen for another profile).
  return <InWorkspace workspaceId={workspace} render={(w) => <SendScreen key={`${w.id}:${id}`} workspace={w} profileId={decodeURIComponent(id)} />} />;
}

/** The onboarding wizard, new (`/onboard`) or resumed (`/onboard/<draft id>`), in the current workspace. */
function OnboardRoute({ draft }: { draft?: string }) {
  useStores(workspaceList);
  const workspace = currentWorkspace();
  return workspace ? <OnboardScreen key={`${workspace.id}:${draft ?? "new"}`} workspace={workspace} draftId={draft ? decodeURIComponent(draft) : undefined} /> : null;
}

/** Import clients: a new file (`/import`) or a batch (`/import/<batch id>`), in the current workspace. */
function ImportRoute({ batch }: { batch?: string }) {
  useStores(workspaceList);
  const workspace = currentWorkspace();
  return workspace ? <ImportScreen key={workspace.id} workspace={workspace} batchId={batch ? decodeURIComponent(batch) : undefined} /> : null;
}

function WorkspaceRoute() {
  useStores(workspaceList);
  const workspace = currentWorkspace();
  return workspace ? <WorkspaceScreen workspace={workspace} /> : null;
}
