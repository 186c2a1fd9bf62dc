// A read-only summary of one profile, from the list's cache (the editable detail screen comes with
// the next issue). Values the server did not report say so instead of showing blanks.
import { Fragment } from "preact";
import { useLocation } from "preact-iso";
import { useEffect, useRef, useState } from "preact/hooks";
import type { IpcError } from "../../bindings/IpcError";
import type { ProfileSummary as Summary } from "../../bindings/ProfileSummary";
import type { Workspace } from "../../bindings/Workspace";
import { ErrorNote } from "../../components/ErrorNote";
import { ProfileKeyActions } from "../../components/ProfileKeyActions";
import { profileLists } from "../../data/profiles";
import { useStores } from "../../data/store";
import { call } from "../../ipc";
import styles from "./ProfileSummary.module.css";

const NOT_REPORTED = "not reported";

export function ProfileSummary({ workspace, profileId }: { workspace: Workspace; profileId: string }) {
  const { route } = useLocation();
  const [summary, setSummary] = useState<Summary | null>(null);
  const [error, setError] = useState<IpcError | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useStores(profileLists);
  // Re-read when the list is refreshed (pushed by the backend).
  const listVersion = profileLists.value[workspace.id]?.view;

  useEffect(() => {
    let current = true;
    call("cached_profile", { workspaceId: workspace.id, profileId }).then(
      (s) => current && (setSummary(s), setError(null)),
      (e) => current && setError(e as IpcError),
    );
    return () => {
      current = false;
    };
  }, [workspace.id, profileId, listVersion]);

  useEffect(() => {
    heading.current?.focus();
  }, [summary?.profile.id]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      // Escape in a dialog closes the dialog only; in a field it belongs to the field.
      if (event.key !== "Escape" || event.defaultPrevented || target?.closest("dialog, input, select, textarea")) return;
      route("/");
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const back = (
    <a href="/" class={styles.back} data-testid="back-to-list">← All profiles (Esc)</a>
  );
  if (error) {
    return (
      <section class={styles.screen} aria-label="Profile">
        {back}
        <p role="alert" class="app-error"><ErrorNote error={error} /></p>
      </section>
    );
  }
  if (!summary) return <section class={styles.screen} aria-label="Profile">{back}<p role="status" class="hint">Loading…</p></section>;

  const { row, profile } = summary;
  const text = (value: string | null | undefined) => (value === null || value === undefined || value === "" ? NOT_REPORTED : value);
  const date = (value: string | null | undefined) => (value ? new Date(value).toLocaleString() : NOT_REPORTED);

  return (
    <section class={styles.screen} aria-labelledby="profile-heading" data-testid="profile-summary">
      {back}
      <header class={styles.header}>
        <h2 id="profile-heading" ref={heading} tabIndex={-1} dir="auto">{profile.name || "(no name)"}</h2>
        <span class={`badge tone-${row.status_tone}`} data-testid="summary-status">{row.status_label}</span>
      </header>
      <p class="hint">A read-only summary from the list saved on this computer. Editing arrives with the profile detail screen.</p>
      <div class={styles.columns}>
        <dl class="identity">
          <dt>Short name</dt><dd dir="auto">{text(profile.short_name)}</dd>
          <dt>Profile id</dt><dd><code>{profile.id}</code></dd>
          <dt>Description</dt><dd dir="auto">{text(profile.description)}</dd>
          <dt>Contact e-mail</dt><dd>{text(profile.email)}</dd>
          <dt>Created</dt><dd>{date(row.created_at)}</dd>
          <dt>Updated</dt><dd>{date(profile.updated_at)}</dd>
        </dl>
        <dl class="identity">
          {summary.resources.map((line) => (
            <Fragment key={line.resource}>
              <dt>{line.resource}</dt><dd data-testid={`resource-${line.resource}`}>{line.text}</dd>
            </Fragment>
          ))}
          <dt>SMS number</dt><dd>{text(profile.sending_phone_number)}</dd>
          <dt>WhatsApp number</dt><dd>{text(profile.whatsapp_phone_number)}</dd>
        </dl>
      </div>
      <h3>API key</h3>
      <ProfileKeyActions workspace={workspace} profileId={profile.id} profileName={profile.name} />
    </section>
  );
}
