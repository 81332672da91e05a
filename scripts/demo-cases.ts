/**
 * `npm run demo:cases`: adds a few cases in different states to the demo database, through the same use cases a
 * person's clicks would run, so the desk, the tracker, the supplement page and /supervise have something to show.
 * Run it after `npm start` has seeded DATA_DIR and while no server has that directory open (it takes the lock):
 *   - a restaurant bundle by the demo company, with a floor plan and its wallet business licence, its food licence
 *     task waiting for a supplement (two items);
 *   - a newborn bundle by the demo citizen: health approved, the police task claimed, the rest waiting on it;
 *   - a social insurance proof for "other purpose" that the instant check passed to a clerk, who asked for an
 *     extension a supervisor has yet to decide;
 *   - two restaurants every department approved: one for the company to rate, one it rated "dissatisfied", whose
 *     follow-ups wait in the food, fire and signage departments; and a proof the citizen rated "very satisfied";
 *   - a notification to the demo citizen, and one to the demo company, whose e-mail copies the mail server refused
 *     at every attempt: dead letters for `admin` to see and send again at /admin/outbox.
 */
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { openDatabase, type TDatabase } from "@/db/client";
import { databaseOptionsFromEnv } from "@/db/database-env";
import { cases, departments, licences, tasks, users } from "@/db/schema";
import { newbornAnswers, proofAnswers, restaurantAnswers } from "@/seed/sample-answers";
import { seedDeadLetter } from "@/seed/seed-dead-letter";
import { ZMaterialField } from "@/lib/forms/definition";
import { loadActor, type TActor } from "@/server/auth/actor";
import { submitApplication } from "@/server/intake/submit-application";
import { storeUpload } from "@/server/materials/store-upload";
import { rateCase } from "@/server/ratings/rate-case";
import { requestSupplement } from "@/server/supplements/request-supplement";
import { claimTask } from "@/server/workflow/claim-task";
import { requestExtension } from "@/server/workflow/request-extension";
import { decideTask } from "@/server/workflow/decide-task";

const onePixelPng = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");

async function actorOf(db: TDatabase, username: string): Promise<TActor> {
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
  const actor = user ? await loadActor(db, user.id) : null;
  if (!actor) throw new Error(`demo-cases: no user ${username}; run npm start once first to seed the demo data`);
  return actor;
}

/** Fails loudly: a demo that silently skips a step would show pages in states nobody can explain. */
function must<T extends { ok: boolean }>(step: string, result: T): Extract<T, { ok: true }> {
  if (!result.ok) throw new Error(`demo-cases: ${step} refused: ${JSON.stringify(result)}`);
  return result as Extract<T, { ok: true }>;
}

async function submit(db: TDatabase, username: string, subjectCode: string, rawAnswers: Record<string, unknown>) {
  const result = must(`submit ${subjectCode}`, await submitApplication({ db, actor: await actorOf(db, username), subjectCode, rawAnswers, idempotencyKey: randomUUID(), channel: "online" }));
  const [caseRow] = await db.select().from(cases).where(eq(cases.number, result.caseNumber));
  const rows = await db.select({ task: tasks, code: departments.code }).from(tasks).innerJoin(departments, eq(departments.id, tasks.departmentId)).where(eq(tasks.caseId, caseRow.id));
  const taskOf = (code: string) => rows.find((row) => row.code === code)!.task;
  return { caseNumber: result.caseNumber, taskOf };
}

async function claimAndAccept(db: TDatabase, clerk: TActor, taskId: string) {
  const claimed = must("claim", await claimTask({ db, actor: clerk, taskId }));
  return must("accept", await decideTask({ db, actor: clerk, taskId, action: "accept", expectedVersion: claimed.version })).version;
}

