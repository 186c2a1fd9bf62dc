// The fields to fix, listed at the top of a form, each linking to its field (the GOV.UK / Primer
// pattern): shown once the user asked to save a form with problems. Labels are read from the
// form's own <label>s, so the list says what the screen says.

type Errors = Record<string, string[]>;

const inputId = (path: string) => `field-${path.replace(/[^a-zA-Z0-9_-]/g, "-")}`;

function fieldOf(path: string): HTMLElement | null {
  return document.getElementById(inputId(path)) ?? (document.querySelector(`[name="${CSS.escape(path)}"]`) as HTMLElement | null);
}

function labelOf(path: string): string | null {
  const field = fieldOf(path);
  const label = field?.id ? document.querySelector(`label[for="${CSS.escape(field.id)}"]`) : null;
  return label?.textContent?.replace(/\s*\*\s*$/, "").trim() || null;
}

/** Moves focus to the first field with a problem, in the form's order. */
export function focusFirstProblem(errors: Errors) {
  const invalid = document.querySelector('form [aria-invalid="true"]') as HTMLElement | null;
  const target = invalid ?? Object.keys(errors).map(fieldOf).find(Boolean) ?? null;
  target?.focus();
  target?.scrollIntoView({ block: "center" });
}

/**
 * Moves focus to a field by its path, or to a section or block of that name (`brand`, `campaigns`):
 * its first control, scrolled into view.
 */
export function goToField(path: string) {
  const target = fieldOf(path) ?? document.getElementById(path) ?? (document.querySelector(`[data-testid="${CSS.escape(path)}"]`) as HTMLElement | null);
  if (!target) return;
  const controls = "input, select, textarea, button, a[href]";
  const control = target.matches(controls) ? target : (target.querySelector(controls) as HTMLElement | null);
  (control ?? target).focus();
  target.scrollIntoView({ block: "center" });
}

export function ErrorSummary({ errors }: { errors: Errors }) {
  const entries = Object.entries(errors).filter(([, messages]) => messages.length > 0);
  if (entries.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" data-testid="error-summary">
      <h3 id="error-summary-title">{entries.length === 1 ? "1 field to fix before saving" : `${entries.length} fields to fix before saving`}</h3>
      <ul>
        {entries.map(([path, messages]) => {
          const label = labelOf(path);
          return (
            <li key={path}>
              <a href={`#${inputId(path)}`} data-path={path}
                onClick={(e) => {
                  e.preventDefault();
                  const field = fieldOf(path);
                  field?.focus();
                  field?.scrollIntoView({ block: "center" });
                }}>
                {label ? `${label}: ` : ""}{messages.join(" ")}
              </a>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
