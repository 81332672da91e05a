/**
 * The seeded service catalog: departments and the services (事项) each offers, with their guides and forms, one file
 * a department (departments/), their shared fields (shared-fields.ts), and the bundles (一件事, bundles.ts).
 *
 * Legal time limits written in a law or regulation follow it (food licence 20, fire safety check 10, invoices 5,
 * company registration 3, residence permit 15); where the law sets none, the limit is this demo city's own.
 */
import * as amr from "@/seed/catalog/departments/amr";
import * as fire from "@/seed/catalog/departments/fire";
import * as health from "@/seed/catalog/departments/health";
import * as police from "@/seed/catalog/departments/police";
import * as hrss from "@/seed/catalog/departments/hrss";
import * as medins from "@/seed/catalog/departments/medins";
import * as env from "@/seed/catalog/departments/env";
import * as urban from "@/seed/catalog/departments/urban";
import * as tax from "@/seed/catalog/departments/tax";
import type { TSeedDepartment, TSeedService } from "@/seed/catalog/types";

const byDepartment = [amr, fire, health, police, hrss, medins, env, urban, tax];

export const departments: TSeedDepartment[] = byDepartment.map((entry) => entry.department);
export const services: TSeedService[] = byDepartment.flatMap((entry) => entry.services);
