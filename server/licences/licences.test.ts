/**
 * E-licences end to end on both databases: approvals issue them in the approving transaction, /verify tells valid,
 * revoked, expired, forged and not found apart, the issuing department alone revokes, the wallet lists them, and
 * only current, authentic ones stand in for paper at submit. Key rotation keeps old licences verifying.
 */
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditRecords, caseEvents, cases, licences, outbox, rateLimits, tasks, users } from "@/db/schema";
import { testDatabaseKinds } from "@/db/testing";
import { proofAnswers, restaurantAnswers } from "@/seed/sample-answers";
import { seedLicence } from "@/seed/factories";
import { t } from "@/lib/i18n/traditional";
import { toIsoDate } from "@/lib/calendar/working-days";
import { checkFormDefinition, type TFieldOf } from "@/lib/forms/definition";
import { loadCalendar } from "@/server/calendar/load-calendar";
import { lockCase } from "@/server/cases/lock-case";
import { verifyCaseTrail } from "@/server/cases/verify-case-trail";
import { submitApplication } from "@/server/intake/submit-application";
import { storeUpload } from "@/server/materials/store-upload";
import { resolvePrefill } from "@/server/prefill/resolve-prefill";
import { openSeededWorld, type TWorld } from "@/server/testing/world";
import { claimTask } from "@/server/workflow/claim-task";
import { loadTransitionContext, runTaskTransition } from "@/server/workflow/run-task-transition";
import { decideTask } from "@/server/workflow/decide-task";
import { getLicenceForPdf } from "./get-licence-for-pdf";
import { insertSignedLicence } from "./insert-signed-licence";
import { issueLicence } from "./issue-licence";
import { checkLicenceHolder } from "./check-licence-holder";
import { generateHashKeySecret, getLicenceHashKeys, hashKeyFrom, type TLicenceHashKeys } from "./licence-hash-key";
import { decodeLicencePayload, encodeLicencePayload, licenceVerifyUrl } from "./licence-verify-url";
import { buildLicencePayload, buildPrintedLicence } from "./licence-payload";
import { parseHashKey } from "@/lib/keys/parse-hash-key";
import { listMyLicences } from "./list-my-licences";
import { listSigningKeys } from "./list-signing-keys";
import { revokeLicence } from "./revoke-licence";
import { resignLicences } from "./resign-licences";
import { HOLDER_CHECKS_PER_ADDRESS_PER_HOUR, HOLDER_CHECKS_PER_HOUR } from "./take-holder-check";
import { generateSigningKey, getActiveSigningKey, registerActiveSigningKey } from "./signing-keys";
import { verifyLicence } from "./verify-licence";
import { currentTaskVersion } from "@/server/testing/current-task-version";
import { isOutboxFor } from "@/server/testing/outbox-for";

const onePixelPng = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");
const now = new Date("2026-03-02T10:00:00+08:00");
const today = toIsoDate(now);
// The holder check counts per source address too: each check below comes from its own, unless a test says otherwise.
let addressesUsed = 0;
const nextAddress = () => `198.51.100.${(addressesUsed += 1) % 250}`;

/** The query string of a verify URL, as the page receives it. */
function queryOf(url: string): Record<string, string> {
  return Object.fromEntries(new URL(url).searchParams);
}

