import { describe, expect, it } from "vitest";
import { describeDeliveryError } from "./describe-delivery-error";

describe("what is kept of a failed delivery", () => {
  it("masks e-mail addresses, resident ID numbers and mobile numbers", () => {
    const smtp = new Error("Can't send mail - all recipients were rejected: 550 5.1.1 <zhangsan@example.cn>: Recipient address rejected");
    expect(describeDeliveryError(smtp)).toBe("Can't send mail - all recipients were rejected: 550 5.1.1 <z*******@example.cn>: Recipient address rejected");
    const database = Object.assign(new Error("refused for 31011019870722441X, mobile 13800138000"), { code: "P0001" });
    expect(describeDeliveryError(database)).toBe("P0001: refused for 3101**********441X, mobile 138****8000");
  });

  it("keeps the driver's message, never the failed query's parameters that drizzle wraps it with", () => {
    const driver = Object.assign(new Error('new row for relation "inbox_messages" violates check constraint'), { code: "23514" });
    const wrapped = new Error('Failed query: insert into "inbox_messages" … \nparams: 310104198803124016,张三', { cause: driver });
    expect(describeDeliveryError(wrapped)).toBe('23514: new row for relation "inbox_messages" violates check constraint');
  });

  it("stays on one line and short", () => {
    expect(describeDeliveryError(new Error(`line one\nline two\u0000${"x".repeat(2_000)}`))).toMatch(/^line one line two x+$/);
    expect(describeDeliveryError(new Error("x".repeat(2_000)))).toHaveLength(500);
    expect(describeDeliveryError("plain text")).toBe("plain text");
  });
});
