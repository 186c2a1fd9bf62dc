import { useEffect, useState } from "preact/hooks";
import type { AppInfo } from "./bindings/AppInfo";
import type { IpcError } from "./bindings/IpcError";
import type { Workspace } from "./bindings/Workspace";
import type { WorkspaceList } from "./bindings/WorkspaceList";
import { AddWorkspaceDialog } from "./components/AddWorkspaceDialog";
import { ProfileKeys } from "./components/ProfileKeys";
import { WorkspaceSwitcher } from "./components/WorkspaceSwitcher";
import { commands } from "./ipc";
import { ENVIRONMENT_LABELS } from "./labels";

export function App() {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [list, setList] = useState<WorkspaceList | null>(null);
  const [error, setError] = useState<IpcError | null>(null);
  const [adding, setAdding] = useState(false);

  const refresh = () =>
    Promise.all([commands.appInfo(), commands.listWorkspaces()]).then(([i, l]) => {
      setInfo(i);
      setList(l);
    }, setError);

  useEffect(() => {
    refresh();
  }, []);

  const current = list?.workspaces.find((w) => w.id === list.current) ?? null;
  const [confirmRemove, setConfirmRemove] = useState(false);
  const act = (p: Promise<unknown>) => {
    setError(null);
    setConfirmRemove(false);
    return p.then(refresh, setError);
  };
  const replaceWorkspace = (updated: Workspace) =>
    setList((l) => l && { ...l, workspaces: l.workspaces.map((w) => (w.id === updated.id ? updated : w)) });

  return (
    <div class="shell">
      <header class="titlebar" role="banner">
        <h1 class="product">Sent Profiles</h1>
        {list && <WorkspaceSwitcher list={list} onSwitch={(id) => act(commands.switchWorkspace(id))} />}
        {info && (
          <span class={`env env-${info.environment}`} data-testid="environment">
            {ENVIRONMENT_LABELS[info.environment]}
          </span>
        )}
        <button class="add" onClick={() => setAdding(true)} disabled={info?.keychain_ready === false}
          title={info?.keychain_ready === false ? "Needs a working keychain (see the notice)" : undefined}>
          Add workspace
        </button>
      </header>
      {info?.environment === "local_sandbox" && (
        <div class="banner" role="status" data-testid="sandbox-banner">
          You are on the local Sent sandbox: nothing here reaches Sent or a real phone.
        </div>
      )}
      {info?.notices.map((notice) => (
        <div class="banner banner-warn" role="alert" data-testid={`notice-${notice.kind}`} key={notice.kind}>
          {notice.message}
        </div>
      ))}
      <main class="content">
        {error && (
          <p role="alert" class="error" data-testid="app-error">
            {error.message}
          </p>
        )}
        {adding && (
          <AddWorkspaceDialog onClose={() => setAdding(false)} onAdded={() => refresh()} />
        )}
        {current && !adding && (
          <section aria-label="Current workspace" data-testid="workspace-panel">
            <h2>{current.name}</h2>
            <dl class="identity">
              <dt>Environment</dt>
              <dd>{ENVIRONMENT_LABELS[current.environment]}</dd>
              <dt>Server</dt>
              <dd data-testid="workspace-url">{current.base_url}</dd>
              <dt>Organization key</dt>
              <dd data-testid="workspace-key-hint">{current.key_hint}</dd>
              <dt>Account</dt>
              <dd>{current.identity.account_type} · {current.identity.name} · role {current.identity.role ?? "not reported"}</dd>
            </dl>
            {/* An in-app confirmation: window.confirm() shows nothing in macOS's WKWebView. */}
            {!current.built_in && !confirmRemove && (
              <button class="danger" onClick={() => setConfirmRemove(true)}>Remove workspace</button>
            )}
            {!current.built_in && confirmRemove && (
              <div class="confirm" role="alertdialog" aria-label="Confirm removal">
                Remove "{current.name}" and delete its keys from the keychain?
                <button class="danger" onClick={() => act(commands.removeWorkspace(current.id))}>Remove</button>
                <button onClick={() => setConfirmRemove(false)}>Cancel</button>
              </div>
            )}
            <h3>Sender profiles</h3>
            <ProfileKeys workspace={current} onChanged={replaceWorkspace} />
          </section>
        )}
      </main>
      <footer class="statusbar">
        <span aria-label="App version" data-testid="app-version">
          {info ? `v${info.version}${info.debug_build ? " (debug)" : ""}` : "…"}
        </span>
      </footer>
    </div>
  );
}
