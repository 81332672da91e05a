/** 医疗保障局 (Healthcare Security Administration): the department and the services it offers. */
import type { TSeedDepartment, TSeedService } from "@/seed/catalog/types";
import { t } from "@/lib/i18n/traditional";
import { free, material, singlePageForm, municipalRemedies } from "@/seed/catalog/parts";
import { field } from "@/seed/catalog/shared-fields";

export const department: TSeedDepartment = { code: "MEDINS", name: t("医疗保障局", "Healthcare Security Administration"), shortName: t("医保", "Medical Insurance"), ...municipalRemedies };

export const services: TSeedService[] = [
  {
    code: "MEDINS-NEWBORN-ENROL",
    departmentCode: "MEDINS",
    name: t("城乡居民医保参保登记（新生儿）", "Enrol a newborn in residents' medical insurance"),
    summary: t(
      "为新生儿办理城乡居民基本医疗保险参保登记。出生后90天内参保并缴费的，自出生之日起享受医保待遇。",
      "Enrol your baby in basic medical insurance for urban and rural residents. If you enrol and pay within 90 days of birth, cover starts from the date of birth.",
    ),
    applicantType: "natural",
    kind: "promised",
    legalLimitDays: 5,
    promisedLimitDays: 1,
    topic: "family",
    conditions: [
      t("婴儿已在本市办理出生登记，或者父母一方在本市参加基本医疗保险", "Your baby is registered in this city's household register, or one parent has basic medical insurance in this city"),
      t("婴儿未在其他地区参加基本医疗保险", "Your baby is not insured anywhere else"),
    ],
    materials: [
      material("婴儿的居民户口簿或者《出生医学证明》", "The baby's household register page or birth medical certificate", {
        note: t("已在本市办理出生登记的无需提交", "Not needed if the birth is already registered in this city"),
      }),
      material("监护人的居民身份证", "Parent or guardian's resident ID card"),
    ],
    fees: t(
      "办理登记不收费；参保后按本市当年城乡居民医保个人缴费标准缴费",
      "Enrolling is free; you then pay this year's residents' medical insurance contribution set by the city",
    ),
    legalBasis: [
      t("《中华人民共和国社会保险法》第二十五条", "Social Insurance Law of the People's Republic of China, Article 25"),
      t("《国务院关于整合城乡居民基本医疗保险制度的意见》（国发〔2016〕3号）", "Opinions of the State Council on Integrating the Basic Medical Insurance Schemes for Urban and Rural Residents (Guo Fa [2016] No. 3)"),
    ],
    form: singlePageForm(
      {
        key: "baby",
        title: t("婴儿信息", "About the baby"),
        fields: [
          field.babyName,
          {
            key: "babyIdNumber",
            type: "id-number",
            label: t("婴儿公民身份号码", "Baby's resident ID number"),
            hint: t("办理出生登记后取得", "Given when the birth is registered"),
            required: true,
          },
          field.babyBirthDate,
          field.householdAddress,
        ],
      },
      {
        key: "guardian",
        title: t("监护人信息", "Parent or guardian"),
        fields: [field.applicantName, field.applicantIdNumber, field.applicantMobile],
      },
    ),
  },
  {
    code: "MEDINS-REMOTE-CARE",
    departmentCode: "MEDINS",
    name: t("异地就医备案", "Register for medical treatment in another city"),
    summary: t(
      "长期在外地居住、工作，或者需要到外地看病的参保人员，备案后可在就医地的定点医疗机构直接结算医疗费用。",
      "If you live or work in another city, or need treatment there, register first so your medical bills can be settled directly at approved hospitals there.",
    ),
    applicantType: "natural",
    kind: "promised",
    legalLimitDays: 5,
    promisedLimitDays: 1,
    topic: "health",
    conditions: [
      t("在本市参加基本医疗保险且参保状态正常", "You are currently insured under this city's basic medical insurance"),
      t("属于异地长期居住、常驻异地工作、异地转诊就医或者临时外出就医情形之一", "You live or work long-term in another city, have been referred there, or need treatment while away"),
    ],
    materials: [
      material("本人居民身份证或者社会保障卡", "Your resident ID card or social security card", {
        note: t("已实名认证的在线办理无需提交", "Not needed online if you have verified your identity"),
      }),
      material("异地长期居住或者工作的证明", "Proof you live or work in the other city", {
        required: false,
        note: t("可用个人承诺代替", "A signed personal statement is accepted instead"),
      }),
      material("转诊证明", "Referral letter", {
        required: false,
        note: t("异地转诊就医的提交", "Only if you have been referred"),
      }),
    ],
    fees: free,
    legalBasis: [
      t("《中华人民共和国社会保险法》第二十九条", "Social Insurance Law of the People's Republic of China, Article 29"),
      t(
        "《国家医疗保障局 财政部关于进一步做好基本医疗保险跨省异地就医直接结算工作的通知》（医保发〔2022〕22号）",
        "Notice of the National Healthcare Security Administration and the Ministry of Finance on Further Improving Direct Settlement of Cross-Provincial Medical Treatment (Yi Bao Fa [2022] No. 22)",
      ),
    ],
    form: singlePageForm(
      {
        key: "insured",
        title: t("参保人", "Insured person"),
        fields: [
          field.applicantName,
          field.applicantIdNumber,
          field.applicantMobile,
          {
            key: "insuranceScheme",
            type: "select",
            label: t("参保险种", "Your insurance scheme"),
            required: true,
            options: [
              { value: "employee", label: t("职工基本医疗保险", "Basic medical insurance for employees") },
              { value: "resident", label: t("城乡居民基本医疗保险", "Basic medical insurance for residents") },
            ],
          },
        ],
      },
      {
        key: "filing",
        title: t("备案信息", "Where and why"),
        fields: [
          {
            key: "filingReason",
            type: "select",
            label: t("备案类型", "Reason"),
            required: true,
            options: [
              { value: "long-term-residence", label: t("异地长期居住", "I live in another city long-term") },
              { value: "posted-work", label: t("常驻异地工作", "I work in another city long-term") },
              { value: "referral", label: t("异地转诊就医", "I have been referred to a hospital there") },
              { value: "temporary", label: t("临时外出就医", "I need treatment while away") },
            ],
          },
          {
            key: "destination",
            type: "text",
            label: t("就医地（省、市）", "Province and city where you will be treated"),
            required: true,
            maxLength: 100,
          },
          {
            key: "filingStartDate",
            type: "date",
            label: t("备案开始日期", "Start date"),
            required: true,
            min: "today",
          },
        ],
      },
    ),
  },
];
