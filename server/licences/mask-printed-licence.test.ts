import { describe, expect, it } from "vitest";
import type { TPrintedLicence } from "./licence-payload";
import { maskPrintedLicence } from "./mask-printed-licence";

const printed: TPrintedLicence = {
  id: "00000000-0000-4000-8000-000000000001",
  number: "HRSS-2026-000001",
  type: "household-register",
  title: { "zh-Hans": "户口簿", "zh-Hant": "戶口簿", en: "Household register" },
  holder: { name: "张三", idNumber: "310101199001014016", uscc: null },
  issuer: { code: "POLICE", name: { "zh-Hans": "公安局", "zh-Hant": "公安局", en: "Police" } },
  data: { householder: "张三 310101199001014016", phone: "13800138000", address: "上海市黄浦区人民大道200号" },
  labels: [],
  validFrom: "2026-01-01",
  validUntil: null,
  issuedAt: "2026-01-01T00:00:00.000Z",
};

describe("maskPrintedLicence", () => {
  it("masks the holder's ID number and personal numbers inside the data, and keeps the rest as printed", () => {
    const masked = maskPrintedLicence(printed);
    expect(masked.holder).toEqual({ name: "张三", idNumber: "3101**********4016", uscc: null });
    expect(masked.data).toEqual({ householder: "张三 3101**********4016", phone: "138****8000", address: "上海市黄浦区人民大道200号" });
    expect(JSON.stringify(masked)).not.toContain("310101199001014016");
    expect({ ...masked, holder: printed.holder, data: printed.data }).toEqual(printed);
  });

  it("leaves a company's licence, whose credit code is public registry data, as it is", () => {
    const company = { ...printed, holder: { name: "上海一门餐饮管理有限公司", idNumber: null, uscc: "91310104MA1FL8XQ36" }, data: { scope: "餐饮服务" } };
    expect(maskPrintedLicence(company)).toEqual(company);
  });
});
