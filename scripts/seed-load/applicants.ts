/**
 * The applicants of loaded cases: the demo accounts (a few heavy applicants with thousands of cases each) and a
 * pool of citizens and companies made here, in bulk, each with a resident ID number or credit code that passes the
 * portal's checksum. Pool members get user names (load-citizen-N, load-enterprise-N) but no password: load data
 * cannot sign in. Person j is the same person for the same seed; the pool only grows.
 */
import type pg from "pg";
import { computeResidentIdCheckDigit } from "@/lib/identifiers/resident-id";
import { computeUsccCheckCharacter } from "@/lib/identifiers/uscc";
import { applicantSearchFor, type TApplicantSearch } from "@/server/cases/describe-applicant";
import type { TApplicantIdentity } from "./answers";
import { createRandom } from "./random";
import { insertRows } from "./write-rows";
import { blindIndex } from "@/db/sealing/blind-index";
import { openText, sealText } from "@/db/sealing/seal";

/** A person, or a company with the members who submit for it (the legal representative first). */
export type TApplicant = { companyId: string | null; members: TMember[] };

/** Who submits, with what intake prefills for them and what describe-applicant writes on their case. */
export type TMember = { userId: string; identity: TApplicantIdentity; search: TApplicantSearch };

const surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高"];
const givenNames = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "华", "建国", "晓东", "雨桐", "子涵", "浩然"];
const districts = [
  { code: "310101", name: "黄浦" },
  { code: "310104", name: "徐汇" },
  { code: "310105", name: "长宁" },
  { code: "310106", name: "静安" },
  { code: "310107", name: "普陀" },
  { code: "310109", name: "虹口" },
  { code: "310110", name: "杨浦" },
  { code: "310112", name: "闵行" },
  { code: "310113", name: "宝山" },
  { code: "310115", name: "浦东新" },
];
const tradeNames = ["恒通", "宏达", "鑫源", "华美", "瑞丰", "佳和", "博远", "明德", "汇丰", "金穗", "嘉禾", "海纳"];
const industries = ["餐饮管理", "贸易", "科技", "文化传播", "物业管理", "咨询服务", "食品", "健身服务"];
const usccAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/** Person j's resident ID number: district, birth date and sequence derived from j, so no two share one. */
export function residentIdOf(j: number): string {
  const district = districts[j % districts.length].code;
  const k = Math.floor(j / districts.length);
  const birth = new Date(Date.UTC(1960, 0, 1) + (k % 16_000) * 86_400_000);
  const date = birth.toISOString().slice(0, 10).replaceAll("-", "");
  // Sequences 500–999: the demo accounts' numbers use lower ones.
  const sequence = String(500 + Math.floor(k / 16_000)).padStart(3, "0");
  const first17 = `${district}${date}${sequence}`;
  return first17 + computeResidentIdCheckDigit(first17);
}

/** Company j's credit code: 91 (an enterprise), its district, a nine-character body from j, the check character. */
export function usccOf(j: number): string {
  let body = "";
  let rest = j + 31 ** 7;
  for (let i = 0; i < 8; i += 1) {
    body = usccAlphabet[rest % 31] + body;
    rest = Math.floor(rest / 31);
  }
  const first17 = `91${districts[j % districts.length].code}L${body}`;
  return first17 + computeUsccCheckCharacter(first17);
}

function personOf(seed: string, j: number) {
  const random = createRandom(seed, "person", j);
  return { name: random.pick(surnames) + random.pick(givenNames), idNumber: residentIdOf(j), mobile: `1${random.pick(["38", "39", "58", "86", "37"])}${String(random.int(0, 99_999_999)).padStart(8, "0")}` };
}

function companyOf(seed: string, j: number) {
  const random = createRandom(seed, "company", j);
  const district = districts[j % districts.length];
  const street = random.pick(["漕溪北路", "国定路", "淮海中路", "世纪大道", "天目西路", "长宁路"]);
  return {
    uscc: usccOf(j),
    name: `上海${random.pick(tradeNames)}${random.pick(tradeNames)}${random.pick(industries)}有限公司`,
    legalRepresentative: random.pick(surnames) + random.pick(givenNames),
    registeredAddress: `上海市${district.name}区${street} ${random.int(1, 999)} 号`,
    regionCode: district.code,
  };
}

/** A person's ID number and mobile as the users table keeps them: sealed, the number with its blind index (the loader writes rows itself). */
function sealedNumbers(idNumber: string, mobile: string | null): [string, string, string | null] {
  return [sealText(idNumber, "users.resident_id_number"), blindIndex("resident-id", idNumber), mobile === null ? null : sealText(mobile, "users.mobile")];
}

