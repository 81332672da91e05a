// Types for build-warnings.mjs (plain JavaScript, so `npm test` can run it before TypeScript is installed).
export function findBuildWarnings(output: string): string[];
