/** Signing and verifying licence payloads, and rotating the key directory — no database involved. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { t } from "@/db/seed/text";
import { buildLicencePayload, serializeLicencePayload, type TLicenceContent } from "./licence-payload";
import { signLicencePayload, verifyLicencePayload } from "./licence-signature";
import { decodeLicencePayload, licenceVerifyUrl, urlPayloadMatches } from "./licence-verify-url";
import { generateSigningKey, keyIdOf, loadKeyDirectory, publicKeyPem, rotateKeyDirectory } from "./signing-keys";
import { parsePrivateKey } from "./parse-private-key";

function sampleLicence(overrides: Partial<TLicenceContent> = {}): TLicenceContent {
  return {
    id: randomUUID(),
    number: "SBZM-20260301-000001",
    type: "social-insurance-proof",
    title: t("社会保险参保缴费证明", "Proof of social insurance contributions"),
    holderName: "张三",
    holderIdNumber: "310104198803124016",
    holderUscc: null,
    issuerCode: "HRSS",
    issuerName: t("人力资源和社会保障局", "Human Resources and Social Security Bureau"),
    data: { insuredName: "张三", insuranceType: "全部险种", purpose: "购房" },
    dataFields: [
      { key: "insuredName", label: t("参保人", "Insured person") },
      { key: "insuranceType", label: t("险种", "Type of insurance") },
      { key: "purpose", label: t("证明用途", "Issued for") },
    ],
    validFrom: "2026-03-01",
    validUntil: "2026-05-31",
    signedAt: new Date("2026-03-01T02:00:00.000Z"),
    ...overrides,
  };
}

describe("the licence payload", () => {
  it("is canonical JSON: sorted keys at every level, no whitespace, the same bytes however the data was ordered", () => {
    const licence = sampleLicence();
    const reordered = sampleLicence({ id: licence.id, data: { purpose: "购房", insuranceType: "全部险种", insuredName: "张三" } });
    const bytes = serializeLicencePayload(buildLicencePayload(licence));
    expect(bytes).toBe(serializeLicencePayload(buildLicencePayload(reordered)));
    expect(bytes).not.toMatch(/\s(?=["{[])/);
    expect(bytes.indexOf('"data"')).toBeLessThan(bytes.indexOf('"holder"'));
    expect(JSON.parse(bytes)).toMatchObject({ v: 1, holder: { name: "张三", idNumber: "310104198803124016", uscc: null }, issuer: { code: "HRSS" }, issuedAt: "2026-03-01T02:00:00.000Z" });
  });

  it("keeps the print order of the data fields", () => {
    const payload = buildLicencePayload(sampleLicence());
    expect(payload.labels.map((label) => label.key)).toEqual(["insuredName", "insuranceType", "purpose"]);
  });
});

describe("signing and verifying", () => {
  const key = generateSigningKey();

  it("verifies what it signed", () => {
    const payload = buildLicencePayload(sampleLicence());
    const signature = signLicencePayload(payload, key);
    expect(signature).toMatch(/^[A-Za-z0-9_-]{86}$/);
    expect(verifyLicencePayload(payload, signature, key.publicKey)).toBe(true);
  });

  it("fails when one data field, the holder, the validity or the label is altered", () => {
    const licence = sampleLicence();
    const signature = signLicencePayload(buildLicencePayload(licence), key);
    const altered = [
      sampleLicence({ ...licence, data: { ...licence.data, purpose: "落户" } }),
      sampleLicence({ ...licence, holderIdNumber: "310104198803124024" }),
      sampleLicence({ ...licence, validUntil: "2027-05-31" }),
      sampleLicence({ ...licence, dataFields: [{ key: "insuredName", label: t("户主", "Head of household") }, ...licence.dataFields.slice(1)] }),
    ];
    for (const candidate of altered) expect(verifyLicencePayload(buildLicencePayload(candidate), signature, key.publicKey)).toBe(false);
  });

  it("fails under another key, and answers no (never throws) for malformed signatures and keys", () => {
    const payload = buildLicencePayload(sampleLicence());
    const signature = signLicencePayload(payload, key);
    expect(verifyLicencePayload(payload, signature, generateSigningKey().publicKey)).toBe(false);
    expect(verifyLicencePayload(payload, "not a signature", key.publicKey)).toBe(false);
    expect(verifyLicencePayload(payload, signature.slice(0, 40), key.publicKey)).toBe(false);
    expect(verifyLicencePayload(payload, signature, "AAAA")).toBe(false);
  });

  it("names a key by the SHA-256 of its raw public key, and exports it as PEM", () => {
    expect(key.keyId).toMatch(/^[0-9a-f]{16}$/);
    expect(keyIdOf(key.publicKey)).toBe(key.keyId);
    expect(publicKeyPem(key.publicKey)).toMatch(/^-----BEGIN PUBLIC KEY-----/);
  });

  it("reads a configured key as PEM or base64 of the PEM, and refuses anything but an Ed25519 private key", () => {
    const pem = key.privateKey.export({ format: "pem", type: "pkcs8" }).toString();
    expect(parsePrivateKey(pem).asymmetricKeyType).toBe("ed25519");
    expect(parsePrivateKey(Buffer.from(pem).toString("base64")).asymmetricKeyType).toBe("ed25519");
    expect(() => parsePrivateKey("not a key")).toThrow(/PKCS#8/);
  });
});

describe("the verify URL", () => {
  const key = generateSigningKey();
  const licence = sampleLicence();
  const signed = { ...licence, signature: signLicencePayload(buildLicencePayload(licence), key), keyId: key.keyId };
  const url = new URL(licenceVerifyUrl(signed, { origin: "https://onedoor.example.gov.cn/" }));
  const query = { d: url.searchParams.get("d")!, s: url.searchParams.get("s")! };

  it("opens /verify/<id> and carries the signed payload, its signature and key id", () => {
    expect(url.origin + url.pathname).toBe(`https://onedoor.example.gov.cn/verify/${licence.id}`);
    expect(url.searchParams.get("k")).toBe(key.keyId);
    const decoded = decodeLicencePayload(query.d);
    expect(decoded.ok && decoded.payload).toEqual(buildLicencePayload(licence));
    // Short enough for a QR code printed on the licence.
    expect(url.toString().length).toBeLessThan(1200);
  });

  it("matches the register's payload under the signing key", () => {
    expect(urlPayloadMatches(query, key.publicKey, buildLicencePayload(licence))).toBe(true);
  });

  it("does not match when the URL's payload is altered, even re-encoded properly", () => {
    const forged = licenceVerifyUrl({ ...signed, data: { ...licence.data, purpose: "落户" } }, { origin: "https://x" });
    const forgedD = new URL(forged).searchParams.get("d")!;
    expect(urlPayloadMatches({ d: forgedD, s: query.s }, key.publicKey, buildLicencePayload(licence))).toBe(false);
    expect(urlPayloadMatches({ d: `${query.d.slice(0, -3)}AAA`, s: query.s }, key.publicKey, buildLicencePayload(licence))).toBe(false);
    expect(urlPayloadMatches({ d: "not-deflate", s: query.s }, key.publicKey, buildLicencePayload(licence))).toBe(false);
  });

  it("does not match a register row altered since signing", () => {
    expect(urlPayloadMatches(query, key.publicKey, buildLicencePayload({ ...licence, holderName: "李四" }))).toBe(false);
  });
});

describe("the key directory", () => {
  const directories: string[] = [];
  afterEach(() => {
    for (const directory of directories.splice(0)) fs.rmSync(directory, { recursive: true, force: true });
  });
  const tempDirectory = () => {
    const directory = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "onedoor-keys-")), "licence-keys");
    directories.push(path.dirname(directory));
    return directory;
  };

  it("generates a key on first use, readable only by its owner, and reads the same key afterwards", () => {
    const directory = tempDirectory();
    const first = loadKeyDirectory(directory);
    expect(fs.statSync(path.join(directory, "active.pem")).mode & 0o777).toBe(0o600);
    expect(loadKeyDirectory(directory).keyId).toBe(first.keyId);
  });

  it("rotates: a new active key, the old file kept as retired, and what the old key signed still verifies with its public key", () => {
    const directory = tempDirectory();
    const old = loadKeyDirectory(directory);
    const payload = buildLicencePayload(sampleLicence());
    const oldSignature = signLicencePayload(payload, old);

    const rotated = rotateKeyDirectory(directory);
    expect(rotated.retiredKeyId).toBe(old.keyId);
    expect(rotated.active.keyId).not.toBe(old.keyId);
    expect(loadKeyDirectory(directory).keyId).toBe(rotated.active.keyId);
    expect(fs.readdirSync(directory).sort()).toEqual([`${old.keyId}.retired.pem`, "active.pem"].sort());

    expect(verifyLicencePayload(payload, oldSignature, old.publicKey)).toBe(true);
    expect(verifyLicencePayload(payload, oldSignature, rotated.active.publicKey)).toBe(false);
    expect(verifyLicencePayload(payload, signLicencePayload(payload, rotated.active), rotated.active.publicKey)).toBe(true);
  });
});
