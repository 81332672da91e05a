/**
 * A seeded world with one record in each state the server actions work on, made through the same use cases a
 * person's clicks run (as scripts/demo-cases.ts does): for the access-policy test, which tries each action on these
 * records as every kind of person, and the hostile-input test, which needs real ids to get past the lookups.
 *
 * Beyond the demo accounts: `clerk-amr2`, a second clerk of the market regulator (a colleague to assign to, and a
 * clerk of the right department who has not claimed the task), and `supervisor-fire`, a supervisor of one department.
 */
import { randomUUID } from "node:crypto";
import { and, asc, desc, eq } from "drizzle-orm";
import type { TDatabaseKind } from "@/db/client";
import { calendarDays, caseDocuments, cases, departments, drafts, formDefinitions, inboxMessages, licences, outbox, ratingFollowUps, reasonTemplates, services, tasks, users } from "@/db/schema";
import { seedDepartment, seedUser } from "@/seed/factories";
import { proofAnswers, restaurantAnswers } from "@/seed/sample-answers";
import { seedQueueTasks } from "@/seed/seed-queue-tasks";
import { ZMaterialField, type TFormDefinition } from "@/lib/forms/definition";
import type { TActor } from "@/server/auth/actor";
import { createBundle } from "@/server/bundles/create-bundle";
import { departmentInputOf } from "@/server/departments/department-input";
import { guideOf } from "@/server/services/service-guide";
import { decisionsInputOf, decisionsOf } from "@/server/services/service-decisions-input";
import { guideInputOf } from "@/server/services/service-input";
import { startDraft } from "@/server/drafts/start-draft";
import { COUNTER_CONSENT_VERSION } from "@/server/counter/counter-consent";
import { storeUpload } from "@/server/materials/store-upload";
import { submitApplication } from "@/server/intake/submit-application";
import { deliverOutbox } from "@/server/notifications/deliver-outbox";
import { databaseNow } from "@/server/testing/database-now";
import { rateCase } from "@/server/ratings/rate-case";
import { requestSupplement } from "@/server/supplements/request-supplement";
import { claimTask } from "@/server/workflow/claim-task";
import { requestExtension } from "@/server/workflow/request-extension";
import { decideTask } from "@/server/workflow/decide-task";
import { addWorkingDays, toIsoDate } from "@/lib/calendar/working-days";
import { loadCalendar } from "@/server/calendar/load-calendar";
import { sendUrging } from "@/server/urgings/send-urging";
import { openSeededWorld } from "./world";

/** Everyone the policy tests act as: each role, and the neighbours who must find nothing of each other's. */
export const accessUsernames = [
  "citizen",
  "citizen2",
  "enterprise",
  "agent",
  "enterprise2",
  "counter",
  "clerk-amr",
  "clerk-amr2",
  "clerk-fire",
  "supervisor",
  "supervisor-fire",
  "admin",
] as const;
export type TAccessUsername = (typeof accessUsernames)[number];

function must<T extends { ok: boolean }>(step: string, result: T): Extract<T, { ok: true }> {
  if (!result.ok) throw new Error(`access world: ${step} refused: ${JSON.stringify(result)}`);
  return result as Extract<T, { ok: true }>;
}

/** A 1×1 PNG: the smallest file the upload's content check accepts as an image. */
export const onePixelPng = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");
const anyMaterialField = ZMaterialField.parse({ key: "plan", type: "material", label: { "zh-Hans": "材料", "zh-Hant": "材料", en: "Document" }, accept: ["image/png"], maxFiles: 1, maxSizeKb: 2048, licenceTypes: [] });

function retitled(definition: TFormDefinition): TFormDefinition {
  const [first, ...rest] = definition.pages;
  return { ...definition, pages: [{ ...first, title: { ...first.title, en: `${first.title.en} (revised)` } }, ...rest] };
}

