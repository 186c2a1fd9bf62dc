import { useEffect, useState } from "preact/hooks";
import type { IpcError } from "../bindings/IpcError";
import type { ProfileDetail } from "../bindings/ProfileDetail";
import type { Workspace } from "../bindings/Workspace";
import { commands } from "../ipc";
import { FieldError, FormError } from "./FieldError";

/**
 * Per-profile API keys of a workspace: a profile with its own key is called with that key; the
 * others with the organization key and x-profile-id. Keys are entered once and shown only as hints.
 */
export function ProfileKeys(props: { workspace: Workspace; onChanged: (workspace: Workspace) => void }) {
  const { workspace } = props;
  const [profiles, setProfiles] = useState<ProfileDetail[] | null>(null);
  const [loadError, setLoadError] = useState<IpcError | null>(null);
  const [editing, setEditing] = useState<string | null>(null);

  const [actionError, setActionError] = useState<IpcError | null>(null);

  useEffect(() => {
    // A late answer for the previous workspace must not replace this one's list.
    let current = true;
    setProfiles(null);
    setLoadError(null);
    commands.listProfiles(workspace.id).then(
      (list) => current && setProfiles(list),
      (error) => current && setLoadError(error),
    );
    return () => {
      current = false;
    };
  }, [workspace.id]);

  if (loadError) return <p role="alert" class="form-error">Profiles could not be loaded: {loadError.message}</p>;
  if (!profiles) return <p class="hint">Loading profiles…</p>;
  if (profiles.length === 0) return <p class="hint">This organization has no sender profiles yet.</p>;

  return (
    <>
    {actionError && <p role="alert" class="form-error">{actionError.message}</p>}
    <table class="profiles" aria-label="Profile keys">
      <thead>
        <tr><th>Profile</th><th>Status</th><th>Own API key</th><th /></tr>
      </thead>
      <tbody>
        {profiles.map((profile) => {
          const key = workspace.profile_keys.find((k) => k.profile_id === profile.id);
          return (
            <tr key={profile.id} data-testid={`profile-${profile.id}`}>
              <td>{profile.name}</td>
              <td>{profile.status}</td>
              <td>{key ? key.key_hint : <span class="hint">org key + x-profile-id</span>}</td>
              <td class="row-actions">
                {editing === profile.id ? (
                  <KeyForm workspace={workspace} profileId={profile.id}
                    onDone={(updated) => { setEditing(null); if (updated) props.onChanged(updated); }} />
                ) : (
                  <>
                    <button onClick={() => setEditing(profile.id)}>{key ? "Replace" : "Add key"}</button>
                    {key && (
                      <button onClick={() => {
                        setActionError(null);
                        commands.removeProfileKey(workspace.id, profile.id).then(props.onChanged, setActionError);
                      }}>Remove</button>
                    )}
                  </>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
    </>
  );
}

function KeyForm(props: { workspace: Workspace; profileId: string; onDone: (updated: Workspace | null) => void }) {
  const [apiKey, setApiKey] = useState("");
  const [error, setError] = useState<IpcError | null>(null);
  const [busy, setBusy] = useState(false);
  async function save(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const updated = await commands.setProfileKey(props.workspace.id, props.profileId, apiKey);
      setApiKey("");
      props.onDone(updated);
    } catch (e) {
      setError(e as IpcError);
    } finally {
      setBusy(false);
    }
  }
  return (
    <form class="inline-form" onSubmit={save} autocomplete="off">
      <input type="password" aria-label="Profile API key" value={apiKey} onInput={(e) => setApiKey(e.currentTarget.value)} />
      <button type="submit" disabled={busy}>Save key</button>
      <button type="button" onClick={() => props.onDone(null)} disabled={busy}>Cancel</button>
      <FieldError error={error} field="api_key" />
      <FormError error={error} shown={["api_key"]} />
    </form>
  );
}
