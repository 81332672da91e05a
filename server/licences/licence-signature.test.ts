/** Signing and verifying licence payloads, the QR code's address, the hash keys and the key directory — no database involved. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { t } from "@/lib/i18n/traditional";
import { generateHashKeySecret, hashKeyFrom, loadHashKeyDirectory, rotateHashKeyDirectory, type TLicenceHashKeys } from "./licence-hash-key";
import { buildLegacyLicencePayload, buildLicencePayload, holderIdNumberMatches, serializeLicencePayload, type TLicenceContent } from "./licence-payload";
import { signLicencePayload, verifyLicencePayload } from "./licence-signature";
import { checkLinkPayload, decodeLicencePayload, encodeLicencePayload, licenceVerifyUrl } from "./licence-verify-url";
import { generateSigningKey, keyIdOf, loadKeyDirectory, publicKeyPem, rotateKeyDirectory } from "./signing-keys";
import { parseHashKey } from "@/lib/keys/parse-hash-key";
import { parsePrivateKey } from "./parse-private-key";

const newHashKey = () => hashKeyFrom(parseHashKey(generateHashKeySecret()));
const hashKeys: TLicenceHashKeys = { active: newHashKey(), previous: null };
const idNumber = "310104198803124016";

function sampleLicence(overrides: Partial<TLicenceContent> = {}): TLicenceContent {
  return {
    id: randomUUID(),
    number: "SBZM-20260301-000001",
    type: "social-insurance-proof",
    title: t("社会保险参保缴费证明", "Proof of social insurance contributions"),
    holderName: "张三",
    holderIdNumber: idNumber,
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
    payloadVersion: 2,
    hashKeyId: hashKeys.active.keyId,
    ...overrides,
  };
}
const payloadOf = (licence: TLicenceContent, keys = hashKeys) => buildLicencePayload(licence, keys);

describe("the licence payload", () => {
  it("is canonical JSON: sorted keys at every level, no whitespace, the same bytes however the data was ordered", () => {
    const licence = sampleLicence();
    const reordered = sampleLicence({ id: licence.id, data: { purpose: "购房", insuranceType: "全部险种", insuredName: "张三" } });
    const bytes = serializeLicencePayload(payloadOf(licence));
    expect(bytes).toBe(serializeLicencePayload(payloadOf(reordered)));
    expect(bytes).not.toMatch(/\s(?=["{[])/);
    expect(bytes.indexOf('"data"')).toBeLessThan(bytes.indexOf('"holder"'));
    expect(JSON.parse(bytes)).toMatchObject({ v: 2, holder: { name: "张三", idNumber: "3101**********4016", uscc: null }, issuer: { code: "HRSS" }, issuedAt: "2026-03-01T02:00:00.000Z", hk: hashKeys.active.keyId });
  });

  it("holds no full personal number: the holder's ID number and numbers inside data items are masked, and hashed with the key", () => {
    const licence = sampleLicence({ data: { insuredName: "张三", contact: "母亲 310104199002150024，电话 13800138000" }, dataFields: [] });
    const payload = payloadOf(licence);
    const bytes = serializeLicencePayload(payload);
    for (const number of [idNumber, "310104199002150024", "13800138000"]) expect(bytes).not.toContain(number);
    expect(payload.holder.idHash).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(payload.data.contact).toBe("母亲 3101**********0024，电话 138****8000");
    expect(payload.dataHash).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Another key makes other hashes: without the server's key, the hash tells nothing about the number.
    const other = { active: newHashKey(), previous: null };
    expect(payloadOf({ ...licence, hashKeyId: other.active.keyId }, other).holder.idHash).not.toBe(payload.holder.idHash);
  });

  it("names no hash key for a licence without personal numbers (a company's)", () => {
    const payload = payloadOf(sampleLicence({ holderIdNumber: null, holderUscc: "91310104MA1FL8XQ36", hashKeyId: null }));
    expect(payload).toMatchObject({ holder: { idNumber: null, idHash: null, uscc: "91310104MA1FL8XQ36" }, dataHash: null, hk: null });
  });

  it("refuses to build a payload with a hash key it does not have", () => {
    expect(() => payloadOf(sampleLicence({ hashKeyId: "0123456789abcdef" }))).toThrow(/hash key 0123456789abcdef is not configured/);
  });

  it("keeps the print order of the data fields", () => {
    expect(payloadOf(sampleLicence()).labels.map((label) => label.key)).toEqual(["insuredName", "insuranceType", "purpose"]);
  });
});

describe("the holder check", () => {
  const payload = payloadOf(sampleLicence());

  it("says yes for the holder's number however it is typed, and no for any other", () => {
    expect(holderIdNumberMatches(payload, idNumber, hashKeys)).toBe(true);
    expect(holderIdNumberMatches(payloadOf(sampleLicence({ holderIdNumber: "31011019870722441X" })), "31011019870722441x", hashKeys)).toBe(true);
    expect(holderIdNumberMatches(payload, "３１０１０４１９８８０３１２４０１６", hashKeys)).toBe(true);
    expect(holderIdNumberMatches(payload, "310104198803124024", hashKeys)).toBe(false);
    expect(holderIdNumberMatches(payload, "", hashKeys)).toBe(false);
  });

  it("says no for a company's licence, which has no holder hash", () => {
    expect(holderIdNumberMatches(payloadOf(sampleLicence({ holderIdNumber: null, holderUscc: "91310104MA1FL8XQ36", hashKeyId: null })), idNumber, hashKeys)).toBe(false);
  });
});

describe("signing and verifying", () => {
  const key = generateSigningKey();

  it("verifies what it signed", () => {
    const payload = payloadOf(sampleLicence());
    const signature = signLicencePayload(payload, key);
    expect(signature).toMatch(/^[A-Za-z0-9_-]{86}$/);
    expect(verifyLicencePayload(payload, signature, key.publicKey)).toBe(true);
  });

  it("fails when one data field, the holder (even a masked digit of the ID number), the validity or the label is altered", () => {
    const licence = sampleLicence({ data: { insuredName: "张三", contact: "13800138000" } });
    const signature = signLicencePayload(payloadOf(licence), key);
    const altered = [
      sampleLicence({ ...licence, data: { ...licence.data, insuredName: "李四" } }),
      sampleLicence({ ...licence, data: { ...licence.data, contact: "13800998000" } }),
      sampleLicence({ ...licence, holderIdNumber: "310104198803194016" }),
      sampleLicence({ ...licence, validUntil: "2027-05-31" }),
      sampleLicence({ ...licence, dataFields: [{ key: "insuredName", label: t("户主", "Head of household") }, ...licence.dataFields.slice(1)] }),
    ];
    for (const candidate of altered) expect(verifyLicencePayload(payloadOf(candidate), signature, key.publicKey)).toBe(false);
  });

  it("fails under another key, and answers no (never throws) for malformed signatures and keys", () => {
    const payload = payloadOf(sampleLicence());
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
  const signed = { ...licence, signature: signLicencePayload(payloadOf(licence), key), keyId: key.keyId };
  const urlText = licenceVerifyUrl(signed, { origin: "https://onedoor.example.gov.cn/", hashKeys });
  const url = new URL(urlText);
  const query = { d: url.searchParams.get("d")!, s: url.searchParams.get("s")! };

  it("opens /verify/<id> and carries the signed payload, its signature and key id — and no full ID number", () => {
    expect(url.origin + url.pathname).toBe(`https://onedoor.example.gov.cn/verify/${licence.id}`);
    expect(url.searchParams.get("k")).toBe(key.keyId);
    const decoded = decodeLicencePayload(query.d);
    expect(decoded.ok && decoded.payload).toEqual(payloadOf(licence));
    expect(urlText).not.toContain(idNumber);
    expect(decoded.ok && decoded.bytes).not.toContain(idNumber);
    expect(decoded.ok && decoded.bytes).toContain("3101**********4016");
    // Short enough for a QR code printed on the licence.
    expect(urlText.length).toBeLessThan(1200);
  });

  it("is the bare address for a row not yet re-signed in the current format, whose payload would carry the full number", () => {
    expect(licenceVerifyUrl({ ...signed, payloadVersion: 1, hashKeyId: null }, { origin: "https://x", hashKeys })).toBe(`https://x/verify/${licence.id}`);
  });

  it("matches the register's licence under the signing key", () => {
    expect(checkLinkPayload(query, key.publicKey, licence, hashKeys)).toEqual({ ok: true, format: "current" });
  });

  it("does not match when the URL's payload is altered, even re-encoded properly", () => {
    const forged = licenceVerifyUrl({ ...signed, data: { ...licence.data, purpose: "落户" } }, { origin: "https://x", hashKeys });
    const forgedD = new URL(forged).searchParams.get("d")!;
    expect(checkLinkPayload({ d: forgedD, s: query.s }, key.publicKey, licence, hashKeys)).toEqual({ ok: false });
    expect(checkLinkPayload({ d: `${query.d.slice(0, -3)}AAA`, s: query.s }, key.publicKey, licence, hashKeys)).toEqual({ ok: false });
    expect(checkLinkPayload({ d: "not-deflate", s: query.s }, key.publicKey, licence, hashKeys)).toEqual({ ok: false });
  });

  it("does not match a register row altered since signing", () => {
    expect(checkLinkPayload(query, key.publicKey, { ...licence, holderName: "李四" }, hashKeys)).toEqual({ ok: false });
  });

  it("still matches a link printed before the current format (its payload held the full number), as the old kind", () => {
    const legacy = buildLegacyLicencePayload(licence);
    const oldLink = { d: encodeLicencePayload(legacy), s: signLicencePayload(legacy, key) };
    expect(checkLinkPayload(oldLink, key.publicKey, licence, hashKeys)).toEqual({ ok: true, format: "legacy" });
    expect(checkLinkPayload(oldLink, key.publicKey, { ...licence, holderIdNumber: "310104198803194016" }, hashKeys)).toEqual({ ok: false });
  });

  it("still matches a link hashed with a key since rotated out, once the row is re-hashed with the new one", () => {
    const rotated: TLicenceHashKeys = { active: newHashKey(), previous: hashKeys.active };
    const rehashed = { ...licence, hashKeyId: rotated.active.keyId };
    expect(checkLinkPayload(query, key.publicKey, rehashed, rotated)).toEqual({ ok: true, format: "current" });
    const forgedUnderOldKey = payloadOf({ ...licence, validUntil: "2030-12-31" });
    expect(checkLinkPayload({ d: encodeLicencePayload(forgedUnderOldKey), s: signLicencePayload(forgedUnderOldKey, key) }, key.publicKey, rehashed, rotated)).toEqual({ ok: false });
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
    const payload = payloadOf(sampleLicence());
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

  it("generates the hash key on first use, readable only by its owner, and rotates it to a previous key kept until setup re-hashed", () => {
    const directory = tempDirectory();
    const first = loadHashKeyDirectory(directory);
    expect(fs.statSync(path.join(directory, "hash.key")).mode & 0o777).toBe(0o600);
    expect(first.previous).toBeNull();
    expect(loadHashKeyDirectory(directory).active.keyId).toBe(first.active.keyId);

    const rotated = rotateHashKeyDirectory(directory);
    expect(rotated.previousKeyId).toBe(first.active.keyId);
    const after = loadHashKeyDirectory(directory);
    expect(after.active.keyId).toBe(rotated.active.keyId);
    expect(after.previous?.keyId).toBe(first.active.keyId);
    // A second rotation before the previous key is done with would strand the licences it hashed.
    expect(() => rotateHashKeyDirectory(directory)).toThrow(/hash\.previous\.key is still there/);
  });

  it("reads a configured hash key as base64 of at least 32 bytes", () => {
    expect(parseHashKey(Buffer.alloc(32, 7).toString("base64")).length).toBe(32);
    expect(() => parseHashKey(Buffer.alloc(16, 7).toString("base64"))).toThrow(/at least 32/);
    expect(() => parseHashKey("not base64!")).toThrow(/base64/);
  });
});
