// Onboarding a client profile: a wizard with a visible step list (move back and forth freely;
// forward only past a step without problems), each step checked by Rust (`check_onboarding`), the
// draft kept in the local database as the user works (never the WhatsApp token or card details:
// they live in this screen's memory and are asked again on resume), the exact request on Review,
// "Dry run" and "Create" (the draft's one idempotency key), then Submit for review with the status
// pushed as it settles.
import { useLocation } from "preact-iso";
import { useEffect, useRef, useState } from "preact/hooks";
import type { CreateOutcome } from "../../bindings/CreateOutcome";
import type { IpcError } from "../../bindings/IpcError";
import type { LikeProfile } from "../../bindings/LikeProfile";
import type { OnboardingCheck } from "../../bindings/OnboardingCheck";
import type { OnboardingDraft } from "../../bindings/OnboardingDraft";
import type { Preset } from "../../bindings/Preset";
import type { Workspace } from "../../bindings/Workspace";
import { ErrorNote } from "../../components/ErrorNote";
import { labels } from "../../data/app";
import { useStores } from "../../data/store";
import { call } from "../../ipc";
import { BrandSection } from "../../components/form/BrandSection";
import { Campaigns } from "../../components/form/Campaigns";
import { Messages, Section, TextField, Toggle } from "../../components/form/fields";
import type { Card } from "../../components/form/form";
import { EMPTY_CARD, cardIsEmpty, getPath, mergeFields, setPath, withBrandInheritance } from "../../components/form/form";
import { STEP_IDS, afterEdit, asksSecretsAgain, billsProfile as billsTheProfile, createLabel, freshLikeDraft, likeNote, nextMove, shownSteps as stepsShown, stepIndex, stepOf, visibleChecks as checksShown } from "./model";
import { SubmitReview } from "../../components/submit/SubmitReview";
import styles from "./OnboardScreen.module.css";

const NO_LOCKS = { brand: null, sharing: null, borrowing: null, brand_volume: null };

