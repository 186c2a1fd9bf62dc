// The current workspace: what its key is, the profiles with a key of their own, and removal.
import { useEffect, useState } from "preact/hooks";
import type { IpcError } from "../../bindings/IpcError";
import type { SandboxRevision } from "../../bindings/SandboxRevision";
import type { Workspace } from "../../bindings/Workspace";
import { ErrorNote } from "../../components/ErrorNote";
import { ConfirmDialog, ProfileKeyActions } from "../../components/ProfileKeyActions";
import { environmentLabel, refreshWorkspaces, workspaceList } from "../../data/app";
import { call } from "../../ipc";

export function WorkspaceScreen({ workspace }: { workspace: Workspace }) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<IpcError | null>(null);
  const id = workspace.identity;

  async function remove() {
    setBusy(true);
    setError(null);
    try {
      workspaceList.value = await call("remove_workspace", { id: workspace.id });
      await refreshWorkspaces();
      setConfirming(false);
    } catch (e) {
      setError(e as IpcError);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="workspace-heading" class="page" data-testid="workspace-panel">
      <h2 id="workspace-heading" dir="auto">{workspace.name}</h2>
      <dl class="identity">
        <dt>Environment</dt>
        <dd>{environmentLabel(workspace.environment)}</dd>
        <dt>Server</dt>
        <dd><code>{workspace.base_url}</code></dd>
        <dt>Organization key</dt>
        <dd data-testid="workspace-key-hint">{workspace.key_hint}</dd>
        <dt>Organization</dt>
        <dd>{id.name} (role: {id.role ?? "not reported"})</dd>
      </dl>

      <h3>Profiles with a key of their own</h3>
      {workspace.built_in && (
        <p class="hint">
          On the local sandbox, open a profile and choose “Use the sandbox's key for this profile” to try calls made with a profile's own key.
        </p>
      )}
      {workspace.profile_keys.length === 0 ? (
        <p class="hint" data-testid="no-profile-keys">
          None: every call for a profile uses the organization's key for that profile. Open a profile to add a key of its own.
        </p>
      ) : (
        <table class="plain-table" aria-label="Profiles with a key of their own">
          <thead><tr><th scope="col">Profile</th><th scope="col">Key</th></tr></thead>
          <tbody>
            {workspace.profile_keys.map((k) => (
              <tr key={k.profile_id}>
                <td dir="auto"><a href={`/profiles/${encodeURIComponent(workspace.id)}/${encodeURIComponent(k.profile_id)}`}>{k.profile_name}</a></td>
                <td><ProfileKeyActions workspace={workspace} profileId={k.profile_id} profileName={k.profile_name} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {workspace.built_in && <SandboxRevisionOption />}

      {!workspace.built_in && (
        <>
          <h3>Remove this workspace</h3>
          <p class="hint">Its keys are deleted from this computer's keychain. Nothing changes at Sent.</p>
          <button type="button" class="danger" onClick={() => setConfirming(true)} data-testid="remove-workspace">Remove workspace…</button>
        </>
      )}
      {confirming && (
        <ConfirmDialog title={`Remove “${workspace.name}”?`} confirm="Remove workspace" busy={busy} error={error}
          onCancel={() => setConfirming(false)} onConfirm={() => void remove()}>
          The workspace and its keys are removed from this computer. The organization and its profiles stay at Sent.
        </ConfirmDialog>
      )}
    </section>
  );
}

/** Developer option of the built-in sandbox: emulate today's Sent server instead of the seeds'. */
function SandboxRevisionOption() {
  const [revision, setRevision] = useState<SandboxRevision | null>(null);
  const [error, setError] = useState<IpcError | null>(null);
  useEffect(() => {
    call("sandbox_revision").then(setRevision, (e) => setError(e as IpcError));
  }, []);
  if (!revision) return error ? <p role="alert" class="form-error"><ErrorNote error={error} /></p> : null;
  return (
    <section aria-labelledby="developer-title" data-testid="sandbox-revision">
      <h3 id="developer-title">Developer option</h3>
      <div class="toggle-row">
        <input type="checkbox" role="switch" id="sandbox-revision" checked={revision.newer} aria-describedby="sandbox-revision-hint"
          onChange={(e) => call("set_sandbox_revision", { newer: e.currentTarget.checked }).then(setRevision, (x) => setError(x as IpcError))} />
        <div>
          <label for="sandbox-revision">{revision.label}</label>
          <p class="hint" id="sandbox-revision-hint">{revision.hint}</p>
        </div>
      </div>
      {error && <p role="alert" class="form-error"><ErrorNote error={error} /></p>}
    </section>
  );
}
