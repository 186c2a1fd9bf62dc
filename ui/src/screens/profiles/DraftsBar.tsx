// Onboarding drafts of this workspace, above the profile list: resume (with its step and last
// change) or discard. Drafts survive closing the app, a crash or a failed request.
import { useEffect, useState } from "preact/hooks";
import type { DraftSummary } from "../../bindings/DraftSummary";
import type { Workspace } from "../../bindings/Workspace";
import { call } from "../../ipc";
import { ago } from "../../components/form/form";
import styles from "../../components/ListGrid.module.css";

export function DraftsBar({ workspace }: { workspace: Workspace }) {
  const [drafts, setDrafts] = useState<DraftSummary[]>([]);
  const load = () => call("onboarding_drafts", { workspaceId: workspace.id }).then(setDrafts, () => {});
  useEffect(() => {
    void load();
  }, [workspace.id]);
  if (drafts.length === 0) return null;
  return (
    <section class={styles.drafts} aria-labelledby="drafts-title" data-testid="onboarding-drafts">
      <h3 id="drafts-title">Drafts</h3>
      <ul>
        {drafts.map((d) => (
          <li key={d.id} data-testid="onboarding-draft">
            <a href={`/onboard/${encodeURIComponent(d.id)}`} data-testid="resume-draft">{d.name}</a>
            <span class="hint">
              {d.created_profile_id ? "Created, not yet submitted for review" : `Step: ${d.step_label}`} · changed {ago(d.updated_at)}
            </span>
            <button type="button" aria-label={`Discard the draft ${d.name}`}
              onClick={() => void call("discard_onboarding_draft", { workspaceId: workspace.id, id: d.id }).then(load, () => {})}>
              Discard
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
