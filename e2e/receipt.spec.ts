/**
 * The acknowledgement of receipt (受理回执): a citizen applies for an instant service and downloads the receipt from
 * the tracker, as a file; nobody else gets it by its address.
 */
import fs from "node:fs";
import { readPdf } from "../server/testing/pdf-text";
import { expect, signIn, test, submitInstantProof } from "./fixtures";

test.describe("the receipt of a citizen's application", () => {
  test.describe.configure({ mode: "serial" });
  let caseNumber = "";

  test("the citizen downloads it from the tracker: a PDF with the case number, the applicant and a link to the tracker", async ({ page }) => {
    await signIn(page, "citizen");
    caseNumber = await submitInstantProof(page);

    const downloading = page.waitForEvent("download");
    await page.getByRole("link", { name: "下载受理回执（PDF）" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`受理回执-${caseNumber}.pdf`);
    const bytes = fs.readFileSync(await download.path());
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    // A receipt measures 39–53 KB (the glyphs it uses, embedded as a subset of the font, and its tags). 100 KB
    // leaves room for a bundle with more departments, and still fails at once if the font went in whole (10.5 MB a
    // weight) or the QR code became a large image.
    expect(bytes.byteLength).toBeLessThan(100 * 1024);

    const read = await readPdf(new Uint8Array(bytes));
    expect(read.pages).toHaveLength(1);
    const lines = read.pages[0].lines.map((line) => line.text);
    expect(lines).toContain("受理回执");
    expect(lines).toContain(`办件编号 ${caseNumber}`);
    expect(lines).toContain("申请人 张三");
    expect(lines).toContain("身份证号码 3101**********4016");
    // The QR code opens this tracker (PUBLIC_BASE_URL defaults to this server's port).
    expect(read.pages[0].links.map((link) => new URL(link.url).pathname)).toContain(`/me/cases/${caseNumber}`);
  });

  test("another citizen asking for it by its address finds nothing there", async ({ page }) => {
    await signIn(page, "citizen2");
    const response = await page.request.get(`/me/cases/${caseNumber}/receipt`);
    expect(response.status()).toBe(404);
    expect((await response.body()).subarray(0, 5).toString("latin1")).not.toBe("%PDF-");
  });

  test("someone signed out is sent to sign in first, and back to the receipt after", async ({ page }) => {
    const response = await page.request.get(`/me/cases/${caseNumber}/receipt`, { maxRedirects: 0 });
    expect(response.status()).toBe(307);
    expect(response.headers().location).toBe(`/login?callbackUrl=${encodeURIComponent(`/me/cases/${caseNumber}/receipt`)}`);
  });
});
