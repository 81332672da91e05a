/**
 * Text typed into the wizard and names of uploaded files, on both databases. An answer with a NUL or another control
 * character is refused at its field and the draft still saves (a NUL in jsonb was a 500); a one-line answer with a
 * line break is refused; bidi controls are removed from answers and from the file names clerks will read.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { drafts, files } from "@/db/schema";
import { testDatabaseKinds } from "@/db/testing";
import { bidiText, refusedTexts } from "@/server/testing/hostile-text";
import { openSeededWorld, type TWorld } from "@/server/testing/world";
import { saveDraftPage } from "./save-draft-page";
import { startDraft } from "./start-draft";

const onePixelPng = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");
const now = new Date("2026-03-02T10:00:00+08:00");

describe.each(testDatabaseKinds)("typed text in the wizard on %s", (kind) => {
  let world: TWorld;
  beforeAll(async () => {
    world = await openSeededWorld(kind);
  });
  afterAll(async () => {
    await world?.drop();
  });

  async function start() {
    const result = await startDraft({ db: world.db, actor: await world.actorOf("citizen"), subjectCode: "HRSS-SSCARD", now });
    if (!result.ok) throw new Error(result.code);
    return result.draftId;
  }
  async function save(draftId: string, pageKey: string, posted: Record<string, unknown>, uploads: Record<string, File[]> = {}) {
    return saveDraftPage({ db: world.db, actor: await world.actorOf("citizen"), draftId, pageKey, posted, uploads, intent: { kind: "next" }, now });
  }
  const answersOf = async (draftId: string) => (await world.db.select({ answers: drafts.answers }).from(drafts).where(eq(drafts.id, draftId)))[0].answers;

  it("refuses an answer with a control character at its field, and saves the draft without a NUL", async () => {
    const draftId = await start();
    for (const [name, childName] of refusedTexts) {
      const result = await save(draftId, "cardholder", { cardholderIsMinor: "yes", childName, childIdNumber: "310104201905014019" });
      expect(result, name).toMatchObject({ ok: true, next: "stay", errors: { childName: { code: "control-character" } } });
      expect((await answersOf(draftId)).childName, name).toBe(childName.replace("\u0000", ""));
    }
    const broken = await save(draftId, "cardholder", { cardholderIsMinor: "yes", childName: "张\n小明", childIdNumber: "310104201905014019" });
    expect(broken).toMatchObject({ ok: true, next: "stay", errors: { childName: { code: "line-break" } } });

    await save(draftId, "cardholder", { cardholderIsMinor: "yes", childName: bidiText.sent, childIdNumber: "310104201905014019" });
    expect((await answersOf(draftId)).childName).toBe(bidiText.stored);
  });

  it("names an uploaded file without its bidi controls, control characters or folders", async () => {
    const draftId = await start();
    const photo = new File([onePixelPng], "C:\\照片\\photo\u202egnp.exe\u0000\u001b.png", { type: "image/png" });
    const result = await save(draftId, "materials", {}, { photo: [photo] });
    expect(result).toMatchObject({ ok: true });
    const [stored] = await world.db.select({ name: files.name }).from(files).where(eq(files.name, "photognp.exe.png"));
    expect(stored).toBeDefined();
    expect((await answersOf(draftId)).photo).toMatchObject([{ kind: "file", name: "photognp.exe.png" }]);
  });
});
