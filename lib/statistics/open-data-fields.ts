/**
 * The open data of /statistics (政务公开), described once: each file's fields, their types and units, in the order
 * the CSV columns and the JSON records carry them. The route handler (app/statistics/data/[file]/route.ts) writes
 * the files and the data package that describes them (Frictionless Table Schema, datapackage.json) from this list,
 * and docs/OPEN-DATA.md explains it for people: a field is renamed or removed only with a new file name.
 *
 * Data classes (lib/forms/data-class.ts): open data carries only what is public — counts, rates, codes and names of
 * departments and services, and of 办件公示 the case number and a masked applicant. No field carries an answer of
 * any class, so no personal or sensitive answer can reach a file (server/statistics/public-statistics.test.ts).
 */

export const openDataTables = ["departments", "services", "cases-concluded"] as const;
export type TOpenDataTable = (typeof openDataTables)[number];
export const openDataFormats = ["csv", "json"] as const;
export type TOpenDataFormat = (typeof openDataFormats)[number];

export const OPEN_DATA_LICENCE = { name: "CC-BY-4.0", title: "Creative Commons Attribution 4.0", path: "https://creativecommons.org/licenses/by/4.0/" } as const;

export type TOpenDataField = { name: string; type: "string" | "integer" | "number" | "date"; title: string; description: string };

const field = (name: string, type: TOpenDataField["type"], title: string, description: string): TOpenDataField => ({ name, type, title, description });

const periodFields = [
  field("period", "string", "统计周期", "month (this month) or year (this calendar year so far); each department or service has one row per period"),
  field("period_from", "date", "周期开始", "first day of the period, Beijing time (YYYY-MM-DD)"),
  field("period_to", "date", "周期结束", "last day of the period, Beijing time, included"),
];

const departmentFields = [
  field("department_code", "string", "部门代码", "the department's stable code, e.g. AMR"),
  field("department_name_zh_hans", "string", "部门名称", "the department's name in simplified Chinese"),
  field("department_name_zh_hant", "string", "部門名稱", "the department's name in traditional Chinese"),
  field("department_name_en", "string", "Department", "the department's name in English"),
];

const figureFields = [
  field("received", "integer", "收件", "applications that reached the department in the period (a bundle counts once per department it involves)"),
  field("concluded", "integer", "办结", "applications decided in the period: approved + refused + rejected"),
  field("approved", "integer", "准予", "of those concluded, approved (准予许可)"),
  field("refused", "integer", "不予受理", "of those concluded, not accepted (不予受理)"),
  field("rejected", "integer", "不予许可", "of those concluded, accepted and then rejected (不予许可)"),
  field("withdrawn", "integer", "撤回", "applications withdrawn by the applicant in the period (not concluded)"),
  field("on_time_rate_percent", "number", "按时办结率 (%)", "percentage of concluded applications decided on or before their due date (moved by supplements and approved extensions), one decimal; empty when none concluded"),
  field("average_handling_working_days", "number", "平均用时（工作日）", "average working days from arrival to decision, less the days the applicant took to answer a supplement request, one decimal; weekends and public holidays excluded; empty when none concluded"),
  field("p90_handling_working_days", "number", "90% 用时（工作日）", "90th percentile of the same handling time (continuous), one decimal"),
  field("ratings", "integer", "评价数", "好差评 ratings given in the period of applications the department (service) handled"),
  field("rating_average", "number", "平均评分", "average overall rating, 1 (very dissatisfied) to 5 (very satisfied), one decimal; empty when none"),
  field("satisfied_percent", "number", "满意率 (%)", "percentage of those ratings at 4 or 5, one decimal; empty when none"),
];

export const openDataFields: Record<TOpenDataTable, TOpenDataField[]> = {
  departments: [...periodFields, ...departmentFields, ...figureFields],
  services: [
    ...periodFields,
    field("service_code", "string", "事项编码", "the service's stable code, e.g. AMR-FOOD-LICENCE"),
    field("service_name_zh_hans", "string", "事项名称", "the service's name in simplified Chinese"),
    field("service_name_zh_hant", "string", "事項名稱", "the service's name in traditional Chinese"),
    field("service_name_en", "string", "Service", "the service's name in English"),
    ...departmentFields,
    ...figureFields,
  ],
  "cases-concluded": [
    field("case_number", "string", "办件编号", "the case number printed on the applicant's receipt"),
    field("subject_type", "string", "类型", "service (one service) or bundle (一件事, several services applied for as one)"),
    field("subject_code", "string", "事项编码", "the code of the service or bundle applied for"),
    field("subject_name_zh_hans", "string", "事项名称", "its name in simplified Chinese"),
    field("subject_name_zh_hant", "string", "事項名稱", "its name in traditional Chinese"),
    field("subject_name_en", "string", "Service", "its name in English"),
    field("applicant_kind", "string", "申请人类型", "person or company"),
    field("applicant_masked", "string", "申请人", "masked: a person's first character (张*), a company's first two characters and all from the fifth on (上海**餐饮管理有限公司)"),
    field("result", "string", "办理结果", "approved, partly-approved (a bundle some of whose departments approved), refused (不予受理), rejected (不予许可) or withdrawn"),
    field("concluded_on", "date", "办结日期", "the day the case was concluded, Beijing time"),
  ],
};

/** The address of a file, e.g. /statistics/data/departments.csv. */
export const openDataPath = (table: TOpenDataTable, format: TOpenDataFormat) => `/statistics/data/${table}.${format}`;
export const OPEN_DATA_PACKAGE_PATH = "/statistics/data/datapackage.json";
