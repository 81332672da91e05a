import type { Metadata } from "next";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";

// In the layout, not the page, so the 404 of an unknown id (not-found.tsx) keeps the title and the referrer rule.
export async function generateMetadata(): Promise<Metadata> {
  return {
    title: (await getTranslations("verify"))("title"),
    // The QR code's address carries the licence's data (an old one even the holder's full ID number): never hand it
    // to another site, never index it. "same-origin", not "no-referrer": the holder check's form post must carry
    // its Origin, which Next checks before running a server action (no-referrer makes it "null").
    referrer: "same-origin",
    robots: { index: false, follow: false },
  };
}

export default function VerifyLayout({ children }: { children: ReactNode }) {
  return children;
}
