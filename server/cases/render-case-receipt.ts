/**
 * The acknowledgement of receipt (受理回执) of a case, as a PDF in the reader's language: who applied for what and
 * when, each department's service with its promised time limit and its due date as the tracker shows it, a QR code
 * that opens the tracker, and a line saying the receipt is not a licence. Only the applicant, or someone acting for
 * the applying company, gets it, and the counter clerk who filed it (it then says so, for the applicant to take
 * home); anyone else's case number is simply not found.
 */
import { and, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { TDatabase } from "@/db/client";
import { cases, companies, users } from "@/db/schema";
import { maskIdentifier } from "@/lib/identifiers/mask";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import { localize, type Locale } from "@/lib/i18n/locales";
import { nameForReader } from "@/lib/i18n/name-for-reader";
import { describeTaskProgress, type TTaskProgress } from "@/lib/workflow/task-progress";
import { caseNumberPattern } from "@/lib/workflow/case-number";
import { layoutTaskStages } from "@/lib/workflow/task-stages";
import type { TActor } from "@/server/auth/actor";
import { fail, type TResult } from "@/server/errors";
import { translatorFor } from "@/server/i18n/translator";
import { renderPdf, type TPdfBlock, type TPdfDocument } from "@/server/pdf/render-pdf";
import { casesVisibleTo } from "./case-access";
import { listCaseTasks } from "./list-case-tasks";
import { loadSubjectName } from "./get-case-for-applicant";
import { recordAudit } from "@/server/audit/record-audit";

export async function renderCaseReceipt({
  db,
  actor,
  caseNumber,
  locale,
  baseUrl,
}: {
  db: TDatabase;
  actor: TActor;
  caseNumber: string;
  locale: Locale;
  /** The portal's public origin (PUBLIC_BASE_URL): the QR code opens the tracker there. */
  baseUrl: string;
}): Promise<TResult<{ pdf: Uint8Array; fileName: string }>> {
  const loaded = await loadCaseReceipt({ db, actor, caseNumber });
  if (!loaded.ok) return loaded;
  const pdf = await renderPdf(composeCaseReceipt({ receipt: loaded.receipt, locale, baseUrl }));
  await recordAudit({ db, actorId: actor.id, actorRole: actor.role, action: "document-downloaded", targetType: "receipt", targetId: loaded.receipt.number, details: { kind: "receipt" } });
  return { ok: true, pdf, fileName: translatorFor(locale)("receipt.fileName", { number: loaded.receipt.number }) };
}

/** What the receipt shows, read for `actor`: their own case, or their company's. */
export async function loadCaseReceipt({ db, actor, caseNumber }: { db: TDatabase; actor: TActor; caseNumber: string }) {
  if (!caseNumberPattern.test(caseNumber)) return fail("not-found:case");
  // The tracker's access rule, in the query: someone else's case and a case that does not exist look the same.
  const filer = alias(users, "filer");
  const [found] = await db
    .select({
      id: cases.id,
      number: cases.number,
      subjectType: cases.subjectType,
      subjectCode: cases.subjectCode,
      applicantType: cases.applicantType,
      submittedAt: cases.submittedAt,
      channel: cases.channel,
      filerName: filer.displayName,
      applicantName: users.displayName,
      applicantIdNumber: users.residentIdNumber,
      companyName: companies.name,
      companyUscc: companies.uscc,
    })
    .from(cases)
    .innerJoin(users, eq(users.id, cases.applicantId))
    .leftJoin(companies, eq(companies.id, cases.companyId))
    .leftJoin(filer, eq(filer.id, cases.filedById))
    .where(and(eq(cases.number, caseNumber), casesVisibleTo(actor)))
    .limit(1);
  if (!found) return fail("not-found:case");

  const taskRows = await listCaseTasks(db, found.id);
  const subjectName = await loadSubjectName(db, found);

  return { ok: true as const, receipt: { ...found, subjectName, tasks: taskRows } };
}
export type TCaseReceiptData = Extract<Awaited<ReturnType<typeof loadCaseReceipt>>, { ok: true }>["receipt"];

/** The receipt as the renderer's blocks, in the reader's language. Apart from loading, so `npm run bench:pdf` can time the rendering alone. */
export function composeCaseReceipt({ receipt, locale, baseUrl }: { receipt: TCaseReceiptData; locale: Locale; baseUrl: string }): TPdfDocument {
  const t = translatorFor(locale);
  const portal = t("header.brand");
  const departmentOf = new Map(receipt.tasks.map((task) => [task.id, localize(task.departmentName, locale)]));
  const progressText = (progress: TTaskProgress) => {
    switch (progress.kind) {
      case "decided":
        return t("tracker.decidedOn", { date: formatDate(progress.decidedAt, locale) });
      case "starts-after":
        return t("trackerActions.startsAfter", { names: progress.prerequisiteTaskIds.map((id) => departmentOf.get(id) ?? "").join(locale === "en" ? ", " : "、") });
      case "clock-stopped":
        return t("trackerActions.clockStopped");
      case "due":
        return t("tracker.dueBy", { date: formatDate(progress.dueDate, locale) });
    }
  };
  const applicantRows =
    receipt.applicantType === "legal" && receipt.companyName && receipt.companyUscc
      ? [
          { label: t("receipt.company"), value: nameForReader(receipt.companyName, locale, "company") },
          { label: t("receipt.uscc"), value: maskIdentifier(receipt.companyUscc) },
          { label: t("receipt.submittedBy"), value: nameForReader(receipt.applicantName, locale) },
        ]
      : [
          { label: t("receipt.applicant"), value: nameForReader(receipt.applicantName, locale) },
          ...(receipt.applicantIdNumber ? [{ label: t("receipt.idNumber"), value: maskIdentifier(receipt.applicantIdNumber) }] : []),
        ];
  const trackerUrl = `${baseUrl}/me/cases/${encodeURIComponent(receipt.number)}`;

  const blocks: TPdfBlock[] = [
    { kind: "caption", text: t("receipt.caption", { portal }) },
    { kind: "title", text: t("receipt.title") },
    { kind: "paragraph", text: t("receipt.lead") },
    {
      kind: "fields",
      rows: [
        { label: t("receipt.caseNumber"), value: receipt.number },
        { label: t("receipt.subject"), value: localize(receipt.subjectName, locale) },
        { label: t("receipt.submittedAt"), value: t("receipt.beijingTime", { time: formatDateTime(receipt.submittedAt, locale) }) },
        ...applicantRows,
        ...(receipt.channel === "counter" ? [{ label: t("receipt.channel"), value: t("receipt.filedAtCounter", { name: nameForReader(receipt.filerName ?? "", locale) }) }] : []),
      ],
    },
    { kind: "heading", text: t("receipt.departments") },
    {
      kind: "table",
      // Widths in % of the line: the due-date column fits "应于2026年2月26日前办结" on one line.
      columns: [
        { header: t("receipt.service"), width: 31 },
        { header: t("receipt.department"), width: 24 },
        { header: t("receipt.timeLimit"), width: 14 },
        { header: t("receipt.progress"), width: 31 },
      ],
      // In the order the departments act, as on the tracker. An inspection after an approval on commitment is the
      // department's supervision afterwards, not part of the application this receipt acknowledges.
      rows: layoutTaskStages(receipt.tasks.filter((task) => task.kind === "review"))
        .flat()
        .map((task) => [
          localize(task.serviceName, locale),
          localize(task.departmentName, locale),
          task.serviceKind === "instant" ? t("receipt.instant") : t("receipt.workingDays", { days: task.promisedLimitDays }),
          progressText(describeTaskProgress(task)),
        ]),
    },
    { kind: "qr", url: trackerUrl, caption: t("receipt.qrCaption"), alt: t("receipt.qrAlt", { url: trackerUrl }) },
    { kind: "paragraph", text: t("receipt.notLicence"), emphasis: "notice" },
  ];
  return {
    locale,
    title: `${t("receipt.title")} ${receipt.number}`,
    author: portal,
    subject: localize(receipt.subjectName, locale),
    footer: t("receipt.footer", { portal, number: receipt.number }),
    blocks,
  };
}

