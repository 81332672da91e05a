/**
 * `npm run licences:rotate-hash-key`: a new licence hash key for an installation that keeps its keys in
 * DATA_DIR/licence-keys. The old key is kept as `hash.previous.key`; the next setup (`npm start` runs it) re-hashes
 * and re-signs every licence that names it, after which the file can be deleted. Refused while a previous key is
 * still there. Stop the server first: it reads its keys once, at start.
 *
 * With LICENCE_HASH_KEY configured there is no file to rotate: set the new key as LICENCE_HASH_KEY and the old one as
 * LICENCE_HASH_KEY_PREVIOUS on every replica, restart them (setup re-hashes), then drop LICENCE_HASH_KEY_PREVIOUS.
 */
import { getEnv } from "@/server/env";
import { rotateHashKeyDirectory } from "@/server/licences/licence-hash-key";
import { keyDirectoryOf } from "@/server/licences/signing-keys";

if (getEnv().LICENCE_HASH_KEY) {
  console.error("licences:rotate-hash-key: the hash key comes from LICENCE_HASH_KEY. Set a new key there (openssl rand -base64 32) and the old one as LICENCE_HASH_KEY_PREVIOUS on every replica, and restart them.");
  process.exit(2);
}
try {
  const directory = keyDirectoryOf();
  const { active, previousKeyId } = rotateHashKeyDirectory(directory);
  console.log(`licences:rotate-hash-key: new hash key ${active.keyId} in ${directory}; ${previousKeyId} kept as the previous key until the next start re-hashes every licence`);
} catch (error) {
  console.error(`licences:rotate-hash-key: ${(error as Error).message}`);
  process.exit(1);
}
