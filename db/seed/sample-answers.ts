/**
 * Realistic answers to the seeded forms, as a browser would post them (strings; yes/no as "yes"/"no").
 * Shared by the integration tests, the benchmark and the demo journeys so they all submit the same thing.
 */
export function restaurantAnswers(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    shopName: "一门小馆",
    businessAddress: "上海市徐汇区漕溪北路 88 号 1 层",
    businessArea: "120",
    seats: "40",
    mainFoodCategory: "hot-food",
    foodSafetyManagerName: "王五",
    foodSafetyManagerMobile: "13700137000",
    hasOutdoorSign: "yes",
    signText: "一门小馆",
    signWidth: "4",
    signHeight: "1.2",
    fireExitCount: "2",
    decorationCompletedDate: "2026-01-20",
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
