/** 公安局 (Public Security Bureau): the department and the services it offers. */
import type { TSeedDepartment, TSeedService } from "@/seed/catalog/types";
import { t } from "@/lib/i18n/traditional";
import { free, material, singlePageForm, municipalRemedies } from "@/seed/catalog/parts";
import { licenceTemplates } from "@/seed/catalog/licence-templates";
import { field } from "@/seed/catalog/shared-fields";

export const department: TSeedDepartment = { code: "POLICE", name: t("公安局", "Public Security Bureau"), shortName: t("公安", "Police"), ...municipalRemedies };

export const services: TSeedService[] = [
  {
    code: "POLICE-BIRTH-REG",
    departmentCode: "POLICE",
    name: t("出生登记（户口登记）", "Register a birth in the household register"),
    summary: t(
      "婴儿出生后一个月内，向落户地公安派出所申报出生登记，办理后婴儿取得公民身份号码并登记在户口簿上。",
      "Register your baby's birth with the police station where the family is registered within one month. Your baby then gets a resident ID number and is added to the household register (hukou).",
    ),
    applicantType: "natural",
    kind: "promised",
    legalLimitDays: 5,
    promisedLimitDays: 1,
    topic: "family",
    conditions: [
      t("婴儿已取得《出生医学证明》", "Your baby has a birth medical certificate"),
      t("随父亲或者母亲在本市常住户口所在地落户", "The baby joins the father's or mother's household registered in this city"),
      t("由户主、亲属、抚养人申报", "The head of household, a relative or a guardian applies"),
    ],
    materials: [
      material("《出生医学证明》", "Birth medical certificate", {
        note: t("原件现场核验；与出生医学证明同时申请的无需提交", "Original is checked; not needed if you apply for both together"),
      }),
      material("父母双方的居民身份证", "Both parents' resident ID cards"),
      material("落户一方的居民户口簿", "The household register book the baby will join"),
      material("父母的结婚证", "Parents' marriage certificate", {
        required: false,
        note: t("父母已登记结婚的提供", "If the parents are married"),
      }),
    ],
    fees: free,
    legalBasis: [t("《中华人民共和国户口登记条例》第七条", "Regulations of the People's Republic of China on Household Registration, Article 7")],
    licence: licenceTemplates.birthRegistration,
    form: singlePageForm(
      {
        key: "baby",
        title: t("婴儿信息", "About the baby"),
        fields: [
          field.babyName,
          field.babySex,
          field.babyBirthDate,
          {
            key: "birthCertificateNumber",
            type: "text",
            label: t("出生医学证明编号", "Birth medical certificate number"),
            hint: t("证明右上角的字母和数字编号", "The letter and number code at the top right of the certificate"),
            required: true,
            maxLength: 20,
          },
        ],
      },
      {
        key: "household",
        title: t("落户信息", "Household registration"),
        fields: [field.householdOf, field.householdAddress, field.applicantName, field.applicantIdNumber, field.applicantMobile],
      },
    ),
  },
  {
    code: "POLICE-RESIDENCE-PERMIT",
    departmentCode: "POLICE",
    name: t("居住证申领", "Apply for a residence permit"),
    summary: t(
      "户籍不在本市、在本市居住半年以上，并有稳定就业、稳定住所或者连续就读的，可以申领居住证，按规定享受本市基本公共服务。",
      "If your household registration is elsewhere and you have lived in this city for at least six months with a steady job, a stable home or a school place, you can apply for a residence permit and use the city's basic public services.",
    ),
    applicantType: "natural",
    kind: "promised",
    legalLimitDays: 15,
    promisedLimitDays: 7,
    topic: "residence",
    conditions: [
      t("常住户口不在本市，已在本市居住半年以上", "Your household registration is outside this city and you have lived here for at least six months"),
      t("有合法稳定就业、合法稳定住所、连续就读三项条件之一", "You have a steady legal job, a stable legal home, or are studying here continuously"),
      t("已在居住地办理居住登记", "You have registered your address with the local police station"),
    ],
    materials: [
      material("本人居民身份证", "Your resident ID card"),
      material("近期免冠证件照片", "Recent passport-style photo", {
        note: t("可调用公安部门的证件照", "Your ID card photo can be used"),
      }),
      material("居住地住址证明", "Proof of your address in this city", {
        note: t("房屋产权证明、租赁合同或者单位宿舍证明等", "Property certificate, lease, or proof of employer housing"),
      }),
      material("就业或者就读证明", "Proof of your job or studies", {
        required: false,
        note: t("以就业或者就读为条件申领的提交", "If you apply on the basis of a job or studies"),
      }),
    ],
    fees: t(
      "首次申领免收证件工本费；换领、补领按规定缴纳工本费",
      "Free the first time; a fee is charged to renew or replace a permit",
    ),
    legalBasis: [t("《居住证暂行条例》第二条", "Interim Regulations on Residence Permits, Article 2")],
    licence: licenceTemplates.residencePermit,
    form: singlePageForm(
      {
        key: "applicant",
        title: t("申请人", "About you"),
        fields: [field.applicantName, field.applicantIdNumber, field.applicantMobile],
      },
      {
        key: "residence",
        title: t("在本市居住情况", "Living in this city"),
        fields: [
          {
            key: "residenceAddress",
            type: "text",
            label: t("本市居住地址", "Your address in this city"),
            required: true,
            maxLength: 200,
          },
          {
            key: "residenceSince",
            type: "date",
            label: t("开始在本市居住的日期", "Date you started living here"),
            required: true,
            max: "today",
          },
          {
            key: "eligibilityBasis",
            type: "select",
            label: t("申领条件", "You are applying because you have"),
            required: true,
            options: [
              { value: "employment", label: t("合法稳定就业", "A steady job") },
              { value: "residence", label: t("合法稳定住所", "A stable home") },
              { value: "study", label: t("连续就读", "A school or university place") },
            ],
          },
          {
            key: "employerName",
            type: "text",
            label: t("工作单位名称", "Employer's name"),
            required: true,
            maxLength: 100,
            showWhen: { "==": [{ var: "eligibilityBasis" }, "employment"] },
          },
          {
            key: "schoolName",
            type: "text",
            label: t("就读学校名称", "School or university name"),
            required: true,
            maxLength: 100,
            showWhen: { "==": [{ var: "eligibilityBasis" }, "study"] },
          },
        ],
      },
    ),
  },
];
