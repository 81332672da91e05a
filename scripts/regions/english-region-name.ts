/**
 * The English name of a GB/T 2260 region, as scripts/regions/build-regions.ts writes it into lib/regions/regions.json.
 *
 * Customary English names where they exist: every province-level division ("Inner Mongolia", "Xizang" — the name
 * official English uses now —, "Guangxi",
 * "Hong Kong", "Macao" — the short name, without "Province" or "Autonomous Region", as "Shanghai" is written) and
 * the cities, prefectures and leagues whose English name is not their pinyin ("Harbin", "Hohhot", "Kashgar
 * Prefecture", "Xilingol League"). Everywhere else the place-name rule of GB/T 17693.1: the specific part in pinyin
 * as one capitalised word, the generic part translated ("Pudong New Area", "Huangpu District", "Yanbian Korean
 * Autonomous Prefecture", "Tumed Left Banner"); a one-syllable specific keeps its generic in pinyin too, so that it
 * still reads as a name ("Zhaoxian County", "Chengqu District"). 市 is dropped ("Shenzhen"), unless the city would
 * then be named like the province or prefecture it lies in ("Jilin City").
 */
import { customPinyin, pinyin } from "pinyin-pro";

/** Province-level divisions by their usual English names, which pinyin alone gets wrong (陕西 Shaanxi). */
const provinceNames: Record<string, string> = {
  "11": "Beijing", "12": "Tianjin", "13": "Hebei", "14": "Shanxi", "15": "Inner Mongolia", "21": "Liaoning",
  "22": "Jilin", "23": "Heilongjiang", "31": "Shanghai", "32": "Jiangsu", "33": "Zhejiang", "34": "Anhui",
  "35": "Fujian", "36": "Jiangxi", "37": "Shandong", "41": "Henan", "42": "Hubei", "43": "Hunan", "44": "Guangdong",
  "45": "Guangxi", "46": "Hainan", "50": "Chongqing", "51": "Sichuan", "52": "Guizhou", "53": "Yunnan",
  "54": "Xizang", "61": "Shaanxi", "62": "Gansu", "63": "Qinghai", "64": "Ningxia", "65": "Xinjiang",
  "71": "Taiwan", "81": "Hong Kong", "82": "Macao",
};

/** Whole names whose customary English the rules cannot make, by code. */
const customaryByCode: Record<string, string> = {
  "152200": "Hinggan League", // 兴安盟, not 兴安县 (Xing'an County) in Guangxi
  "232700": "Da Hinggan Ling Prefecture", // 大兴安岭地区
  "429021": "Shennongjia Forestry District", // the one forestry district; elsewhere 林区 ends a name like 万柏林区
  "460321": "Xisha Islands",
  "460322": "Nansha Islands",
  "460323": "Zhongsha Islands", // 中沙群岛的岛礁及其海域
  "632857": "Da Qaidam", // 大柴旦行政委员会, an administrative committee in the county list
};

/**
 * Specific names by their customary English — Mongolian, Tibetan and Uyghur places known abroad by their own names
 * (拉萨 Lhasa, 喀什 Kashgar) — or by the place-name reading pinyin-pro misses (乐清 Yueqing, 六安 Lu'an).
 */
