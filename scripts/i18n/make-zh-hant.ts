/**
 * Writes messages/zh-Hant.json from messages/zh-Hans.json with OpenCC (character-level, mainland → Taiwan
 * standard), keeping ICU placeholders intact. Run after changing zh-Hans: `npx tsx scripts/i18n/make-zh-hant.ts`.
 * The result is committed and checked by lib/i18n/messages.test.ts; wording corrections belong in `wording`.
 */
import fs from "node:fs";
import path from "node:path";
import { toTraditional } from "@/lib/i18n/traditional";

// Character-level conversion keeps mainland wording; these few words and the quotation marks read better in
// traditional-character usage.
const wording: [RegExp, string][] = [
  [/賬號/g, "帳號"],
  [/退出登錄/g, "登出"],
  [/登錄/g, "登入"],
  [/信息/g, "資訊"],
  [/用戶名/g, "使用者名稱"],
  [/搜索/g, "搜尋"],
  [/菜單/g, "選單"],
  [/字符/g, "字元"],
  [/軟件/g, "軟體"],
  [/複製粘貼/g, "複製貼上"],
  [/製表符/g, "定位字元"],
  [/“/g, "「"],
  [/”/g, "」"],
];

type TTree = { [key: string]: string | TTree };

function convert(tree: TTree): TTree {
  return Object.fromEntries(
    Object.entries(tree).map(([key, value]) => {
      if (typeof value !== "string") return [key, convert(value)];
      // OpenCC leaves ASCII alone, so ICU placeholders ({label}, {count, plural, …}) come through intact.
      return [key, wording.reduce((text, [pattern, replacement]) => text.replace(pattern, replacement), toTraditional(value))];
    }),
  );
}

const dir = path.join(process.cwd(), "messages");
const source = JSON.parse(fs.readFileSync(path.join(dir, "zh-Hans.json"), "utf8")) as TTree;
fs.writeFileSync(path.join(dir, "zh-Hant.json"), `${JSON.stringify(convert(source), null, 2)}\n`);
console.log("messages/zh-Hant.json written");
