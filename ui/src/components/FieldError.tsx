import type { IpcError } from "../bindings/IpcError";

/** The messages Rust reported for one field (IpcError.fields is keyed by field path). */
export function FieldError({ error, field }: { error: IpcError | null; field: string }) {
  const messages = error?.fields?.[field];
  if (!messages?.length) return null;
  return (
    <p class="field-error" role="alert" data-testid={`error-${field}`} id={`error-${field}`}>
      {messages.join(" ")}
    </p>
  );
}

/** An error that belongs to no field: shown above the form's buttons. */
export function FormError({ error }: { error: IpcError | null }) {
  if (!error || (error.fields && Object.keys(error.fields).length > 0)) return null;
  return (
    <p class="form-error" role="alert" data-testid="form-error">
      {error.message}
      {error.request_id && <span class="request-id"> (request {error.request_id})</span>}
    </p>
  );
}
