// Types for chromium.mjs (plain JavaScript, so `npm test` can run it before TypeScript is installed).
export type Machine = {
  exists(file: string): boolean;
  isRoot(): boolean;
  hasCommand(name: string): boolean;
  hasPasswordlessSudo(): boolean;
  run(command: string[]): { status: number; output: string };
};
export const chromiumPath: string;
export const installInstruction: string;
export const thisMachine: Machine;
export function ensureChromium(options?: { browser?: string; machine?: Machine; log?: (message: string) => void }): string | null;
