/**
 * The layers, checked on every source file (tests included): an import never runs back up a layer, and no file in
 * app, components, server or lib grows past 400 lines.
 *
 *   app (routes) → components (UI) → server (use cases) → db (tables) → lib (pure rules)
 *   seed (demo and test data) sits beside scripts: it writes through server's use cases, so only app and
 *   components are closed to it.
 *
 * Imports are read as text (static, `import type`, `export … from`, dynamic `import()` and `vi.mock()`), through the
 * `@/` alias or a relative path. The size rule leaves out tests (*.test.ts): a suite of one use case may be long.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
const layers = ["app", "components", "server", "db", "lib", "seed"] as const;
type TLayer = (typeof layers)[number];

/** What each layer may not import. */
const closed: Record<TLayer, readonly string[]> = {
  app: [],
  components: ["app"],
  server: ["app", "components"],
  db: ["app", "components", "server", "seed"],
  lib: ["app", "components", "server", "db", "seed", "scripts", "e2e", "messages", "proxy.ts", "instrumentation.ts"],
  seed: ["app", "components"],
};

const maxLines = 400;
const sizeChecked: readonly TLayer[] = ["app", "components", "server", "lib"];

function listSourceFiles(directory: string): string[] {
  return fs.readdirSync(path.join(root, directory), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(directory, entry.name);
    if (entry.isDirectory()) return listSourceFiles(relative);
    return /\.(ts|tsx)$/.test(entry.name) ? [relative] : [];
  });
}

const importPattern = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\bvi\.mock\(\s*)["']([^"']+)["']/g;

/** The top-level folder (or root file) an import specifier points into; undefined for a package. */
function targetOf(file: string, specifier: string): string | undefined {
  if (specifier.startsWith("@/")) return specifier.slice(2).split("/")[0];
  if (!specifier.startsWith(".")) return undefined;
  return path.relative(root, path.resolve(root, path.dirname(file), specifier)).split(path.sep)[0];
}

const files = layers.flatMap((layer) => listSourceFiles(layer).map((file) => ({ layer, file })));

describe("the layers", () => {
  it("finds the source files", () => {
    for (const layer of layers) expect(files.filter((entry) => entry.layer === layer).length, layer).toBeGreaterThan(0);
  });

  it("has no import that runs back up a layer", () => {
    const violations: string[] = [];
    for (const { layer, file } of files) {
      const source = fs.readFileSync(path.join(root, file), "utf8");
      for (const [, specifier] of source.matchAll(importPattern)) {
        const target = targetOf(file, specifier);
        if (target === undefined || !closed[layer].includes(target)) continue;
        violations.push(`${file} → ${specifier}`);
      }
    }
    expect(violations).toEqual([]);
  });

  it(`keeps every file in ${sizeChecked.join(", ")} within ${maxLines} lines`, () => {
    const long = files
      .filter(({ layer, file }) => sizeChecked.includes(layer) && !file.endsWith(".test.ts"))
      .map(({ file }) => ({ file, lines: fs.readFileSync(path.join(root, file), "utf8").split("\n").length - 1 }))
      .filter(({ lines }) => lines > maxLines)
      .map(({ file, lines }) => `${file}: ${lines} lines`);
    expect(long).toEqual([]);
  });

  it("has no import circle in lib, db or seed (each file can be read knowing only the files below it)", () => {
    const known = new Set(files.map(({ file }) => file));
    const resolve = (file: string, specifier: string) => {
      const base = specifier.startsWith("@/") ? specifier.slice(2) : specifier.startsWith(".") ? path.join(path.dirname(file), specifier) : undefined;
      return base === undefined ? undefined : [`${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")].find((candidate) => known.has(candidate));
    };
    const importsOf = new Map(
      files
        .filter(({ layer, file }) => ["lib", "db", "seed"].includes(layer) && !file.endsWith(".test.ts"))
        .map(({ file }) => [file, [...fs.readFileSync(path.join(root, file), "utf8").matchAll(importPattern)].flatMap(([, specifier]) => resolve(file, specifier) ?? [])]),
    );
    const circles: string[] = [];
    const state = new Map<string, "open" | "done">();
    const visit = (file: string, trail: string[]) => {
      if (state.get(file) === "done" || !importsOf.has(file)) return;
      if (state.get(file) === "open") return void circles.push([...trail.slice(trail.indexOf(file)), file].join(" → "));
      state.set(file, "open");
      for (const imported of importsOf.get(file)!) visit(imported, [...trail, file]);
      state.set(file, "done");
    };
    for (const file of importsOf.keys()) visit(file, []);
    expect(circles).toEqual([]);
  });

  it("reads every kind of import the rule has to see", () => {
    const source = [
      `import { a } from "@/server/x";`,
      `import type { b } from "../../db/y";`,
      `export { c } from "@/app/z";`,
      `const d = await import("@/components/w");`,
      `import "@/seed/v";`,
      `vi.mock("@/server/u", () => ({}));`,
    ].join("\n");
    const targets = [...source.matchAll(importPattern)].map(([, specifier]) => targetOf("lib/forms/example.ts", specifier));
    expect(targets).toEqual(["server", "db", "app", "components", "seed", "server"]);
  });
});
