/**
 * The e-licence PDF: the holder downloads what the licence prints, with a QR code whose address carries the signed
 * payload; someone else gets not-found; a revoked licence still downloads but says so at the top.
 */
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cases, licences } from "@/db/schema";
import { proofAnswers } from "@/seed/sample-answers";
import { testDatabaseKinds } from "@/db/testing";
import { submitApplication } from "@/server/intake/submit-application";
import { readPdfTags } from "@/server/testing/pdf-structure";
import { readPdf } from "@/server/testing/pdf-text";
import { openSeededWorld, type TWorld } from "@/server/testing/world";
import { renderLicencePdf } from "./render-licence-pdf";
import { revokeLicence } from "./revoke-licence";

const origin = "https://onedoor.example.gov.cn";

describe.each(testDatabaseKinds)("renderLicencePdf on %s", (kind) => {
  let world: TWorld;
  let licenceId = "";
  let licenceNumber = "";
  beforeAll(async () => {
    world = await openSeededWorld(kind);
    // An instant proof is approved at submit and issues its licence in the same transaction.
    const proof = await submitApplication({
      db: world.db,
      actor: await world.actorOf("citizen"),
      subjectCode: "HRSS-PROOF",
      rawAnswers: proofAnswers(),
      idempotencyKey: randomUUID(),
      channel: "online",
    });
    if (!proof.ok) throw new Error(proof.code);
    const [row] = await world.db
      .select({ id: licences.id, number: licences.number })
      .from(licences)
      .innerJoin(cases, eq(cases.id, licences.caseId))
      .where(and(eq(cases.number, proof.caseNumber)));
    [licenceId, licenceNumber] = [row.id, row.number];
  });
  afterAll(async () => {
    await world?.drop();
  });

  const render = async (username: string, locale: "zh-Hans" | "zh-Hant" | "en" = "zh-Hans") =>
    renderLicencePdf({ db: world.db, actor: await world.actorOf(username), licenceId, locale, origin });

  it("gives the holder their licence as printed, with the signed verify address in the QR code", async () => {
    const result = await render("citizen");
    if (!result.ok) throw new Error(result.code);
    const read = await readPdf(result.pdf);
    const text = read.pages.flatMap((page) => page.lines.map((line) => line.text)).join("\n");
    expect(text).toContain(licenceNumber);
    expect(text).toContain("张三");
    // The holder's own document prints their full number; only the public page masks it.
    expect(text).toContain("310104198803124016");
    const links = read.pages.flatMap((page) => page.links.map((link) => link.url));
    expect(links.some((url) => url.startsWith(`${origin}/verify/${licenceId}?d=`) && url.includes("&s=") && url.includes("&k="))).toBe(true);
    expect(result.fileName).toContain(licenceNumber);
  });

  it("prints the holder's name in traditional characters in zh-Hant, while the signed licence keeps it as stored", async () => {
    const [hant, hans] = [await render("citizen", "zh-Hant"), await render("citizen")];
    if (!hant.ok || !hans.ok) throw new Error("no licence");
    const [readHant, readHans] = [await readPdf(hant.pdf), await readPdf(hans.pdf)];
    const lines = readHant.pages.flatMap((page) => page.lines.map((line) => line.text));
    expect(lines).toContain("持證主體 張三");
    expect(lines).not.toContain("持證主體 张三");
    const [stored] = await world.db.select({ holderName: licences.holderName }).from(licences).where(eq(licences.id, licenceId));
    expect(stored.holderName).toBe("张三");
    // The QR code carries the same signed payload in every language: only the printing changed.
    const qr = (read: typeof readHant) => read.pages.flatMap((page) => page.links.map((link) => link.url)).find((url) => url.includes("/verify/"));
    expect(qr(readHant)).toBe(qr(readHans));
  });

  it("tags the licence for a screen reader: its title as H1, the QR code said in words without the signed payload", async () => {
    const result = await render("citizen");
    if (!result.ok) throw new Error(result.code);
    const tags = await readPdfTags(result.pdf);
    expect(tags).toMatchObject({ marked: true, displayDocTitle: true, language: "zh-CN", title: `社会保险参保缴费证明 ${licenceNumber}` });
    const tree = tags.pages.map((page) => page.tree!);
    expect(tree[0].children.map((tag) => tag.role).slice(0, 3)).toEqual(["P", "H1", "Table"]);
    expect(tree[0].children[1].text).toBe("社会保险参保缴费证明");
    const figure = tree.flatMap((page) => page.children).find((tag) => tag.role === "Link")?.children[0];
    expect(figure).toMatchObject({ role: "Figure", alt: `二维码：打开 ${origin}/verify/${licenceId} 核验本证照` });
    for (const page of tags.pages) expect(page.unmarked).toEqual([]);
  });

  it("prints a zh-Hant licence in the Traditional Chinese face, with the register's simplified values drawn, not boxes", async () => {
    const result = await render("citizen", "zh-Hant");
    if (!result.ok) throw new Error(result.code);
    const tags = await readPdfTags(result.pdf);
    expect(tags.language).toBe("zh-TW");
    expect(tags.fonts).toEqual(["NotoSansSC-Regular", "NotoSansTC-Bold", "NotoSansTC-Regular"]);
    const runs = tags.pages.flatMap((page) => page.runs);
    expect(runs.filter((run) => run.font === "NotoSansTC-Bold").map((run) => run.text).join("")).toContain("社會保險參保繳費證明");
    // The holder's name is shown in traditional characters, but the licence's own data is printed as issued: the
    // insured person 张三 and the purpose 购房 hold 张 and 购, which the TC face lacks and the SC face draws.
    expect(runs.filter((run) => run.font === "NotoSansSC-Regular").map((run) => run.text)).toEqual(["张", "购"]);
    const { text } = await readPdf(result.pdf);
    for (const line of ["持證主體 張三", "參保人 张三", "證明用途 购房"]) expect(text).toContain(line);
    expect(runs.map((run) => run.text).join("")).not.toContain("\u0000");
  });

  it("finds nothing for someone else, and an unknown id is the same", async () => {
    expect(await render("citizen2")).toMatchObject({ ok: false, code: "not-found:licence" });
    expect(await render("enterprise")).toMatchObject({ ok: false, code: "not-found:licence" });
    expect(await renderLicencePdf({ db: world.db, actor: await world.actorOf("citizen"), licenceId: randomUUID(), locale: "en", origin })).toMatchObject({ ok: false });
  });

  it("still gives a revoked licence to its holder, saying at the top that it is no longer valid", async () => {
    expect(await revokeLicence({ db: world.db, actor: await world.actorOf("clerk-hrss"), licenceId, reason: "缴费记录有误" })).toMatchObject({ ok: true });
    const result = await render("citizen", "en");
    if (!result.ok) throw new Error(result.code);
    const text = (await readPdf(result.pdf)).pages.flatMap((page) => page.lines.map((line) => line.text)).join(" ");
    expect(text).toMatch(/revoked on .* no longer valid/);
  });
});
