import { useState } from "preact/hooks";
import type { IpcError } from "../bindings/IpcError";
import type { Workspace } from "../bindings/Workspace";
import { replaceWorkspace } from "../data/app";
import { call } from "../ipc";
import { ErrorNote } from "./ErrorNote";
import { FieldError, FormError } from "./FieldError";
import { useModal } from "./useModal";

/**
 * A profile's own API key: add, replace or remove it. Calls for a profile with its own key use that
 * key; the others use the organization's key for this profile. Keys are typed once, go to the
 * keychain, and only their last characters are shown again. On the built-in local sandbox the
 * sandbox's own key of the profile can be stored in one click (it is practice data).
 */
export function ProfileKeyActions(props: { workspace: Workspace; profileId: string; profileName: string }) {
  const { workspace, profileId, profileName } = props;
  const key = workspace.profile_keys.find((k) => k.profile_id === profileId);
  const [dialog, setDialog] = useState<"add" | "remove" | null>(null);
  const [error, setError] = useState<IpcError | null>(null);
  const [busy, setBusy] = useState(false);

  async function act(action: () => Promise<Workspace>) {
    setBusy(true);
    setError(null);
    try {
      replaceWorkspace(await action());
      setDialog(null);
    } catch (e) {
      setError(e as IpcError);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="key-actions" data-testid="profile-key-actions">
      <span data-testid="profile-key-state">
        {key ? `Own key ${key.key_hint}` : "Uses the organization's key for this profile"}
      </span>
      {workspace.built_in && !key && (
        <button type="button" disabled={busy} data-testid="use-sandbox-key"
          onClick={() => void act(() => call("use_sandbox_profile_key", { profileId }))}>
          Use the sandbox's key for this profile
        </button>
      )}
      {!workspace.built_in && (
        <button type="button" onClick={() => { setError(null); setDialog("add"); }} data-testid="add-profile-key">
          {key ? "Replace key" : "Add a key of its own"}
        </button>
      )}
      {key && (
        <button type="button" class="danger" onClick={() => { setError(null); setDialog("remove"); }} data-testid="remove-profile-key">
          Remove key
        </button>
      )}
      {error && !dialog && <p role="alert" class="form-error"><ErrorNote error={error} /></p>}
      {dialog === "add" && (
        <KeyDialog profileName={profileName} replacing={!!key} busy={busy} error={error}
          onCancel={() => setDialog(null)}
          onSave={(apiKey) => act(() => call("set_profile_key", { workspaceId: workspace.id, profileId, apiKey }))} />
      )}
      {dialog === "remove" && (
        <ConfirmDialog title={`Remove the key of ${profileName}?`} confirm="Remove key" busy={busy} error={error}
          onCancel={() => setDialog(null)}
          onConfirm={() => act(() => call("remove_profile_key", { workspaceId: workspace.id, profileId }))}>
          The key is deleted from this computer's keychain. Calls for this profile then use the organization's key.
          The key itself stays valid at Sent.
        </ConfirmDialog>
      )}
    </div>
  );
}

function KeyDialog(props: {
  profileName: string; replacing: boolean; busy: boolean; error: IpcError | null;
  onCancel: () => void; onSave: (apiKey: string) => Promise<void>;
}) {
  const ref = useModal();
  const [apiKey, setApiKey] = useState("");
  return (
    <dialog ref={ref} class="dialog" aria-labelledby="key-dialog-title" onClose={props.onCancel}>
      <form autocomplete="off" onSubmit={(e) => { e.preventDefault(); void props.onSave(apiKey).then(() => setApiKey("")); }}>
        <h2 id="key-dialog-title">{props.replacing ? "Replace" : "Add"} the API key of {props.profileName}</h2>
        <label>
          Profile API key
          <input name="profile_api_key" type="password" value={apiKey} autofocus spellcheck={false}
            placeholder="Paste the key Sent issued for this profile"
            onInput={(e) => setApiKey(e.currentTarget.value)}
            aria-invalid={!!props.error?.fields?.api_key} aria-describedby="error-api_key" />
        </label>
        <FieldError error={props.error} field="api_key" />
        <p class="hint">Sent is asked which profile the key belongs to; it must be this one. The key goes to your keychain.</p>
        <FormError error={props.error} shown={["api_key"]} />
        <div class="actions">
          <button type="button" onClick={props.onCancel} disabled={props.busy}>Cancel</button>
          <button type="submit" class="primary" disabled={props.busy || apiKey === ""} data-testid="save-profile-key">
            {props.busy ? "Checking the key…" : "Save key"}
          </button>
        </div>
      </form>
    </dialog>
  );
}

/** A confirmation that names the act; focus starts on Cancel, Escape cancels. */
export function ConfirmDialog(props: {
  title: string; confirm: string; busy: boolean; error: IpcError | null; children: preact.ComponentChildren;
  onCancel: () => void; onConfirm: () => void;
}) {
  const ref = useModal();
  return (
    <dialog ref={ref} class="dialog" role="alertdialog" aria-labelledby="confirm-title" aria-describedby="confirm-body"
      onClose={props.onCancel}>
      <h2 id="confirm-title">{props.title}</h2>
      <p id="confirm-body">{props.children}</p>
      {props.error && <p role="alert" class="form-error"><ErrorNote error={props.error} /></p>}
      <div class="actions">
        <button type="button" onClick={props.onCancel} disabled={props.busy} autofocus>Cancel</button>
        <button type="button" class="danger" onClick={props.onConfirm} disabled={props.busy} data-testid="confirm">
          {props.confirm}
        </button>
      </div>
    </dialog>
  );
}
