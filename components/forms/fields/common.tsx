"use client";

/** What every field renderer shares: the page context it is given, its prepared label parts, and small controls. */
import { useEffect, useRef, useSyncExternalStore, type SelectHTMLAttributes } from "react";
import type { Locale } from "@/lib/i18n/locales";
import { inputClass } from "../text-input";
import type { TRegionLists } from "./values";

export type { TRegionLists, TRegionOption } from "./values";

export type TWalletLicence = { id: string; type: string; title: string; number: string };

/** What the page knows about the form beyond one field's definition and value. */
export type TFieldContext = {
  locale: Locale;
  /** Already-translated error message for an answer path (field key, or `group.<i>.<itemKey>` inside a group). */
  errorFor: (path: string) => string | undefined;
  /** Prefilled fields (免填报), by answer path: where the value came from and whether it is locked. */
  prefilled: Record<string, { sourceLabel: string; locked: boolean }>;
  /**
   * Staff filling in for someone (the counter): the register's personal numbers in locked fields are shown masked
   * and not posted (intake takes locked values from the register anyway).
   */
  maskLocked?: boolean;
  /** For region and address fields, by answer path: the option lists for the value chosen now (server-prepared). */
  regionOptions: Record<string, TRegionLists>;
  /** E-licences in the applicant's wallet that material fields may take instead of an upload (免提交). */
  walletLicences: TWalletLicence[];
  /**
   * Whether an item field of a group is shown (its showWhen over the item's answers), by answer path
   * `group.<i>.<itemKey>`. Without it every item field is shown, as it must be without JavaScript.
   */
  isShown?: (path: string) => boolean;
};

/** One field's label parts, prepared once by FormField. */
export type TFieldParts = {
  /** The answer path: the input's name, or the stem of its inputs' names. */
  path: string;
  id: string;
  label: React.ReactNode;
  hint?: React.ReactNode;
  error?: string;
  errorPrefix: string;
  /** Where a prefilled value came from. */
  note?: React.ReactNode;
  /** Prefilled and locked, or computed: shown, posted, never typed in. */
  locked: boolean;
  required: boolean;
};

export type TFieldProps<TField> = { field: TField; value: unknown; parts: TFieldParts; context: TFieldContext };

/** The props FieldShell and FieldsetShell take from the parts. */
export function shellProps({ id, label, hint, error, errorPrefix, note }: TFieldParts) {
  return { id, label, hint, error, errorPrefix, note };
}

/** aria-* attributes of a field's single control. */
export function controlAria({ id, hint, error, note, required }: TFieldParts, ...more: (string | undefined)[]) {
  const ids = [note ? `${id}-note` : undefined, hint ? `${id}-hint` : undefined, error ? `${id}-error` : undefined, ...more].filter(Boolean);
  return {
    "aria-describedby": ids.length > 0 ? ids.join(" ") : undefined,
    "aria-invalid": error ? true : undefined,
    // Browsers' own required-field bubbles speak one language; our messages speak the reader's.
    "aria-required": required || undefined,
  } as const;
}

const subscribeNothing = () => () => {};
/** False while rendering on the server and hydrating, true after: what only works with JavaScript waits for it. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribeNothing,
    () => true,
    () => false,
  );
}

/**
 * A select whose default option follows `defaultValue`. React keeps an input's default in step with
 * defaultValue, but marks a select's default option only when it mounts; a form is reset to its defaults after
 * each submit, so an answer in a select would vanish whenever the form came back with errors.
 */
export function Select({ defaultValue, ...props }: Omit<SelectHTMLAttributes<HTMLSelectElement>, "defaultValue"> & { defaultValue: string }) {
  const ref = useRef<HTMLSelectElement>(null);
  useEffect(() => {
    for (const option of Array.from(ref.current?.options ?? [])) option.defaultSelected = option.value === defaultValue;
  }, [defaultValue]);
  return <select ref={ref} defaultValue={defaultValue} {...props} />;
}

export const selectClass = (error?: string) =>
  `block w-full max-w-full border-2 sm:w-auto ${error ? "border-danger" : "border-ink"} bg-white px-2 py-1.5 text-ink`;

/** Big, clickable radio and checkbox rows (≥ 24 px targets, the whole label clickable). */
export const choiceRowClass = "flex items-start gap-3 py-1.5";
export const choiceInputClass = "mt-0.5 size-6 shrink-0 cursor-pointer";
export const choiceLabelClass = "cursor-pointer";

/**
 * A locked value of a field that has no read-only state of its own (a select, radios, a region): shown as text in
 * a read-only input that the label still names, with hidden inputs posting the value.
 */
export function LockedValue({ parts, shown, posted }: { parts: TFieldParts; shown: string; posted: [name: string, value: string][] }) {
  return (
    <>
      <input id={parts.id} type="text" readOnly value={shown} {...controlAria(parts)} className={inputClass(parts.error, { locked: true })} />
      {posted.map(([name, value]) => (
        <input key={`${name}=${value}`} type="hidden" name={name} value={value} />
      ))}
    </>
  );
}
