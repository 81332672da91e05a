import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cases, drafts, licences } from "@/db/schema";
import { testDatabaseKinds } from "@/db/testing";
import { openSeededWorld, type TWorld } from "@/server/testing/world";
import { deleteDraft } from "./delete-draft";
import { listMyDrafts } from "./list-my-drafts";
import { loadDraft } from "./load-draft";
import { purgeExpiredDrafts } from "./purge-expired-drafts";
import { saveDraftPage, type TWizardIntent } from "./save-draft-page";
import { startDraft } from "./start-draft";
import { submitDraft } from "./submit-draft";

const onePixelPng = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");
const now = new Date("2026-03-02T10:00:00+08:00");

describe.each(testDatabaseKinds)("drafts on %s", (kind) => {
  let world: TWorld;
  beforeAll(async () => {
    world = await openSeededWorld(kind);
  });
  afterAll(async () => {
    await world?.drop();
  });

  async function start(username = "citizen", subjectCode = "HRSS-SSCARD", at = now) {
    const result = await startDraft({ db: world.db, actor: await world.actorOf(username), subjectCode, now: at });
    if (!result.ok) throw new Error(result.code);
    return result.draftId;
  }
  async function save(draftId: string, pageKey: string, posted: Record<string, unknown>, intent: TWizardIntent = { kind: "next" }, uploads: Record<string, File[]> = {}, username = "citizen") {
    return saveDraftPage({ db: world.db, actor: await world.actorOf(username), draftId, pageKey, posted, uploads, intent, now });
  }
  async function answersOf(draftId: string) {
    const [row] = await world.db.select().from(drafts).where(eq(drafts.id, draftId));
    return row?.answers;
  }

  it("keeps what was typed on a page with errors, and moves on only when the page is clean", async () => {
    const draftId = await start();
    const bad = await save(draftId, "cardholder", { cardholderIsMinor: "no", applicantMobile: "1380013800" });
    expect(bad).toMatchObject({ ok: true, next: "stay" });
    expect(bad.ok && bad.errors.applicantMobile).toBeTruthy();
    expect((await answersOf(draftId))?.applicantMobile).toBe("1380013800");

    const good = await save(draftId, "cardholder", { cardholderIsMinor: "no", applicantMobile: "13800138000" });
    expect(good).toMatchObject({ ok: true, next: "card", errors: {} });
    const back = await save(draftId, "card", { cardBank: "icbc" }, { kind: "back" });
    expect(back).toMatchObject({ ok: true, next: "cardholder" });
    expect((await answersOf(draftId))?.cardBank).toBe("icbc");
  });

  it("locks prefilled identity: a forged name from the browser is replaced by the register's", async () => {
    const draftId = await start();
    await save(draftId, "cardholder", { cardholderIsMinor: "no", cardholderName: "冒名顶替", cardholderIdNumber: "110101199003074477", applicantMobile: "13800138000" });
    const answers = await answersOf(draftId);
    expect(answers?.cardholderName).toBe("张三");
    expect(answers?.cardholderIdNumber).toBe("310104198803124016");
  });

  it("stores an upload by its content and refuses a file whose content is not an allowed type", async () => {
    const draftId = await start();
    const fake = new File([new TextEncoder().encode("<html>not a photo</html>")], "photo.png", { type: "image/png" });
    const refused = await save(draftId, "materials", {}, { kind: "next" }, { photo: [fake] });
    expect(refused.ok && refused.errors.photo?.code).toBe("file-type-not-allowed");

    const photo = new File([onePixelPng], "证件照.pdf", { type: "application/pdf" });
    await save(draftId, "materials", {}, { kind: "refresh" }, { photo: [photo] });
    const stored = (await answersOf(draftId))?.photo as { kind: string; mediaType: string; name: string }[];
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ kind: "file", mediaType: "image/png", name: "证件照.pdf" });
  });

  it("takes a material from the applicant's own wallet and submits the draft as one case, once", async () => {
    const draftId = await start();
    const [register] = await world.db.select().from(licences).where(eq(licences.type, "household-register"));
    await save(draftId, "cardholder", { cardholderIsMinor: "no", applicantMobile: "13800138000" });
    await save(draftId, "card", { cardBank: "boc", deliveryMethod: "post", deliveryAddress: { region: { province: "310000", city: "310104" }, detail: "天钥桥路 100 弄 5 号" } });
    await save(draftId, "materials", { householdRegister: { licence: register.id } }, { kind: "next" }, { photo: [new File([onePixelPng], "me.png")] });

    const actor = await world.actorOf("citizen");
    const [draft] = await world.db.select().from(drafts).where(eq(drafts.id, draftId));
    const first = await submitDraft({ db: world.db, actor, draftId, idempotencyKey: draft.idempotencyKey, now });
    expect(first, JSON.stringify(first)).toMatchObject({ ok: true, duplicate: false });
    const again = await submitDraft({ db: world.db, actor, draftId, idempotencyKey: draft.idempotencyKey, now });
    expect(again).toMatchObject({ ok: true, duplicate: true });
    expect(first.ok && again.ok && again.caseNumber).toBe(first.ok && first.caseNumber);

    const [row] = await world.db.select().from(cases).where(eq(cases.idempotencyKey, draft.idempotencyKey));
    expect(row.answers.householdRegister).toEqual([{ kind: "licence", licenceId: register.id }]);
    expect(row.answers.deliveryAddress).toEqual({ region: "310104", detail: "天钥桥路 100 弄 5 号" });
    expect(row.answers.cardholderName).toBe("张三");
    expect(await answersOf(draftId)).toBeUndefined();
  });

  it("refuses someone else's licence at submit", async () => {
    const draftId = await start("citizen2");
    const [register] = await world.db.select().from(licences).where(eq(licences.type, "household-register"));
    await save(draftId, "cardholder", { cardholderIsMinor: "no", applicantMobile: "13900139000" }, { kind: "next" }, {}, "citizen2");
    await save(draftId, "card", { cardBank: "boc", deliveryMethod: "branch" }, { kind: "next" }, {}, "citizen2");
    await save(draftId, "materials", { householdRegister: { licence: register.id } }, { kind: "next" }, { photo: [new File([onePixelPng], "me.png")] }, "citizen2");
    const actor = await world.actorOf("citizen2");
    const [draft] = await world.db.select().from(drafts).where(eq(drafts.id, draftId));
    const result = await submitDraft({ db: world.db, actor, draftId, idempotencyKey: draft.idempotencyKey, now });
    expect(result).toMatchObject({ ok: false, code: "invalid:material" });
  });

  it("lets only the owner see, change or delete a draft", async () => {
    const draftId = await start();
    const stranger = await world.actorOf("citizen2");
    expect(await loadDraft({ db: world.db, actor: stranger, draftId, now })).toMatchObject({ ok: false, code: "forbidden:draft" });
    expect(await save(draftId, "cardholder", { cardholderIsMinor: "yes" }, { kind: "next" }, {}, "citizen2")).toMatchObject({ ok: false, code: "forbidden:draft" });
    expect(await deleteDraft({ db: world.db, actor: stranger, draftId })).toMatchObject({ ok: false, code: "not-found:draft" });
    expect(await answersOf(draftId)).toBeDefined();
  });

  it("expires a draft after the configured days: listing leaves it out and loading says when, neither deletes", async () => {
    const draftId = await start();
    const actor = await world.actorOf("citizen");
    const later = new Date(now.getTime() + 31 * 24 * 60 * 60 * 1000);
    const listed = await listMyDrafts({ db: world.db, actor, now: new Date(now.getTime() + 28 * 24 * 60 * 60 * 1000) });
    expect(listed.find((draft) => draft.id === draftId)?.expiringSoon).toBe(true);
    expect((await listMyDrafts({ db: world.db, actor, now: later })).map((draft) => draft.id)).not.toContain(draftId);
    expect(await loadDraft({ db: world.db, actor, draftId, now: later })).toMatchObject({ ok: false, code: "expired:draft" });
    expect(await answersOf(draftId)).toBeDefined();
  });

  it("purges expired drafts, everyone's, and only those", async () => {
    const expiring = await start();
    const other = await start("citizen2");
    const later = new Date(now.getTime() + 31 * 24 * 60 * 60 * 1000);
    const fresh = await start("citizen", "HRSS-SSCARD", later);
    const { deleted } = await purgeExpiredDrafts({ db: world.db, now: later });
    expect(deleted).toBeGreaterThanOrEqual(2);
    expect(await answersOf(expiring)).toBeUndefined();
    expect(await answersOf(other)).toBeUndefined();
    expect(await answersOf(fresh)).toBeDefined();
  });

  it("does not start a legal-person service for a citizen", async () => {
    const result = await startDraft({ db: world.db, actor: await world.actorOf("citizen"), subjectCode: "AMR-FOOD-LICENCE", now });
    expect(result).toMatchObject({ ok: false, code: "forbidden:applicant-type" });
  });
});
