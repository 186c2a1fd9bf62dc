// Submitting a profile for review, shared by the wizard (right after Create) and the profile
// screen (any profile): the status lines, whether Sent took it, the button's words, and the
// profile's gaps in the order the profile screen shows its sections.
import type { IpcError } from "../../bindings/IpcError";

/** A status line after a submit, from the answer or a pushed status. */
export type SubmitLine = { message: string; tone: string };

/** Whether Sent took the submission (then submitting again is offered only after a rejection). */
export function submitted(lines: readonly SubmitLine[], error: IpcError | null): boolean {
  return lines.length > 0 && !error && lines[lines.length - 1].tone !== "danger";
}

/** The Submit button's words. */
export function submitLabel(busy: boolean, done: boolean, error: IpcError | null): string {
  if (busy) return "Submitting…";
  if (done) return "Submitted for review";
  return error?.outcome === "unknown" ? "Submit again (same request, never twice)" : "Submit for review";
}

/** Where a missing item is fixed on the profile screen, in its words. */
export function gapPlace(field: string): string {
  if (field === "campaigns") return "TCR campaigns";
  if (field === "brand" || field.startsWith("brand.")) return "Brand (TCR)";
  if (field.startsWith("inherit_")) return "Resources";
  return "Identity";
}

/** The gaps as a list, in the profile screen's order (identity, resources, brand, campaigns). */
export function gapList(missing: Record<string, string[] | undefined> | null | undefined): { field: string; message: string; place: string }[] {
  const order = ["Identity", "Resources", "Brand (TCR)", "TCR campaigns"];
  return Object.entries(missing ?? {})
    .map(([field, messages]) => ({ field, message: (messages ?? []).join(" "), place: gapPlace(field) }))
    .sort((a, b) => order.indexOf(a.place) - order.indexOf(b.place));
}
