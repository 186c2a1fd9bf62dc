// The profile's TCR campaigns: list, create, edit, delete (contract E8–E11). Read-only, with the
// reason, when the profile inherits the organization's campaigns or a campaign was submitted to TCR.
// The form is checked by Rust as it is filled in; each save or delete has its own idempotency key.
import { useEffect, useState } from "preact/hooks";
import type { CampaignData } from "../../bindings/CampaignData";
import type { CampaignRow } from "../../bindings/CampaignRow";
import type { CampaignsView } from "../../bindings/CampaignsView";
import type { IpcError } from "../../bindings/IpcError";
import type { LikeProfile } from "../../bindings/LikeProfile";
import type { MessagingUseCaseUs } from "../../bindings/MessagingUseCaseUs";
import type { Workspace } from "../../bindings/Workspace";
import { ConfirmDialog } from "../ProfileKeyActions";
import { ErrorNote } from "../ErrorNote";
import { useModal } from "../useModal";
import { call } from "../../ipc";
import { Messages, TextField } from "./fields";
import { mergeFields } from "./form";
import styles from "./form.module.css";

// `template`: which of the source client's campaigns the form was filled from ("New client like this").
type Editing = { id: string | null; data: CampaignData; template?: number };

const EMPTY: CampaignData = { name: "", description: "", type: "App", useCases: [{ messagingUseCaseUs: undefined, sampleMessages: [""] }] };

function fromRow(row: CampaignRow): CampaignData {
  const c = row.campaign;
  const opt = (v: string | null) => v ?? undefined;
  return {
    name: c.name, description: c.description, type: c.type,
    useCases: c.useCases.map((u) => ({ messagingUseCaseUs: u.messagingUseCaseUs ?? undefined, sampleMessages: u.sampleMessages })),
    messageFlow: opt(c.messageFlow), privacyPolicyLink: opt(c.privacyPolicyLink), termsAndConditionsLink: opt(c.termsAndConditionsLink),
    optinKeywords: opt(c.optinKeywords), optoutKeywords: opt(c.optoutKeywords), helpKeywords: opt(c.helpKeywords),
    optinMessage: opt(c.optinMessage), optoutMessage: opt(c.optoutMessage), helpMessage: opt(c.helpMessage),
  };
}

/** The source client's campaigns (with their index) not yet made here: neither saved from its form nor present by name. */
function offered(like: LikeProfile, view: CampaignsView, used: number[]): [number, CampaignData][] {
  const made = new Set(view.campaigns.map((r) => r.campaign.name.trim().toLowerCase()));
  return like.campaigns.map((c, i) => [i, c] as [number, CampaignData])
    .filter(([i, c]) => !used.includes(i) && !made.has((c.name ?? "").trim().toLowerCase()));
}

/**
 * `like`: the client this profile was started from ("New client like this"); its campaigns are
 * offered as filled-in forms, each created only when the user saves it.
 */
