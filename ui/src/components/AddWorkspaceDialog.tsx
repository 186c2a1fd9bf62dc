import { useState } from "preact/hooks";
import type { EnvironmentKind } from "../bindings/EnvironmentKind";
import type { IpcError } from "../bindings/IpcError";
import type { Workspace } from "../bindings/Workspace";
import { labels } from "../data/app";
import { useStores } from "../data/store";
import { call } from "../ipc";
import { FieldError, FormError } from "./FieldError";
import { useModal } from "./useModal";

/**
 * The "Add workspace" dialog (a native modal <dialog>: focus stays inside, Escape closes). The API
 * key is typed here once, sent to Rust, and never shown again: on success the dialog shows what Sent
 * said the key is, with only its masked hint.
 *
 * No environment is preselected: the app opens on the local sandbox, so any preselection would be
 * a guess, and guessing Production would send a key over the network unasked. The user picks one.
 */
export function AddWorkspaceDialog(props: { onClose: () => void; onAdded: (workspace: Workspace) => void }) {
  const dialog = useModal();
  useStores(labels);
  const [name, setName] = useState("");
  const [environment, setEnvironment] = useState<EnvironmentKind | null>(null);
  const [customUrl, setCustomUrl] = useState("");
  const [apiKey, setApiKey] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<IpcError | null>(null);
  const [added, setAdded] = useState<Workspace | null>(null);


  const choices = (labels.value?.environments ?? []).filter((c) => c.value !== "local_sandbox");

  async function save(event: Event) {
    event.preventDefault();
    if (!environment) {
      setError({ kind: "validation", message: "Some fields need attention.",
        fields: { environment: ["Choose the environment this organization's key belongs to."] } });
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const workspace = await call("add_workspace", {
        draft: {
          name,
          environment,
          custom_base_url: environment === "custom" ? customUrl : undefined,
          api_key: apiKey,
        },
      });
      setApiKey(""); // the key leaves the webview for good
      setAdded(workspace);
      props.onAdded(workspace);
    } catch (e) {
      setError(e as IpcError); // the draft, key included, stays in the form to be corrected
    } finally {
      setBusy(false);
    }
  }

  const invalid = (field: string) => !!error?.fields?.[field];

  return (
    <dialog ref={dialog} class="dialog" aria-labelledby="add-workspace-title" onClose={props.onClose}
      onCancel={(e) => { if (busy) e.preventDefault(); }}>
      {added ? (
        <div>
          <h2 id="add-workspace-title">Workspace added</h2>
          <dl class="identity" data-testid="added-identity">
            <dt>Key</dt>
            <dd>{added.key_hint}</dd>
            <dt>Account</dt>
            <dd>{added.identity.account_type} · {added.identity.name}</dd>
            <dt>Role</dt>
            <dd>{added.identity.role ?? "not reported"}</dd>
            <dt>Profiles</dt>
            <dd>{added.identity.profile_count}</dd>
          </dl>
          <div class="actions">
            <button type="button" class="primary" onClick={props.onClose} autofocus>Done</button>
          </div>
        </div>
      ) : (
        <form aria-labelledby="add-workspace-title" onSubmit={save} autocomplete="off">
          <h2 id="add-workspace-title">Add workspace</h2>
          <p class="hint">A workspace is one Sent organization in one environment, reached with its organization API key.</p>
          <label>
            Name
            <input name="name" value={name} onInput={(e) => setName(e.currentTarget.value)} autofocus
              placeholder="e.g. Acme Agency (production)"
              aria-invalid={invalid("name")} aria-describedby="error-name" />
          </label>
          <FieldError error={error} field="name" />
          <fieldset aria-invalid={invalid("environment")} aria-describedby="error-environment">
            <legend>Environment</legend>
            {choices.map((choice) => (
              <label class="radio" key={choice.value}>
                <input type="radio" name="environment" value={choice.value} checked={environment === choice.value}
                  onChange={() => setEnvironment(choice.value as EnvironmentKind)} />
                <span>{choice.label} {choice.hint && <span class="hint">{choice.hint}</span>}</span>
              </label>
            ))}
          </fieldset>
          <FieldError error={error} field="environment" />
          {environment === "custom" && (
            <>
              <label>
                Base URL
                <input name="custom_base_url" value={customUrl} placeholder="https://sent.example.com or http://127.0.0.1:4010"
                  onInput={(e) => setCustomUrl(e.currentTarget.value)}
                  aria-invalid={invalid("custom_base_url")} aria-describedby="error-custom_base_url" />
              </label>
              <FieldError error={error} field="custom_base_url" />
            </>
          )}
          <label>
            Organization API key
            <input name="api_key" type="password" value={apiKey} spellcheck={false}
              onInput={(e) => setApiKey(e.currentTarget.value)}
              aria-invalid={invalid("api_key")} aria-describedby="error-api_key" />
          </label>
          <FieldError error={error} field="api_key" />
          <p class="hint">The key is checked with Sent, then kept in your system keychain. It is never shown again.</p>
          <FormError error={error}
            shown={["name", "environment", "api_key", ...(environment === "custom" ? ["custom_base_url"] : [])]} />
          <div class="actions">
            <button type="button" onClick={props.onClose} disabled={busy}>Cancel</button>
            <button type="submit" class="primary" disabled={busy} data-testid="save-workspace">
              {busy ? "Checking the key…" : "Save"}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