/** Grows the pool to `citizens` people and `companies` companies (each with its legal representative's account). */
export async function ensureApplicantPool(client: pg.PoolClient, options: { seed: string; citizens: number; companies: number; now: Date }) {
  const { seed, now } = options;
  const [{ citizens, companies }] = (
    await client.query<{ citizens: number; companies: number }>(
      `select count(*) filter (where username like 'load-citizen-%')::int as citizens, count(*) filter (where username like 'load-enterprise-%')::int as companies from users`,
    )
  ).rows;
  const personRows: unknown[][] = [];
  for (let j = citizens; j < options.citizens; j += 1) {
    const person = personOf(seed, j);
    personRows.push([createRandom(seed, "person-id", j).uuid(), `load-citizen-${j}`, person.name, "citizen", ...sealedNumbers(person.idNumber, person.mobile), now]);
  }
  const companyRows: unknown[][] = [];
  const memberRows: unknown[][] = [];
  for (let j = companies; j < options.companies; j += 1) {
    const company = companyOf(seed, j);
    const random = createRandom(seed, "company-id", j);
    const companyId = random.uuid();
    const userId = random.uuid();
    // The legal representative signs in as the company's member; their own ID number comes after the citizens'.
    personRows.push([userId, `load-enterprise-${j}`, company.legalRepresentative, "enterprise", ...sealedNumbers(residentIdOf(5_000_000 + j), null), now]);
    companyRows.push([companyId, company.uscc, company.name, company.legalRepresentative, company.registeredAddress, company.regionCode, now]);
    memberRows.push([companyId, userId, "legal-representative", now]);
  }
  const userColumns = [
    { name: "id", type: "uuid" },
    { name: "username", type: "text" },
    { name: "display_name", type: "text" },
    { name: "role", type: "text" },
    { name: "resident_id_number", type: "text" },
    { name: "resident_id_index", type: "text" },
    { name: "mobile", type: "text" },
    { name: "created_at", type: "timestamptz" },
  ];
  for (let start = 0; start < personRows.length; start += 5000) await insertRows(client, "users", userColumns, personRows.slice(start, start + 5000));
  await insertRows(
    client,
    "companies",
    [
      { name: "id", type: "uuid" },
      { name: "uscc", type: "text" },
      { name: "name", type: "text" },
      { name: "legal_representative", type: "text" },
      { name: "registered_address", type: "text" },
      { name: "region_code", type: "text" },
      { name: "created_at", type: "timestamptz" },
    ],
    companyRows,
  );
  await insertRows(
    client,
    "company_members",
    [
      { name: "company_id", type: "uuid" },
      { name: "user_id", type: "uuid" },
      { name: "role", type: "text" },
      { name: "created_at", type: "timestamptz" },
    ],
    memberRows,
  );
  return { addedPeople: personRows.length - companyRows.length, addedCompanies: companyRows.length };
}

type TPersonRow = { id: string; username: string; name: string; id_number: string | null; mobile: string | null };
type TCompanyRow = { id: string; uscc: string; name: string; legal_representative: string; registered_address: string; region_code: string; member_ids: string[] };

function memberOf(person: TPersonRow, company: TCompanyRow | null): TMember {
  const identity: TApplicantIdentity = {
    name: person.name,
    idNumber: person.id_number,
    mobile: person.mobile,
    company: company ? { name: company.name, uscc: company.uscc, legalRepresentative: company.legal_representative, registeredAddress: company.registered_address, regionCode: company.region_code } : undefined,
  };
  return {
    userId: person.id,
    identity,
    search: applicantSearchFor({ person: { name: person.name, idNumber: person.id_number }, company: company ? { name: company.name, uscc: company.uscc } : undefined }),
  };
}

export type TApplicants = {
  /** The heavy citizens (the demo `citizen` first) and the pool. */
  heavyCitizens: TApplicant[];
  citizens: TApplicant[];
  heavyCompanies: TApplicant[];
  companies: TApplicant[];
};

/**
 * Reads the applicants back. A company's case is submitted by one of its members; the search text and ID tail are
 * the company's and the submitting member's, as describe-applicant writes them.
 */
export async function loadApplicants(client: pg.PoolClient): Promise<TApplicants> {
  const people = (await client.query<TPersonRow>(`select id, username, display_name as name, resident_id_number as id_number, mobile from users where role in ('citizen', 'enterprise') and username is not null order by username`)).rows.map(
    (person) => ({ ...person, id_number: person.id_number === null ? null : openText(person.id_number, "users.resident_id_number"), mobile: person.mobile === null ? null : openText(person.mobile, "users.mobile") }),
  );
  const byUsername = new Map(people.map((person) => [person.username, person]));
  const byId = new Map(people.map((person) => [person.id, person]));
  const companyRows = (
    await client.query<TCompanyRow>(
      `select c.id, c.uscc, c.name, c.legal_representative, c.registered_address, c.region_code, array_agg(m.user_id order by m.role desc, u.username) as member_ids
       from companies c join company_members m on m.company_id = c.id join users u on u.id = m.user_id where u.username is not null group by c.id order by c.uscc`,
    )
  ).rows;
  const citizen = (username: string): TApplicant | null => {
    const person = byUsername.get(username);
    return person ? { companyId: null, members: [memberOf(person, null)] } : null;
  };
  const company = (row: TCompanyRow): TApplicant => ({ companyId: row.id, members: row.member_ids.map((id) => memberOf(byId.get(id)!, row)) });
  const heavyCitizenNames = ["citizen", "citizen2", "load-citizen-0", "load-citizen-1"];
  const heavyCitizens = heavyCitizenNames.flatMap((name) => citizen(name) ?? []);
  const citizens = people.filter((person) => person.username.startsWith("load-citizen-") && !heavyCitizenNames.includes(person.username)).map((person) => ({ companyId: null, members: [memberOf(person, null)] }));
  const demoCompanies = ["91310104MA1FL8XQ36", "91310110MA1G8P4W21"];
  const loadCompanies = companyRows.filter((row) => byId.get(row.member_ids[0])?.username.startsWith("load-enterprise-"));
  const heavyCompanies = [...demoCompanies.flatMap((uscc) => companyRows.filter((row) => row.uscc === uscc)), ...loadCompanies.slice(0, 2)].map(company);
  return { heavyCitizens, citizens, heavyCompanies, companies: loadCompanies.slice(2).map(company) };
}
