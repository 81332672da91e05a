/**
 * A service's guide as one value: read out of the `services` columns (what is published now), written back into them
 * when a draft is published, and kept whole in each service_versions row and in the change record.
 */
import type { TService, TServiceGuide } from "@/db/schema";
import { decisionsOf } from "./service-decisions-input";

export function guideOf(service: Pick<TService, keyof TServiceGuide>): TServiceGuide {
  return {
    name: service.name,
    summary: service.summary,
    topic: service.topic,
    conditions: service.conditions,
    materials: service.materials,
    fees: service.fees,
    legalBasis: service.legalBasis,
    legalLimitDays: service.legalLimitDays,
    promisedLimitDays: service.promisedLimitDays,
    address: service.address,
    hours: service.hours,
    phone: service.phone,
    steps: service.steps,
  };
}

/** What the change record keeps of a service: its identity, state, published guide and decision settings (the draft separately). */
export function serviceRecord(service: TService) {
  return {
    code: service.code,
    departmentId: service.departmentId,
    applicantType: service.applicantType,
    kind: service.kind,
    publishedVersion: service.publishedVersion,
    retiredAt: service.retiredAt,
    guide: guideOf(service),
    decisions: decisionsOf(service),
  };
}

/** A service the public may see: published at least once and not retired. */
export function isOffered(service: Pick<TService, "publishedVersion" | "retiredAt">): boolean {
  return service.publishedVersion > 0 && service.retiredAt === null;
}
