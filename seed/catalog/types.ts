/** The shapes of the seeded catalog: departments, services (事项) with their guides and forms, bundles (一件事). */
import type { TFormDefinitionInput } from "@/lib/forms/definition";
import type { TLicenceTemplate } from "@/lib/licences/licence-template";
import type { TLocalizedText } from "@/lib/i18n/locales";
import type { TCommitmentRule } from "@/lib/workflow/commitment";
import type { TServiceTopic } from "@/lib/catalog/service-topics";

export type TTopic = TServiceTopic;

/** reviewBody and court: where its decisions may be reviewed (行政复议) or sued over (行政诉讼), as its guides state. */
export type TSeedDepartment = { code: string; name: TLocalizedText; shortName: TLocalizedText; reviewBody?: TLocalizedText; court?: TLocalizedText };

export type TSeedMaterial = { name: TLocalizedText; required: boolean; copies: number; note?: TLocalizedText };

export type TSeedService = {
  code: string;
  departmentCode: string;
  name: TLocalizedText;
  summary: TLocalizedText;
  applicantType: "natural" | "legal";
  /** instant = 即办件 (decided at once), promised = 承诺件 (decided within the promised limit). */
  kind: "instant" | "promised";
  /**
   * For an instant service: the rule (json-logic over the answers) that must hold to approve at submit, and what a
   * clerk is told when it does not. Omitted: always approved at submit.
   */
  instantCheck?: { rule: Record<string, unknown>; reason: TLocalizedText };
  /** 法定时限 in working days; 1 for instant services (the day a clerk has when the instant check fails). */
  legalLimitDays: number;
  /** 承诺时限 in working days, never above the legal limit; 1 for instant services. */
  promisedLimitDays: number;
  topic: TTopic;
  /** 受理条件 */
  conditions: TLocalizedText[];
  /** 申请材料 */
  materials: TSeedMaterial[];
  /** 收费标准 */
  fees: TLocalizedText;
  /** 设定依据 */
  legalBasis: TLocalizedText[];
  /** 办理流程: the steps an applicant goes through, in order. */
  steps?: TLocalizedText[];
  /** Where and when to go, when not the department's service hall (办理地点, 办理时间, 咨询电话). */
  address?: string;
  hours?: string;
  phone?: string;
  /** The review body and court for this service, when not its department's. */
  reviewBody?: TLocalizedText;
  court?: TLocalizedText;
  /** The e-licence (电子证照) an approval issues; omitted when the service yields none. */
  licence?: TLicenceTemplate;
  /**
   * 告知承诺制: the answer of this service's form that means the applicant signs the commitment, and the working
   * days within which the department inspects after approving on it. Omitted: not offered.
   */
  commitment?: TCommitmentRule;
  form: TFormDefinitionInput;
};

export type TSeedBundle = {
  code: string;
  name: TLocalizedText;
  summary: TLocalizedText;
  applicantType: "natural" | "legal";
  topic: TTopic;
  /**
   * appliesWhen is a json-logic rule over the bundle form's answers (only fields of the base form below); null
   * means the service always applies. excludeFields are fields of the service's form the bundle does not ask:
   * another department of the bundle produces them, or the bundle itself settles them.
   */
  items: { serviceCode: string; appliesWhen: Record<string, unknown> | null; excludeFields?: string[]; dependsOn?: string[] }[];
  /**
   * The bundle's own questions (stored as its "bundle-base" form): routing questions and what the services share,
   * asked first. The applicant's one form (一表申请) is composed from it and the services' forms
   * (lib/forms/compose-bundle-form.ts).
   */
  form: TFormDefinitionInput;
};
