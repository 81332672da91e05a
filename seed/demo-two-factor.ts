/**
 * The demo's second-factor secret: every seeded admin and supervisor is enrolled with it, so a newcomer can add it
 * to an authenticator app (README.md, demo accounts) and the journeys and benchmarks can compute the code. FOR THE
 * DEMO ONLY: anyone who reads this file can compute the codes. Plain data, importable by e2e and scripts alike.
 */
export const DEMO_TWO_FACTOR_SECRET = "ONEDOORDEMOTOTPSECRETFORDEMOONLY";
