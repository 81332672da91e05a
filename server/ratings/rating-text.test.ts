/**
 * What applicants and clerks type around a rating, on both databases: a comment or a follow-up reply with a NUL (a
 * 500 before) or another control character is refused on its field and writes nothing; bidi controls are removed.
 */
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cases, ratingFollowUps, ratings } from "@/db/schema";
import { proofAnswers } from "@/seed/sample-answers";
import { testDatabaseKinds } from "@/db/testing";
import { submitApplication } from "@/server/intake/submit-application";
import { bidiText, refusedTexts } from "@/server/testing/hostile-text";
import { openSeededWorld, type TWorld } from "@/server/testing/world";
import { rateCase } from "./rate-case";
import { replyToFollowUp } from "./reply-to-follow-up";

const levels = { overall: 1, efficiency: 1, guideAccuracy: 2, convenience: 1 };

describe.each(testDatabaseKinds)("typed text of ratings on %s", (kind) => {
  let world: TWorld;
  beforeAll(async () => {
    world = await openSeededWorld(kind, { poolSize: 4 });
  });
  afterAll(async () => {
    await world?.drop();
  });

  /** An instant proof: concluded at submit, so it may be rated at once. */
  async function concludedProof() {
    const citizen = await world.actorOf("citizen");
    const result = await submitApplication({ db: world.db, actor: citizen, subjectCode: "HRSS-PROOF", rawAnswers: proofAnswers(), idempotencyKey: randomUUID(), channel: "online" });
    if (!result.ok) throw new Error(result.code);
    const [caseRow] = await world.db.select().from(cases).where(eq(cases.number, result.caseNumber));
    expect(caseRow.status).toBe("concluded");
    return { citizen, caseRow };
  }

  it("refuses a comment with a control character on its field, rating nothing", async () => {
    const { citizen, caseRow } = await concludedProof();
    for (const [name, comment] of refusedTexts) {
      expect(await rateCase({ db: world.db, actor: citizen, caseNumber: caseRow.number, ...levels, comment }), name).toEqual({
        ok: false,
        code: "invalid:text-control-character",
        fields: { comment: "invalid:text-control-character" },
      });
    }
    expect(await world.db.select().from(ratings).where(eq(ratings.caseId, caseRow.id))).toHaveLength(0);

    expect(await rateCase({ db: world.db, actor: citizen, caseNumber: caseRow.number, ...levels, comment: bidiText.sent })).toMatchObject({ ok: true });
    expect(await world.db.select({ comment: ratings.comment }).from(ratings).where(eq(ratings.caseId, caseRow.id))).toEqual([{ comment: bidiText.stored }]);
  });

  it("refuses a follow-up reply with a control character, leaving the follow-up open", async () => {
    const { citizen, caseRow } = await concludedProof();
    const rated = await rateCase({ db: world.db, actor: citizen, caseNumber: caseRow.number, ...levels, comment: "" });
    if (!rated.ok) throw new Error(rated.code);
    const [followUpId] = rated.followUpIds;
    const clerk = await world.actorOf("clerk-hrss");
    for (const [name, reply] of refusedTexts) {
      expect(await replyToFollowUp({ db: world.db, actor: clerk, followUpId, reply }), name).toEqual({ ok: false, code: "invalid:text-control-character" });
    }
    expect(await world.db.select({ status: ratingFollowUps.status, reply: ratingFollowUps.reply }).from(ratingFollowUps).where(eq(ratingFollowUps.id, followUpId))).toEqual([
      { status: "open", reply: null },
    ]);

    expect(await replyToFollowUp({ db: world.db, actor: clerk, followUpId, reply: bidiText.sent })).toEqual({ ok: true, followUpId });
    expect(await world.db.select({ reply: ratingFollowUps.reply }).from(ratingFollowUps).where(eq(ratingFollowUps.id, followUpId))).toEqual([{ reply: bidiText.stored }]);
  });
});
