/**
 * Realistic answers to the seeded forms, as a browser would post them (strings; yes/no as "yes"/"no").
 * Shared by the integration tests, the benchmark and the demo journeys so they all submit the same thing.
 */
/**
 * The restaurant bundle's composed form: its own questions, then the food licence's, the fire inspection's, the
 * sign's (asked only with an outside sign) and the environmental filing's (only above 500 m²). Answers to
 * questions that are not shown are dropped, so the sign and environment answers can always be sent.
 */
export function restaurantAnswers(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    shopName: "一门小馆",
    // Prefilled from the enterprise registry (the demo company); sent too, as a browser without prefill would.
    unifiedSocialCreditCode: "91310104MA1FL8XQ36",
    businessAddress: "上海市徐汇区漕溪北路 88 号 1 层",
    businessArea: "120",
    seats: "40",
    mainFoodCategory: "hot-food",
    hasOutdoorSign: "yes",
    foodSafetyManagerName: "王五",
    foodSafetyManagerMobile: "13700137000",
    foodSafetyManagerHealthCertificate: "valid",
    fireExitCount: "2",
    decorationCompletedDate: "2026-01-20",
    useCommitment: "no",
    fireSafetyManagerName: "王五",
    fireSafetyManagerMobile: "13700137000",
    signText: "一门小馆",
    signWidth: "4",
    signHeight: "1.2",
    signPosition: "above-door",
    signIlluminated: "no",
    projectName: "一门小馆新建项目",
    pollutionControls: "安装油烟净化器，设置隔油池",
    contactName: "王五",
    applicantMobile: "13700137000",
    ...overrides,
  };
}

export function proofAnswers(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    applicantName: "张三",
    applicantIdNumber: "310104198803124016",
    insuranceType: "all",
    periodStart: "2025-01-01",
    periodEnd: "2025-12-31",
    purpose: "home-purchase",
    ...overrides,
  };
}

/**
 * A newborn bundle application by the demo citizen (the father), without the photo: pass the stored photo's
 * material reference in `photo` (upload it first; see storeUpload).
 */
export function newbornAnswers(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    babyName: "张小宝",
    babySex: "female",
    babyBirthDate: "2026-11-02",
    birthHospital: "上海市第一妇婴保健院",
    motherName: "李梅",
    motherIdNumber: "310104199002150024",
    fatherName: "张三",
    fatherIdNumber: "310104198803124016",
    householdOf: "father",
    householdAddress: "上海市徐汇区漕溪北路 88 号 301 室",
    applicantName: "张三",
    applicantIdNumber: "310104198803124016",
    applicantMobile: "13800138000",
    cardBank: "boc",
    deliveryMethod: "branch",
    ...overrides,
  };
}
