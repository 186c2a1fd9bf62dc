import type { IpcError } from "../bindings/IpcError";
import { ErrorNote } from "./ErrorNote";

/** The messages Rust reported for one field (IpcError.fields is keyed by field path). */
export function FieldError({ error, field }: { error: IpcError | null; field: string }) {
  const messages = error?.fields?.[field];
  if (!messages?.length) return null;
  return (
    <p class="field-error" role="alert" data-testid={`error-${field}`} id={`error-${field}`}>
      {messages.join(" ")}
      {error?.detail && (
        <details class="error-detail">
          <summary>Details</summary>
          <code>{error.detail}</code>
        </details>
      )}
    </p>
  );
}

/**
 * An error that belongs to no field the form shows: above the form's buttons. `shown` lists the
 * fields the form renders FieldError for; messages for any other path are shown here.
 */
export function FormError({ error, shown = [] }: { error: IpcError | null; shown?: string[] }) {
  if (!error) return null;
  const paths = Object.keys(error.fields ?? {});
  if (paths.length > 0 && paths.every((path) => shown.includes(path))) return null;
  return (
    <p class="form-error" role="alert" data-testid="form-error">
      <ErrorNote error={error} />
    </p>
  );
}
