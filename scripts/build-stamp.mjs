// Whether .next holds a build of the source as it is now. The stamp is a hash of what the build reads: every file
// of the tree that git does not ignore (tracked or new, as it is on disk, committed or not) and the lockfile of
// what npm installed. So an unchanged tree is never built twice, and any change to it is built.
// Plain JavaScript: `npm start` and `npm test` use it before the dependencies are installed.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const stampName = "onedoor-build-stamp";
// Documentation never reaches the build; editing it should not cost one.
const neverBuilt = (file) => file.endsWith(".md");

/** The hash of what a build made now would be built from. */
export function sourceStamp(root) {
  const hash = createHash("sha256");
  const files = [...listSourceFiles(root).filter((file) => !neverBuilt(file)), "node_modules/.package-lock.json"];
  for (const file of files.sort()) {
    const absolute = path.join(root, file);
    if (!fs.existsSync(absolute)) continue; // deleted but not yet committed: its absence changes the hash
    const content = fs.readFileSync(absolute);
    hash.update(`${file}\0${content.length}\0`);
    hash.update(content);
  }
  return hash.digest("hex");
}

/** Whether .next holds a finished build of this source. */
export function isCurrentBuild(root) {
  const stampFile = path.join(root, ".next", stampName);
  if (!fs.existsSync(path.join(root, ".next", "BUILD_ID")) || !fs.existsSync(stampFile)) return false;
  return fs.readFileSync(stampFile, "utf8") === sourceStamp(root);
}

/**
 * Runs `build` (which returns only when the build succeeded) and stamps the result with the source it was built
 * from. The old stamp goes first, so a build that fails or is cut short never passes for a good one.
 */
export function buildStamped(root, build) {
  const stamp = sourceStamp(root); // before building: an edit made during the build is built next time
  const stampFile = path.join(root, ".next", stampName);
  fs.rmSync(stampFile, { force: true });
  build();
  if (!fs.existsSync(path.join(root, ".next", "BUILD_ID"))) throw new Error("next build finished without writing .next/BUILD_ID");
  fs.writeFileSync(stampFile, stamp);
}

function listSourceFiles(root) {
  try {
    const listed = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
      cwd: root,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
      maxBuffer: 64 * 1024 * 1024,
    });
    return [...new Set(listed.split("\0").filter(Boolean))];
  } catch {
    return walk(root, ""); // no git, or not a clone (an unpacked archive)
  }
}

// Without git: every file but the dependencies, dot-folders (.next, .data, .git) and what builds and test runs write.
const written = new Set(["node_modules", "next-env.d.ts", "test-results", "playwright-report", "blob-report"]);
function walk(root, folder) {
  return fs.readdirSync(path.join(root, folder), { withFileTypes: true }).flatMap((entry) => {
    if (entry.name.startsWith(".") || written.has(entry.name) || entry.name.endsWith(".tsbuildinfo")) return [];
    const file = folder ? `${folder}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return walk(root, file);
    return entry.isFile() ? [file] : [];
  });
}