async function main() {
  const handle = openDatabase(databaseOptionsFromEnv());
  const db = handle.db;
  try {
    // The restaurant's documents as the desk sees them: a floor plan uploaded, the business licence from the wallet.
    const enterprise = await actorOf(db, "enterprise");
    const planField = ZMaterialField.parse({ key: "premisesFloorPlan", type: "material", label: { "zh-Hans": "平面图", "zh-Hant": "平面圖", en: "Floor plan" }, accept: ["image/png"], maxFiles: 1, maxSizeKb: 2048, licenceTypes: [] });
    const plan = await storeUpload({ db, actor: enterprise, field: planField, file: new File([onePixelPng], "平面图.png") });
    if (!plan.ok) throw new Error(`demo-cases: floor plan refused: ${plan.reason}`);
    const [businessLicence] = await db.select({ id: licences.id }).from(licences).where(and(eq(licences.holderCompanyId, enterprise.companyIds[0]), eq(licences.type, "business-licence")));
    const restaurant = await submit(db, "enterprise", "BUNDLE-RESTAURANT", {
      ...restaurantAnswers(),
      premisesFloorPlan: [plan.ref],
      businessLicence: [{ kind: "licence", licenceId: businessLicence.id }],
    });
    const amr = await actorOf(db, "clerk-amr");
    const version = await claimAndAccept(db, amr, restaurant.taskOf("AMR").id);
    must(
      "supplement",
      await requestSupplement({
        db,
        actor: amr,
        taskId: restaurant.taskOf("AMR").id,
        expectedVersion: version,
        note: "请在 5 个工作日内补正，逾期视为放弃申请。",
        items: [
          { key: "businessArea", note: "经营面积与平面图不符，请按平面图填写" },
          { key: "seats", note: "请填写实际摆放的座位数" },
        ],
      }),
    );
    console.log(`demo-cases: ${restaurant.caseNumber} restaurant, food licence waiting for a supplement`);

    const citizen = await actorOf(db, "citizen");
    const photoField = ZMaterialField.parse({ key: "photo", type: "material", label: { "zh-Hans": "照片", "zh-Hant": "照片", en: "Photo" }, required: true, accept: ["image/png"], maxFiles: 1, maxSizeKb: 2048, licenceTypes: [] });
    const photo = await storeUpload({ db, actor: citizen, field: photoField, file: new File([onePixelPng], "baby.png") });
    if (!photo.ok) throw new Error(`demo-cases: photo refused: ${photo.reason}`);
    const newborn = await submit(db, "citizen", "BUNDLE-NEWBORN", newbornAnswers({ photo: [photo.ref] }));
    const health = await actorOf(db, "clerk-health");
    const healthVersion = await claimAndAccept(db, health, newborn.taskOf("HEALTH").id);
    must("approve", await decideTask({ db, actor: health, taskId: newborn.taskOf("HEALTH").id, action: "approve", expectedVersion: healthVersion }));
    must("claim police", await claimTask({ db, actor: await actorOf(db, "clerk-police"), taskId: newborn.taskOf("POLICE").id }));
    console.log(`demo-cases: ${newborn.caseNumber} newborn, health approved, police claimed`);

    const proof = await submit(db, "citizen", "HRSS-PROOF", proofAnswers({ purpose: "other" }));
    const hrss = await actorOf(db, "clerk-hrss");
    const proofVersion = await claimAndAccept(db, hrss, proof.taskOf("HRSS").id);
    must("extension", await requestExtension({ db, actor: hrss, taskId: proof.taskOf("HRSS").id, expectedVersion: proofVersion, days: 5, reason: "需向原参保地核实缴费记录" }));
    console.log(`demo-cases: ${proof.caseNumber} proof passed to a clerk, extension awaiting the supervisor`);

    const approveAll = async (caseRow: Awaited<ReturnType<typeof submit>>) => {
      for (const code of ["AMR", "FIRE", "URBAN"]) {
        const clerk = await actorOf(db, `clerk-${code.toLowerCase()}`);
        const accepted = await claimAndAccept(db, clerk, caseRow.taskOf(code).id);
        must(`approve ${code}`, await decideTask({ db, actor: clerk, taskId: caseRow.taskOf(code).id, action: "approve", expectedVersion: accepted }));
      }
    };
    const toRate = await submit(db, "enterprise", "BUNDLE-RESTAURANT", restaurantAnswers({ shopName: "一门面馆" }));
    await approveAll(toRate);
    console.log(`demo-cases: ${toRate.caseNumber} restaurant concluded, waiting for the company's rating`);
    const rated = await submit(db, "enterprise", "BUNDLE-RESTAURANT", restaurantAnswers({ shopName: "一门茶餐厅" }));
    await approveAll(rated);
    must(
      "rate",
      await rateCase({ db, actor: enterprise, caseNumber: rated.caseNumber, overall: 2, efficiency: 2, guideAccuracy: 1, convenience: 3, comment: "办事指南写的材料和窗口要求不一致，来回补了两次。" }),
    );
    console.log(`demo-cases: ${rated.caseNumber} restaurant rated "dissatisfied", follow-ups open in AMR, FIRE and URBAN`);
    // 告知承诺制: FIRE approves at once on the company's commitment; its inspection waits unclaimed in FIRE's queue.
    const committed = await submit(db, "enterprise", "BUNDLE-RESTAURANT", restaurantAnswers({ shopName: "一门火锅", useCommitment: "yes" }));
    const fire = await actorOf(db, "clerk-fire");
    const fireClaim = must("claim FIRE", await claimTask({ db, actor: fire, taskId: committed.taskOf("FIRE").id }));
    must("approve on commitment", await decideTask({ db, actor: fire, taskId: committed.taskOf("FIRE").id, action: "approve-on-commitment", expectedVersion: fireClaim.version }));
    console.log(`demo-cases: ${committed.caseNumber} restaurant approved by FIRE on commitment, its inspection waiting in FIRE's queue`);
    const instant = await submit(db, "citizen", "HRSS-PROOF", proofAnswers());
    must("rate proof", await rateCase({ db, actor: citizen, caseNumber: instant.caseNumber, overall: 5, efficiency: 5, guideAccuracy: 5, convenience: 4, comment: "即时办结，很方便。" }));
    console.log(`demo-cases: ${instant.caseNumber} proof rated "very satisfied"`);
    const deadLetter = await seedDeadLetter(db, {
      username: "citizen",
      email: "zhangsan@example.cn",
      caseNumber: proof.caseNumber,
      service: { "zh-Hans": "社会保险参保缴费证明", "zh-Hant": "社會保險參保繳費證明", en: "Proof of social insurance contributions" },
    });
    console.log(`demo-cases: notification ${deadLetter} to citizen undeliverable by e-mail, waiting at /admin/outbox`);
    const companyDeadLetter = await seedDeadLetter(db, {
      username: "enterprise",
      email: "wangwu@example.cn",
      caseNumber: rated.caseNumber,
      service: { "zh-Hans": "开办餐饮店一件事", "zh-Hant": "開辦餐飲店一件事", en: "Open a restaurant" },
      toCompany: true,
    });
    console.log(`demo-cases: notification ${companyDeadLetter} to the demo company undeliverable by e-mail, waiting at /admin/outbox`);
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
