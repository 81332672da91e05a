import { describe, expect, it } from "vitest";
import { actionForm } from "./action-form";

describe("actionForm", () => {
  it("passes a posted FormData on as it is", () => {
    const posted = new FormData();
    posted.append("taskId", "x");
    expect(actionForm(posted)).toBe(posted);
  });

  it.each([
    ["a string", "x"],
    ["an array", ["taskId", "x"]],
    ["an object", { get: "not a function" }],
    ["null", null],
    ["undefined", undefined],
    ["a number", 42],
    ["a bigint", 10n],
  ])("reads %s as an empty form", (_kind, value) => {
    const form = actionForm(value);
    expect(form).toBeInstanceOf(FormData);
    expect([...form.keys()]).toEqual([]);
  });
});