export function OnboardScreen({ workspace, draftId }: { workspace: Workspace; draftId?: string }) {
  const { route } = useLocation();
  useStores(labels);
  const words = labels.value;
  const [draft, setDraft] = useState<OnboardingDraft | null>(null);
  const [presets, setPresets] = useState<Preset[]>([]);
  const [loadError, setLoadError] = useState<IpcError | null>(null);
  const [token, setToken] = useState("");
  const [card, setCard] = useState<Card>(EMPTY_CARD);
  const [check, setCheck] = useState<OnboardingCheck | null>(null);
  const [error, setError] = useState<IpcError | null>(null);
  const [outcome, setOutcome] = useState<CreateOutcome | null>(null);
  const [busy, setBusy] = useState(false);
  const [blocked, setBlocked] = useState<string | null>(null);
  const [resumed, setResumed] = useState(false);
  const [attempted, setAttempted] = useState<string[]>([]);
  const heading = useRef<HTMLHeadingElement>(null);
  const dirty = useRef(false);

  useEffect(() => {
    const load = draftId
      ? call("onboarding_draft", { workspaceId: workspace.id, id: draftId })
      : call("start_onboarding", { preset: null });
    load.then(
      (start) => {
        setDraft(start.draft);
        setPresets(start.presets);
        setResumed(!!draftId && !freshLikeDraft(start.draft));
      },
      (e) => setLoadError(e as IpcError),
    );
  }, [workspace.id, draftId]);

  useEffect(() => {
    heading.current?.focus();
  }, [draft?.step]);

  const secretsOf = (t: string, c: Card) => ({ access_token: t.trim() ? t : null, payment: cardIsEmpty(c) ? null : c });
  const secrets = secretsOf(token, card);

  // Rust checks the whole draft as it changes; the draft (no secrets) is kept as it changes. The
  // check on screen is of the latest input (`typed`): an answer to an older one (a slow check that
  // answers after a newer one) is not shown, so the review's request is what "Create" sends.
  const typed = useRef<{ draft: OnboardingDraft | null; token: string; card: Card }>({ draft, token, card });
  typed.current = { draft, token, card };
  const checkNow = (input: { draft: OnboardingDraft; token: string; card: Card }): Promise<OnboardingCheck> =>
    call("check_onboarding", {
      workspaceId: workspace.id,
      draft: input.draft,
      secrets: secretsOf(input.token, input.card),
    }).then((answer) => {
      const latest = typed.current;
      if (latest.draft === input.draft && latest.token === input.token && latest.card === input.card) setCheck(answer);
      return answer;
    });
  useEffect(() => {
    if (!draft) return;
    const timer = setTimeout(() => void checkNow({ draft, token, card }).catch(() => {}), 150);
    const save = dirty.current
      ? setTimeout(() => void call("save_onboarding_draft", { workspaceId: workspace.id, draft }).catch(() => {}), 300)
      : undefined;
    return () => {
      clearTimeout(timer);
      if (save) clearTimeout(save);
    };
  }, [draft, token, card]);

  if (loadError) {
    return <section class={styles.screen} aria-label="New profile"><a href="/">← All profiles</a><p role="alert" class="app-error"><ErrorNote error={loadError} /></p></section>;
  }
  if (!draft || !words) return <section class={styles.screen} aria-label="New profile"><p role="status" class="hint">Opening…</p></section>;

  // A step's messages show once the user tried to leave it (or on Review, or after a resume), not on
  // a form they have not started (model.ts).
  const shown = stepsShown(attempted, resumed, draft.step);
  const errors = mergeFields(checksShown(check?.fields, shown, draft.step), error);
  const stepErrors = (id: string) => check?.steps.find((s) => s.id === id)?.errors ?? 0;
  const index = stepIndex(draft.step);
  const created = draft.created_profile_id;
  const change = (next: OnboardingDraft) => {
    dirty.current = true;
    setError(null);
    setOutcome((o) => (o?.dry_run ? null : o));
    setDraft(next);
  };
  const edit = (path: string, value: unknown) => {
    // Emptying a field is a choice, not a form not started yet: the step's messages show now.
    setAttempted((a) => afterEdit(a, draft.step, value) as string[]);
    change(setPath(draft, `profile.${path}`, value));
  };
  const text = (path: string) => (value: string) => edit(path, value === "" ? null : value);
  const goto = (step: string) => {
    setBlocked(null);
    change({ ...draft, step });
  };
  // "Next" asks Rust about the draft as it is now (not the last debounced answer).
  const next = async () => {
    const here = STEP_IDS[index];
    const verdict = await checkNow({ draft, token, card }).catch(() => null);
    setAttempted((all) => (all.includes(here) ? all : [...all, here]));
    const move = nextMove(verdict, check, here);
    if (move.hold) {
      setBlocked(here);
      if (move.focus) (document.querySelector(`[name="${move.focus}"]`) as HTMLElement | null)?.focus();
      return;
    }
    goto(move.to);
  };
  const normalizeOnBlur = (path: string, country?: string | null) => () => {
    const value = getPath(draft.profile, path) as string | null;
    if (!value?.trim()) return;
    call("normalize_phone", { value, country: country ?? null }).then(
      (e164) => e164 !== value && setDraft((d) => (d && getPath(d.profile, path) === value ? setPath(d, `profile.${path}`, e164) : d)),
      () => {},
    );
  };

  const create = async (dryRun: boolean) => {
    setBusy(true);
    setError(null);
    try {
      const result = await call("create_profile", { workspaceId: workspace.id, draft, secrets, dryRun });
      setOutcome(result);
      if (!result.dry_run) {
        setDraft(result.draft);
        setToken("");
        setCard(EMPTY_CARD);
      }
      requestAnimationFrame(() => document.getElementById("create-outcome")?.focus());
    } catch (e) {
      const failure = e as IpcError;
      setError(failure);
      // A field Sent (or the check) named: go to its step.
      const first = Object.keys(failure.fields ?? {})[0];
      if (first && stepOf(first) !== "review") goto(stepOf(first));
    } finally {
      setBusy(false);
    }
  };

  const discard = () => {
    void call("discard_onboarding_draft", { workspaceId: workspace.id, id: draft.id }).then(() => route("/"), () => route("/"));
  };

  const toggle = (field: string) => {
    const t = words.toggles.find((x) => x.field === field)!;
    const on = !!getPath(draft.profile, field);
    return (
      <Toggle key={field} path={field} label={t.label} checked={on} errors={errors} consequence={on ? t.on : t.off}
        onChange={(value) => {
          if (field === "inherit_tcr_brand") change({ ...draft, profile: withBrandInheritance(draft.profile, { ...draft.profile, brand: null }, value) });
          else edit(field, value);
        }} />
    );
  };
  const billsProfile = billsTheProfile(draft);
  const orgWhatsapp = check?.organization_has_whatsapp;

  return (
    <section class={styles.screen} aria-labelledby="onboard-heading" data-testid="onboard-screen">
      <a href="/">← All profiles</a>
      <header class={styles.header}>
        <h2 id="onboard-heading" ref={heading} tabIndex={-1}>
          {created ? "Profile created" : "New profile"}{draft.profile.name ? `: ${draft.profile.name}` : ""}
        </h2>
        {!created && <button type="button" class="danger" onClick={discard} data-testid="discard-draft">Discard draft</button>}
      </header>
      {!created && <p class="hint">Saved as a draft on this computer as you go (without the WhatsApp token or card details).</p>}
      {!created && draft.like && <p class={styles.note} role="note" data-testid="like-note">{likeNote(draft)}</p>}
      {asksSecretsAgain(draft, resumed) && (
        <p class={styles.note} role="status" data-testid="secrets-again">
          Draft resumed. For your security the WhatsApp access token and card details are never kept in drafts: enter them again where needed.
        </p>
      )}

      <div class={styles.layout}>
        <nav aria-label="Steps" class={styles.steps}>
          <ol>
            {(check?.steps ?? STEP_IDS.map((id) => ({ id, label: id, errors: 0 }))).map((s, i) => (
              <li key={s.id}>
                <button type="button" class={styles.step} aria-current={s.id === draft.step ? "step" : undefined}
                  data-testid={`step-${s.id}`} disabled={!!created} onClick={() => goto(s.id)}>
                  <span class={styles.number}>{i + 1}</span>
                  <span>{s.label}</span>
                  {/* Steps left behind, and the step being filled once its fields show their messages
                      (Next pressed, or a resumed draft): never before the user tried anything. */}
                  {s.errors > 0 && (i < index || shown.has(s.id)) && <span class={styles.stepErrors}>needs attention ({s.errors})</span>}
                </button>
              </li>
            ))}
          </ol>
        </nav>

        <div class={styles.body}>
          {created ? (
            <AfterCreate outcome={outcome} workspace={workspace} profileId={created}
              ownCampaigns={!draft.profile.inherit_tcr_campaign} like={draft.like} local={workspace.on_this_computer}
              onSubmitted={() => void call("discard_onboarding_draft", { workspaceId: workspace.id, id: draft.id }).catch(() => {})} />
          ) : (
            <>
              {blocked && stepErrors(blocked) > 0 && (
                <p role="alert" class="form-error" data-testid="step-blocked">Fix the fields marked below to continue.</p>
              )}
              {draft.step === "identity" && (
                <Section id="identity" title="Identity" intro="The client's profile as people will see it.">
                  <TextField path="name" label="Name" value={draft.profile.name} onInput={(v) => edit("name", v)} errors={errors} required />
                  <TextField path="short_name" label="Short name" value={draft.profile.short_name} onInput={text("short_name")} errors={errors}
                    hint="3–11 letters, digits or spaces, with at least one letter. Required before submitting for review." />
                  <TextField path="description" label="Description" value={draft.profile.description} onInput={text("description")} errors={errors} multiline wide />
                  <TextField path="icon" label="Icon URL" value={draft.profile.icon} onInput={text("icon")} errors={errors} inputMode="url" wide />
                </Section>
              )}
              {draft.step === "pattern" && (
                <Section id="pattern" title="Pattern" intro="Start from the setup that fits this client; every choice stays editable in the next steps.">
                  {draft.like && !draft.preset && (
                    <p class={`hint ${styles.wide}`} data-testid="like-pattern">The choices copied from “{draft.like.name}” are in place. Picking a preset replaces them.</p>
                  )}
                  <fieldset class={styles.presets}>
                    <legend class="visually-hidden">Preset</legend>
                    {presets.map((p) => (
                      <label class={styles.preset} key={p.id}>
                        <input type="radio" name="preset" value={p.id} checked={draft.preset === p.id}
                          onChange={() => call("apply_onboarding_preset", { draft, preset: p.id }).then(change, () => {})} />
                        {p.label}<span class="hint"> — {p.description}</span>
                      </label>
                    ))}
                  </fieldset>
                </Section>
              )}
              {draft.step === "resources" && (
                <Section id="resources" title="Resources: inherit and share" pairs
                  intro="What this profile takes from the organization, and what it offers the organization's other profiles.">
                  {["inherit_contacts", "allow_contact_sharing", "inherit_templates", "allow_template_sharing"].map(toggle)}
                  <Effective check={check} />
                </Section>
              )}
              {draft.step === "whatsapp" && (
                <Section id="whatsapp" title="WhatsApp Business Account">
                  <fieldset class={styles.choice}>
                    <legend class="visually-hidden">WhatsApp account</legend>
                    {check?.whatsapp_inherit_unavailable && (
                      <p class={styles.note} role="note" data-testid="whatsapp-inherit-unavailable">{check.whatsapp_inherit_unavailable}</p>
                    )}
                    <label class={styles.preset} hidden={!!check?.whatsapp_inherit_unavailable && !draft.whatsapp_inherit}>
                      <input type="radio" name="whatsapp_inherit" checked={draft.whatsapp_inherit} onChange={() => change({ ...draft, whatsapp_inherit: true })} />
                      Use the organization's account
                      <span class="hint"> — {orgWhatsapp === true ? "the organization has one." : orgWhatsapp === false ? "the organization has none." : "refresh the profile list to know whether the organization has one."}</span>
                    </label>
                    <label class={styles.preset}>
                      <input type="radio" name="whatsapp_inherit" checked={!draft.whatsapp_inherit} onChange={() => change({ ...draft, whatsapp_inherit: false })} />
                      Connect the client's own account
                      <span class="hint"> — direct credentials from Meta Business Manager.</span>
                    </label>
                  </fieldset>
                  <Messages errors={errors} path="whatsapp" />
                  {!draft.whatsapp_inherit && (
                    <>
                      <TextField path="whatsapp_business_account.waba_id" label="WhatsApp Business Account id" value={draft.waba_id} errors={errors} required
                        onInput={(v) => change({ ...draft, waba_id: v || null })} inputMode="numeric" />
                      <TextField path="whatsapp_business_account.phone_number_id" label="Phone number id (optional)" value={draft.phone_number_id} errors={errors}
                        onInput={(v) => change({ ...draft, phone_number_id: v || null })} hint="An existing number in that account; leave empty and Sent provisions one." />
                      <div class={`${styles.field}`}>
                        <label for="waba-token">Access token <span aria-hidden="true" class={styles.required}>*</span></label>
                        <input id="waba-token" name="whatsapp_business_account.access_token" type="password" value={token} autoComplete="off"
                          aria-invalid={!!errors["whatsapp_business_account.access_token"]} onInput={(e) => { setToken(e.currentTarget.value); setError(null); }} />
                        <p class="hint">The System-User token. Sent once with "Create" and never stored on this computer (not in the draft either).</p>
                        <Messages errors={errors} path="whatsapp_business_account.access_token" />
                      </div>
                    </>
                  )}
                </Section>
              )}
              {draft.step === "compliance" && (
                <>
                  <Section id="tcr" title="TCR brand and campaigns" pairs>
                    {toggle("inherit_tcr_brand")}
                    {toggle("inherit_tcr_campaign")}
                    {!draft.profile.inherit_tcr_campaign && (
                      <p class={`hint ${styles.wide}`}>The profile's own campaigns are created right after the profile, on the next screen (Sent needs the profile first).</p>
                    )}
                  </Section>
                  <BrandSection draft={draft.profile} stored={draft.profile} locks={NO_LOCKS} errors={errors} words={words} differences={{}}
                    edit={edit} invalid={Object.keys(errors).some((p) => p.startsWith("brand"))} normalizeOnBlur={normalizeOnBlur}
                    inheritedNote="The profile will use the organization's TCR brand. Turn off “Inherit the organization's TCR brand” above to register the client's own."
                    onOwnBrand={() => change({ ...draft, profile: withBrandInheritance(draft.profile, { ...draft.profile, brand: null }, false) })} />
                </>
              )}
              {draft.step === "billing" && (
                <Section id="billing" title="Billing">
                  <fieldset class={styles.wide}>
                    <legend>Billing model</legend>
                    {words.billing_models.map((m) => (
                      <label class={styles.preset} key={m.value}>
                        <input type="radio" name="billing_model" value={m.value} checked={draft.profile.billing_model === m.value} onChange={() => edit("billing_model", m.value)} />
                        <span>{m.label}{m.hint && <span class="hint"> — {m.hint}</span>}</span>
                      </label>
                    ))}
                  </fieldset>
                  {billsProfile && (
                    <>
                      <Messages errors={errors} path="billing_contact" />
                      <TextField path="billing_contact.name" label="Billing contact · Name" value={draft.profile.billing_contact?.name} onInput={text("billing_contact.name")} errors={errors} required />
                      <TextField path="billing_contact.email" label="Billing contact · E-mail" value={draft.profile.billing_contact?.email} onInput={text("billing_contact.email")} errors={errors} required inputMode="email" />
                      <TextField path="billing_contact.phone" label="Billing contact · Phone" value={draft.profile.billing_contact?.phone} onInput={text("billing_contact.phone")} errors={errors} inputMode="tel" onBlur={normalizeOnBlur("billing_contact.phone")} />
                      <TextField path="billing_contact.address" label="Billing contact · Address" value={draft.profile.billing_contact?.address} onInput={text("billing_contact.address")} errors={errors} />
                      <p class={`hint ${styles.wide}`}>Card (optional): sent once with "Create" to Sent's card processor, never stored.</p>
                      <TextField path="payment_details.card_number" label="Card number" value={card.card_number} errors={errors} inputMode="numeric" onInput={(v) => setCard((c) => ({ ...c, card_number: v }))} />
                      <TextField path="payment_details.expiry" label="Expiry (MM/YY)" value={card.expiry} errors={errors} placeholder="MM/YY" onInput={(v) => setCard((c) => ({ ...c, expiry: v }))} />
                      <TextField path="payment_details.cvc" label="CVC" value={card.cvc} errors={errors} inputMode="numeric" onInput={(v) => setCard((c) => ({ ...c, cvc: v }))} />
                      <TextField path="payment_details.zip_code" label="ZIP / postcode of the card" value={card.zip_code} errors={errors} onInput={(v) => setCard((c) => ({ ...c, zip_code: v }))} />
                    </>
                  )}
                </Section>
              )}
              {draft.step === "review" && (
                <Section id="review" title="Review and create">
                  <div class={styles.wide}>
                    {check && check.steps.some((s) => s.errors > 0) ? (
                      <div role="alert" class="form-error" data-testid="review-problems">
                        Fix these before creating:{" "}
                        {check.steps.filter((s) => s.errors > 0).map((s) => (
                          <button type="button" class="link" key={s.id} onClick={() => goto(s.id)}>{s.label} ({s.errors})</button>
                        )).reduce<preact.ComponentChildren[]>((all, b, i) => (i ? [...all, ", ", b] : [b]), [])}
                      </div>
                    ) : (
                      <p class="hint">This is the exact request "Create" sends (secrets hidden).</p>
                    )}
                    <pre class={styles.request} data-testid="create-request" aria-label="The request to send">{JSON.stringify(check?.request ?? {}, null, 2)}</pre>
                    <Effective check={check} />
                  </div>
                </Section>
              )}

              {error && <p role="alert" class="app-error" data-testid="create-error"><ErrorNote error={error} /></p>}
              {outcome?.dry_run && (
                <p id="create-outcome" tabIndex={-1} role="status" class={styles.dry} data-testid="create-outcome">
                  {outcome.message}{outcome.request_id && <span class="request-id"> (request {outcome.request_id})</span>}
                </p>
              )}
              <div class={styles.nav}>
                <button type="button" onClick={() => goto(STEP_IDS[Math.max(0, index - 1)])} disabled={index === 0}>Back</button>
                <span class="spacer" />
                {draft.step === "review" ? (
                  <>
                    <button type="button" onClick={() => void create(true)} disabled={busy} data-testid="dry-run-create">Dry run</button>
                    <button type="button" class="primary" onClick={() => void create(false)} disabled={busy} data-testid="create">
                      {createLabel(busy, error)}
                    </button>
                  </>
                ) : (
                  <button type="button" class="primary" onClick={() => void next()} data-testid="next">Next</button>
                )}
              </div>
            </>
          )}
        </div>
      </div>
    </section>
  );
}

