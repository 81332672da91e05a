/**
 * A bare Next.js app (one static-free page saying Hello) built from this repository's node_modules: the ceiling the
 * page benchmarks compare against, measured in the same run on the same machine.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** Builds the bare app into a temporary directory and returns it; the caller removes it. */
export function buildBareNextApp(root: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "onedoor-bare-next-"));
  fs.mkdirSync(path.join(dir, "app"));
  fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "bare", private: true, type: "module" }));
  // Turbopack compiles only files under its root; node_modules is a symlink into this repository, so the root must
  // hold both directories. Next writes the bare app's tsconfig itself.
  fs.writeFileSync(path.join(dir, "next.config.mjs"), `export default { turbopack: { root: ${JSON.stringify(path.parse(root).root)} } };\n`);
  fs.writeFileSync(path.join(dir, "app/layout.tsx"), 'export default function Layout({ children }: { children: React.ReactNode }) { return <html lang="en"><body>{children}</body></html>; }\n');
  // Rendered per request, as the portal's pages are (they read the session), not served as a prebuilt static file.
  fs.writeFileSync(path.join(dir, "app/page.tsx"), 'export const dynamic = "force-dynamic";\nexport default function Page() { return <p>Hello</p>; }\n');
  fs.symlinkSync(path.join(root, "node_modules"), path.join(dir, "node_modules"));
  execFileSync(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], { cwd: dir, stdio: "ignore", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  return dir;
}
