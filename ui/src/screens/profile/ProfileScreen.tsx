// A profile: what it is, what it uses (effective configuration) and why, and editing it as a draft.
// The draft is checked by Rust as the user types (`check_profile_edit`: field messages and the exact
// changes a save sends) and kept in the local database (`save_profile_draft`, never card data), so
// switching screens or restarting loses nothing. Save shows the changes old → new, offers a dry
// run, and then shows what Sent returned, not what was typed.
import { Fragment } from "preact";
import { useLocation } from "preact-iso";
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import type { EditCheck } from "../../bindings/EditCheck";
import type { FieldChange } from "../../bindings/FieldChange";
import type { IpcError } from "../../bindings/IpcError";
import type { ProfileDetailView } from "../../bindings/ProfileDetailView";
import type { SaveOutcome } from "../../bindings/SaveOutcome";
import type { Workspace } from "../../bindings/Workspace";
import { ErrorNote } from "../../components/ErrorNote";
import { ErrorSummary, focusFirstProblem, goToFieldAfterDialog } from "../../components/ErrorSummary";
import { commandKey, useCommandKey } from "../../components/Shortcuts";
import { ProfileKeyActions } from "../../components/ProfileKeyActions";
import { currentWorkspace, flash, labels, leaveGuard, refreshWorkspaces, workspaceList } from "../../data/app";
import { useStores } from "../../data/store";
import { call, on } from "../../ipc";
import { BrandSection } from "../../components/form/BrandSection";
import { Campaigns } from "../../components/form/Campaigns";
import { DeleteDialog, LeaveDialog, ReviewDialog, SubmitDialog } from "./dialogs";
import { Messages, Section, TextField, Toggle, shown } from "../../components/form/fields";
import type { Card, Draft } from "../../components/form/form";
import { EMPTY_CARD, SaveKeys, ago, cardIsEmpty, getPath, mergeFields, sameDraft, setPath, withBrandInheritance } from "../../components/form/form";
import styles from "../../components/form/form.module.css";
import { billsProfile as billsTheProfile, closesReview, differenceNotes, draftAfterRead, isDirty, reviewStep, saveFingerprint, sectionInvalid as invalidUnder } from "./model";

type Dialog = null | "review" | "delete" | "submit" | { leaveTo: string };

