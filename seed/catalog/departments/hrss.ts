/** 人力资源和社会保障局 (Human Resources and Social Security Bureau): the department and the services it offers. */
import type { TSeedDepartment, TSeedService } from "@/seed/catalog/types";
import { t } from "@/lib/i18n/traditional";
import { free, material, singlePageForm, municipalRemedies } from "@/seed/catalog/parts";
import { licenceTemplates } from "@/seed/catalog/licence-templates";
import { field } from "@/seed/catalog/shared-fields";

export const department: TSeedDepartment = {
  code: "HRSS",
  name: t("人力资源和社会保障局", "Human Resources and Social Security Bureau"),
  shortName: t("人社", "Social Security"),
  ...municipalRemedies,
};

export const services: TSeedService[] = [
  {
    code: "HRSS-SSCARD",
    departmentCode: "HRSS",
    name: t("社会保障卡申领", "Apply for a social security card"),
    summary: t(
      "社会保障卡可用于看病就医结算、领取社保待遇和惠民补贴，并具有银行卡功能。未成年人由监护人代为申领。",
      "Use a social security card to pay for medical treatment, receive benefits and subsidies, and as a bank card. A parent or guardian applies for a child.",
    ),
    applicantType: "natural",
    kind: "promised",
    legalLimitDays: 20,
    promisedLimitDays: 10,
    topic: "social-security",
    conditions: [
      t("在本市参加社会保险，或者在本市登记户籍", "You are insured in this city or registered in its household register"),
      t("此前未申领本市社会保障卡，或者原卡已挂失", "You do not already have this city's card, or you have reported it lost"),
    ],
    materials: [
      material("持卡人的居民身份证或者居民户口簿", "Cardholder's resident ID card, or household register page for a child"),
      material("近期免冠证件照片", "Recent passport-style photo", {
        note: t("可调用公安部门的证件照，无需另行提交", "Your ID card photo can be used instead"),
      }),
      material("代办人的居民身份证", "ID of the person applying for someone else", {
        required: false,
        note: t("监护人代未成年人申领或者委托他人代办的提交", "If a parent applies for a child, or someone applies for you"),
      }),
    ],
    fees: t("首次申领不收费", "Free for your first card"),
    legalBasis: [t("《中华人民共和国社会保险法》第五十八条", "Social Insurance Law of the People's Republic of China, Article 58")],
    licence: licenceTemplates.socialSecurityCard,
    form: {
      schemaVersion: 1,
      pages: [
        {
          key: "cardholder",
          title: t("持卡人", "Cardholder"),
          sections: [
            {
              key: "cardholder",
              fields: [
                {
                  key: "cardholderIsMinor",
                  type: "yesno",
                  label: t("是否为未满16周岁的子女申领？", "Is the card for your child under 16?"),
                  required: true,
                },
                // For yourself, your identity comes from the population register; for a child, you type theirs.
                {
                  ...field.applicantName,
                  key: "cardholderName",
                  label: t("持卡人姓名", "Cardholder's full name"),
                  showWhen: { "==": [{ var: "cardholderIsMinor" }, false] },
                },
                {
                  ...field.applicantIdNumber,
                  key: "cardholderIdNumber",
                  label: t("持卡人公民身份号码", "Cardholder's resident ID number"),
                  showWhen: { "==": [{ var: "cardholderIsMinor" }, false] },
                },
                {
                  key: "childName",
                  type: "text",
                  label: t("子女姓名", "Child's full name"),
                  required: true,
                  maxLength: 50,
                  showWhen: { "==": [{ var: "cardholderIsMinor" }, true] },
                },
                {
                  key: "childIdNumber",
                  type: "id-number",
                  label: t("子女公民身份号码", "Child's resident ID number"),
                  required: true,
                  showWhen: { "==": [{ var: "cardholderIsMinor" }, true] },
                },
                {
                  ...field.applicantName,
                  key: "guardianName",
                  label: t("监护人姓名", "Parent or guardian's full name"),
                  showWhen: { "==": [{ var: "cardholderIsMinor" }, true] },
                },
                field.applicantMobile,
              ],
            },
          ],
        },
        {
          key: "card",
          title: t("银行和领卡方式", "Bank and delivery"),
          sections: [
          {
            key: "card",
            title: t("银行和领卡方式", "Bank and delivery"),
            fields: [
              {
                key: "cardBank",
                type: "select",
                label: t("合作银行", "Bank for the card"),
                hint: t("社会保障卡的金融账户开设在所选银行", "The card's bank account is opened with this bank"),
                required: true,
                options: [
                  { value: "icbc", label: t("中国工商银行", "Industrial and Commercial Bank of China") },
                  { value: "abc", label: t("中国农业银行", "Agricultural Bank of China") },
                  { value: "boc", label: t("中国银行", "Bank of China") },
                  { value: "ccb", label: t("中国建设银行", "China Construction Bank") },
                  { value: "bocom", label: t("交通银行", "Bank of Communications") },
                  { value: "psbc", label: t("中国邮政储蓄银行", "Postal Savings Bank of China") },
                ],
              },
              {
                key: "deliveryMethod",
                type: "radio",
                label: t("领卡方式", "How to get the card"),
                required: true,
                options: [
                  { value: "branch", label: t("到银行网点领取", "Collect from a bank branch") },
                  { value: "post", label: t("邮寄到家", "Post it to me") },
                ],
              },
              {
                key: "deliveryAddress",
                type: "address",
                label: t("邮寄地址", "Postal address"),
                hint: t("选择所在区县，再填写街道、门牌号", "Choose the district, then enter the street and number"),
                required: true,
                showWhen: { "==": [{ var: "deliveryMethod" }, "post"] },
              },
            ],
          },
          ],
        },
        {
          key: "materials",
          title: t("照片和证明材料", "Photo and documents"),
          sections: [
            {
              key: "materials",
              fields: [
                {
                  key: "photo",
                  type: "material",
                  label: t("近期免冠证件照", "A recent passport-style photo"),
                  hint: t("白色背景，JPG 或 PNG 格式，不超过 2 MB", "White background, JPG or PNG, up to 2 MB"),
                  required: true,
                  accept: ["image/jpeg", "image/png"],
                  maxFiles: 1,
                  maxSizeKb: 2048,
                },
                {
                  key: "householdRegister",
                  type: "material",
                  label: t("户口簿或居住证", "Household register or residence permit"),
                  hint: t(
                    "电子证照库中已有的，直接勾选使用，无需上传",
                    "If it is already in your e-licence wallet, tick it instead of uploading",
                  ),
                  required: true,
                  licenceTypes: ["household-register", "residence-permit"],
                  maxFiles: 3,
                },
              ],
            },
          ],
        },
      ],
    },
  },
  {
    code: "HRSS-PROOF",
    departmentCode: "HRSS",
    name: t("社会保险参保缴费证明", "Proof of social insurance contributions"),
    summary: t(
      "打印个人社会保险参保缴费证明，用于购房、购车、子女入学、落户等。在线申请即时出具，可通过电子印章验证真伪。",
      "Get proof of your social insurance contributions for buying a home or car, school places, household registration and more. It is issued straight away online and can be checked by its electronic seal.",
    ),
    applicantType: "natural",
    kind: "instant",
    // 秒批: a proof for one of the usual purposes is issued at once; "something else" is checked by a clerk first.
    instantCheck: {
      rule: { "!=": [{ var: "purpose" }, "other"] },
      reason: t("证明用途为“其他”，需工作人员核对后出具", "The proof is for another purpose, so a member of staff checks it before it is issued"),
    },
    legalLimitDays: 1,
    promisedLimitDays: 1,
    topic: "social-security",
    conditions: [t("本人在本市参加过社会保险", "You have been insured in this city")],
    materials: [
      material("本人居民身份证", "Your resident ID card", {
        note: t("已实名认证的在线办理无需提交", "Not needed online if you have verified your identity"),
      }),
    ],
    fees: free,
    legalBasis: [t("《中华人民共和国社会保险法》第七十四条", "Social Insurance Law of the People's Republic of China, Article 74")],
    steps: [
      t("选择证明用途并确认参保信息", "Choose what the proof is for and check your insurance record"),
      t("提交后系统当场出具证明", "Submit: the proof is issued at once"),
      t("在“我的证照”中下载或出示证明", "Download or show the proof from your e-licences"),
    ],
    licence: licenceTemplates.contributionsProof,
    form: singlePageForm(
      {
        key: "insured",
        title: t("参保人", "Insured person"),
        fields: [field.applicantName, field.applicantIdNumber],
      },
      {
        key: "proof",
        title: t("证明内容", "What the proof shows"),
        fields: [
          {
            key: "insuranceType",
            type: "select",
            label: t("险种", "Type of insurance"),
            required: true,
            options: [
              { value: "all", label: t("全部险种", "All types") },
              { value: "pension", label: t("企业职工基本养老保险", "Basic pension insurance for employees") },
              { value: "medical", label: t("职工基本医疗保险", "Basic medical insurance for employees") },
              { value: "unemployment", label: t("失业保险", "Unemployment insurance") },
              { value: "work-injury", label: t("工伤保险", "Work injury insurance") },
            ],
          },
          {
            key: "periodStart",
            type: "date",
            label: t("缴费起始日期", "From"),
            required: true,
            max: "today",
          },
          {
            key: "periodEnd",
            type: "date",
            label: t("缴费截止日期", "To"),
            required: true,
            max: "today",
          },
          {
            key: "purpose",
            type: "select",
            label: t("证明用途", "What you need it for"),
            required: true,
            options: [
              { value: "home-purchase", label: t("购房", "Buying a home") },
              { value: "car-purchase", label: t("购车", "Buying a car") },
              { value: "school-enrolment", label: t("子女入学", "A child's school place") },
              { value: "household-registration", label: t("落户", "Household registration") },
              { value: "other", label: t("其他", "Something else") },
            ],
          },
        ],
      },
    ),
  },
  {
    code: "HRSS-UNEMPLOYMENT-BENEFIT",
    departmentCode: "HRSS",
    name: t("失业保险金申领", "Claim unemployment benefit"),
    summary: t(
      "非因本人意愿失去工作、已参加失业保险满一年并办理失业登记的，可以申领失业保险金。",
      "If you lost your job through no choice of your own, paid into unemployment insurance for at least a year, and have registered as unemployed, you can claim unemployment benefit.",
    ),
    applicantType: "natural",
    kind: "promised",
    legalLimitDays: 20,
    promisedLimitDays: 5,
    topic: "social-security",
    conditions: [
      t("失业前用人单位和本人已经缴纳失业保险费满一年", "You and your employer paid unemployment insurance for at least one year before you lost your job"),
      t("非因本人意愿中断就业", "You did not choose to leave your job"),
      t("已经进行失业登记，并有求职要求", "You have registered as unemployed and are looking for work"),
    ],
    materials: [
      material("本人居民身份证", "Your resident ID card"),
      material("用人单位出具的终止或者解除劳动关系的证明", "Letter from your employer ending your employment"),
      material("本人社会保障卡或者银行账户信息", "Your social security card or bank account details"),
    ],
    fees: free,
    legalBasis: [
      t("《中华人民共和国社会保险法》第四十五条、第五十条", "Social Insurance Law of the People's Republic of China, Articles 45 and 50"),
      t("《失业保险条例》", "Regulations on Unemployment Insurance"),
    ],
    form: singlePageForm(
      {
        key: "applicant",
        title: t("申请人", "About you"),
        fields: [field.applicantName, field.applicantIdNumber, field.applicantMobile],
      },
      {
        key: "lastJob",
        title: t("最后一份工作", "Your last job"),
        fields: [
          {
            key: "lastEmployerName",
            type: "text",
            label: t("原工作单位名称", "Employer's name"),
            required: true,
            maxLength: 100,
          },
          {
            key: "employmentEndDate",
            type: "date",
            label: t("劳动关系终止或者解除日期", "Date your employment ended"),
            required: true,
            max: "today",
          },
          {
            key: "separationReason",
            type: "select",
            label: t("离职原因", "Why your job ended"),
            required: true,
            options: [
              { value: "contract-expired", label: t("劳动合同期满终止", "Your contract came to an end") },
              { value: "dismissed-by-employer", label: t("用人单位解除劳动合同", "Your employer ended your contract") },
              { value: "employer-closed", label: t("用人单位依法破产、撤销、解散或者关闭", "The employer went bankrupt or closed") },
              { value: "resigned-for-cause", label: t("因用人单位过错本人解除劳动合同", "You left because of the employer's breach, such as unpaid wages") },
            ],
          },
        ],
      },
    ),
  },
];
