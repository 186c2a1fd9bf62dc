import { useState } from "preact/hooks";
import type { EnvironmentKind } from "../bindings/EnvironmentKind";
import type { IpcError } from "../bindings/IpcError";
import type { Workspace } from "../bindings/Workspace";
import { commands } from "../ipc";
import { FieldError, FormError } from "./FieldError";

const CHOICES: { value: EnvironmentKind; label: string; hint: string }[] = [
  { value: "production", label: "Production", hint: "https://api.sent.dm" },
  { value: "staging", label: "Staging", hint: "https://api-dev.sent.dm" },
  { value: "custom", label: "Custom server", hint: "e.g. a sent-sandbox you started" },
];

/**
 * The "Add workspace" form. The API key is typed here once, sent to Rust, and never shown again:
 * on success the dialog shows what Sent said the key is, with only its masked hint.
 */
export function AddWorkspaceDialog(props: { onClose: () => void; onAdded: (workspace: Workspace) => void }) {
  const [name, setName] = useState("");
  const [environment, setEnvironment] = useState<EnvironmentKind>("production");
  const [customUrl, setCustomUrl] = useState("");
  const [apiKey, setApiKey] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<IpcError | null>(null);
  const [added, setAdded] = useState<Workspace | null>(null);

  async function save(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const workspace = await commands.addWorkspace({
        name,
        environment,
        custom_base_url: environment === "custom" ? customUrl : undefined,
        api_key: apiKey,
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

  if (added) {
    const id = added.identity;
    return (
      <div class="dialog" role="dialog" aria-label="Workspace added">
        <h2>Workspace added</h2>
        <dl class="identity" data-testid="added-identity">
          <dt>Key</dt>
          <dd>{added.key_hint}</dd>
          <dt>Account</dt>
          <dd>{id.account_type} · {id.name}</dd>
          <dt>Role</dt>
          <dd>{id.role ?? "not reported"}</dd>
          <dt>Profiles</dt>
          <dd>{id.profile_count}</dd>
        </dl>
        <div class="actions">
          <button onClick={props.onClose}>Done</button>
        </div>
      </div>
    );
  }

  return (
    <form class="dialog" aria-label="Add workspace" onSubmit={save} autocomplete="off">
      <h2>Add workspace</h2>
      <label>
        Name
        <input name="name" value={name} onInput={(e) => setName(e.currentTarget.value)}
          aria-invalid={!!error?.fields?.name} aria-describedby="error-name" />
      </label>
      <FieldError error={error} field="name" />
      <fieldset>
        <legend>Environment</legend>
        {CHOICES.map((choice) => (
          <label class="radio" key={choice.value}>
            <input type="radio" name="environment" value={choice.value} checked={environment === choice.value}
              onChange={() => setEnvironment(choice.value)} />
            {choice.label} <span class="hint">{choice.hint}</span>
          </label>
        ))}
      </fieldset>
      <FieldError error={error} field="environment" />
      {environment === "custom" && (
        <>
          <label>
            Base URL
            <input name="custom_base_url" value={customUrl} placeholder="http://127.0.0.1:4010"
              onInput={(e) => setCustomUrl(e.currentTarget.value)}
              aria-invalid={!!error?.fields?.custom_base_url} aria-describedby="error-custom_base_url" />
          </label>
          <FieldError error={error} field="custom_base_url" />
        </>
      )}
      <label>
        Organization API key
        <input name="api_key" type="password" value={apiKey} spellcheck={false}
          onInput={(e) => setApiKey(e.currentTarget.value)}
          aria-invalid={!!error?.fields?.api_key} aria-describedby="error-api_key" />
      </label>
      <FieldError error={error} field="api_key" />
      <p class="hint">The key is checked with Sent, then kept in your system keychain. It is never shown again.</p>
      <FormError error={error}
        shown={["name", "environment", "api_key", ...(environment === "custom" ? ["custom_base_url"] : [])]} />
      <div class="actions">
        <button type="button" onClick={props.onClose} disabled={busy}>Cancel</button>
        <button type="submit" disabled={busy} data-testid="save-workspace">{busy ? "Checking the key…" : "Save"}</button>
      </div>
    </form>
  );
}
