/** 生态环境局 (Ecology and Environment Bureau): the department and the services it offers. */
import type { TSeedDepartment, TSeedService } from "@/seed/catalog/types";
import { t } from "@/lib/i18n/traditional";
import { free, material, singlePageForm, municipalRemedies } from "@/seed/catalog/parts";
import { field } from "@/seed/catalog/shared-fields";

export const department: TSeedDepartment = { code: "ENV", name: t("生态环境局", "Ecology and Environment Bureau"), shortName: t("生态环境", "Environment"), ...municipalRemedies };

export const services: TSeedService[] = [
  {
    code: "ENV-EIA-FILING",
    departmentCode: "ENV",
    name: t("建设项目环境影响登记表备案", "File an environmental impact registration form"),
    summary: t(
      "对环境影响很小、按规定只需填报环境影响登记表的建设项目，建设单位在项目建成并投入生产运营前完成备案。",
      "If your building project has very little effect on the environment and only needs a registration form, file it before the project starts operating.",
    ),
    applicantType: "legal",
    kind: "promised",
    legalLimitDays: 5,
    promisedLimitDays: 1,
    topic: "environment",
    conditions: [
      t(
        "项目属于《建设项目环境影响评价分类管理名录》规定应当填报环境影响登记表的类别",
        "The project is of a kind that the Classified Management Catalogue says only needs a registration form",
      ),
      t("项目尚未建成投入生产运营", "The project has not yet started operating"),
    ],
    materials: [
      material("建设项目环境影响登记表", "Environmental impact registration form", {
        note: t("在线填写表单后自动生成，建设单位对填报内容的真实性负责", "Created from this online form; you are responsible for what it says"),
      }),
      material("营业执照", "Business licence"),
    ],
    fees: free,
    legalBasis: [
      t("《中华人民共和国环境影响评价法》第十六条、第二十二条", "Environmental Impact Assessment Law of the People's Republic of China, Articles 16 and 22"),
      t("《建设项目环境影响登记表备案管理办法》", "Measures for Filing Environmental Impact Registration Forms for Construction Projects"),
      t("《建设项目环境影响评价分类管理名录》", "Classified Management Catalogue for Environmental Impact Assessment of Construction Projects"),
    ],
    form: singlePageForm(
      {
        key: "project",
        title: t("项目信息", "About the project"),
        fields: [
          {
            key: "projectName",
            type: "text",
            label: t("项目名称", "Project name"),
            hint: t("例如：某某餐厅新建项目", "For example: new restaurant at 88 Binjiang Road"),
            required: true,
            maxLength: 100,
          },
          field.businessAddress,
          field.businessArea,
          {
            key: "projectCategory",
            type: "select",
            label: t("项目类别", "Type of project"),
            required: true,
            options: [
              { value: "catering", label: t("餐饮服务", "Food service") },
              { value: "retail", label: t("批发零售", "Wholesale or retail") },
              { value: "hospitality", label: t("住宿", "Accommodation") },
              { value: "other", label: t("其他", "Other") },
            ],
          },
          {
            key: "pollutionControls",
            type: "textarea",
            label: t("主要污染防治措施", "How you will control pollution"),
            hint: t("例如：安装油烟净化器、设置隔油池、选用低噪声设备", "For example: a fume extractor, a grease trap, quiet equipment"),
            required: true,
            maxLength: 1000,
          },
        ],
      },
      {
        key: "contact",
        title: t("联系人", "Contact"),
        fields: [field.contactName, field.applicantMobile],
      },
    ),
  },
];
