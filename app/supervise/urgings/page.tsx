import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/db/client";
import { UrgingList } from "@/components/urgings/urging-list";
import { Notice } from "@/components/ui/notice";
import { PageHeading } from "@/components/ui/page-heading";
import { readSearchParams, type TSearchParams } from "@/lib/http/search-params";
import { requireActor } from "@/server/auth/require-actor";
import { readCurrentTime } from "@/server/clock";
import { listUrgings } from "@/server/urgings/list-urgings";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("urgings"))("listTitle") };
}

export default async function UrgingsPage({ searchParams }: { searchParams: Promise<TSearchParams> }) {
  const actor = await requireActor({ page: "/supervise/urgings", returnTo: "/supervise/urgings" });
  const { sent } = readSearchParams(await searchParams, { sent: z.literal("1") });
  const t = await getTranslations("urgings");
  const { now } = await readCurrentTime();
  const db = getDb();
  const [open, answered] = await Promise.all([listUrgings({ db, actor, state: "open", now }), listUrgings({ db, actor, state: "answered", now })]);
  if (!open.ok || !answered.ok) return null;
  return (
    <>
      <p className="mb-4">
        <Link href="/supervise">{t("backToDashboard")}</Link>
      </p>
      {sent ? <Notice tone="success" title={t("sentNotice")} /> : null}
      <PageHeading>{t("listTitle")}</PageHeading>
      <p className="mb-8 max-w-3xl">{t("listLead")}</p>
      <UrgingList id="urgings-open" title={t("openListTitle")} empty={t("openListEmpty")} rows={open.rows} />
      <UrgingList id="urgings-answered" title={t("answeredListTitle")} empty={t("answeredListEmpty")} rows={answered.rows} />
    </>
  );
}
