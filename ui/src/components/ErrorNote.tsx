import type { IpcError } from "../bindings/IpcError";

/**
 * An error's sentence, then what support needs (Sent's code and request id), with the technical
 * detail (e.g. a network error chain) behind a "Details" toggle instead of in the message.
 */
export function ErrorNote({ error }: { error: IpcError }) {
  return (
    <span class="error-note">
      <span data-testid="error-message">{error.message}</span>
      {(error.code || error.request_id) && (
        <span class="request-id">
          {" "}
          ({[error.code, error.request_id && `request ${error.request_id}`].filter(Boolean).join(", ")})
        </span>
      )}
      {error.detail && (
        <details class="error-detail">
          <summary>Details</summary>
          <code>{error.detail}</code>
        </details>
      )}
    </span>
  );
}
