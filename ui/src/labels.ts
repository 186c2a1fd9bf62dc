import type { EnvironmentKind } from "./bindings/EnvironmentKind";

/** How each environment is named in the title bar and the banner. */
export const ENVIRONMENT_LABELS: Record<EnvironmentKind, string> = {
  local_sandbox: "Local sandbox",
  production: "Production",
  staging: "Staging",
  custom: "Custom server",
};
