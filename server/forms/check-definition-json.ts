/**
 * What an admin typed into the definition editor, read as a form definition: a JSON syntax error comes back with
 * the parser's message and the line and column where it stopped; a definition that fails the meta-schema comes
 * back with each issue at its JSON path. Pure; shared by preview and publish.
 */
import { checkFormDefinition, type TDefinitionIssue, type TFormDefinition } from "@/lib/forms/definition";

export type TJsonSyntaxError = { message: string; line?: number; column?: number };

export type TDefinitionJsonCheck =
  | { ok: true; definition: TFormDefinition }
  | { ok: false; code: "invalid:form-definition-json"; syntax: TJsonSyntaxError }
  | { ok: false; code: "invalid:form-definition"; issues: TDefinitionIssue[] };

export function checkDefinitionJson(text: string): TDefinitionJsonCheck {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, code: "invalid:form-definition-json", syntax: describeSyntaxError(text, error) };
  }
  const checked = checkFormDefinition(value);
  if (!checked.ok) return { ok: false, code: "invalid:form-definition", issues: checked.issues };
  return checked;
}

/**
 * The parser's own message, and where the text stops being JSON as line and column. V8 names the position for
 * some errors and not others (Node 20 says only "Unexpected token '}', … is not valid JSON"), so the offset is
 * found by scanning the text ourselves.
 */
function describeSyntaxError(text: string, error: unknown): TJsonSyntaxError {
  const message = error instanceof Error ? error.message : String(error);
  const offset = findJsonErrorOffset(text);
  const lines = text.slice(0, offset).split("\n");
  return { message, line: lines.length, column: lines[lines.length - 1].length + 1 };
}

/** Nesting the scanner follows; deeper text is reported where it passes this, not by overflowing the stack. */
const MAX_SCAN_DEPTH = 512;

/** The offset of the first character at which `text` is not JSON (text.length if it ends too early). */
export function findJsonErrorOffset(text: string): number {
  let at = 0;
  let depth = 0;
  class Stop extends Error {}
  const stop = (): never => {
    throw new Stop();
  };
  const space = () => {
    while (at < text.length && " \t\n\r".includes(text[at])) at += 1;
  };
  const expect = (word: string) => {
    for (const character of word) {
      if (text[at] !== character) stop();
      at += 1;
    }
  };
  const string = () => {
    expect('"');
    while (at < text.length && text[at] !== '"') {
      if (text.charCodeAt(at) < 0x20) stop();
      if (text[at] === "\\") {
        at += 1;
        if (text[at] === "u") {
          at += 1;
          for (let i = 0; i < 4; i += 1, at += 1) if (!/[0-9a-fA-F]/.test(text[at] ?? "")) stop();
          continue;
        }
        if (!'"\\/bfnrt'.includes(text[at] ?? "x")) stop();
      }
      at += 1;
    }
    expect('"');
  };
  const number = () => {
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(at));
    if (!match) stop();
    at += match![0].length;
  };
  const value = (): void => {
    space();
    const character = text[at];
    if ((character === "{" || character === "[") && depth >= MAX_SCAN_DEPTH) stop();
    if (character === "{") {
      at += 1;
      depth += 1;
      space();
      if (text[at] === "}") {
        at += 1;
        depth -= 1;
        return;
      }
      for (;;) {
        space();
        string();
        space();
        expect(":");
        value();
        space();
        if (text[at] === ",") at += 1;
        else {
          expect("}");
          depth -= 1;
          return;
        }
      }
    }
    if (character === "[") {
      at += 1;
      depth += 1;
      space();
      if (text[at] === "]") {
        at += 1;
        depth -= 1;
        return;
      }
      for (;;) {
        value();
        space();
        if (text[at] === ",") at += 1;
        else {
          expect("]");
          depth -= 1;
          return;
        }
      }
    }
    if (character === '"') return string();
    if (character === "t") return expect("true");
    if (character === "f") return expect("false");
    if (character === "n") return expect("null");
    return number();
  };
  try {
    value();
    space();
    if (at < text.length) stop();
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
  }
  return Math.min(at, text.length);
}
