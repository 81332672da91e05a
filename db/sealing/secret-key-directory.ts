/**
 * A directory holding a symmetric secret of this deployment: the active one, generated on first use, and during a
 * rotation the one it replaced. The licence hash key (server/licences/licence-hash-key.ts) and the data encryption
 * key (data-keys.ts) are kept this way when no environment variable gives them.
 *
 * Files are base64 text, mode 0600, in a directory of mode 0700. Two processes starting together agree on one
 * file: the first to create it wins (flag "wx"), the other reads theirs.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { parseHashKey } from "@/lib/keys/parse-hash-key";

export type TSecretKeyFiles = { directory: string; file: string; previousFile: string };

export function generateSecret(): string {
  return randomBytes(32).toString("base64url");
}

function readSecretFile(file: string): Buffer | null {
  return fs.existsSync(file) ? parseHashKey(fs.readFileSync(file, "utf8")) : null;
}

function readActiveSecretFile(file: string): Buffer {
  const secret = readSecretFile(file);
  if (!secret) throw new Error(`${file} is missing`);
  return secret;
}

/** The active secret, generated on first use, and the previous one while a rotation is under way. */
export function loadSecretKeyDirectory({ directory, file, previousFile }: TSecretKeyFiles): { active: Buffer; previous: Buffer | null } {
  const activePath = path.join(directory, file);
  if (!fs.existsSync(activePath)) {
    fs.mkdirSync(directory, { recursive: true, mode: 0o700 });
    try {
      fs.writeFileSync(activePath, generateSecret(), { mode: 0o600, flag: "wx" });
    } catch (error) {
      // Another process wrote it first: use theirs.
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  return { active: readActiveSecretFile(activePath), previous: readSecretFile(path.join(directory, previousFile)) };
}

/**
 * A new active secret; the old one becomes the previous one. Refused while a previous one is still there, since
 * replacing it would strand whatever it still protects. `unfinished` names what finishes the last rotation.
 */
export function rotateSecretKeyDirectory(files: TSecretKeyFiles, unfinished: string): { active: Buffer; previous: Buffer } {
  const { directory, file, previousFile } = files;
  const previousPath = path.join(directory, previousFile);
  if (fs.existsSync(previousPath)) throw new Error(`${previousPath} is still there: ${unfinished}`);
  const current = loadSecretKeyDirectory(files).active;
  const staged = path.join(directory, `${file}.new`);
  fs.writeFileSync(staged, generateSecret(), { mode: 0o600, flag: "wx" });
  fs.renameSync(path.join(directory, file), previousPath);
  fs.renameSync(staged, path.join(directory, file));
  return { active: readActiveSecretFile(path.join(directory, file)), previous: current };
}
