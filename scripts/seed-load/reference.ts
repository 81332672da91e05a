/**
 * What the loader reads once before writing: the catalog as intake sees it (findApplySubject, the same routing), the
 * services' licence templates and reasons, the staff who act on cases, the working-day calendar as an ordinal index.
 */
import { and, asc, eq, isNull } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { bundles, departments, reasonTemplates, services, users } from "@/db/schema";
import { remediesOf } from "@/lib/documents/document-rules";
import type { TLocalizedText } from "@/lib/i18n/locales";
import { ZLicenceTemplate, type TLicenceTemplate } from "@/lib/licences/licence-template";
import type { TCalendar } from "@/lib/calendar/working-days";
import { addDays, isWorkingDay } from "@/lib/calendar/working-days";
import { loadCalendar } from "@/server/calendar/load-calendar";
import { findApplySubject, type TApplySubject } from "@/server/catalog/find-apply-subject";

export type TServiceInfo = {
  id: string;
  code: string;
  departmentId: string;
  departmentCode: string;
  departmentName: Record<string, string>;
  licenceTemplate: TLicenceTemplate | null;
  /** What a written notice or decision prints of the service and its department (issue-case-document.ts). */
  name: TLocalizedText;
  legalBasis: TLocalizedText[];
  remedies: { reviewBody: TLocalizedText | null; court: TLocalizedText | null };
  refuseReasons: string[];
  rejectReasons: string[];
};

export type TReference = {
  subjects: TApplySubject[];
  services: Map<string, TServiceInfo>;
  clerksByDepartment: Map<string, string[]>;
  supervisorIds: string[];
  counterIds: string[];
  days: TWorkingDays;
};

/** Working days as ordinals, so "n working days after" is one lookup instead of a walk over the calendar. */
export type TWorkingDays = {
  first: string;
  /** The date `n` working days after `date` (lib/calendar/working-days.ts addWorkingDays, by table). */
  add: (date: string, n: number) => string;
  /** Working days in (from, to] (countWorkingDays). */
  count: (from: string, to: string) => number;
  isWorking: (date: string) => boolean;
  calendar: TCalendar;
};

export function indexWorkingDays(calendar: TCalendar, first: string, last: string): TWorkingDays {
  const ordinal = new Map<string, number>();
  const working = new Map<string, boolean>();
  const byOrdinal: string[] = [];
  let count = 0;
  for (let day = first; day <= last; day = addDays(day, 1)) {
    const isWorking = isWorkingDay(day, calendar);
    if (isWorking) {
      count += 1;
      byOrdinal[count] = day;
    }
    ordinal.set(day, count);
    working.set(day, isWorking);
  }
  const ordinalOf = (date: string) => {
    const value = ordinal.get(date);
    if (value === undefined) throw new RangeError(`seed-load: ${date} is outside the indexed calendar ${first}…${last}`);
    return value;
  };
  return {
    first,
    calendar,
    isWorking: (date) => working.get(date) ?? isWorkingDay(date, calendar),
    add: (date, n) => {
      if (n === 0) return date;
      const target = byOrdinal[ordinalOf(date) + n];
      if (!target) throw new RangeError(`seed-load: ${n} working days after ${date} is past the indexed calendar`);
      return target;
    },
    count: (from, to) => (to <= from ? 0 : ordinalOf(to) - ordinalOf(from)),
  };
}

export async function loadReference(db: TDatabase, today: string): Promise<TReference> {
  const serviceRows = await db
    .select({ service: services, department: departments })
    .from(services)
    .innerJoin(departments, eq(departments.id, services.departmentId))
    .where(isNull(departments.retiredAt))
    .orderBy(asc(services.code));
  const bundleRows = await db.select({ code: bundles.code }).from(bundles).orderBy(asc(bundles.code));
  const subjects: TApplySubject[] = [];
  for (const code of [...serviceRows.map((row) => row.service.code), ...bundleRows.map((row) => row.code)]) {
    const subject = await findApplySubject(db, code);
    // Intake refuses a bundle that would give a retired department a task; so does the loader.
    if (subject && subject.components.every((component) => component.department.retiredAt === null)) subjects.push(subject);
  }
  const reasons = await db.select().from(reasonTemplates).orderBy(asc(reasonTemplates.position));
  const serviceInfo = new Map<string, TServiceInfo>();
  for (const { service, department } of serviceRows) {
    const own = reasons.filter((reason) => reason.serviceId === service.id);
    serviceInfo.set(service.code, {
      id: service.id,
      code: service.code,
      departmentId: department.id,
      departmentCode: department.code,
      departmentName: department.name,
      licenceTemplate: service.licenceTemplate ? ZLicenceTemplate.parse(service.licenceTemplate) : null,
      name: service.name,
      legalBasis: service.legalBasis,
      remedies: remediesOf(service, department),
      refuseReasons: own.filter((reason) => reason.decision === "refuse").map((reason) => reason.text["zh-Hans"]),
      rejectReasons: own.filter((reason) => reason.decision === "reject").map((reason) => reason.text["zh-Hans"]),
    });
  }
  const staff = await db.select({ id: users.id, role: users.role, departmentId: users.departmentId }).from(users).where(and(isNull(users.disabledAt))).orderBy(asc(users.username));
  const clerksByDepartment = new Map<string, string[]>();
  for (const person of staff) {
    if (person.role !== "clerk" || !person.departmentId) continue;
    clerksByDepartment.set(person.departmentId, [...(clerksByDepartment.get(person.departmentId) ?? []), person.id]);
  }
  const supervisorIds = staff.filter((person) => person.role === "supervisor").map((person) => person.id);
  const counterIds = staff.filter((person) => person.role === "counter").map((person) => person.id);
  if (supervisorIds.length === 0 || counterIds.length === 0) throw new Error("seed-load: the demo seed's supervisor and counter accounts are missing");
  for (const { department } of serviceRows) {
    if (!clerksByDepartment.has(department.id)) throw new Error(`seed-load: department ${department.code} has no clerk`);
  }
  const calendar = await loadCalendar(db);
  return { subjects, services: serviceInfo, clerksByDepartment, supervisorIds, counterIds, days: indexWorkingDays(calendar, addDays(today, -800), addDays(today, 800)) };
}
