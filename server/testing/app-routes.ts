/**
 * Every way into the app, read from the file system: each page.tsx, each route.ts with the HTTP methods it exports,
 * and each server action exported by a "use server" file, keyed by route as the access policy is
 * (server/auth/access-policy.ts). The policy tests walk this list, so a route or action added without a policy entry
 * fails them. Only node: modules, so the Playwright journeys can use it too.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { httpMethods, type THttpMethod } from "@/server/auth/access-policy";

export type TAppEntry =
  | { kind: "page"; route: string; file: string }
  | { kind: "handler"; route: string; file: string; method: THttpMethod }
  | { kind: "action"; route: string; file: string; name: string };

const appDir = fileURLToPath(new URL("../../app", import.meta.url));

/** "/desk/tasks/[id]" for app/desk/tasks/[id]/page.tsx; route groups "(name)" are not part of the address. */
export function routeOf(file: string): string {
  const segments = path.relative(appDir, path.dirname(file)).split(path.sep).filter((segment) => segment && !/^\(.*\)$/.test(segment));
  return `/${segments.join("/")}`;
}

function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return listFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** A file whose first statement is the "use server" directive: every export is a server action. */
function isServerActionFile(source: string): boolean {
  return /^(\s*(\/\/[^\n]*|\/\*[\s\S]*?\*\/))*\s*["']use server["']/.test(source);
}

export function listAppEntries(): TAppEntry[] {
  const entries: TAppEntry[] = [];
  for (const file of listFiles(appDir).sort()) {
    const relative = path.relative(path.dirname(appDir), file);
    const source = fs.readFileSync(file, "utf8");
    const route = routeOf(file);
    if (/^page\.(tsx|ts)$/.test(path.basename(file))) entries.push({ kind: "page", route, file: relative });
    if (/^route\.(ts|tsx)$/.test(path.basename(file))) {
      for (const method of exportedNames(source).filter((name): name is THttpMethod => (httpMethods as readonly string[]).includes(name))) {
        entries.push({ kind: "handler", route, file: relative, method });
      }
    }
    if (isServerActionFile(source)) {
      for (const name of exportedNames(source)) entries.push({ kind: "action", route, file: relative, name });
    } else if (/["']use server["']/.test(source)) {
      // An action written inline in a component would escape this list (and its test): keep actions in their own file.
      throw new Error(`${relative} has an inline "use server" action: move it to a "use server" file (actions.ts) beside the page`);
    }
  }
  return entries;
}

/** Names of the values a module exports (types and interfaces are not entry points). */
function exportedNames(source: string): string[] {
  const names = new Set<string>();
  for (const match of source.matchAll(/^export\s+(?:async\s+)?(?:function\*?|const|let|var|class)\s+([A-Za-z_$][\w$]*)/gm)) names.add(match[1]);
  // export const { GET, POST } = handlers;  export { GET, POST };  export { handler as GET }
  for (const match of source.matchAll(/^export\s+(?:const|let|var)\s+\{([^}]*)\}\s*=/gm)) for (const name of match[1].split(",")) if (name.trim()) names.add(name.split(":").pop()!.trim());
  for (const match of source.matchAll(/^export\s+\{([^}]*)\}/gm)) for (const name of match[1].split(",")) if (name.trim()) names.add(name.split(/\s+as\s+/).pop()!.trim());
  return [...names];
}