describe.each(testDatabaseKinds)("e-licences on %s", (kind) => {
  let world: TWorld;
  beforeAll(async () => {
    world = await openSeededWorld(kind);
  });
  afterAll(async () => {
    await world?.drop();
  });

  async function submit(username: string, subjectCode: string, rawAnswers: Record<string, unknown>) {
    return submitApplication({ db: world.db, actor: await world.actorOf(username), subjectCode, rawAnswers, idempotencyKey: randomUUID(), channel: "online", now });
  }
  async function submitted(username: string, subjectCode: string, rawAnswers: Record<string, unknown>) {
    const result = await submit(username, subjectCode, rawAnswers);
    if (!result.ok) throw new Error(`${result.code} ${JSON.stringify("fieldErrors" in result ? result.fieldErrors : {})}`);
    const [caseRow] = await world.db.select().from(cases).where(eq(cases.number, result.caseNumber));
    return caseRow;
  }
  async function licencesOfCase(caseId: string) {
    return world.db.select().from(licences).where(eq(licences.caseId, caseId));
  }
  async function proofLicence() {
    const caseRow = await submitted("citizen", "HRSS-PROOF", proofAnswers());
    const [licence] = await licencesOfCase(caseRow.id);
    return { caseRow, licence };
  }
  async function userId(username: string) {
    return (await world.db.select({ id: users.id }).from(users).where(eq(users.username, username)))[0].id;
  }
  async function topicsOf(username: string, caseId: string) {
    const rows = await world.db.select({ topic: outbox.topic }).from(outbox).where(and(isOutboxFor(world.db, await userId(username)), eq(outbox.caseId, caseId))).orderBy(outbox.id);
    return rows.map((row) => row.topic);
  }

  describe("issuing", () => {
    it("issues an instant service's proof at submit: the citizen as holder, three months' validity, signed, on the trail and in one message", async () => {
      const { caseRow, licence } = await proofLicence();
      expect(licence).toMatchObject({
        type: "social-insurance-proof",
        holderName: "张三",
        holderIdNumber: "310104198803124016",
        holderUscc: null,
        holderUserId: caseRow.applicantId,
        holderCompanyId: null,
        issuerCode: "HRSS",
        validFrom: "2026-03-02",
        validUntil: "2026-06-01",
        data: { insuredName: "张三", insuranceType: "全部险种", periodStart: "2025-01-01", periodEnd: "2025-12-31", purpose: "购房" },
      });
      expect(licence.number).toMatch(/^SBZM-20260302-\d{6}$/);
      expect(licence.signature).toMatch(/^[A-Za-z0-9_-]{86}$/);
      expect(licence.keyId).toBe(getActiveSigningKey().keyId);
      const [event] = await world.db.select().from(caseEvents).where(and(eq(caseEvents.caseId, caseRow.id), eq(caseEvents.kind, "licence-issued")));
      expect(event).toMatchObject({ public: true, data: { licenceId: licence.id, number: licence.number } });
      expect(await topicsOf("citizen", caseRow.id)).toEqual(["case-submitted", "licence-issued"]);
      expect(await verifyCaseTrail({ db: world.db, caseId: caseRow.id })).toMatchObject({ ok: true });
    });

    it("issues a company's licence to the company (name and USCC as printed) when its clerk approves, exactly once", async () => {
      const caseRow = await submitted("enterprise", "BUNDLE-RESTAURANT", restaurantAnswers({ hasOutdoorSign: "no" }));
      const [amrTask] = await world.db.select().from(tasks).where(and(eq(tasks.caseId, caseRow.id), eq(tasks.departmentId, (await world.actorOf("clerk-amr")).departmentId!)));
      const clerk = await world.actorOf("clerk-amr");
      await claimTask({ db: world.db, actor: clerk, taskId: amrTask.id });
      await decideTask({ db: world.db, actor: clerk, taskId: amrTask.id, action: "accept", now, expectedVersion: await currentTaskVersion(world.db, amrTask.id) });
      expect(await licencesOfCase(caseRow.id)).toHaveLength(0);
      expect(await decideTask({ db: world.db, actor: clerk, taskId: amrTask.id, action: "approve", now, expectedVersion: await currentTaskVersion(world.db, amrTask.id) })).toMatchObject({ ok: true });

      const issued = await licencesOfCase(caseRow.id);
      expect(issued).toHaveLength(1);
      expect(issued[0]).toMatchObject({
        type: "food-business-licence",
        taskId: amrTask.id,
        holderName: "上海一门餐饮管理有限公司",
        holderUscc: "91310104MA1FL8XQ36",
        holderIdNumber: null,
        holderCompanyId: caseRow.companyId,
        validUntil: "2031-03-01",
        data: { shopName: "一门小馆", mainFoodCategory: "热食类食品制售", foodSafetyManagerName: "王五" },
      });
      // The bundle does not ask the type of business (it is a restaurant): the datum is left off, not invented.
      expect(issued[0].dataFields.map((field) => field.key)).toEqual(["shopName", "businessAddress", "mainFoodCategory", "foodSafetyManagerName"]);
      expect(issued[0].number).toMatch(/^JY-20260302-\d{6}$/);
      expect(await topicsOf("enterprise", caseRow.id)).toContain("licence-issued");

      // The register itself holds one licence per approval: issuing again for the same task is refused.
      await expect(issueLicence(world.db, { caseId: caseRow.id, taskId: amrTask.id, serviceId: amrTask.serviceId, departmentId: amrTask.departmentId, actorId: clerk.id, now })).rejects.toThrow();
      expect(await licencesOfCase(caseRow.id)).toHaveLength(1);
    });

    it("issues nothing when the approving transaction rolls back", async () => {
      const caseRow = await submitted("enterprise", "BUNDLE-RESTAURANT", restaurantAnswers({ hasOutdoorSign: "no" }));
      const clerk = await world.actorOf("clerk-fire");
      const [fireTask] = await world.db.select().from(tasks).where(and(eq(tasks.caseId, caseRow.id), eq(tasks.departmentId, clerk.departmentId!)));
      await claimTask({ db: world.db, actor: clerk, taskId: fireTask.id });
      await decideTask({ db: world.db, actor: clerk, taskId: fireTask.id, action: "accept", now, expectedVersion: await currentTaskVersion(world.db, fireTask.id) });
      const calendar = await loadCalendar(world.db);

      await expect(
        world.db.transaction(async (tx) => {
          const locked = await lockCase(tx, caseRow.id);
          const context = await loadTransitionContext(tx, locked, { calendar, today, now });
          expect(await runTaskTransition(context, { taskId: fireTask.id, action: "approve", by: "clerk", actorId: clerk.id })).toMatchObject({ ok: true });
          // Inside the transaction the licence exists …
          expect(await tx.select().from(licences).where(eq(licences.taskId, fireTask.id))).toHaveLength(1);
          throw new Error("something later in the approval failed");
        }),
      ).rejects.toThrow("something later in the approval failed");

      // … and with the approval rolled back, so is the licence.
      expect(await world.db.select().from(licences).where(eq(licences.taskId, fireTask.id))).toHaveLength(0);
      expect((await world.db.select().from(tasks).where(eq(tasks.id, fireTask.id)))[0].status).toBe("accepted");
    });
  });

  describe("verifying", () => {
    it("says valid, without personal numbers beyond what is needed to match the paper", async () => {
      const { licence } = await proofLicence();
      const result = await verifyLicence({ db: world.db, licenceId: licence.id, today });
      expect(result.state).toBe("valid");
      if (result.state !== "valid") return;
      expect(result.licence).toMatchObject({ number: licence.number, holderName: "张三", holderNumber: { kind: "id-number", value: "3101**********4016" } });
      expect(JSON.stringify(result)).not.toContain("310104198803124016");
    });

    it("says valid for the QR code's link, which carries the signed payload", async () => {
      const { licence } = await proofLicence();
      const url = licenceVerifyUrl(licence, { origin: "https://onedoor.example" });
      expect(await verifyLicence({ db: world.db, licenceId: licence.id, query: queryOf(url), today })).toMatchObject({ state: "valid" });
    });

    it("says forged when one data field of the register's row is altered, with or without the link's payload", async () => {
      const { licence } = await proofLicence();
      const url = licenceVerifyUrl(licence, { origin: "https://onedoor.example" });
      await world.db.update(licences).set({ data: { ...licence.data, purpose: "落户" } }).where(eq(licences.id, licence.id));
      expect(await verifyLicence({ db: world.db, licenceId: licence.id, today })).toEqual({ state: "forged", where: "register" });
      expect(await verifyLicence({ db: world.db, licenceId: licence.id, query: queryOf(url), today })).toEqual({ state: "forged", where: "register" });
    });

    it("says forged when the link's payload is altered, though the register's row is intact", async () => {
      const { licence } = await proofLicence();
      const query = queryOf(licenceVerifyUrl(licence, { origin: "https://onedoor.example" }));
      const altered = encodeLicencePayload({ ...buildLicencePayload(licence, getLicenceHashKeys()), validUntil: "2030-12-31" });
      expect(await verifyLicence({ db: world.db, licenceId: licence.id, query: { ...query, d: altered }, today })).toEqual({ state: "forged", where: "link" });
      expect(await verifyLicence({ db: world.db, licenceId: licence.id, query: { ...query, d: "garbage" }, today })).toEqual({ state: "forged", where: "link" });
      expect(await verifyLicence({ db: world.db, licenceId: licence.id, query: { d: query.d }, today })).toEqual({ state: "forged", where: "link" });
      expect(await verifyLicence({ db: world.db, licenceId: licence.id, query: { ...query, k: "0123456789abcdef" }, today })).toEqual({ state: "forged", where: "link" });
    });

    it("gives a new licence a verify address that holds no full ID number, not even inside its deflated payload", async () => {
      const { licence } = await proofLicence();
      const url = licenceVerifyUrl(licence, { origin: "https://onedoor.example" });
      expect(url).not.toContain("310104198803124016");
      const decoded = decodeLicencePayload(new URL(url).searchParams.get("d")!);
      expect(decoded.ok).toBe(true);
      if (!decoded.ok) return;
      expect(decoded.bytes).not.toContain("310104198803124016");
      expect(decoded.payload).toMatchObject({ v: 2, holder: { idNumber: "3101**********4016" } });
      expect(licence).toMatchObject({ payloadVersion: 2, hashKeyId: getLicenceHashKeys().active.keyId });
    });

    it("answers the holder check: yes for the holder's ID number, no for another, and a clear refusal for a malformed one", async () => {
      const { licence } = await proofLicence();
      const check = (idNumber: string, licenceId = licence.id) => checkLicenceHolder({ db: world.db, address: nextAddress(), licenceId, idNumber });
      expect(await check("310104198803124016")).toEqual({ ok: true, matches: true });
      expect(await check(" 3101 0419 8803 1240 16 ")).toEqual({ ok: true, matches: true });
      expect(await check("11010519491231002X")).toEqual({ ok: true, matches: false });
      expect(await check("310104198803124017")).toEqual({ ok: false, code: "invalid:holder-id-number" });
      expect(await check("")).toEqual({ ok: false, code: "invalid:holder-id-number" });
      expect(await check("310104198803124016", randomUUID())).toEqual({ ok: false, code: "not-found:licence" });
      expect(await check("310104198803124016", "not-a-uuid")).toEqual({ ok: false, code: "not-found:licence" });
      expect(await verifyLicence({ db: world.db, licenceId: licence.id, today })).toMatchObject({ state: "valid", link: "none", licence: { holderCheck: true } });
    });

    it("answers a licence's holder check ten times an hour, so it cannot be used to guess the hidden digits", async () => {
      const { licence } = await proofLicence();
      const check = () => checkLicenceHolder({ db: world.db, address: nextAddress(), licenceId: licence.id, idNumber: "11010519491231002X" });
      for (let attempt = 1; attempt <= HOLDER_CHECKS_PER_HOUR; attempt += 1) expect(await check(), `attempt ${attempt}`).toEqual({ ok: true, matches: false });
      expect(await check()).toMatchObject({ ok: false, code: "rate-limited:holder-check", details: { retryAfterSeconds: expect.any(Number) } });
      // The throttled try is audited, without the number typed.
      const audited = await world.db.select().from(auditRecords).where(and(eq(auditRecords.action, "licence-holder-checked"), eq(auditRecords.targetId, licence.id)));
      expect(audited).toMatchObject([{ outcome: "refused", details: { reason: "throttled" } }]);
      expect(JSON.stringify(audited)).not.toContain("11010519491231002X");
      // Even the right number waits; another licence does not.
      expect(await checkLicenceHolder({ db: world.db, address: nextAddress(), licenceId: licence.id, idNumber: "310104198803124016" })).toMatchObject({ ok: false, code: "rate-limited:holder-check" });
      const { licence: other } = await proofLicence();
      expect(await checkLicenceHolder({ db: world.db, address: nextAddress(), licenceId: other.id, idNumber: "310104198803124016" })).toEqual({ ok: true, matches: true });
      // An hour later the count starts again.
      await world.db.update(rateLimits).set({ expire: new Date(Date.now() - 1000) }).where(eq(rateLimits.key, `licence-holder-check:${licence.id}`));
      expect(await checkLicenceHolder({ db: world.db, address: nextAddress(), licenceId: licence.id, idNumber: "310104198803124016" })).toEqual({ ok: true, matches: true });
    });

    it("answers one address a limited number of holder checks an hour over all licences; other addresses go on", async () => {
      const address = "203.0.113.50";
      const licenceIds: string[] = [];
      for (let made = 0; made * HOLDER_CHECKS_PER_HOUR < HOLDER_CHECKS_PER_ADDRESS_PER_HOUR + 1; made += 1) licenceIds.push((await proofLicence()).licence.id);
      let answered = 0;
      for (const licenceId of licenceIds) {
        for (let attempt = 0; attempt < HOLDER_CHECKS_PER_HOUR && answered < HOLDER_CHECKS_PER_ADDRESS_PER_HOUR; attempt += 1) {
          expect(await checkLicenceHolder({ db: world.db, address, licenceId, idNumber: "11010519491231002X" })).toEqual({ ok: true, matches: false });
          answered += 1;
        }
      }
      const fresh = licenceIds.at(-1)!;
      expect(await checkLicenceHolder({ db: world.db, address, licenceId: fresh, idNumber: "310104198803124016" })).toMatchObject({ ok: false, code: "rate-limited:holder-check" });
      // Another address is not held back.
      expect(await checkLicenceHolder({ db: world.db, address: "2001:db8:1::7", licenceId: fresh, idNumber: "310104198803124016" })).toEqual({ ok: true, matches: true });
    });

    it("does not answer the holder check for a company's licence or for a licence whose row was altered", async () => {
      const [company] = await world.db.select().from(licences).where(eq(licences.type, "business-licence"));
      expect(await checkLicenceHolder({ db: world.db, address: nextAddress(), licenceId: company.id, idNumber: "310104198803124016" })).toEqual({ ok: false, code: "conflict:licence-holder-not-checkable" });
      expect(await verifyLicence({ db: world.db, licenceId: company.id, today })).toMatchObject({ licence: { holderCheck: false } });
      const { licence } = await proofLicence();
      await world.db.update(licences).set({ holderIdNumber: "11010519491231002X" }).where(eq(licences.id, licence.id));
      expect(await checkLicenceHolder({ db: world.db, address: nextAddress(), licenceId: licence.id, idNumber: "11010519491231002X" })).toEqual({ ok: false, code: "conflict:licence-holder-not-checkable" });
    });

    it("says expired after the last valid day, and not found for a made-up id", async () => {
      const { licence } = await proofLicence();
      expect(await verifyLicence({ db: world.db, licenceId: licence.id, today: "2026-06-01" })).toMatchObject({ state: "valid" });
      expect(await verifyLicence({ db: world.db, licenceId: licence.id, today: "2026-06-02" })).toMatchObject({ state: "expired" });
      expect(await verifyLicence({ db: world.db, licenceId: randomUUID(), today })).toEqual({ state: "not-found" });
      expect(await verifyLicence({ db: world.db, licenceId: "JY-20260302-000001", today })).toEqual({ state: "not-found" });
    });

    it("signs a licence stored unsigned (before signing existed) once, after which it verifies", async () => {
      const { licence } = await proofLicence();
      await world.db.update(licences).set({ signature: null, keyId: null }).where(eq(licences.id, licence.id));
      expect(await verifyLicence({ db: world.db, licenceId: licence.id, today })).toEqual({ state: "forged", where: "register" });
      expect(await resignLicences({ db: world.db })).toMatchObject({ signed: 1, resigned: 0, refused: [] });
      expect(await resignLicences({ db: world.db })).toMatchObject({ signed: 0, resigned: 0 });
      expect(await verifyLicence({ db: world.db, licenceId: licence.id, today })).toMatchObject({ state: "valid" });
    });
  });

  describe("revoking", () => {
    it("refuses another department's clerk, a citizen, and a missing or too long reason, changing nothing", async () => {
      const { caseRow, licence } = await proofLicence();
      const outboxBefore = (await world.db.select().from(outbox)).length;
      const attempts = [
        { username: "clerk-fire", reason: "材料虚假", code: "forbidden:licence" },
        { username: "citizen", reason: "不想要了", code: "forbidden:role" },
        { username: "clerk-hrss", reason: "   ", code: "invalid:revocation-reason-required" },
        { username: "clerk-hrss", reason: "很".repeat(501), code: "invalid:revocation-reason-too-long" },
      ];
      for (const attempt of attempts) {
        expect(await revokeLicence({ db: world.db, actor: await world.actorOf(attempt.username), licenceId: licence.id, reason: attempt.reason, now }), attempt.username).toMatchObject({ ok: false, code: attempt.code });
      }
      expect(await revokeLicence({ db: world.db, actor: await world.actorOf("clerk-hrss"), licenceId: randomUUID(), reason: "x", now })).toMatchObject({ ok: false, code: "not-found:licence" });
      const [after] = await world.db.select().from(licences).where(eq(licences.id, licence.id));
      expect(after).toEqual(licence);
      expect((await world.db.select().from(outbox)).length).toBe(outboxBefore);
      expect((await world.db.select().from(caseEvents).where(and(eq(caseEvents.caseId, caseRow.id), eq(caseEvents.kind, "licence-revoked")))).length).toBe(0);
    });

    it("lets the issuing department revoke with a reason: the trail, the holder's message and /verify all say so; a second time is refused", async () => {
      const { caseRow, licence } = await proofLicence();
      const clerk = await world.actorOf("clerk-hrss");
      const revokedAt = new Date("2026-03-05T09:30:00+08:00");
      expect(await revokeLicence({ db: world.db, actor: clerk, licenceId: licence.id, reason: "  证明所载缴费记录有误  ", now: revokedAt })).toEqual({ ok: true, revokedAt });

      const [row] = await world.db.select().from(licences).where(eq(licences.id, licence.id));
      expect(row).toMatchObject({ status: "revoked", revokedById: clerk.id, revocationReason: "证明所载缴费记录有误" });
      expect(await topicsOf("citizen", caseRow.id)).toEqual(["case-submitted", "licence-issued", "licence-revoked"]);
      const [event] = await world.db.select().from(caseEvents).where(and(eq(caseEvents.caseId, caseRow.id), eq(caseEvents.kind, "licence-revoked")));
      expect(event).toMatchObject({ public: true, actorId: clerk.id, data: { reason: "证明所载缴费记录有误", number: licence.number } });
      expect(await verifyCaseTrail({ db: world.db, caseId: caseRow.id })).toMatchObject({ ok: true });

      // Revoked, even for the QR code's link signed before the revocation; the signature still holds.
      const url = licenceVerifyUrl(licence, { origin: "https://onedoor.example" });
      expect(await verifyLicence({ db: world.db, licenceId: licence.id, query: queryOf(url), today: "2026-03-06" })).toMatchObject({
        state: "revoked",
        revokedAt,
        revocationReason: "证明所载缴费记录有误",
      });
      expect(await revokeLicence({ db: world.db, actor: clerk, licenceId: licence.id, reason: "再次撤销", now })).toMatchObject({ ok: false, code: "conflict:licence-revoked" });
    });

    it("lets a supervisor who watches every department revoke, and tells the holding company in one message for all its members", async () => {
      const company = await world.db.select().from(licences).where(eq(licences.type, "business-licence"));
      const revoked = await revokeLicence({ db: world.db, actor: await world.actorOf("supervisor"), licenceId: company[0].id, reason: "营业执照已注销", now });
      expect(revoked).toMatchObject({ ok: true });
      const messages = await world.db.select().from(outbox).where(and(isOutboxFor(world.db, await userId("enterprise")), eq(outbox.topic, "licence-revoked")));
      expect(messages).toHaveLength(1);
      expect(messages[0]).toMatchObject({ companyId: company[0].holderCompanyId, recipientId: null });
      expect(messages[0].params).toMatchObject({ number: "310104000201809120017", reason: "营业执照已注销" });
    });
  });

  describe("the wallet and reuse", () => {
    /** Every page of a wallet, older and older: the tests before this one issue the citizen more than a page. */
    async function wholeWallet(username: string, day: string) {
      const actor = await world.actorOf(username);
      const licences: Awaited<ReturnType<typeof listMyLicences>>["licences"] = [];
      for (let older: string | null | undefined = undefined; ; ) {
        const page = await listMyLicences({ db: world.db, actor, today: day, older });
        licences.push(...page.licences);
        if (!page.older) return licences;
        older = page.older;
      }
    }

    it("lists a person's own licences and their companies', each with its state, and nobody else's", async () => {
      const { licence } = await proofLicence();
      const citizenWallet = await wholeWallet("citizen", today);
      expect(citizenWallet.map((item) => item.number)).toContain(licence.number);
      expect(citizenWallet.map((item) => item.number)).toContain("沪户310104-2011-004512");
      expect(citizenWallet.find((item) => item.id === licence.id)).toMatchObject({ state: "valid", company: false, holderName: "张三" });
      expect((await wholeWallet("citizen", "2026-07-01")).find((item) => item.id === licence.id)?.state).toBe("expired");

      const enterpriseWallet = await wholeWallet("enterprise", today);
      expect(enterpriseWallet.length).toBeGreaterThan(0);
      expect(enterpriseWallet.every((item) => item.company)).toBe(true);
      expect(await listMyLicences({ db: world.db, actor: await world.actorOf("citizen2"), today })).toEqual({ licences: [], newer: null, older: null });
    });

    it("gives the PDF its printed content and QR address to the holder and the issuing department only", async () => {
      const { licence } = await proofLicence();
      const mine = await getLicenceForPdf({ db: world.db, actor: await world.actorOf("citizen"), licenceId: licence.id, today, origin: "https://onedoor.example" });
      expect(mine.ok).toBe(true);
      if (!mine.ok) return;
      // The holder's own document prints the full number; the QR code's address carries none.
      expect(mine.licence.printed).toEqual(buildPrintedLicence(licence));
      expect(mine.licence.printed.holder.idNumber).toBe("310104198803124016");
      expect(mine.licence.verifyUrl).not.toContain("310104198803124016");
      expect(mine.licence.verifyUrl.startsWith(`https://onedoor.example/verify/${licence.id}?d=`)).toBe(true);
      expect(await verifyLicence({ db: world.db, licenceId: licence.id, query: queryOf(mine.licence.verifyUrl), today })).toMatchObject({ state: "valid" });
      expect(await getLicenceForPdf({ db: world.db, actor: await world.actorOf("clerk-hrss"), licenceId: licence.id, today })).toMatchObject({ ok: true });
      for (const username of ["citizen2", "clerk-fire", "enterprise"]) {
        expect(await getLicenceForPdf({ db: world.db, actor: await world.actorOf(username), licenceId: licence.id, today }), username).toMatchObject({ ok: false, code: "not-found:licence" });
      }
    });

    async function socialSecurityCard(householdRegisterId: string) {
      const citizen = await world.actorOf("citizen");
      const photoField = { key: "photo", type: "material", label: t("照片", "Photo"), required: true, accept: ["image/png"], maxFiles: 1, maxSizeKb: 2048, licenceTypes: [] } as unknown as TFieldOf<"material">;
      const stored = await storeUpload({ db: world.db, actor: citizen, field: photoField, file: new File([onePixelPng], "me.png") });
      if (!stored.ok) throw new Error(stored.reason);
      return submit("citizen", "HRSS-SSCARD", {
        cardholderIsMinor: "no",
        applicantMobile: "13800138000",
        cardBank: "icbc",
        deliveryMethod: "branch",
        photo: [stored.ref],
        householdRegister: [{ kind: "licence", licenceId: householdRegisterId }],
      });
    }
    async function householdRegister(overrides: { validUntil?: string } = {}) {
      return seedLicence(world.db, {
        number: `沪户-${randomUUID().slice(0, 8)}`,
        type: "household-register",
        title: t("居民户口簿", "Household register"),
        issuingDepartmentCode: "POLICE",
        holderUserId: await userId("citizen"),
        data: { name: "张三", address: "上海市徐汇区天钥桥路 100 弄 5 号" },
        dataFields: [{ key: "name", label: t("户主姓名", "Head of household") }],
        validFrom: "2011-03-02",
        validUntil: overrides.validUntil ?? null,
      });
    }

    it("takes a current, authentic licence instead of paper, and refuses a revoked, an expired or an altered one", async () => {
      const current = await householdRegister();
      expect(await socialSecurityCard(current.id)).toMatchObject({ ok: true });

      const revoked = await householdRegister();
      expect(await revokeLicence({ db: world.db, actor: await world.actorOf("clerk-police"), licenceId: revoked.id, reason: "户口已迁出", now })).toMatchObject({ ok: true });
      expect(await socialSecurityCard(revoked.id)).toMatchObject({ ok: false, code: "invalid:material", field: "householdRegister" });

      const expired = await householdRegister({ validUntil: "2026-03-01" });
      expect(await socialSecurityCard(expired.id)).toMatchObject({ ok: false, code: "invalid:material", field: "householdRegister" });

      const altered = await householdRegister();
      await world.db.update(licences).set({ data: { name: "张三", address: "北京市东城区" } }).where(eq(licences.id, altered.id));
      expect(await socialSecurityCard(altered.id)).toMatchObject({ ok: false, code: "invalid:material", field: "householdRegister" });
    });

    it("prefills from a wallet licence only while it matches its signature", async () => {
      const checked = checkFormDefinition({
        schemaVersion: 1,
        pages: [{ key: "p", title: t("页", "Page"), sections: [{ key: "s", fields: [{ key: "homeAddress", type: "text", label: t("住址", "Address"), required: true, prefill: { source: "licence.household-register.address" } }] }] }],
      });
      if (!checked.ok) throw new Error("test definition");
      await householdRegister();
      const citizen = await world.actorOf("citizen");
      const prefill = () => resolvePrefill({ db: world.db, actor: citizen, companyId: null, definition: checked.definition, today });
      expect((await prefill()).homeAddress).toMatchObject({ value: "上海市徐汇区天钥桥路 100 弄 5 号", locked: true });
      // Every household register of the citizen altered: nothing authentic is left to prefill from.
      await world.db.update(licences).set({ data: { name: "张三", address: "北京市东城区" } }).where(and(eq(licences.type, "household-register"), eq(licences.holderUserId, citizen.id)));
      expect((await prefill()).homeAddress).toBeUndefined();
    });
  });

  describe("hash key rotation", () => {
    it("re-hashes and re-signs with the new hash key at setup, keeps the QR codes printed before verifying, and refuses to go on without the old key", async () => {
      const { licence } = await proofLicence();
      const before = getLicenceHashKeys();
      const oldUrl = licenceVerifyUrl(licence, { origin: "https://x", hashKeys: before });
      const rotated: TLicenceHashKeys = { active: hashKeyFrom(parseHashKey(generateHashKeySecret())), previous: before.active };

      // Without the previous key the licences it hashed cannot be re-hashed: setup is told, and nothing changes.
      const stranded = await resignLicences({ db: world.db, hashKeys: { active: rotated.active, previous: null } });
      expect(stranded.unknownHashKey).toContain(licence.id);
      expect((await world.db.select().from(licences).where(eq(licences.id, licence.id)))[0].hashKeyId).toBe(before.active.keyId);

      const result = await resignLicences({ db: world.db, hashKeys: rotated });
      expect(result.resigned).toBeGreaterThan(0);
      expect(result.unknownHashKey).toEqual([]);
      const [row] = await world.db.select().from(licences).where(eq(licences.id, licence.id));
      expect(row.hashKeyId).toBe(rotated.active.keyId);
      const afterRotation = { active: rotated.active, previous: null };
      expect(await verifyLicence({ db: world.db, licenceId: licence.id, query: queryOf(oldUrl), today, hashKeys: afterRotation })).toMatchObject({ state: "valid", link: "current" });
      expect(await verifyLicence({ db: world.db, licenceId: licence.id, query: queryOf(licenceVerifyUrl(row, { origin: "https://x", hashKeys: afterRotation })), today, hashKeys: afterRotation })).toMatchObject({ state: "valid" });
      expect(await checkLicenceHolder({ db: world.db, address: nextAddress(), licenceId: licence.id, idNumber: "310104198803124016", hashKeys: afterRotation })).toEqual({ ok: true, matches: true });
      // Put back as it was, so the other tests of this file keep their key.
      expect(await resignLicences({ db: world.db, hashKeys: { active: before.active, previous: rotated.active } })).toMatchObject({ unknownHashKey: [], refused: [] });
    });
  });

  describe("key rotation", () => {
    it("keeps licences signed with the old key verifying, signs new ones with the new key, and publishes both", async () => {
      const { licence: old } = await proofLicence();
      const oldKey = getActiveSigningKey();
      const newKey = generateSigningKey();
      const rotatedAt = new Date("2026-03-03T00:00:00Z");
      await registerActiveSigningKey(world.db, newKey, rotatedAt);

      const fresh = await world.db.transaction((tx) =>
        insertSignedLicence(
          tx,
          { ...old, id: undefined, number: `${old.number}-R`, caseId: null, taskId: null, signedAt: rotatedAt },
          newKey,
        ),
      );
      expect(fresh.keyId).toBe(newKey.keyId);
      expect(await verifyLicence({ db: world.db, licenceId: old.id, today })).toMatchObject({ state: "valid", licence: { keyId: oldKey.keyId } });
      expect(await verifyLicence({ db: world.db, licenceId: fresh.id, today })).toMatchObject({ state: "valid", licence: { keyId: newKey.keyId } });
      expect(await verifyLicence({ db: world.db, licenceId: old.id, query: queryOf(licenceVerifyUrl(old, { origin: "https://x" })), today })).toMatchObject({ state: "valid" });

      const published = await listSigningKeys({ db: world.db });
      expect(published.find((key) => key.keyId === oldKey.keyId)).toMatchObject({ algorithm: "Ed25519", publicKey: oldKey.publicKey, retiredAt: rotatedAt.toISOString() });
      expect(published.find((key) => key.keyId === newKey.keyId)).toMatchObject({ publicKey: newKey.publicKey, retiredAt: null });
      expect(published.every((key) => key.publicKeyPem.startsWith("-----BEGIN PUBLIC KEY-----"))).toBe(true);

      // A licence claiming the new key but signed by the old one does not pass.
      await world.db.update(licences).set({ keyId: newKey.keyId }).where(eq(licences.id, old.id));
      expect(await verifyLicence({ db: world.db, licenceId: old.id, today })).toEqual({ state: "forged", where: "register" });
    });
  });
});