export async function openAccessWorld(kind: TDatabaseKind) {
  const world = await openSeededWorld(kind, { poolSize: 4 });
  const { db } = world;
  await seedUser(db, { username: "clerk-amr2", role: "clerk", displayName: "周食品", departmentCode: "AMR" });
  await seedUser(db, { username: "supervisor-fire", role: "supervisor", displayName: "吴消防监察", departmentCode: "FIRE" });

  const actors = Object.fromEntries(await Promise.all(accessUsernames.map(async (username) => [username, await world.actorOf(username)] as const))) as Record<
    TAccessUsername,
    TActor
  >;

  async function submit(username: TAccessUsername, subjectCode: string, rawAnswers: Record<string, unknown>) {
    const result = must(`submit ${subjectCode}`, await submitApplication({ db, actor: actors[username], subjectCode, rawAnswers, idempotencyKey: randomUUID(), channel: "online" }));
    const [caseRow] = await db.select().from(cases).where(eq(cases.number, result.caseNumber));
    const rows = await db.select({ task: tasks, code: departments.code }).from(tasks).innerJoin(departments, eq(departments.id, tasks.departmentId)).where(eq(tasks.caseId, caseRow.id));
    return { caseNumber: result.caseNumber, caseId: caseRow.id, taskOf: (code: string) => rows.find((row) => row.code === code)!.task };
  }
  async function claimAndAccept(clerk: TActor, taskId: string) {
    const claimed = must("claim", await claimTask({ db, actor: clerk, taskId }));
    return must("accept", await decideTask({ db, actor: clerk, taskId, action: "accept", expectedVersion: claimed.version })).version;
  }
  async function conclude(restaurant: Awaited<ReturnType<typeof submit>>) {
    for (const code of ["AMR", "FIRE", "URBAN"]) {
      const clerk = await world.actorOf(`clerk-${code.toLowerCase()}`);
      const accepted = await claimAndAccept(clerk, restaurant.taskOf(code).id);
      must(`approve ${code}`, await decideTask({ db, actor: clerk, taskId: restaurant.taskOf(code).id, action: "approve", expectedVersion: accepted }));
    }
  }

  async function upload(username: TAccessUsername, name: string) {
    return must("upload", await storeUpload({ db, actor: actors[username], field: anyMaterialField, file: new File([onePixelPng], name) })).ref;
  }

  // The citizen's draft of the social insurance proof, every answer given: ready to save a page or submit. It carries a
  // photo the citizen uploaded, for the check page's file link.
  const started = must("start draft", await startDraft({ db, actor: actors.citizen, subjectCode: "HRSS-PROOF" }));
  const draftFile = await upload("citizen", "me.png");
  await db.update(drafts).set({ answers: { ...proofAnswers(), photo: [draftFile] } }).where(eq(drafts.id, started.draftId));
  const [draftRow] = await db.select().from(drafts).where(eq(drafts.id, started.draftId));
  const draft = { subjectCode: "HRSS-PROOF", draftId: started.draftId, pageKey: started.firstPageKey, idempotencyKey: draftRow.idempotencyKey, answers: proofAnswers(), fileId: draftFile.fileId };

  // The company's business licence, issued by the market regulator (demo seed).
  const [licence] = await db.select().from(licences).where(and(eq(licences.holderCompanyId, actors.enterprise.companyIds[0]), eq(licences.type, "business-licence")));

  // The company's restaurant, open: food (AMR) claimed and accepted by clerk-amr, fire (FIRE) waiting in its queue.
  // Its materials: a floor plan uploaded, the business licence taken from the wallet.
  const floorPlan = await upload("enterprise", "floor-plan.png");
  const open = await submit("enterprise", "BUNDLE-RESTAURANT", {
    ...restaurantAnswers({ shopName: "一门开放小馆" }),
    premisesFloorPlan: [floorPlan],
    businessLicence: [{ kind: "licence", licenceId: licence.id }],
  });
  const claimedVersion = await claimAndAccept(actors["clerk-amr"], open.taskOf("AMR").id);
  // The acceptance notice (受理通知书) that accepting issued.
  const [acceptance] = await db.select({ id: caseDocuments.id }).from(caseDocuments).where(eq(caseDocuments.taskId, open.taskOf("AMR").id));
  // A task of the market regulator nobody has claimed, for "claim next".
  await seedQueueTasks(db, { departmentCode: "AMR", count: 1 });

  // Another restaurant whose food licence task asks the company for a supplement.
  const supplemented = await submit("enterprise", "BUNDLE-RESTAURANT", restaurantAnswers({ shopName: "一门补正小馆" }));
  const supplementVersion = await claimAndAccept(actors["clerk-amr"], supplemented.taskOf("AMR").id);
  const supplement = must(
    "supplement",
    await requestSupplement({ db, actor: actors["clerk-amr"], taskId: supplemented.taskOf("AMR").id, expectedVersion: supplementVersion, note: "请补正", items: [{ key: "businessArea", note: "与平面图不符" }] }),
  );

  // The citizen's proof for "other purpose", passed to clerk-hrss, who asked the supervisor for five more days.
  const proof = await submit("citizen", "HRSS-PROOF", proofAnswers({ purpose: "other" }));
  const hrss = await world.actorOf("clerk-hrss");
  const proofVersion = await claimAndAccept(hrss, proof.taskOf("HRSS").id);
  const extension = must("extension", await requestExtension({ db, actor: hrss, taskId: proof.taskOf("HRSS").id, expectedVersion: proofVersion, days: 5, reason: "需核实" }));

  // Two concluded restaurants: one waiting for the company's rating, one it rated badly (follow-ups in AMR, FIRE, URBAN).
  const concluded = await submit("enterprise", "BUNDLE-RESTAURANT", restaurantAnswers({ shopName: "一门待评小馆" }));
  await conclude(concluded);
  const rated = await submit("enterprise", "BUNDLE-RESTAURANT", restaurantAnswers({ shopName: "一门差评小馆" }));
  await conclude(rated);
  must("rate", await rateCase({ db, actor: actors.enterprise, caseNumber: rated.caseNumber, overall: 1, efficiency: 2, guideAccuracy: 2, convenience: 2, comment: "" }));
  const [amr] = await db.select().from(departments).where(eq(departments.code, "AMR"));
  const [followUp] = await db.select().from(ratingFollowUps).where(and(eq(ratingFollowUps.caseId, rated.caseId), eq(ratingFollowUps.departmentId, amr.id)));

  // An urging (督办) the supervisor sent the market regulator about the open restaurant's food task; the answer date a
  // send form would suggest (three working days ahead).
  const urgingDeadline = addWorkingDays(toIsoDate(new Date()), 3, await loadCalendar(db));
  const urging = must("urge", await sendUrging({ db, actor: actors.supervisor, subject: { kind: "task", id: open.taskOf("AMR").id }, message: "请说明办理进度", deadline: urgingDeadline }));

  // Every notification delivered, so the company has messages in its inbox.
  while ((await deliverOutbox({ db, limit: 500, now: databaseNow() })).delivered > 0);
  const [message] = await db.select().from(inboxMessages).where(eq(inboxMessages.companyId, actors.enterprise.companyIds[0])).orderBy(asc(inboxMessages.createdAt)).limit(1);

  // A person's licence, whose holder can be checked on /verify by the ID number on the card.
  const [personLicence] = await db.select().from(licences).where(eq(licences.holderUserId, actors.citizen.id)).limit(1);
  const [holiday] = await db.select().from(calendarDays).where(eq(calendarDays.kind, "holiday")).orderBy(asc(calendarDays.date)).limit(1);
  const [form] = await db
    .select()
    .from(formDefinitions)
    .where(and(eq(formDefinitions.subjectType, "service"), eq(formDefinitions.subjectCode, "HRSS-PROOF")))
    .orderBy(desc(formDefinitions.version))
    .limit(1);
  const [colleague] = await db.select({ id: users.id }).from(users).where(eq(users.username, "clerk-amr2"));
  // A proof the counter clerk filed for the citizen (一窗受理), for the counter's case pages and receipt.
  const counterFiled = must(
    "file at the counter",
    await submitApplication({ db, actor: actors.citizen, subjectCode: "HRSS-PROOF", rawAnswers: proofAnswers(), idempotencyKey: randomUUID(), channel: "counter", filing: { filerId: actors.counter.id, consentVersion: COUNTER_CONSENT_VERSION, consentedAt: new Date() } }),
  );
  // A notification that could not be delivered, for the admin's dead-letter list.
  const [deadLetter] = await db
    .insert(outbox)
    .values({ recipientId: actors.enterprise.id, topic: "case-submitted", attempts: 24, deadAt: new Date(), lastError: "SMTP 550 mailbox unavailable" })
    .returning({ id: outbox.id });

  // The first reason for refusing the social insurance proof (one of several, so it can move down).
  const [reasonTemplate] = await db
    .select({ id: reasonTemplates.id })
    .from(reasonTemplates)
    .innerJoin(services, eq(services.id, reasonTemplates.serviceId))
    .where(and(eq(services.code, "HRSS-PROOF"), eq(reasonTemplates.decision, "refuse")))
    .orderBy(asc(reasonTemplates.position))
    .limit(1);

  // A department with no staff and no tasks, which the admin may retire; and AMR as the admin's edit form shows it.
  const spare = await seedDepartment(db, { code: "SPARE", name: { "zh-Hans": "备用局", "zh-Hant": "備用局", en: "Spare Bureau" }, shortName: { "zh-Hans": "备用局", "zh-Hant": "備用局", en: "Spare" } });

  // Services the admin works on: one whose draft may be published, one whose draft may be discarded (each action
  // succeeds once), and the guide of the health certificate as the edit form posts it, its fees reworded.
  const serviceDraft = async (code: string) => {
    const [row] = await db.select().from(services).where(eq(services.code, code));
    await db.update(services).set({ draft: { ...guideOf(row), fees: { "zh-Hans": "免费", "zh-Hant": "免費", en: "Free" } }, draftSavedAt: new Date() }).where(eq(services.id, row.id));
    return row;
  };
  await serviceDraft("MEDINS-REMOTE-CARE");
  await serviceDraft("HEALTH-PUBLIC-PLACE");
  const [birthCertificate] = await db.select().from(services).where(eq(services.code, "HEALTH-BIRTH-CERT"));
  const [safetyCheck] = await db.select().from(services).where(eq(services.code, "FIRE-SAFETY-CHECK"));
  // A bundle with no cases, which the admin may retire (the newborn bundle is changed by the other bundle actions).
  const spareBundle = must("create bundle", await createBundle({ db, actor: actors.admin, input: { code: "BUNDLE-SPARE", nameZhHans: "备用一件事", nameZhHant: "備用一件事", nameEn: "Spare bundle", summaryZhHans: "备用", summaryZhHant: "備用", summaryEn: "Spare", applicantType: "natural", topic: "family" } }));

  return {
    ...world,
    actors,
    records: {
      draft,
      /** Open restaurant of the company: AMR claimed by clerk-amr, FIRE unclaimed. */
      openCase: {
        caseNumber: open.caseNumber,
        claimedTask: { id: open.taskOf("AMR").id, version: claimedVersion },
        unclaimedTaskId: open.taskOf("FIRE").id,
        colleagueId: colleague.id,
        /** Its uploaded floor plan and the wallet licence it names. */
        fileId: floorPlan.fileId,
        licenceId: licence.id,
        /** Its acceptance notice. */
        documentId: acceptance.id,
      },
      supplement: { caseNumber: supplemented.caseNumber, requestId: supplement.requestId, field: "businessArea" },
      extension: { taskId: proof.taskOf("HRSS").id, version: extension.version },
      concludedCase: { caseNumber: concluded.caseNumber },
      followUp: { id: followUp.id },
      /** An open urging to the market regulator; the fire task of the open restaurant, which nobody has urged yet. */
      urging: { id: urging.urgingId, newSubjectId: open.taskOf("FIRE").id, deadline: urgingDeadline },
      message: { id: message.id },
      licence: { id: licence.id },
      personLicence: { id: personLicence.id, holderIdNumber: personLicence.holderIdNumber ?? "" },
      calendar: { holiday: holiday.date },
      deadLetter: { id: deadLetter.id },
      /** The market regulator with its fields as the edit form posts them; a department free to retire. */
      department: { id: amr.id, fields: { ...departmentInputOf(amr), nameEn: "State Administration for Market Regulation" } },
      spareDepartment: { id: spare.id },
      /** A reason template the admin may change, move down or remove. */
      reasonTemplate: { id: reasonTemplate.id },
      /**
       * The newborn bundle: a service that may join it with a rule, the last service (which nothing waits for: it may
       * be removed or moved up), and the police registration's settings as its rule editor posts them.
       */
      bundle: {
        code: "BUNDLE-NEWBORN",
        candidate: "MEDINS-REMOTE-CARE",
        rule: '{"==": [{"var": "householdOf"}, "mother"]}',
        removable: "HRSS-SSCARD",
        item: "POLICE-BIRTH-REG",
        itemDependsOn: ["HEALTH-BIRTH-CERT"],
        itemExcludeFields: ["birthCertificateNumber"],
      },
      spareBundle: { code: spareBundle.code },
      /** A staff account the admin may change: the second clerk of the market regulator. */
      staffAccount: { id: colleague.id, departmentId: amr.id },
      // A staff account with a second factor (factory-made supervisors have the demo's), for the admin to reset.
      twoFactorAccount: { id: actors["supervisor-fire"].id },
      /** The counter's find, record and file: a person on the register (张三), and numbers nobody has yet. */
      counter: { personId: actors.citizen.id, personIdNumber: "310104198803124016", newIdNumber: "310104199001011233", newUscc: "91110108MA01C2XH3P", filedCase: counterFiled.caseNumber },
      /** Services for the admin: a draft to publish, one to discard, one to retire, a guide and decision settings as their forms post them. */
      service: {
        publishCode: "MEDINS-REMOTE-CARE",
        discardCode: "HEALTH-PUBLIC-PLACE",
        retireCode: "ENV-EIA-FILING",
        editCode: birthCertificate.code,
        fields: { ...guideInputOf(guideOf(birthCertificate)), feesEn: "No fee" },
        /** The fire safety check's decision settings as their form posts them, inspections due sooner. */
        decisionsCode: safetyCheck.code,
        decisionsFields: { ...decisionsInputOf(decisionsOf(safetyCheck)), commitment: JSON.stringify({ ...safetyCheck.commitment, inspectionDays: 15 }) },
      },
      /** The proof's current form, its first page retitled: a change an admin may publish. */
      form: { subjectType: "service" as const, subjectCode: "HRSS-PROOF", version: form.version, definitionJson: JSON.stringify(retitled(form.definition)) },
    },
  };
}
export type TAccessWorld = Awaited<ReturnType<typeof openAccessWorld>>;