export function ProfileScreen({ workspace, profileId, go }: { workspace: Workspace; profileId: string; go?: string }) {
  const { route } = useLocation();
  useStores(labels);
  const words = labels.value;
  const [view, setView] = useState<ProfileDetailView | null>(null);
  const [loadError, setLoadError] = useState<IpcError | null>(null);
  const [refreshing, setRefreshing] = useState(false);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [card, setCard] = useState<Card>(EMPTY_CARD);
  const [check, setCheck] = useState<EditCheck | null>(null);
  const [saveError, setSaveError] = useState<IpcError | null>(null);
  const [outcome, setOutcome] = useState<SaveOutcome | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [busy, setBusy] = useState(false);
  const [restoredAt, setRestoredAt] = useState<number | null>(null);
  const [cloning, setCloning] = useState(false);
  const [cloneError, setCloneError] = useState<IpcError | null>(null);
  // The error summary shows once the user asked to save with problems, until they are fixed.
  const [summary, setSummary] = useState(false);
  const keys = useRef(new SaveKeys());
  const heading = useRef<HTMLHeadingElement>(null);
  const profile = view?.profile ?? null;

  // The profile the draft was last made from: a read replaces the draft only if it was untouched.
  const lastRead = useRef<Draft | null>(null);
  // Open from the cache at once, then read the profile fresh from Sent.
  useEffect(() => {
    let current = true;
    let fresh = false; // a cached read that comes after the fresh one is not shown
    const apply = (v: ProfileDetailView) => {
      if (!current) return;
      const previous = lastRead.current;
      lastRead.current = v.profile;
      setView(v);
      setLoadError(null);
      setDraft((d) => {
        // A kept draft wins; a read never replaces what is being typed (model.ts).
        const next = draftAfterRead(d, previous, v);
        if (next.restoredAt !== null) setRestoredAt(next.restoredAt);
        return next.draft;
      });
    };
    call("profile_detail", { workspaceId: workspace.id, profileId }).then(
      (v) => !fresh && apply(v),
      (e) => current && !fresh && setLoadError(e as IpcError),
    );
    setRefreshing(true);
    call("refresh_profile", { workspaceId: workspace.id, profileId }).then(
      (v) => {
        fresh = true;
        apply(v);
      },
      (e) => {
        if (!current) return;
        const error = e as IpcError;
        // Offline: the cached profile stays, the error is said above it. Gone: say so.
        if (error.kind === "not_found") {
          setLoadError(error);
        } else setSaveError(error);
      },
    ).finally(() => current && setRefreshing(false));
    return () => {
      current = false;
    };
  }, [workspace.id, profileId]);

  useEffect(() => {
    heading.current?.focus();
  }, [profile?.id]);

  // Arrived from the compliance board's next action: the submit dialog, or the field (or section)
  // where the action is done, once the profile is shown.
  const went = useRef(false);
  useEffect(() => {
    if (!go || !profile || went.current) return;
    went.current = true;
    if (go === "submit") setDialog("submit");
    else goToFieldAfterDialog(go);
  }, [profile?.id]);

  // Rust checks the draft as it changes (and the card, which never leaves this screen's memory
  // except in that call and the save).
  // The check on screen is of the draft and card it was asked for (`checkedFor`); an answer to an
  // older input than the latest (`typed`) is not shown.
  const payment = cardIsEmpty(card) ? null : card;
  const typed = useRef<{ draft: Draft | null; card: Card }>({ draft, card });
  typed.current = { draft, card };
  const checkedFor = useRef<{ draft: Draft | null; card: Card } | null>(null);
  const checkNow = (input: { draft: Draft; card: Card }): Promise<EditCheck> =>
    call("check_profile_edit", { workspaceId: workspace.id, profileId, draft: input.draft, payment: cardIsEmpty(input.card) ? null : input.card })
      .then((answer) => {
        if (typed.current.draft === input.draft && typed.current.card === input.card) {
          checkedFor.current = input;
          setCheck(answer);
        }
        return answer;
      });
  useEffect(() => {
    if (!draft || !profile) return;
    const timer = setTimeout(() => { checkNow({ draft, card }).catch(() => {}); }, 150);
    return () => clearTimeout(timer);
  }, [draft, card, profile]);

  // Keep the draft (never the card) in the local database while typing: written 400 ms after the
  // last change, at once when the screen closes (a change made just before leaving is kept), and
  // never after a save started (the save carries it; a late write would bring it back as unsaved).
  const firstDraft = useRef(true);
  const pendingDraft = useRef<{ timer: ReturnType<typeof setTimeout>; write: () => void } | null>(null);
  const cancelDraftWrite = () => {
    if (pendingDraft.current) clearTimeout(pendingDraft.current.timer);
    pendingDraft.current = null;
  };
  useEffect(() => {
    if (!draft || !profile) return;
    if (firstDraft.current) {
      firstDraft.current = false;
      return;
    }
    cancelDraftWrite();
    const write = () => {
      // Only this write's own entry is cleared: a newer one keeps its timer and stays cancellable.
      if (pendingDraft.current?.write === write) pendingDraft.current = null;
      if (sameDraft(draft, profile)) void call("discard_profile_draft", { workspaceId: workspace.id, profileId }).catch(() => {});
      else void call("save_profile_draft", { workspaceId: workspace.id, profileId, draft }).catch(() => {});
    };
    pendingDraft.current = { timer: setTimeout(write, 400), write };
  }, [draft]);
  useEffect(() => () => {
    const pending = pendingDraft.current;
    cancelDraftWrite();
    pending?.write();
  }, []);

  // A submission's status is pushed as it moves (the dialog may be closed): the badge follows it,
  // and once it settles the profile is read again through the screen's own refresh (a draft
  // being typed is kept).
  const refreshRef = useRef<() => void>(() => {});
  useEffect(() => {
    const stop = on("profile_status", (u) => {
      if (u.workspace_id !== workspace.id || u.profile_id !== profileId) return;
      setView((v) => (v ? { ...v, row: u.row } : v));
      if (u.settled) refreshRef.current();
    });
    return () => void stop.then((u) => u());
  }, [workspace.id, profileId]);

  const changes = check?.changes ?? [];
  const dirty = isDirty(draft, profile, card);
  const errors = mergeFields(check?.fields ?? null, saveError);
  const errorCount = Object.keys(errors).length;
  useEffect(() => {
    if (errorCount === 0) setSummary(false);
  }, [errorCount]);
  const differences = useMemo(() => differenceNotes(outcome), [outcome]);

  // Leaving with unsaved changes asks first (the draft is kept either way). The listeners read the
  // latest state through a ref: an effect re-registered after each render would lag a fast click.
  const guard = useRef({ dirty, dialog });
  guard.current = { dirty, dialog };
  const leave = (to: string) => (guard.current.dirty ? setDialog({ leaveTo: to }) : route(to));
  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      if (!guard.current.dirty || guard.current.dialog) return;
      const link = (event.target as HTMLElement | null)?.closest?.("a[href]") as HTMLAnchorElement | null;
      const href = link?.getAttribute("href");
      if (!link || !href || !href.startsWith("/") || link.target) return;
      event.preventDefault();
      event.stopPropagation();
      setDialog({ leaveTo: href });
    };
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (event.key !== "Escape" || event.defaultPrevented || guard.current.dialog || target?.closest("dialog, input, select, textarea")) return;
      leave("/");
    };
    document.addEventListener("click", onClick, true);
    window.addEventListener("keydown", onKey);
    leaveGuard.current = (to) => {
      if (!guard.current.dirty) return true;
      setDialog({ leaveTo: to });
      return false;
    };
    return () => {
      leaveGuard.current = null;
      document.removeEventListener("click", onClick, true);
      window.removeEventListener("keydown", onKey);
    };
  }, []);

  const edit = (path: string, value: unknown) => {
    setOutcome(null);
    setDraft((d) => (d ? setPath(d, path, value) : d));
  };
  const text = (path: string) => (value: string) => edit(path, value === "" ? null : value);
  const normalizeOnBlur = (path: string, country?: string | null) => () => {
    const value = draft ? (getPath(draft, path) as string | null) : null;
    if (!value?.trim()) return;
    // Applied only if the field still holds what was sent to be normalised.
    call("normalize_phone", { value, country: country ?? null }).then(
      (e164) => e164 !== value && setDraft((d) => (d && getPath(d, path) === value ? setPath(d, path, e164) : d)),
      () => {},
    );
  };

  const discard = () => {
    if (!profile) return;
    setDraft(profile);
    setCheck(null);
    setCard(EMPTY_CARD);
    setSaveError(null);
    setRestoredAt(null);
    cancelDraftWrite(); // a write still waiting would bring the discarded draft back
    void call("discard_profile_draft", { workspaceId: workspace.id, profileId }).catch(() => {});
  };

  const refresh = () => {
    setRefreshing(true);
    call("refresh_profile", { workspaceId: workspace.id, profileId }).then(
      (v) => {
        setView(v);
        lastRead.current = v.profile;
        if (!dirty) setDraft(v.profile);
        setSaveError(null);
      },
      (e) => setSaveError(e as IpcError),
    ).finally(() => setRefreshing(false));
  };

  refreshRef.current = refresh;

  // "New client like this": Rust reads this profile from Sent and keeps a new onboarding draft with
  // its configuration (never its identity or secrets); the wizard opens it.
  const startLike = async () => {
    setCloning(true);
    setCloneError(null);
    try {
      const start = await call("start_onboarding_like", { workspaceId: workspace.id, profileId });
      // The wizard works in the current workspace and the draft is this profile's workspace's: a
      // profile opened from another workspace (a review notice's link) makes it current first.
      if (currentWorkspace()?.id !== workspace.id) {
        workspaceList.value = await call("switch_workspace", { id: workspace.id });
        await refreshWorkspaces();
      }
      route(`/onboard/${encodeURIComponent(start.draft.id)}`);
    } catch (e) {
      setCloneError(e as IpcError);
    } finally {
      setCloning(false);
    }
  };

  const save = async (dryRun: boolean) => {
    if (!draft) return;
    const idempotencyKey = keys.current.take(saveFingerprint(draft, card), dryRun);
    const unwritten = dryRun ? null : pendingDraft.current;
    if (!dryRun) cancelDraftWrite();
    setBusy(true);
    setSaveError(null);
    try {
      const result = await call("save_profile", { workspaceId: workspace.id, profileId, draft, payment, dryRun, idempotencyKey });
      keys.current.settle(null);
      setOutcome(result);
      if (!result.dry_run && result.view) {
        setView(result.view);
        lastRead.current = result.view.profile;
        // The banner and the read-only fields follow what this answer revealed.
        setDraft(result.view.profile);
        setCheck(null); // the saved changes are no longer changes
        setCard(EMPTY_CARD);
        setRestoredAt(null);
        setDialog(null);
        requestAnimationFrame(() => document.getElementById("save-message")?.focus());
      }
    } catch (e) {
      const error = e as IpcError;
      keys.current.settle(error);
      setSaveError(error);
      // Not saved: the draft is kept after all (unless a newer write is already waiting).
      if (unwritten && !pendingDraft.current) unwritten.write();
      // Field errors are shown on their fields: close the review so they can be fixed.
      if (closesReview(error)) setDialog(null);
    } finally {
      setBusy(false);
    }
  };

  // "Review and save…" (the button and Ctrl/⌘+S): the review of the changes, or, with problems,
  // the list of what to fix at the top and focus on the first field with a problem.
  // The review lists what the save sends: one asked just after typing waits for the check of what
  // was typed (the last keystrokes' check may not have answered yet; on a slow machine the review
  // opened without the card typed last).
  const reviewOrShowProblems = async () => {
    let current = check;
    if (draft && (checkedFor.current?.draft !== draft || checkedFor.current?.card !== card)) {
      current = await checkNow({ draft, card }).catch(() => check);
      if (typed.current.draft !== draft || typed.current.card !== card) return;
    }
    const problems = mergeFields(current?.fields ?? null, saveError);
    const step = reviewStep(Object.keys(problems).length, dirty, current?.changes ?? []);
    if (step === "show-problems") {
      setSummary(true);
      requestAnimationFrame(() => focusFirstProblem(problems));
      return;
    }
    if (step === "nothing-to-save") return;
    setSaveError(null);
    setOutcome(null);
    setDialog("review");
  };
  useCommandKey("s", () => void reviewOrShowProblems(), !!profile && !busy);

  const back = (
    <a href="/" class={styles.back} data-testid="back-to-list">← All profiles (Esc)</a>
  );
  if (loadError && !view) {
    return (
      <section class={styles.screen} aria-label="Profile">
        {back}
        <p role="alert" class="app-error"><ErrorNote error={loadError} /></p>
      </section>
    );
  }
  if (!view || !draft || !profile || !words) {
    return <section class={styles.screen} aria-label="Profile">{back}<p role="status" class="hint">Loading…</p></section>;
  }

  const { locks } = view;
  const billsProfile = billsTheProfile(draft);
  const sectionInvalid = (prefixes: string[]) => invalidUnder(errors, prefixes);
  const date = (value: string | null | undefined) => (value ? new Date(value).toLocaleString() : "not reported");
  const sharingFields = ["inherit_contacts", "allow_contact_sharing", "inherit_templates", "allow_template_sharing"];

  return (
    <section class={styles.screen} aria-labelledby="profile-heading" data-testid="profile-detail">
      {back}
      <header class={styles.header}>
        <h2 id="profile-heading" ref={heading} tabIndex={-1} dir="auto">{profile.name || "(no name)"}</h2>
        <span class={`badge tone-${view.row.status_tone}`} data-testid="summary-status">{view.row.status_label}</span>
        <span class="spacer" />
        <span class="hint" aria-live="polite">
          {refreshing ? "Reading the profile from Sent…" : view.fetched_at ? `Read from Sent ${ago(view.fetched_at)}` : ""}
        </span>
        <button type="button" onClick={refresh} disabled={refreshing}>Refresh</button>
        <button type="button" onClick={() => setDialog("submit")} data-testid="open-submit">Submit for review…</button>
        <button type="button" onClick={() => void startLike()} disabled={cloning} data-testid="new-like"
          title="Onboard a new client with this profile's sharing, billing model, brand type and campaigns; its name and identity are asked anew">
          {cloning ? "Copying…" : "New client like this"}
        </button>
        <a class="button primary" href={`/profiles/${encodeURIComponent(workspace.id)}/${encodeURIComponent(profile.id)}/send`} data-testid="open-send">
          Send a test message
        </a>
      </header>

      {view.drift.length > 0 && (
        <div class={styles.drift} role="status" data-testid="drift-banner">
          <strong>This Sent server behaves like a newer API revision:</strong>
          <ul>{view.drift.map((d) => <li key={d.drift}>{d.message}</li>)}</ul>
          <button type="button" class="link" data-testid="drift-recheck"
            onClick={() => void call("forget_server_drift", { workspaceId: workspace.id }).then(() =>
              call("profile_detail", { workspaceId: workspace.id, profileId }).then((v) => setView(v), () => {}))}>
            Check again (the next saves decide)
          </button>
        </div>
      )}
      {restoredAt !== null && dirty && (
        <p class={styles.restored} role="status" data-testid="draft-restored">
          Unsaved changes from {ago(restoredAt)} were restored. Review and save them, or{" "}
          <button type="button" class="link" onClick={discard}>discard them</button>.
        </p>
      )}
      {outcome && (
        <p id="save-message" tabIndex={-1} class={outcome.dry_run ? styles.dryRun : styles.saved} role="status" data-testid="save-message">
          {outcome.message}
          {outcome.request_id && <span class="request-id"> (request {outcome.request_id})</span>}
        </p>
      )}
      {cloneError && (
        <p role="alert" class="app-error" data-testid="like-error">Could not start a client like this one: <ErrorNote error={cloneError} /></p>
      )}
      {saveError && !dialog && (
        <p role="alert" class="app-error" data-testid="save-error"><ErrorNote error={saveError} /></p>
      )}
      {view.warnings.length > 0 && (
        <ul class={styles.warnings} aria-label="What this profile cannot do yet" data-testid="profile-warnings">
          {view.warnings.map((w) => <li key={w}>{w}</li>)}
        </ul>
      )}

      <section class={styles.section} aria-labelledby="effective-title" data-testid="effective-configuration">
        <h3 id="effective-title">What this profile uses</h3>
        <p class="hint">Resolved against the organization, as last saved at Sent.</p>
        <dl class="identity">
          {view.resources.map((line) => (
            <Fragment key={line.resource}>
              <dt>{line.resource}</dt>
              <dd data-testid={`resource-${line.resource}`}>{line.text}</dd>
            </Fragment>
          ))}
        </dl>
        <dl class={`identity ${styles.facts}`}>
          <dt>Profile id</dt><dd><code>{profile.id}</code></dd>
          <dt>Contact e-mail (the organization's)</dt><dd>{shown(profile.email)}</dd>
          <dt>WhatsApp Business Account</dt><dd>{shown(profile.waba_id)}</dd>
          <dt>Created</dt><dd>{date(profile.created_at)}</dd>
          <dt>Updated</dt><dd>{date(profile.updated_at)}</dd>
        </dl>
      </section>

      <form class={styles.form} onSubmit={(e) => e.preventDefault()} aria-label={`Edit ${profile.name}`} autocomplete="off">
        {summary && <ErrorSummary errors={errors} />}
        <Section id="identity" title="Identity" invalid={sectionInvalid(["name", "short_name", "description", "icon"])}>
          <TextField path="name" label="Name" value={draft.name} onInput={(v) => edit("name", v)} errors={errors} required note={differences.name} />
          <TextField path="short_name" label="Short name" value={draft.short_name} onInput={text("short_name")} errors={errors}
            hint="3–11 letters, digits or spaces, with at least one letter. Shown as the SMS sender where allowed." />
          <TextField path="description" label="Description" value={draft.description} onInput={text("description")} errors={errors} multiline wide />
          <TextField path="icon" label="Icon URL" value={draft.icon} onInput={text("icon")} errors={errors} inputMode="url" wide />
        </Section>

        <Section id="resources" title="Resources: inherit and share" pairs invalid={sectionInvalid(["inherit_contacts", "allow_contact_sharing", "inherit_templates", "allow_template_sharing", "inherit_tcr_brand", "inherit_tcr_campaign"])}
          intro={locks.sharing ? <p role="note" data-testid="lock-sharing">{locks.sharing}</p> : "What this profile takes from the organization, and what it offers the organization's other profiles."}>
          {words.toggles.map((t) => {
            const on = !!draft[t.field as keyof Draft];
            const lockedBySharing = !!locks.sharing && sharingFields.includes(t.field);
            return (
              <Toggle key={t.field} path={t.field} label={t.label} checked={on} errors={errors} note={differences[t.field]}
                disabled={lockedBySharing} consequence={on ? t.on : t.off}
                onChange={(value) => {
                  setOutcome(null);
                  if (t.field === "inherit_tcr_brand") setDraft((d) => (d ? withBrandInheritance(d, profile, value) : d));
                  else edit(t.field, value);
                }} />
            );
          })}
        </Section>

        <Section id="billing" title="Billing" invalid={sectionInvalid(["billing_model", "billing_contact", "payment_details"])}>
          <fieldset class={styles.wideField} aria-describedby={errors.billing_model ? "error-billing_model" : undefined}>
            <legend>Billing model</legend>
            {words.billing_models.map((m) => (
              <label class={styles.radio} key={m.value}>
                <input type="radio" name="billing_model" value={m.value} checked={draft.billing_model === m.value}
                  onChange={() => edit("billing_model", m.value)} />
                <span>
                  <span>{m.label}</span>
                  {m.hint && <span class="hint"> — {m.hint}</span>}
                </span>
              </label>
            ))}
            <Messages errors={errors} path="billing_model" />
          </fieldset>
          {billsProfile ? (
            <fieldset class={styles.wideField} data-testid="billing-contact">
              <legend>Billing contact (required for this billing model)</legend>
              <Messages errors={errors} path="billing_contact" />
              <div class={styles.grid}>
                <TextField path="billing_contact.name" label="Name" value={draft.billing_contact?.name} onInput={text("billing_contact.name")} errors={errors} required note={differences["billing_contact.name"]} />
                <TextField path="billing_contact.email" label="E-mail" value={draft.billing_contact?.email} onInput={text("billing_contact.email")} errors={errors} required inputMode="email" />
                <TextField path="billing_contact.phone" label="Phone" value={draft.billing_contact?.phone} onInput={text("billing_contact.phone")} errors={errors}
                  inputMode="tel" hint="With + and the country code; it is written in E.164 when you leave the field." onBlur={normalizeOnBlur("billing_contact.phone")} />
                <TextField path="billing_contact.address" label="Address" value={draft.billing_contact?.address} onInput={text("billing_contact.address")} errors={errors} />
              </div>
            </fieldset>
          ) : (
            <p class={`hint ${styles.wideField}`}>The organization pays: no billing contact or card is needed. {draft.billing_contact?.name ? `The stored billing contact (${draft.billing_contact.name}) is kept.` : ""}</p>
          )}
          {billsProfile && (
            <fieldset class={styles.wideField} data-testid="card-entry">
              <legend>Card (optional)</legend>
              <p class="hint">Sent once to Sent's card processor with the next save, then cleared. Never stored: not in the draft, the journal or on this computer.</p>
              <Messages errors={errors} path="payment_details" />
              <div class={styles.grid}>
                <TextField path="payment_details.card_number" label="Card number" value={card.card_number} errors={errors} inputMode="numeric" autoComplete="off"
                  onInput={(v) => setCard((c) => ({ ...c, card_number: v }))} />
                <TextField path="payment_details.expiry" label="Expiry (MM/YY)" value={card.expiry} errors={errors} inputMode="numeric" placeholder="MM/YY"
                  onInput={(v) => setCard((c) => ({ ...c, expiry: v }))} />
                <TextField path="payment_details.cvc" label="CVC" value={card.cvc} errors={errors} inputMode="numeric"
                  onInput={(v) => setCard((c) => ({ ...c, cvc: v }))} />
                <TextField path="payment_details.zip_code" label="ZIP / postcode of the card" value={card.zip_code} errors={errors}
                  onInput={(v) => setCard((c) => ({ ...c, zip_code: v }))} />
              </div>
              {!cardIsEmpty(card) && <div><button type="button" onClick={() => setCard(EMPTY_CARD)}>Clear the card</button></div>}
            </fieldset>
          )}
        </Section>

        <BrandSection draft={draft} stored={profile} locks={locks} errors={errors} words={words} differences={differences}
          edit={edit} invalid={sectionInvalid(["brand"])} normalizeOnBlur={normalizeOnBlur}
          onOwnBrand={() => setDraft((d) => (d ? withBrandInheritance(d, profile, false) : d))} />

        <Section id="numbers" title="Sending numbers" invalid={sectionInvalid(["sending_phone_number", "whatsapp_phone_number", "sending_phone_number_profile_id", "sending_whatsapp_number_profile_id"])}
          intro={locks.borrowing ? <p role="note">{locks.borrowing}</p> : "Set after the profile exists (Sent does not take them on creation). Numbers in E.164, e.g. +14155550123."}>
          <TextField path="sending_phone_number" label="Own SMS number" value={draft.sending_phone_number} onInput={text("sending_phone_number")} errors={errors}
            inputMode="tel" hint="A number Sent provisioned for this profile's SMS." onBlur={normalizeOnBlur("sending_phone_number")} note={differences.sending_phone_number} />
          <TextField path="whatsapp_phone_number" label="Own WhatsApp number" value={draft.whatsapp_phone_number} onInput={text("whatsapp_phone_number")} errors={errors}
            inputMode="tel" hint="The number registered in the profile's WhatsApp Business Account." onBlur={normalizeOnBlur("whatsapp_phone_number")} note={differences.whatsapp_phone_number} />
          <TextField path="sending_phone_number_profile_id" label="Borrow the SMS sender of profile (id)" value={draft.sending_phone_number_profile_id}
            onInput={text("sending_phone_number_profile_id")} errors={errors} readOnly={!!locks.borrowing} note={differences.sending_phone_number_profile_id}
            hint="Send SMS from another profile of this organization (not itself, no loops)." />
          <TextField path="sending_whatsapp_number_profile_id" label="Borrow the WhatsApp sender of profile (id)" value={draft.sending_whatsapp_number_profile_id}
            onInput={text("sending_whatsapp_number_profile_id")} errors={errors} readOnly={!!locks.borrowing} note={differences.sending_whatsapp_number_profile_id} />
          <div class={styles.toggle}>
            <input type="checkbox" id="field-allow_number_change" name="allow_number_change_during_onboarding"
              checked={draft.allow_number_change_during_onboarding === true}
              onChange={(e) => edit("allow_number_change_during_onboarding", e.currentTarget.checked)} aria-describedby="allow-number-hint" />
            <div>
              <label for="field-allow_number_change">Allow a number change during onboarding</label>
              <p class="hint" id="allow-number-hint">
                {draft.allow_number_change_during_onboarding === null ? "Not reported by Sent. " : ""}
                When on, Sent may assign a different number while the profile is being set up.
              </p>
            </div>
          </div>
        </Section>
      </form>

      <Campaigns workspace={workspace} profileId={profile.id} />

      <section class={styles.section} aria-labelledby="key-title">
        <h3 id="key-title">API key</h3>
        <ProfileKeyActions workspace={workspace} profileId={profile.id} profileName={profile.name} />
      </section>

      <section class={`${styles.section} ${styles.danger}`} aria-labelledby="delete-title">
        <h3 id="delete-title">Delete</h3>
        <p class="hint">Deleting removes the profile from the organization's list and stops its sending. Sent keeps its data for its records.</p>
        <div><button type="button" class="danger" onClick={() => setDialog("delete")} data-testid="delete-profile">Delete profile…</button></div>
      </section>

      {(dirty || errorCount > 0) && (
        <div class={styles.saveBar} role="region" aria-label="Unsaved changes" data-testid="save-bar">
          <span data-testid="change-count">
            {changes.length === 0 ? "No change to send yet" : `${changes.length} change${changes.length === 1 ? "" : "s"} not saved`}
            {errorCount > 0 && ` · ${errorCount} field${errorCount === 1 ? "" : "s"} to fix`}
          </span>
          <span class="spacer" />
          <button type="button" onClick={discard} data-testid="discard-changes">Discard changes</button>
          <button type="button" class="primary" data-testid="review-save"
            disabled={changes.length === 0 && errorCount === 0}
            onClick={() => void reviewOrShowProblems()}>
            {errorCount > 0 ? "Fix the fields to save" : "Review and save…"} <kbd aria-hidden="true">{commandKey()}+S</kbd>
          </button>
        </div>
      )}

      {dialog === "review" && (
        <ReviewDialog changes={changes as FieldChange[]} busy={busy} error={saveError} outcome={outcome}
          onCancel={() => setDialog(null)} onDryRun={() => void save(true)} onSave={() => void save(false)} />
      )}
      {dialog === "submit" && (
        <SubmitDialog workspace={workspace} profile={profile} unsaved={dirty} onClose={() => setDialog(null)}
          onStatus={(row) => setView((v) => (v && v.profile.id === row.id ? { ...v, row } : v))}
          onFix={(field) => {
            setDialog(null);
            goToFieldAfterDialog(field);
          }} />
      )}
      {dialog === "delete" && (
        <DeleteDialog workspace={workspace} profile={profile} onCancel={() => setDialog(null)}
          onDeleted={(message) => {
            setDialog(null);
            flash.value = message;
            route("/");
          }} />
      )}
      {dialog && typeof dialog === "object" && (
        <LeaveDialog name={profile.name} onStay={() => setDialog(null)}
          onLeave={() => { const to = dialog.leaveTo; setDialog(null); route(to); }}
          onDiscard={() => { const to = dialog.leaveTo; discard(); setDialog(null); route(to); }} />
      )}
    </section>
  );
}
