import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkEmail } from "@/lib/identifiers/email";

describe("checkEmail", () => {
  it("accepts real addresses and lower-cases the domain only", () => {
    expect(checkEmail("Zhang.San+shop@Example.COM")).toEqual({ ok: true, normalized: "Zhang.San+shop@example.com" });
    expect(checkEmail(" li@sub.mail.gov.cn ")).toEqual({ ok: true, normalized: "li@sub.mail.gov.cn" });
    expect(checkEmail("li＠ｅｘａｍｐｌｅ．ｃｎ")).toEqual({ ok: true, normalized: "li@example.cn" });
    expect(checkEmail("wang@例子.中国")).toEqual({ ok: true, normalized: "wang@例子.中国" });
    expect(checkEmail("a@xn--fiqs8s.xn--fiqs8s")).toEqual({ ok: true, normalized: "a@xn--fiqs8s.xn--fiqs8s" });
    expect(checkEmail("o'brien@example.ie.")).toEqual({ ok: true, normalized: "o'brien@example.ie" });
  });

  it("rejects typos", () => {
    for (const value of ["", "zhangsan", "zhang@", "@example.com", "zhang@example", "zhang@example.c", "zhang san@example.com", "a@b@c.cn", ".a@example.com", "a.@example.com", "a..b@example.com", "a@-example.com", "a@example-.com", "a@exa_mple.com", "张三@example.com", `${"a".repeat(65)}@example.com`, `a@${"b".repeat(250)}.cn`]) {
      expect(checkEmail(value), value).toEqual({ ok: false });
    }
  });

  it("never throws and never returns more than 254 characters", () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        const result = checkEmail(value);
        if (result.ok) expect(result.normalized.length).toBeLessThanOrEqual(254);
      }),
    );
  });
});