function Effective({ check }: { check: OnboardingCheck | null }) {
  if (!check) return null;
  return (
    <div class={styles.wide} data-testid="effective-preview">
      <h4 class={styles.subheading}>What the profile will use</h4>
      <dl class="identity">
        {check.resources.map((r) => [<dt key={`t-${r.resource}`}>{r.resource}</dt>, <dd key={`d-${r.resource}`}>{r.text}</dd>])}
      </dl>
    </div>
  );
}

function AfterCreate(p: {
  outcome: CreateOutcome | null; workspace: Workspace; profileId: string; local: boolean; ownCampaigns: boolean;
  like: LikeProfile | null; onSubmitted: () => void;
}) {
  return (
    <div class={styles.after} data-testid="after-create">
      {p.outcome && !p.outcome.dry_run && (
        <p id="create-outcome" tabIndex={-1} role="status" class={styles.created} data-testid="create-outcome">
          {p.outcome.message}{p.outcome.request_id && <span class="request-id"> (request {p.outcome.request_id})</span>}
        </p>
      )}
      {p.outcome?.drift.map((d) => <p key={d.drift} class={styles.note} role="note" data-testid="create-drift">{d.message}</p>)}
      {p.ownCampaigns && <Campaigns workspace={p.workspace} profileId={p.profileId} like={p.like} />}
      <h3>Submit for review</h3>
      <p class="hint">Sent checks the profile (name, short name, description, brand, campaigns for a TCR application), connects its channels and sets its status.</p>
      <SubmitReview workspace={p.workspace} profileId={p.profileId} local={p.local} onSubmitted={p.onSubmitted} />
      <div class="actions" style="justify-content: flex-start">
        <a class="button" href={`/profiles/${encodeURIComponent(p.workspace.id)}/${encodeURIComponent(p.profileId)}`} data-testid="open-created">Open the profile</a>
      </div>
    </div>
  );
}
