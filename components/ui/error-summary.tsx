"use client";

import { useEffect, useRef } from "react";

/**
 * The error summary at the top of a page (GOV.UK pattern): it takes focus when it appears, so a screen reader
 * announces it, and each entry links to the field it is about.
 */
export function ErrorSummary({ title, errors, id = "error-summary-title" }: { title: string; errors: { href: string; text: string }[]; id?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [errors]);
  if (errors.length === 0) return null;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      aria-labelledby={id}
      className="mb-8 border-4 border-danger p-4 focus:outline-3 focus:outline-focus"
    >
      <h2 id={id} className="mb-3 text-xl font-bold">
        {title}
      </h2>
      {/* A form definition's JSON paths are one long word: break them rather than run off a phone's screen. */}
      <ul className="list-none space-y-1 break-words">
        {errors.map((error) => (
          <li key={error.href}>
            <a href={error.href} className="font-semibold text-danger! visited:text-danger">
              {error.text}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