const specificNames: Record<string, string> = {
  哈尔滨: "Harbin", 呼和浩特: "Hohhot", 鄂尔多斯: "Ordos", 呼伦贝尔: "Hulunbuir", 巴彦淖尔: "Bayannur",
  乌兰察布: "Ulanqab", 锡林郭勒: "Xilingol", 阿拉善: "Alxa", 二连浩特: "Erenhot", 锡林浩特: "Xilinhot",
  乌兰浩特: "Ulanhot", 海拉尔: "Hailar", 阿尔山: "Arxan", 白云鄂博: "Bayan Obo", 科尔沁: "Horqin", 土默特: "Tumed",
  乌拉特: "Urad", 鄂托克: "Otog", 察哈尔: "Chahar", 苏尼特: "Sonid", 达尔罕茂明安: "Darhan Muminggan",
  拉萨: "Lhasa", 日喀则: "Shigatse", 昌都: "Qamdo", 林芝: "Nyingchi", 那曲: "Nagqu", 阿里: "Ngari",
  果洛: "Golog", 格尔木: "Golmud", 乌鲁木齐: "Urumqi", 克拉玛依: "Karamay", 吐鲁番: "Turpan", 博尔塔拉: "Bortala",
  巴音郭楞: "Bayingolin", 克孜勒苏: "Kizilsu", 伊犁: "Ili", 喀什: "Kashgar", 和田: "Hotan", 阿克苏: "Aksu",
  阿勒泰: "Altay", 库尔勒: "Korla", 阿图什: "Artux", 奎屯: "Kuytun", 霍尔果斯: "Khorgas", 阿坝: "Ngawa",
  甘孜: "Garze", 迪庆: "Deqen", 齐齐哈尔: "Qiqihar", 喀喇沁: "Harqin", 喀喇沁左翼: "Harqin Left Wing",
  前郭尔罗斯: "Qian Gorlos", 杜尔伯特: "Dorbod", 塔什库尔干: "Tashkurgan", 和布克赛尔: "Hoboksar", 察布查尔: "Qapqal",
  巴里坤: "Barkol", 木垒: "Mori", 阿克塞: "Aksay", 莫力达瓦: "Morin Dawa", 阿鲁科尔沁: "Ar Horqin", 巴林: "Bairin",
  克什克腾: "Hexigten", 翁牛特: "Ongniud", 库伦: "Hure", 扎鲁特: "Jarud", 达拉特: "Dalad", 准格尔: "Jungar",
  乌审: "Uxin", 伊金霍洛: "Ejin Horo", 杭锦: "Hanggin", 陈巴尔虎: "Old Barag", 新巴尔虎: "New Barag", 扎赉特: "Jalaid",
  阿巴嘎: "Abag", 东乌珠穆沁: "East Ujimqin", 西乌珠穆沁: "West Ujimqin", 太仆寺: "Taibus", 镶黄: "Bordered Yellow",
  正镶白: "Plain and Bordered White", 正蓝: "Plain Blue",
  乐清: "Yueqing", 乐亭: "Laoting", 乐陵: "Laoling", 涡阳: "Guoyang", 洪洞: "Hongtong", 铅山: "Yanshan",
  东阿: "Dong'e", 牟平: "Muping", 尉氏: "Weishi", 荥阳: "Xingyang", 荥经: "Yingjing", 大埔: "Dabu",
  筠连: "Junlian", 枞阳: "Zongyang", 长子: "Zhangzi", 繁峙: "Fanshi",
  都江堰: "Dujiangyan", 都匀: "Duyun", 宿迁: "Suqian", 宿州: "Suzhou", 宿松: "Susong", 盱眙: "Xuyi",
  鄱阳: "Poyang", 番禺: "Panyu", 六安: "Lu'an", 六合: "Luhe", 蚌埠: "Bengbu", 厦门: "Xiamen",
  重庆: "Chongqing", 长汀: "Changting", 朝阳: "Chaoyang", 大冶: "Daye", 秭归: "Zigui", 临朐: "Linqu",
  天台: "Tiantai", 台州: "Taizhou", 硚口: "Qiaokou", 黄陂: "Huangpi", 会理: "Huili", 会泽: "Huize",
  阿城: "Acheng", 阿荣: "Arong", 济南: "Jinan", 济源: "Jiyuan", 济宁: "Jining", 柏乡: "Baixiang",
  闵行: "Minhang", 都安: "Du'an", 神农架: "Shennongjia", 万柏林: "Wanbailin",
};
/** One-syllable specifics read as place names (单县 Shanxian, not Danxian); they are joined to their generic. */
const syllableReadings: Record<string, string> = { 单: "shan", 歙: "she", 浚: "xun", 蔚: "yu", 莘: "shen" };
// In place names 都 reads dū (成都, 江都), never dōu; 什 reads shí (什邡), never shén.
customPinyin({ 都: "dū", 什: "shí" });

