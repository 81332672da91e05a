// Types for build-stamp.mjs (plain JavaScript, so `npm start` can run it before TypeScript is installed).
export function sourceStamp(root: string): string;
export function isCurrentBuild(root: string): boolean;
export function buildStamped(root: string, build: () => void): void;
