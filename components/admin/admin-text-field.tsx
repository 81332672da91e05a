import { describedBy, FieldShell, inputClass } from "@/components/forms/text-input";

/** One labelled text input of an admin form, with its hint and its error next to it. */
export function AdminTextField({
  id,
  name,
  label,
  hint,
  error,
  errorPrefix,
  defaultValue,
  type = "text",
  width = "max-w-xl",
  autoComplete = "off",
  lang,
}: {
  id: string;
  name: string;
  label: string;
  hint?: string;
  error?: string;
  errorPrefix: string;
  defaultValue?: string;
  type?: "text" | "password" | "tel";
  width?: string;
  autoComplete?: string;
  /** The language of what is typed, when it is not the page's (a name in English on a Chinese page). */
  lang?: string;
}) {
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} errorPrefix={errorPrefix}>
      <input
        id={id}
        name={name}
        type={type}
        lang={lang}
        defaultValue={defaultValue}
        autoComplete={autoComplete}
        spellCheck={false}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
        className={inputClass(error, { width })}
      />
    </FieldShell>
  );
}

/** The summary entries of a form's field errors, in form order, each linking to its field (`<prefix>-<field>`). */
export function errorSummaryOf<F extends string>(fields: readonly F[], errors: Partial<Record<F, string>>, prefix: string) {
  return fields.flatMap((field) => (errors[field] ? [{ href: `#${prefix}-${field}`, text: errors[field]! }] : []));
}

/** One labelled textarea of an admin form (a summary, a list typed one item a line), with its hint and error. */
export function AdminTextArea({
  id,
  name,
  label,
  hint,
  error,
  errorPrefix,
  defaultValue,
  rows = 4,
  lang,
  groupErrorId,
  mono = false,
}: {
  id: string;
  name: string;
  label: string;
  hint?: string;
  error?: string;
  errorPrefix: string;
  defaultValue?: string;
  rows?: number;
  lang?: string;
  /** The id of the error shown for the group of fields this one belongs to (a list's three languages). */
  groupErrorId?: string;
  /** Code (JSON) rather than prose: fixed-width, no spelling marks. */
  mono?: boolean;
}) {
  const describedByIds = [describedBy(id, hint, error), groupErrorId].filter(Boolean).join(" ") || undefined;
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} errorPrefix={errorPrefix}>
      <textarea
        id={id}
        name={name}
        rows={rows}
        lang={lang}
        defaultValue={defaultValue}
        aria-describedby={describedByIds}
        aria-invalid={error || groupErrorId ? true : undefined}
        spellCheck={mono ? false : undefined}
        className={`${inputClass(error, { width: "max-w-2xl" })}${mono ? " font-mono text-base" : ""}`}
      />
    </FieldShell>
  );
}