/** The 56 ethnic groups' English names (GB/T 3304), longest Chinese first so 土家 is found before 土. */
const ethnicGroups: [string, string][] = (
  [
    ["蒙古", "Mongol"], ["回", "Hui"], ["藏", "Tibetan"], ["维吾尔", "Uyghur"], ["苗", "Miao"], ["彝", "Yi"], ["壮", "Zhuang"],
    ["布依", "Bouyei"], ["朝鲜", "Korean"], ["满", "Manchu"], ["侗", "Dong"], ["瑶", "Yao"], ["白", "Bai"], ["土家", "Tujia"],
    ["哈尼", "Hani"], ["哈萨克", "Kazakh"], ["傣", "Dai"], ["黎", "Li"], ["傈僳", "Lisu"], ["佤", "Va"], ["畲", "She"],
    ["高山", "Gaoshan"], ["拉祜", "Lahu"], ["水", "Shui"], ["东乡", "Dongxiang"], ["纳西", "Naxi"], ["景颇", "Jingpo"],
    ["柯尔克孜", "Kirgiz"], ["土", "Tu"], ["达斡尔", "Daur"], ["仫佬", "Mulao"], ["羌", "Qiang"], ["布朗", "Blang"],
    ["撒拉", "Salar"], ["毛南", "Maonan"], ["仡佬", "Gelao"], ["锡伯", "Xibe"], ["阿昌", "Achang"], ["普米", "Pumi"],
    ["塔吉克", "Tajik"], ["怒", "Nu"], ["乌孜别克", "Uzbek"], ["俄罗斯", "Russian"], ["鄂温克", "Ewenki"], ["德昂", "De'ang"],
    ["保安", "Bonan"], ["裕固", "Yugur"], ["京", "Gin"], ["塔塔尔", "Tatar"], ["独龙", "Derung"], ["鄂伦春", "Oroqen"],
    ["赫哲", "Hezhen"], ["门巴", "Monba"], ["珞巴", "Lhoba"], ["基诺", "Jino"], ["各", "Multi-Ethnic"],
  ] as [string, string][]
).sort(([a], [b]) => b.length - a.length);

/** Generic terms, longest first, with their English; 市 has none (the city is its name). */
const genericTerms: [string, string][] = [
  ["自治州", "Autonomous Prefecture"], ["自治县", "Autonomous County"], ["自治旗", "Autonomous Banner"],
  ["新区", "New Area"], ["特区", "Special District"], ["地区", "Prefecture"], ["矿区", "Mining District"],
  ["区", "District"], ["县", "County"], ["旗", "Banner"], ["盟", "League"], ["市", ""],
];

/** Where a banner lies within its old league, the last words before 旗: 科尔沁左翼中旗 Horqin Left Middle Banner. */
const bannerPositions: [string, string][] = [
  ["联合", "United"], ["左翼", "Left"], ["右翼", "Right"], ["左", "Left"], ["右", "Right"], ["前", "Front"], ["中", "Middle"], ["后", "Rear"],
];

const capitalize = (word: string) => (word === "" ? word : word[0].toUpperCase() + word.slice(1));

/** Syllables joined into one word, with the apostrophe that keeps "Xi'an" from reading "Xian". */
function romanize(chinese: string): string {
  if (specificNames[chinese]) return specificNames[chinese];
  const syllables = [...chinese].map((character) => syllableReadings[character] ?? (pinyin(character, { toneType: "none", v: false }) as string));
  // Whole-word conversion reads polyphones in context (重庆 chóng, 长沙 cháng); use it unless a reading was fixed.
  const read = [...chinese].some((character) => syllableReadings[character]) ? syllables : (pinyin(chinese, { toneType: "none", type: "array", v: false }) as string[]);
  const word = read
    .map((syllable, index) => (index > 0 && /^[aoe]/.test(syllable) ? `'${syllable}` : syllable))
    .join("")
    .replace(/v/g, "ü");
  return capitalize(word);
}

