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
  const target = targetOf(path);
  if (!target) return;
  const controls = "input, select, textarea, button, a[href]";
  const control = target.matches(controls) ? target : (target.querySelector(controls) as HTMLElement | null);
  (control ?? target).focus();
  target.scrollIntoView({ block: "center" });
}

function targetOf(path: string): HTMLElement | null {
  return fieldOf(path) ?? document.getElementById(path) ?? (document.querySelector(`[data-testid="${CSS.escape(path)}"]`) as HTMLElement | null);
}

/**
 * [`goToField`] from a dialog that is closing: the dialog hands focus back to its opener on a later
 * frame (`useModal`, and WebKit's own steps for a closed modal), so focus is moved once no dialog is
 * open and moved again until it stays in the field (at most twelve frames).
 */
export function goToFieldAfterDialog(path: string) {
  let frames = 0;
  let stayed = 0;
  const step = () => {
    frames += 1;
    if (!document.querySelector("dialog[open]")) {
      const target = targetOf(path);
      const active = document.activeElement;
      if (target && active && (target === active || target.contains(active))) {
        stayed += 1;
      } else {
        stayed = 0;
        goToField(path);
      }
    }
    if (stayed < 3 && frames < 12) requestAnimationFrame(step);
  };
  requestAnimationFrame(step);
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
