// Reviews that ended while the app ran (approved or rejected), as Rust pushes them
// (`review_settled`, also raised as an OS notification): each says what happened and what to do
// next, with "Open the profile". Kept by Rust for the run (`review_notices`), so a notice that
// arrived before this listened is still shown; dismissing forgets it.
import { useEffect, useRef, useState } from "preact/hooks";
import type { ReviewNotice } from "../bindings/ReviewNotice";
import { call, on } from "../ipc";

const SHOWN = 3;
/** As many as Rust keeps for the run (`NOTICES_KEPT`). */
const KEPT = 50;

export function ReviewNotices() {
  const [notices, setNotices] = useState<ReviewNotice[]>([]);
  // Dismissed here: a late answer of `review_notices` must not bring them back.
  const dismissed = useRef(new Set<number>());
  useEffect(() => {
    let alive = true;
    const unlisten = on("review_settled", (notice) =>
      setNotices((all) => [notice, ...all.filter((n) => n.id !== notice.id)].slice(0, KEPT)));
    call("review_notices").then(
      (kept) => alive && setNotices((now) =>
        [...now, ...kept.filter((k) => !dismissed.current.has(k.id) && !now.some((n) => n.id === k.id))].slice(0, KEPT)),
      () => {},
    );
    return () => {
      alive = false;
      void unlisten.then((stop) => stop());
    };
  }, []);
  const dismiss = (id: number) => {
    dismissed.current.add(id);
    setNotices((all) => all.filter((n) => n.id !== id));
    void call("dismiss_review_notice", { id }).catch(() => {});
  };
  if (notices.length === 0) return null;
  return (
    <section class="review-notices" aria-label="Review results" aria-live="polite" data-testid="review-notices">
      {notices.slice(0, SHOWN).map((n) => (
        <p key={n.id} class={`review-notice ${n.approved ? "approved" : "rejected"}`} data-testid="review-notice">
          <strong>{n.title}.</strong> <span>{n.body}</span>
          <span class="spacer" />
          <a href={`/profiles/${encodeURIComponent(n.workspace_id)}/${encodeURIComponent(n.profile_id)}`} onClick={() => dismiss(n.id)}
            data-testid="review-notice-open">Open the profile</a>
          <button type="button" class="link" onClick={() => dismiss(n.id)} aria-label={`Dismiss “${n.title}”`}>Dismiss</button>
        </p>
      ))}
      {notices.length > SHOWN && <p class="hint">{notices.length - SHOWN} more review {notices.length - SHOWN === 1 ? "result" : "results"}: dismiss these to see them.</p>}
    </section>
  );
}
