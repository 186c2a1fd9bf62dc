// The editor's controls. Each names its field by the wire path Sent's `error.details` uses
// (`brand.business.legalName`), so Rust's and Sent's messages land under it; `name` carries that
// path for tests and assistive tools, and the message is tied to the control by aria-describedby.
import type { ComponentChildren } from "preact";
import type { Choice } from "../../bindings/Choice";
import styles from "./form.module.css";

export type Errors = Record<string, string[]>;

const errorId = (path: string) => `error-${path}`;
const inputId = (path: string) => `field-${path.replace(/[^a-zA-Z0-9_-]/g, "-")}`;

export function Messages({ errors, path, note }: { errors: Errors; path: string; note?: string }) {
  const messages = errors[path];
  return (
    <>
      {messages?.length ? (
        <p class="field-error" role="alert" id={errorId(path)} data-testid={`error-${path}`}>{messages.join(" ")}</p>
      ) : null}
      {note && <p class={styles.serverNote} data-testid={`note-${path}`}>{note}</p>}
    </>
  );
}

type TextProps = {
  path: string;
  label: string;
  value: string | null | undefined;
  onInput: (value: string) => void;
  errors: Errors;
  hint?: string;
  note?: string;
  required?: boolean;
  readOnly?: boolean;
  multiline?: boolean;
  inputMode?: "text" | "numeric" | "tel" | "email" | "url";
  autoComplete?: string;
  placeholder?: string;
  onBlur?: () => void;
  wide?: boolean;
};

export function TextField(p: TextProps) {
  const id = inputId(p.path);
  const invalid = !!p.errors[p.path]?.length;
  const describedBy = [invalid ? errorId(p.path) : "", p.hint ? `${id}-hint` : ""].filter(Boolean).join(" ") || undefined;
  const common = {
    id,
    name: p.path,
    value: p.value ?? "",
    readOnly: p.readOnly,
    "aria-invalid": invalid,
    "aria-describedby": describedBy,
    "aria-required": p.required,
    placeholder: p.placeholder,
    spellcheck: false,
    onBlur: p.onBlur,
  };
  return (
    <div class={`${styles.field} ${p.wide ? styles.wide : ""}`}>
      <label for={id}>
        {p.label}
        {p.required && <span class={styles.required} aria-hidden="true"> *</span>}
        {p.required && <span class="visually-hidden"> (required)</span>}
      </label>
      {p.multiline ? (
        <textarea {...common} rows={3} onInput={(e) => p.onInput(e.currentTarget.value)} />
      ) : (
        <input {...common} type="text" inputMode={p.inputMode} autoComplete={p.autoComplete ?? "off"}
          onInput={(e) => p.onInput(e.currentTarget.value)} />
      )}
      {p.hint && <p class="hint" id={`${id}-hint`}>{p.hint}</p>}
      <Messages errors={p.errors} path={p.path} note={p.note} />
    </div>
  );
}

export function SelectField(p: {
  path: string; label: string; value: string | null | undefined; choices: Choice[]; onChange: (value: string | null) => void;
  errors: Errors; required?: boolean; disabled?: boolean; note?: string; hint?: string;
}) {
  const id = inputId(p.path);
  const invalid = !!p.errors[p.path]?.length;
  const known = p.choices.some((c) => c.value === p.value);
  return (
    <div class={styles.field}>
      <label for={id}>
        {p.label}
        {p.required && <span class={styles.required} aria-hidden="true"> *</span>}
        {p.required && <span class="visually-hidden"> (required)</span>}
      </label>
      <select id={id} name={p.path} value={p.value ?? ""} disabled={p.disabled} aria-invalid={invalid}
        aria-describedby={invalid ? errorId(p.path) : undefined}
        onChange={(e) => p.onChange(e.currentTarget.value === "" ? null : e.currentTarget.value)}>
        <option value="">{p.required ? "Choose…" : "Not set"}</option>
        {p.value && !known && <option value={p.value}>{p.value} (not in Sent's list)</option>}
        {p.choices.map((c) => (
          <option value={c.value} key={c.value} title={c.hint ?? undefined}>{c.label}</option>
        ))}
      </select>
      {p.hint && <p class="hint">{p.hint}</p>}
      <Messages errors={p.errors} path={p.path} note={p.note} />
    </div>
  );
}

export function Toggle(p: {
  path: string; label: string; checked: boolean; onChange: (on: boolean) => void; consequence: string;
  errors: Errors; disabled?: boolean; note?: string;
}) {
  const id = inputId(p.path);
  return (
    <div class={styles.toggle}>
      <input type="checkbox" role="switch" id={id} name={p.path} checked={p.checked} disabled={p.disabled}
        aria-describedby={`${id}-consequence`} onChange={(e) => p.onChange(e.currentTarget.checked)} />
      <div>
        <label for={id}>{p.label}</label>
        <p class="hint" id={`${id}-consequence`} data-testid={`consequence-${p.path}`}>{p.consequence}</p>
        <Messages errors={p.errors} path={p.path} note={p.note} />
      </div>
    </div>
  );
}

export function Section(p: { id: string; title: string; children: ComponentChildren; intro?: ComponentChildren; invalid?: boolean; pairs?: boolean }) {
  return (
    <section class={styles.section} aria-labelledby={`${p.id}-title`} id={p.id} data-testid={`section-${p.id}`}>
      <h3 id={`${p.id}-title`}>
        {p.title}
        {p.invalid && <span class={styles.sectionInvalid}> · needs attention</span>}
      </h3>
      {p.intro && <div class="hint">{p.intro}</div>}
      <div class={`${styles.grid} ${p.pairs ? styles.pairs : ""}`}>{p.children}</div>
    </section>
  );
}

/** A value the server did not report says so; never an empty cell or "null". */
export function shown(value: string | null | undefined): string {
  return value === null || value === undefined || value.trim() === "" ? "not reported" : value;
}