/** The ethnic groups named before 自治…, peeled from the end: 红河哈尼族彝族 → 红河, [Hani, Yi]. */
function peelEthnicGroups(specific: string, autonomous: boolean): { place: string; groups: string[] } {
  const groups: string[] = [];
  let place = specific;
  for (let peeled = true; peeled; ) {
    peeled = false;
    for (const [group, english] of ethnicGroups) {
      // 族 may be left out after a group of two or more characters (博尔塔拉蒙古自治州), never after one (回, 藏).
      const suffix = place.endsWith(`${group}族`) ? `${group}族` : autonomous && group.length > 1 && place.endsWith(group) ? group : null;
      if (!suffix) continue;
      groups.unshift(english);
      place = place.slice(0, -suffix.length);
      peeled = true;
      break;
    }
  }
  return { place, groups };
}

const joinGroups = (groups: string[]) => (groups.length < 2 ? groups.join("") : `${groups.slice(0, -1).join(", ")} and ${groups[groups.length - 1]}`);

/** The English name of one region from its code and simplified Chinese name. */
export function englishRegionName(code: string, name: string): string {
  if (code.endsWith("0000")) return provinceNames[code.slice(0, 2)] ?? romanize(name);
  if (customaryByCode[code]) return customaryByCode[code];
  // A generic term needs a specific of two or more characters before it: 清新区 is 清新 + 区, not 清 + 新区.
  const [term, generic] = genericTerms.find(([candidate]) => name.endsWith(candidate) && name.length - candidate.length >= (candidate.length > 1 ? 2 : 1)) ?? ["", ""];
  const specific = name.slice(0, name.length - term.length);
  const words: string[] = [];
  let place = specific;
  if (term === "旗") {
    for (let peeled = true; peeled; ) {
      peeled = false;
      for (const [position, english] of bannerPositions) {
        if (place.length > position.length + 1 && place.endsWith(position)) {
          words.unshift(english);
          place = place.slice(0, -position.length);
          peeled = true;
          break;
        }
      }
    }
  }
  const ethnic = peelEthnicGroups(place, term.startsWith("自治"));
  // The place is the people (鄂伦春自治旗): the banner is named by them.
  if (ethnic.place === "") return [joinGroups(ethnic.groups), generic].join(" ");
  place = ethnic.place;
  if (ethnic.groups.length > 0) words.unshift(joinGroups(ethnic.groups));
  // One syllable is not a name on its own: 赵县 Zhaoxian County, 城区 Chengqu District, 芒市 Mangshi.
  const specificWord = [...place].length === 1 && !specificNames[place] ? romanize(place + term) : romanize(place);
  return [specificWord, ...words, generic].filter(Boolean).join(" ");
}

/**
 * English names for a whole table, in code order: a city named like the province or prefecture it lies in gets
 * "City" (吉林市 Jilin City in Jilin), so that a list never shows one name for two places.
 */
export function englishRegionNames(regions: { code: string; name: string }[]): Map<string, string> {
  const names = new Map(regions.map(({ code, name }) => [code, englishRegionName(code, name)]));
  for (const { code, name } of regions) {
    if (!name.endsWith("市") || code.endsWith("0000")) continue;
    const english = names.get(code)!;
    const parents = [`${code.slice(0, 2)}0000`, `${code.slice(0, 4)}00`].filter((parent) => parent !== code);
    if (parents.some((parent) => names.get(parent) === english)) names.set(code, `${english} City`);
  }
  return names;
}
