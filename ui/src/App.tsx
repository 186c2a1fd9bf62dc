import { useEffect, useState } from "preact/hooks";
import type { AppInfo } from "./bindings/AppInfo";
import type { IpcError } from "./bindings/IpcError";
import { commands } from "./ipc";
import { ENVIRONMENT_LABELS } from "./environment";

export function App() {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [error, setError] = useState<IpcError | null>(null);

  useEffect(() => {
    commands.appInfo().then(setInfo, setError);
  }, []);

  return (
    <div class="shell">
      <header class="titlebar" role="banner">
        <h1 class="product">Sent Profiles</h1>
        {info && (
          <span class={`env env-${info.environment}`} data-testid="environment">
            {ENVIRONMENT_LABELS[info.environment]}
          </span>
        )}
      </header>
      {info?.environment === "local_sandbox" && (
        <div class="banner" role="status" data-testid="sandbox-banner">
          You are on the local Sent sandbox: nothing here reaches Sent or a real phone.
        </div>
      )}
      <main class="content">
        {error && (
          <p role="alert" class="error" data-testid="app-error">
            {error.message}
          </p>
        )}
        <p class="placeholder">Sender profiles will be listed here.</p>
      </main>
      <footer class="statusbar">
        <span aria-label="App version" data-testid="app-version">
          {info ? `v${info.version}${info.debug_build ? " (debug)" : ""}` : "…"}
        </span>
      </footer>
    </div>
  );
}
