/**
 * The demo seed for the embedded database: the catalog, the 2025–2027 holiday calendar, and the demo accounts
 * of DESIGN.md (password demo2026). Never run against production unless asked (SEED_DEMO=1).
 */
import { sql } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { users } from "@/db/schema";
import { bundles } from "@/seed/catalog/bundles";
import { departments, services } from "@/seed/catalog/catalog";
import { seedCalendar, seedCatalog, seedCompany, seedLicence, seedUser } from "@/seed/factories";
import { t } from "@/lib/i18n/traditional";

export const demoCompany = {
  uscc: "91310104MA1FL8XQ36",
  name: "上海一门餐饮管理有限公司",
  legalRepresentative: "王五",
  registeredAddress: "上海市徐汇区漕溪北路 88 号",
  regionCode: "310104",
};

/** A second company, so the demo shows that one company's staff see nothing of another's. */
export const demoCompany2 = {
  uscc: "91310110MA1G8P4W21",
  name: "上海二门贸易有限公司",
  legalRepresentative: "钱七",
  registeredAddress: "上海市杨浦区国定路 200 号",
  regionCode: "310110",
};

const clerkNames: Record<string, string> = {
  AMR: "周明",
  FIRE: "吴刚",
  HEALTH: "郑芳",
  POLICE: "冯强",
  HRSS: "陈静",
  MEDINS: "褚丽",
  ENV: "卫涛",
  URBAN: "蒋华",
  TAX: "沈洁",
};

export async function isDatabaseEmpty(db: TDatabase): Promise<boolean> {
  const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(users);
  return row.count === 0;
}

// Any constant works; every replica's setup takes the same one (db/migrate.ts has its own for the migrations).
const SEED_LOCK_KEY = 741_620_261;

/**
 * Seeds the demo data when the database has no accounts yet; true when this call seeded it. Replicas started
 * together on an empty PostgreSQL (SEED_DEMO=1) run setup together: the check and the seed share one transaction
 * under an advisory lock, so the second waits for the first and then finds its accounts, instead of seeding a
 * second time into a duplicate-key error that stops its `npm start`.
 */
export async function seedDemoIfEmpty(db: TDatabase): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK_KEY})`);
    if (!(await isDatabaseEmpty(tx))) return false;
    await seedDemo(tx);
    return true;
  });
}

export async function seedDemo(db: TDatabase) {
  await db.transaction(async (tx) => {
    await seedCatalog(tx, { departments, services, bundles });
    await seedCalendar(tx);

    const citizen = await seedUser(tx, { username: "citizen", role: "citizen", displayName: "张三", residentIdNumber: "310104198803124016", mobile: "13800138000" });
    await seedUser(tx, { username: "citizen2", role: "citizen", displayName: "李四", residentIdNumber: "310115199008072521", mobile: "13900139000" });
    const enterprise = await seedUser(tx, {
      username: "enterprise",
      role: "enterprise",
      displayName: "王五",
      residentIdNumber: "310105198501011231",
      mobile: "13700137000",
    });
    // 赵六 is an agent (经办人) of both companies, so applying as an enterprise means choosing the company.
    const agent = await seedUser(tx, { username: "agent", role: "enterprise", displayName: "赵六", residentIdNumber: "310106199203153021", mobile: "13600136000" });
    const enterprise2 = await seedUser(tx, { username: "enterprise2", role: "enterprise", displayName: "钱七", residentIdNumber: "31011019870722441X", mobile: "13500135000" });
    const company = await seedCompany(tx, demoCompany, [
      { userId: enterprise.id, role: "legal-representative" },
      { userId: agent.id, role: "agent" },
    ]);
    await seedCompany(tx, demoCompany2, [
      { userId: enterprise2.id, role: "legal-representative" },
      { userId: agent.id, role: "agent" },
    ]);
    // E-licences issued before OneDoor, in the wallets so forms can reuse them instead of uploads (免提交).
    await seedLicence(tx, {
      number: "310104000201809120017",
      type: "business-licence",
      title: t("营业执照", "Business licence"),
      issuingDepartmentCode: "AMR",
      holderCompanyId: company.id,
      data: { name: demoCompany.name, uscc: demoCompany.uscc, legalRepresentative: demoCompany.legalRepresentative },
      dataFields: [
        { key: "name", label: t("名称", "Name") },
        { key: "uscc", label: t("统一社会信用代码", "Unified social credit code") },
        { key: "legalRepresentative", label: t("法定代表人", "Legal representative") },
      ],
      validFrom: "2018-09-12",
    });
    await seedLicence(tx, {
      number: "沪户310104-2011-004512",
      type: "household-register",
      title: t("居民户口簿", "Household register"),
      issuingDepartmentCode: "POLICE",
      holderUserId: citizen.id,
      data: { name: "张三", address: "上海市徐汇区天钥桥路 100 弄 5 号" },
      dataFields: [
        { key: "name", label: t("户主姓名", "Head of household") },
        { key: "address", label: t("住址", "Address") },
      ],
      validFrom: "2011-03-02",
    });
    await seedUser(tx, { username: "counter", role: "counter", displayName: "赵窗口" });
    await seedUser(tx, { username: "supervisor", role: "supervisor", displayName: "钱监察" });
    await seedUser(tx, { username: "admin", role: "admin", displayName: "孙管理" });
    for (const department of departments) {
      await seedUser(tx, {
        username: `clerk-${department.code.toLowerCase()}`,
        role: "clerk",
        displayName: clerkNames[department.code] ?? department.code,
        departmentCode: department.code,
      });
    }
  });
}
