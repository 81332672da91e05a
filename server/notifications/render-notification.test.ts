import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { locales } from "@/lib/i18n/locales";
import { localizeParams, renderNotification } from "./render-notification";
import { logger } from "@/server/log/logger";

const service = { "zh-Hans": "食品经营许可", "zh-Hant": "食品經營許可", en: "Food business licence" };
const department = { "zh-Hans": "市场监督管理局", "zh-Hant": "市場監督管理局", en: "Administration for Market Regulation" };
const licence = { "zh-Hans": "食品经营许可证", "zh-Hant": "食品經營許可證", en: "Food business licence" };
const issuer = department;
const everyParam = { caseNumber: "OD20260302000001", service, reason: "材料不齐", dueDate: "2026-03-16", days: 5, department, licence, number: "JY-20260302-000001", issuer, count: 3 };
/** Messages about a licence rather than a case: a seeded licence has no case. */
const licenceTopics = new Set(["licence-revoked"]);
/** Messages to a department about its queue as a whole: no one case. */
const queueTopics = new Set(["new-tasks"]);
const topics = Object.keys(JSON.parse(fs.readFileSync(path.join(process.cwd(), "messages", "zh-Hans.json"), "utf8")).notifications).filter(
  (key) => key !== "fallback" && key !== "emailFooter",
);

describe("renderNotification", () => {
  afterEach(() => vi.restoreAllMocks());

  it("renders every topic other engineers enqueue, in every language, without falling back", () => {
    expect(topics.sort()).toEqual(
      [
        "case-submitted",
        "new-tasks",
        "task-ready",
        "task-assigned",
        "task-accepted",
        "task-refused",
        "task-approved",
        "task-rejected",
        "supplement-requested",
        "supplement-received",
        "task-cancelled",
        "case-withdrawn",
        "task-overdue",
        "extension-requested",
        "extension-approved",
        "extension-denied",
        "rating-follow-up",
        "follow-up-answered",
        "licence-issued",
        "licence-revoked",
        "inspection-passed",
        "inspection-failed",
        "urging-sent",
        "urging-answered",
      ].sort(),
    );
    const fallback = Object.fromEntries(locales.map((locale) => [locale, renderNotification({ topic: "no-such-topic", params: {}, locale }).title]));
    const logged = vi.spyOn(console, "error");
    for (const topic of topics) {
      for (const locale of locales) {
        const { title, body } = renderNotification({ topic, params: everyParam, locale });
        // Its own title, not the generic one shown when a template is missing.
        expect(title, `${topic} ${locale}`).not.toBe(fallback[locale]);
        if (queueTopics.has(topic)) {
          expect(body, `${topic} ${locale}`).toContain(department[locale]);
          expect(body, `${topic} ${locale}`).toContain("3");
        } else if (licenceTopics.has(topic)) {
          expect(body, `${topic} ${locale}`).toContain("JY-20260302-000001");
          expect(body, `${topic} ${locale}`).toContain(licence[locale]);
        } else {
          expect(body, `${topic} ${locale}`).toContain("OD20260302000001");
          expect(body, `${topic} ${locale}`).toContain(service[locale]);
        }
      }
    }
    expect(logged).not.toHaveBeenCalled();
  });

  it("counts a department's new tasks in words that agree with the number", () => {
    expect(renderNotification({ topic: "new-tasks", params: { count: 1, department }, locale: "en" }).body).toBe(
      "Administration for Market Regulation: 1 new task is waiting to be claimed in your queue.",
    );
    expect(renderNotification({ topic: "new-tasks", params: { count: 12, department }, locale: "zh-Hans" }).body).toBe("市场监督管理局的待办队列新到12 件任务，请及时认领办理。");
  });

  it("writes the service and dates in the reader's language", () => {
    const params = { caseNumber: "OD1", service, dueDate: "2026-03-16" };
    expect(renderNotification({ topic: "extension-approved", params, locale: "zh-Hans" }).body).toBe("办件OD1（食品经营许可）的办理时限已延长至2026年3月16日。");
    expect(renderNotification({ topic: "extension-approved", params, locale: "en" }).body).toBe(
      "The time limit of application OD1 (Food business licence) has been extended to 16 March 2026.",
    );
    expect(renderNotification({ topic: "extension-approved", params, locale: "zh-Hant" }).body).toContain("食品經營許可");
  });

  it("asks for a supplement with or without a due date", () => {
    const params = { caseNumber: "OD1", service };
    expect(renderNotification({ topic: "supplement-requested", params, locale: "zh-Hans" }).body).toBe("您的办件OD1（食品经营许可）需要补正材料，请尽快提交。");
    expect(renderNotification({ topic: "supplement-requested", params: { ...params, dueDate: "2026-03-16" }, locale: "en" }).body).toBe(
      "Your application OD1 (Food business licence) needs more documents. Please send them by 16 March 2026.",
    );
  });

  it("counts working days in English", () => {
    const params = { caseNumber: "OD1", service };
    expect(renderNotification({ topic: "extension-requested", params: { ...params, days: 1 }, locale: "en" }).body).toContain("1 working day is");
    expect(renderNotification({ topic: "extension-requested", params: { ...params, days: 10 }, locale: "en" }).body).toContain("10 working days");
  });

  it("shows the generic message, and logs why, for an unknown topic or a missing value", () => {
    const logged = vi.spyOn(logger, "error").mockImplementation(() => {});
    expect(renderNotification({ topic: "no-such-topic", params: {}, locale: "en" })).toEqual({ title: "New message", body: "You have a new message. Sign in to read it." });
    expect(renderNotification({ topic: "task-refused", params: { caseNumber: "OD1", service }, locale: "zh-Hans" }).title).toBe("新消息");
    expect(logged).toHaveBeenCalledTimes(2);
    expect(logged.mock.calls.map(([fields]) => fields)).toEqual([{ topic: "no-such-topic", locale: "en" }, expect.objectContaining({ topic: "task-refused", locale: "zh-Hans" })]);
  });

  it("shows a name param by the name rule, stored simplified, in traditional characters to zh-Hant readers", () => {
    const params = { personName: "张三", companyName: "上海一门餐饮管理有限公司", reason: "张三未签字" };
    expect(localizeParams(params, "zh-Hant")).toMatchObject({ personName: "張三", companyName: "上海一門餐飲管理有限公司", reason: "张三未签字" });
    expect(localizeParams(params, "zh-Hans")).toMatchObject(params);
    expect(localizeParams(params, "en")).toMatchObject(params);
  });
});
