/** 市场监督管理局 (Administration for Market Regulation): the department and the services it offers. */
import type { TSeedDepartment, TSeedService } from "@/seed/catalog/types";
import { t } from "@/lib/i18n/traditional";
import { free, material, singlePageForm, municipalRemedies } from "@/seed/catalog/parts";
import { licenceTemplates } from "@/seed/catalog/licence-templates";
import { field } from "@/seed/catalog/shared-fields";

export const department: TSeedDepartment = { code: "AMR", name: t("市场监督管理局", "Administration for Market Regulation"), shortName: t("市场监管", "Market Regulation"), ...municipalRemedies };

export const services: TSeedService[] = [
  {
    code: "AMR-FOOD-LICENCE",
    departmentCode: "AMR",
    name: t("食品经营许可", "Food business licence"),
    summary: t(
      "开餐馆、小吃店、奶茶店、食堂或者销售预包装以外的食品，开业前需要取得食品经营许可证。",
      "You need a food business licence before you open a restaurant, snack bar, tea shop or canteen, or sell food that is not pre-packed.",
    ),
    applicantType: "legal",
    kind: "promised",
    legalLimitDays: 20,
    promisedLimitDays: 5,
    topic: "business",
    conditions: [
      t("已经取得营业执照或者其他合法主体资格", "You already have a business licence or are otherwise a registered entity"),
      t(
        "有与经营的食品品种、数量相适应的食品原料处理和食品加工、销售、贮存等场所，并与有毒、有害场所以及其他污染源保持规定的距离",
        "Your premises are right for the kinds and amounts of food you handle, prepare, sell and store, and are kept the required distance from toxic, harmful or other sources of contamination",
      ),
      t(
        "有相应的消毒、更衣、盥洗、采光、照明、通风、防腐、防尘、防蝇、防鼠、防虫、洗涤以及处理废水、存放垃圾和废弃物的设备或者设施",
        "You have the equipment for disinfecting, changing, washing, lighting, ventilation, keeping out dust, flies, rodents and insects, and for handling waste water and rubbish",
      ),
      t(
        "有专职或者兼职的食品安全管理人员和保证食品安全的规章制度",
        "You have a full-time or part-time person in charge of food safety, and written food safety procedures",
      ),
      t(
        "有合理的设备布局和工艺流程，防止待加工食品与直接入口食品、原料与成品交叉污染",
        "Your kitchen layout and workflow keep raw ingredients away from ready-to-eat food",
      ),
    ],
    materials: [
      material("食品经营许可申请书", "Food business licence application form", {
        note: t("在线填写表单后自动生成，无需另行提交", "Created from this online form; you do not need to send it separately"),
      }),
      material("营业执照或者其他主体资格证明文件", "Business licence or other proof of registration", {
        note: t("已有电子营业执照的可直接调用", "Your electronic business licence is used if you have one"),
      }),
      material(
        "与食品经营相适应的主要设备设施、经营布局、操作流程等文件",
        "Floor plan of the premises, list of main equipment and description of how food is prepared",
      ),
      material(
        "食品安全自查、从业人员健康管理、进货查验记录、食品安全事故处置等保证食品安全的规章制度目录清单",
        "List of your food safety procedures: self-inspection, staff health checks, checking deliveries, and handling food safety incidents",
      ),
      material("委托他人办理的，提交授权委托书及代理人身份证明", "If someone applies for you: letter of authorisation and their ID", {
        required: false,
      }),
    ],
    fees: free,
    legalBasis: [
      t("《中华人民共和国食品安全法》第三十五条", "Food Safety Law of the People's Republic of China, Article 35"),
      t("《食品经营许可和备案管理办法》", "Measures for the Administration of Food Business Licensing and Filing"),
    ],
    licence: licenceTemplates.foodBusiness,
    form: singlePageForm(
      {
        key: "business",
        title: t("经营者和经营场所", "Business and premises"),
        fields: [
          field.shopName,
          field.unifiedSocialCreditCode,
          field.businessAddress,
          field.businessArea,
          {
            key: "businessType",
            type: "select",
            label: t("主体业态", "Type of business"),
            required: true,
            options: [
              { value: "restaurant", label: t("餐饮服务经营者", "Restaurant, café or takeaway") },
              { value: "canteen", label: t("单位食堂", "Workplace or school canteen") },
              { value: "food-retail", label: t("食品销售经营者", "Food shop") },
            ],
          },
          field.mainFoodCategory,
        ],
      },
      {
        key: "foodSafety",
        title: t("食品安全管理", "Food safety"),
        fields: [
          field.foodSafetyManagerName,
          field.foodSafetyManagerMobile,
          {
            key: "foodSafetyManagerHealthCertificate",
            type: "select",
            label: t("食品安全管理人员健康证明", "Health certificate of the person in charge of food safety"),
            hint: t(
              "从事接触直接入口食品工作的人员应当持有有效的健康证明（《食品安全法》第四十五条）",
              "Anyone whose work touches food eaten as it is must hold a valid health certificate (Food Safety Law, Article 45)",
            ),
            options: [
              { value: "valid", label: t("持有有效的健康证明", "Holds a valid health certificate") },
              { value: "applying", label: t("正在办理或者换发", "Being issued or renewed") },
            ],
            // Health data (个人信息保护法 art. 28): hidden whole on the desk until a clerk reveals it with a purpose.
            dataClass: "sensitive",
          },
        ],
      },
      {
        key: "foodMaterials",
        title: t("申请材料", "Documents"),
        fields: [
          {
            key: "businessLicence",
            type: "material",
            label: t("营业执照", "Business licence"),
            hint: t("已有电子营业执照的，勾选即可，无需上传", "If your electronic business licence is in your wallet, tick it instead of uploading"),
            licenceTypes: ["business-licence"],
            maxFiles: 1,
          },
          {
            key: "premisesFloorPlan",
            type: "material",
            label: t("经营场所平面布局图", "Floor plan of the premises"),
            hint: t("PDF、JPG 或 PNG，每个文件不超过 10 MB", "PDF, JPG or PNG, up to 10 MB each"),
          },
        ],
      },
    ),
  },
  {
    code: "AMR-COMPANY-REG",
    departmentCode: "AMR",
    name: t("企业设立登记", "Register a new company"),
    summary: t(
      "设立有限责任公司、股份有限公司等企业，在开展经营活动前办理设立登记，领取营业执照。",
      "Register a new limited company or other business before it starts trading, and get its business licence.",
    ),
    applicantType: "legal",
    kind: "promised",
    legalLimitDays: 3,
    promisedLimitDays: 1,
    topic: "business",
    conditions: [
      t("企业名称符合企业名称登记管理规定，且未与同行业已登记企业名称相同", "The company name follows the naming rules and is not already used by a registered business in the same trade"),
      t("有符合规定的住所（经营场所）", "The company has a registered address it is allowed to use"),
      t("有符合公司法规定的公司章程", "The company has articles of association that meet the Company Law"),
      t("法定代表人、董事、监事和高级管理人员不存在法律规定不得担任的情形", "None of the legal representative, directors, supervisors or senior managers is barred by law from the role"),
    ],
    materials: [
      material("公司登记（备案）申请书", "Company registration application form", {
        note: t("在线填写表单后自动生成", "Created from this online form"),
      }),
      material("公司章程", "Articles of association", {
        note: t("由全体股东签署", "Signed by all shareholders"),
      }),
      material("股东的主体资格证明或者自然人身份证明", "Proof of identity of each shareholder (ID card, or business licence for a corporate shareholder)"),
      material("住所（经营场所）使用证明", "Proof you can use the registered address, such as a property certificate or lease"),
      material(
        "法定代表人、董事、监事和高级管理人员的任职文件和身份证明",
        "Appointment documents and ID for the legal representative, directors, supervisors and senior managers",
      ),
    ],
    fees: free,
    legalBasis: [
      t("《中华人民共和国公司法》", "Company Law of the People's Republic of China"),
      t("《中华人民共和国市场主体登记管理条例》第三条、第十九条", "Regulations of the People's Republic of China on the Registration of Market Entities, Articles 3 and 19"),
    ],
    form: singlePageForm(
      {
        key: "company",
        title: t("企业信息", "About the company"),
        fields: [
          {
            key: "proposedCompanyName",
            type: "text",
            label: t("拟设立企业名称", "Proposed company name"),
            hint: t("例如：某某市某某餐饮管理有限公司", "For example: Binjiang Catering Management Co., Ltd."),
            required: true,
            maxLength: 100,
          },
          {
            key: "companyType",
            type: "select",
            label: t("企业类型", "Type of company"),
            required: true,
            options: [
              { value: "llc", label: t("有限责任公司", "Limited liability company") },
              { value: "single-shareholder-llc", label: t("有限责任公司（自然人独资）", "Limited liability company with one individual shareholder") },
              { value: "joint-stock", label: t("股份有限公司", "Company limited by shares") },
            ],
          },
          {
            key: "registeredCapital",
            type: "number",
            label: t("注册资本", "Registered capital"),
            hint: t("有限责任公司股东认缴的出资额应当自公司成立之日起五年内缴足", "Shareholders of a limited liability company must pay in their subscribed capital within five years of incorporation"),
            required: true,
            min: 0.01,
            max: 10000000,
            unit: t("万元", "× 10,000 yuan"),
          },
          {
            key: "registeredAddress",
            type: "text",
            label: t("住所", "Registered address"),
            required: true,
            maxLength: 200,
          },
          {
            key: "businessScope",
            type: "textarea",
            label: t("经营范围", "What the company will do"),
            hint: t("按经营范围规范表述目录选择填写", "Use the wording from the standard list of business activities"),
            required: true,
            maxLength: 1000,
          },
        ],
      },
      {
        key: "representative",
        title: t("法定代表人", "Legal representative"),
        fields: [
          field.legalRepresentativeName,
          {
            key: "legalRepresentativeIdNumber",
            type: "id-number",
            label: t("法定代表人公民身份号码", "Legal representative's resident ID number"),
            required: true,
          },
          field.applicantMobile,
        ],
      },
    ),
  },
];