export function Campaigns({ workspace, profileId, like }: { workspace: Workspace; profileId: string; like?: LikeProfile | null }) {
  const [view, setView] = useState<CampaignsView | null>(null);
  const [error, setError] = useState<IpcError | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [deleting, setDeleting] = useState<CampaignRow | null>(null);
  const [busy, setBusy] = useState(false);
  const [used, setUsed] = useState<number[]>([]);

  useEffect(() => {
    call("profile_campaigns", { workspaceId: workspace.id, profileId }).then(setView, (e) => setError(e as IpcError));
  }, [workspace.id, profileId]);

  const remove = async (row: CampaignRow) => {
    setBusy(true);
    try {
      setView(await call("delete_campaign", { workspaceId: workspace.id, profileId, campaignId: row.campaign.id, idempotencyKey: crypto.randomUUID() }));
      setDeleting(null);
      setError(null);
    } catch (e) {
      setError(e as IpcError);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class={styles.section} aria-labelledby="campaigns-title" data-testid="campaigns">
      <h3 id="campaigns-title">TCR campaigns</h3>
      {view?.create_blocked && <p class="hint" role="note" data-testid="campaigns-inherited">{view.create_blocked}</p>}
      {error && !editing && <p role="alert" class="form-error"><ErrorNote error={error} /></p>}
      {!view ? (
        !error && <p class="hint" role="status">Loading the campaigns…</p>
      ) : view.campaigns.length === 0 ? (
        <p class="hint">No campaign yet. US SMS (A2P 10DLC) needs at least one registered campaign.</p>
      ) : (
        <ul class={styles.campaigns}>
          {view.campaigns.map((row) => (
            <li key={row.campaign.id} data-testid="campaign-row">
              <div>
                <strong>{row.campaign.name}</strong> <span class="hint">({row.owner_label} · {row.status_label}{row.campaign.submittedToTCR ? " · submitted to TCR" : ""})</span>
                <p class="hint">{row.campaign.description} — {row.use_case_labels.join(", ")}</p>
                {row.read_only && <p class="hint" data-testid="campaign-read-only">{row.read_only}</p>}
              </div>
              {!row.read_only && (
                <span class={styles.campaignActions}>
                  <button type="button" onClick={() => setEditing({ id: row.campaign.id, data: fromRow(row) })} aria-label={`Edit the campaign ${row.campaign.name}`}>Edit</button>
                  <button type="button" class="danger" onClick={() => setDeleting(row)} aria-label={`Delete the campaign ${row.campaign.name}`}>Delete</button>
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {view && !view.create_blocked && like && offered(like, view, used).length > 0 && (
        <div class={styles.likeCampaigns} data-testid="like-campaigns">
          <p class="hint">Campaigns like those of “{like.name}”: check the sample messages (they may name {like.name}), then save.</p>
          <ul>
            {offered(like, view, used).map(([i, c]) => (
              <li key={i}>
                <button type="button" onClick={() => setEditing({ id: null, data: c, template: i })} data-testid="like-campaign">
                  New campaign like “{c.name}”…
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {view && !view.create_blocked && (
        <div><button type="button" onClick={() => setEditing({ id: null, data: EMPTY })} data-testid="new-campaign">New campaign…</button></div>
      )}
      {editing && view && (
        <CampaignDialog workspace={workspace} profileId={profileId} editing={editing} useCases={view.use_cases}
          onCancel={() => setEditing(null)} onSaved={(v) => {
            setView(v);
            const template = editing.template;
            if (template !== undefined) setUsed((u) => [...u, template]);
            setEditing(null);
          }} />
      )}
      {deleting && (
        <ConfirmDialog title={`Delete the campaign “${deleting.campaign.name}”?`} confirm="Delete campaign" busy={busy} error={error}
          onCancel={() => setDeleting(null)} onConfirm={() => void remove(deleting)}>
          The campaign is removed from this profile. It was not submitted to TCR, so nothing was billed for it.
        </ConfirmDialog>
      )}
    </section>
  );
}

function CampaignDialog(p: {
  workspace: Workspace; profileId: string; editing: Editing; useCases: { value: string; label: string }[];
  onCancel: () => void; onSaved: (view: CampaignsView) => void;
}) {
  const ref = useModal();
  const [data, setData] = useState<CampaignData>(p.editing.data);
  const [fields, setFields] = useState<Record<string, string[] | undefined> | null>(null);
  const [error, setError] = useState<IpcError | null>(null);
  const [busy, setBusy] = useState(false);
  // One key per Save action, reused when a retry may have reached Sent.
  const [key, setKey] = useState(() => crypto.randomUUID());

  useEffect(() => {
    const timer = setTimeout(() => {
      call("check_campaign", { campaign: data, creating: p.editing.id === null }).then((c) => setFields(c.fields), () => {});
    }, 150);
    return () => clearTimeout(timer);
  }, [data]);

  // The rules speak once the user starts typing or tries to save, not on an untouched form.
  const [touched, setTouched] = useState(false);
  const errors = mergeFields(touched ? fields : null, error);
  const set = (change: Partial<CampaignData>) => { setError(null); setTouched(true); setData((d) => ({ ...d, ...change })); };
  const useCases = data.useCases ?? [];
  // A use case's samples: the count's message and each sample's own ("Sample 2: …"), under its text area.
  const sampleErrors = (i: number) => {
    const base = `campaign.useCases[${i}].sampleMessages`;
    const messages = Object.entries(errors).flatMap(([path, list]) => {
      if (path === base) return list ?? [];
      const index = path.startsWith(`${base}[`) ? Number(path.slice(base.length + 1, -1)) : NaN;
      return Number.isInteger(index) ? (list ?? []).map((m) => `Sample ${index + 1}: ${m.charAt(0).toLowerCase()}${m.slice(1)}`) : [];
    });
    return messages.length > 0 ? { [base]: messages } : {};
  };
  const setUseCase = (i: number, change: { messagingUseCaseUs?: MessagingUseCaseUs; sampleMessages?: string[] }) =>
    set({ useCases: useCases.map((u, j) => (j === i ? { ...u, ...change } : u)) });

  const save = async () => {
    setTouched(true);
    if (fields && Object.keys(fields).length > 0) {
      // The first field with a problem; a sample's own problem is on its use case's text area.
      const first = Object.keys(fields)[0].replace(/\[(\d+)\]/g, ".$1");
      const target = document.querySelector(`[name="${first}"]`) ?? document.querySelector(`[name="${first.replace(/\.\d+$/, "")}"]`)
        ?? document.querySelector('[data-testid="campaign-dialog"] [aria-invalid="true"]');
      (target as HTMLElement | null)?.focus();
      return;
    }
    setBusy(true);
    try {
      const view = await call("save_campaign", { workspaceId: p.workspace.id, profileId: p.profileId, campaignId: p.editing.id, campaign: data, idempotencyKey: key });
      p.onSaved(view);
    } catch (e) {
      const failure = e as IpcError;
      if (!["network", "timeout", "server_error", "service_unavailable"].includes(failure.kind)) setKey(crypto.randomUUID());
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const text = (path: string, key: keyof CampaignData, label: string, extra: Partial<Parameters<typeof TextField>[0]> = {}) => (
    <TextField path={path} label={label} value={(data[key] as string | undefined) ?? ""} errors={errors}
      onInput={(v) => set({ [key]: v || undefined } as Partial<CampaignData>)} {...extra} />
  );

  return (
    <dialog ref={ref} class={`dialog ${styles.review}`} aria-labelledby="campaign-title" onClose={p.onCancel} data-testid="campaign-dialog">
      <form onSubmit={(e) => { e.preventDefault(); void save(); }} autocomplete="off">
        <h2 id="campaign-title">{p.editing.id ? "Edit the campaign" : "New campaign"}</h2>
        <Messages errors={errors} path="campaign" />
        <div class={styles.grid}>
          {text("campaign.name", "name", "Name", { required: true })}
          {text("campaign.type", "type", "Type", { required: true, hint: "How the campaign is set up, e.g. App or KYC." })}
          {text("campaign.description", "description", "Description", { required: true, multiline: true, wide: true })}
        </div>
        <fieldset class={styles.countries}>
          <legend>Use cases (at least one; 1–5 sample messages each)</legend>
          <Messages errors={errors} path="campaign.useCases" />
          {useCases.map((u, i) => (
            <div key={i} class={styles.useCase} data-testid="use-case">
              <label>
                Use case {i + 1}
                <select name={`campaign.useCases.${i}.messagingUseCaseUs`} value={u.messagingUseCaseUs ?? ""}
                  onChange={(e) => setUseCase(i, { messagingUseCaseUs: (e.currentTarget.value || undefined) as MessagingUseCaseUs | undefined })}>
                  <option value="">Choose…</option>
                  {p.useCases.map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
                </select>
              </label>
              <Messages errors={errors} path={`campaign.useCases[${i}].messagingUseCaseUs`} />
              <label>
                Sample messages (one per line)
                <textarea name={`campaign.useCases.${i}.sampleMessages`} rows={3} value={(u.sampleMessages ?? []).join("\n")}
                  aria-invalid={Object.keys(sampleErrors(i)).length > 0}
                  aria-describedby={Object.keys(sampleErrors(i)).length > 0 ? `error-campaign.useCases[${i}].sampleMessages` : undefined}
                  onInput={(e) => setUseCase(i, { sampleMessages: e.currentTarget.value.split("\n") })} />
              </label>
              <Messages errors={sampleErrors(i)} path={`campaign.useCases[${i}].sampleMessages`} />
              {useCases.length > 1 && (
                <button type="button" onClick={() => set({ useCases: useCases.filter((_, j) => j !== i) })} aria-label={`Remove use case ${i + 1}`}>Remove</button>
              )}
            </div>
          ))}
          <div><button type="button" onClick={() => set({ useCases: [...useCases, { sampleMessages: [""] }] })} data-testid="add-use-case">Add a use case</button></div>
        </fieldset>
        <details>
          <summary>Opt-in, opt-out, help and policy links (optional)</summary>
          <div class={styles.grid}>
            {text("campaign.messageFlow", "messageFlow", "How subscribers opt in", { multiline: true, wide: true })}
            {text("campaign.privacyPolicyLink", "privacyPolicyLink", "Privacy policy link", { inputMode: "url" })}
            {text("campaign.termsAndConditionsLink", "termsAndConditionsLink", "Terms and conditions link", { inputMode: "url" })}
            {text("campaign.optinKeywords", "optinKeywords", "Opt-in keywords", { hint: "Comma-separated, e.g. START, YES" })}
            {text("campaign.optoutKeywords", "optoutKeywords", "Opt-out keywords", { hint: "e.g. STOP, END" })}
            {text("campaign.helpKeywords", "helpKeywords", "Help keywords", { hint: "e.g. HELP, INFO" })}
            {text("campaign.optinMessage", "optinMessage", "Opt-in reply")}
            {text("campaign.optoutMessage", "optoutMessage", "Opt-out reply")}
            {text("campaign.helpMessage", "helpMessage", "Help reply")}
          </div>
        </details>
        {error && !error.fields && <p role="alert" class="form-error"><ErrorNote error={error} /></p>}
        <div class="actions">
          <button type="button" onClick={p.onCancel} disabled={busy}>Cancel</button>
          <button type="submit" class="primary" disabled={busy} data-testid="save-campaign">
            {busy ? "Saving…" : p.editing.id ? "Save campaign" : "Create campaign"}
          </button>
        </div>
      </form>
    </dialog>
  );
}
