import type { InputHTMLAttributes } from "react";

/**
 * The parts every question is built from (GOV.UK form group): label or legend, hint, inline error and the
 * controls, wired together with ids and aria-describedby. `<id>-hint` and `<id>-error` are the ids; `note`
 * (where a prefilled value came from) sits under the label as `<id>-note`.
 */
type TShellProps = {
  id: string;
  label: React.ReactNode;
  hint?: React.ReactNode;
  error?: string;
  /** Read before the error by a screen reader ("Error:"), in the reader's language. */
  errorPrefix?: string;
  note?: React.ReactNode;
  children: React.ReactNode;
};

function ShellParts({ id, hint, error, errorPrefix, note }: Omit<TShellProps, "label" | "children">) {
  return (
    <>
      {note ? (
        <div id={`${id}-note`} className="mt-1">
          {note}
        </div>
      ) : null}
      {hint ? (
        <div id={`${id}-hint`} className="mt-1 text-muted">
          {hint}
        </div>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="mt-1 font-semibold text-danger">
          {errorPrefix ? <span className="sr-only">{errorPrefix} </span> : null}
          {error}
        </p>
      ) : null}
    </>
  );
}

const groupClass = (error?: string) => `mb-6 min-w-0 ${error ? "border-l-4 border-danger pl-3 sm:pl-4" : ""}`;

/** A question answered in one control, named by a label. */
export function FieldShell({ id, label, children, ...parts }: TShellProps) {
  return (
    <div className={groupClass(parts.error)}>
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      <ShellParts id={id} {...parts} />
      <div className="mt-2">{children}</div>
    </div>
  );
}

/** A question answered in several controls (radios, a date range, a region), named by a legend. */
export function FieldsetShell({ id, label, children, legendClass = "font-semibold", ...parts }: TShellProps & { legendClass?: string }) {
  return (
    <div className={groupClass(parts.error)}>
      <fieldset aria-describedby={describedBy(id, parts.hint, parts.error, parts.note)} className="min-w-0">
        <legend className={legendClass}>{label}</legend>
        <ShellParts id={id} {...parts} />
        <div className="mt-2">{children}</div>
      </fieldset>
    </div>
  );
}

export function describedBy(id: string, hint: unknown, error: unknown, note?: unknown) {
  const ids = [note ? `${id}-note` : null, hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(" ") : undefined;
}

/**
 * An input's look. Every input is full width on a narrow screen and capped by `width` on a wide one (in em, so
 * it grows with zoom). Locked (read-only) inputs are grey with a dashed border, so they do not look typeable.
 */
export const inputClass = (error?: string, { width = "max-w-xl", locked = false }: { width?: string; locked?: boolean } = {}) =>
  `block w-full ${width} border-2 ${error ? "border-danger" : "border-ink"} ${locked ? "border-dashed bg-panel" : "bg-white"} px-2 py-1.5 text-ink`;

export function TextInput({
  id,
  label,
  hint,
  error,
  ...props
}: InputHTMLAttributes<HTMLInputElement> & { id: string; label: React.ReactNode; hint?: React.ReactNode; error?: string }) {
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
        className={inputClass(error)}
        {...props}
      />
    </FieldShell>
  );
}
