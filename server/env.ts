/**
 * Settings read from the environment, checked once: a bad value fails loudly with its name instead of turning
 * into NaN somewhere deep in a use case. Every setting the server reads is here; the database's own
 * (DATABASE_URL, DATA_DIR, pool and timeouts) are defined by db/database-env.ts, which db/client.ts opens the
 * database with (db/ imports nothing from server/), and are taken into this schema so start-up checks them too.
 * Outside this file and scripts/, nothing reads process.env but Next's own build-time flags (NODE_ENV,
 * NEXT_RUNTIME, NEXT_PHASE, which Next inlines) and the test harness (TEST_DATABASE_URL in db/testing.ts).
 */
import { z } from "zod";
import { readReplicaNeedsPrimary, ZDatabaseEnv } from "@/db/database-env";
import { parseHashKey } from "@/lib/keys/parse-hash-key";
import { parsePrivateKey } from "@/server/licences/parse-private-key";

/** A setting checked with `parse`, whose message names what is wrong. */
const checkedWith = (parse: (value: string) => unknown) =>
  z
    .string()
    .optional()
    .superRefine((value, ctx) => {
      if (value === undefined) return;
      try {
        parse(value);
      } catch (error) {
        ctx.addIssue({ code: "custom", message: (error as Error).message });
      }
    });

/** An empty setting (`LOG_LEVEL=` in a compose file) counts as unset. */
const blankAsUnset = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === "" ? undefined : value), schema);

/** pino's levels; "silent" writes nothing. */
const ZLogLevel = z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info");

const ZEnv = z
  .object({
    ...ZDatabaseEnv.shape,
    /** The lowest level the logger writes. */
    LOG_LEVEL: blankAsUnset(ZLogLevel),
    /** The key that encrypts session cookies. Unset: the one `npm start` generated into DATA_DIR. */
    AUTH_SECRET: blankAsUnset(z.string().optional()),
    /** Days a draft application is kept after its last save. */
    DRAFT_EXPIRY_DAYS: z.coerce.number().int().min(1).max(365).default(30),
    /** Drafts this close to expiry carry a warning in /me. */
    DRAFT_EXPIRY_WARNING_DAYS: z.coerce.number().int().min(0).max(60).default(3),
    /** Where e-mailed copies of inbox messages are sent through, e.g. smtps://user:password@smtp.example.org:465. Unset: no e-mail. */
    SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
    /** The sender of those e-mails, e.g. "OneDoor <no-reply@example.org>"; required with SMTP_URL. */
    SMTP_FROM: z.string().min(3).optional(),
    /**
     * The least minutes between two "new tasks in your queue" messages to one department's staff: a busy queue
     * gets one message counting its new tasks, not one per task.
     */
    DESK_DIGEST_MINUTES: z.coerce.number().int().min(1).max(1440).default(10),
    /** Working days a department has to answer a bad rating (1–2) of a case it handled. */
    RATING_FOLLOW_UP_DAYS: z.coerce.number().int().min(1).max(30).default(5),
    /** "off" keeps this server from delivering the outbox (another replica or process does it). */
    OUTBOX_WORKER: z.enum(["on", "off"]).default("on"),
    /**
     * The portal's address as people reach it, e.g. https://onedoor.example.gov.cn: the QR code on a receipt opens
     * the tracker there, so it must be the public address, not the one a replica listens on behind a proxy. Unset:
     * http://localhost:PORT, right for a demo on one's own machine — and refused in production on PostgreSQL, where
     * every printed QR code would point at localhost.
     */
    PUBLIC_BASE_URL: z.preprocess(
      (value) => (value === "" ? undefined : value),
      z
        .url({ protocol: /^https?$/ })
        .refine((value) => new URL(value).pathname === "/", "must be an origin without a path, e.g. https://onedoor.example.gov.cn")
        .transform((value) => new URL(value).origin)
        .optional(),
    ),
    /** Hours a session lasts at most after signing in, however active (a new sign-in starts a new one). */
    SESSION_MAX_HOURS: z.coerce.number().min(0.1).max(168).default(12),
    /** Minutes without a page view or action after which a staff member's session ends (counter, clerk, supervisor, admin). */
    SESSION_IDLE_MINUTES_STAFF: z.coerce.number().min(1).max(1440).default(30),
    /** The same for applicants (citizens and company staff), who fill long forms and come back to them. */
    SESSION_IDLE_MINUTES_APPLICANT: z.coerce.number().min(1).max(1440).default(120),
    /**
     * How many proxies of our own stand in front of the servers and append to X-Forwarded-For (nginx's
     * $proxy_add_x_forwarded_for). 0: the peer of the connection itself is the source address. Too high a number
     * lets a client choose its address for the sign-in throttle by sending the header itself.
     */
    TRUSTED_PROXY_COUNT: z.coerce.number().int().min(0).max(10).default(0),
    /** Failed sign-ins an account may have in a row (from anywhere, within 24 h) before each try must wait, 1 min doubling to 1 h. */
    SIGN_IN_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).max(1000).default(5),
    /** Failed sign-ins one source address (IPv4, or IPv6 /64) may have within 24 h before each try must wait, 1 min doubling to 1 h. */
    SIGN_IN_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).max(100_000).default(100),
    /**
     * The Ed25519 key that signs e-licences: PKCS#8 PEM, or that PEM in base64. Unset: a key generated into
     * DATA_DIR/licence-keys. Every replica of a PostgreSQL deployment must be given the same one.
     */
    LICENCE_SIGNING_KEY: checkedWith(parsePrivateKey),
    /**
     * The secret of the keyed hashes that stand for personal numbers in a licence's QR code (base64, at least 32
     * random bytes: openssl rand -base64 32). Unset: generated into DATA_DIR/licence-keys/hash.key. Every replica of a
     * PostgreSQL deployment must be given the same one.
     */
    LICENCE_HASH_KEY: checkedWith(parseHashKey),
    /**
     * TEST ONLY. "on" lets a journey set the time the supervision pages count with (the onedoor-test-now cookie,
     * server/clock.ts), so a task can turn yellow and red without waiting days. Refused beside an https
     * PUBLIC_BASE_URL and in a production deployment on PostgreSQL (unless its public address is plain http on this
     * machine, which nobody else can reach): a real portal can never run with it.
     */
    ONEDOOR_TEST_CLOCK: z.enum(["on", "off"]).default("off"),
    /**
     * The Ed25519 key that signs audit checkpoints (PKCS#8 PEM, or that PEM in base64), a key of its own. Unset: a key
     * generated into DATA_DIR/audit-keys. Every replica of a PostgreSQL deployment must be given the same one.
     */
    AUDIT_SIGNING_KEY: checkedWith(parsePrivateKey),
    /** Sealed audit records after which the chain's head is signed into a checkpoint. */
    AUDIT_CHECKPOINT_EVERY: z.coerce.number().int().min(1).max(1_000_000).default(1000),
    /** Minutes after which the head is signed anyway, when anything was recorded since the last checkpoint. */
    AUDIT_CHECKPOINT_MINUTES: z.coerce.number().int().min(1).max(1440).default(10),
    /**
     * How long audit records are kept, in months (等保 2.0: at least six, so less is refused). Older records are removed
     * up to a signed checkpoint once an hour (server/audit/prune-audit-records.ts). Unset: kept for ever.
     */
    AUDIT_RETENTION_MONTHS: blankAsUnset(z.coerce.number().int().min(6, "must be at least 6: audit records are kept at least six months (等保 2.0)").max(1200).optional()),
    /** During a rotation of LICENCE_HASH_KEY: the key it replaces, until setup has re-hashed every licence. */
    LICENCE_HASH_KEY_PREVIOUS: checkedWith(parseHashKey),
    /**
     * The key that seals ID numbers, mobiles and sensitive answers at rest (base64, at least 32 random bytes:
     * openssl rand -base64 32). Unset: generated into DATA_DIR/data-keys/data.key. Every replica of a PostgreSQL
     * deployment must be given the same one, and it is backed up apart from the database: without it the sealed
     * values are lost (docs/OPERATIONS.md, "Keys").
     */
    DATA_ENCRYPTION_KEY: blankAsUnset(checkedWith(parseHashKey)),
    /** During a rotation of DATA_ENCRYPTION_KEY: the key it replaces, until npm run keys:rotate-data has sealed everything again. */
    DATA_ENCRYPTION_KEY_PREVIOUS: blankAsUnset(checkedWith(parseHashKey)),
    /**
     * The government's unified identity provider (统一身份认证), an OpenID Connect issuer, e.g.
     * https://tyrz.example.gov.cn/oidc: applicants sign in there (server/auth/identity-provider.ts). Unset: no such
     * button, password sign-in only. Set together with OIDC_CLIENT_ID and OIDC_CLIENT_SECRET.
     */
    OIDC_ISSUER: blankAsUnset(z.url({ protocol: /^https?$/ }).optional()),
    /** The portal's client id at the provider, whose redirect URI is <PUBLIC_BASE_URL>/api/auth/callback/oidc. */
    OIDC_CLIENT_ID: blankAsUnset(z.string().min(1).optional()),
    /** The portal's client secret at the provider (client_secret_basic). */
    OIDC_CLIENT_SECRET: blankAsUnset(z.string().min(1).optional()),
    /** The scopes asked for: those under which the provider releases the claims named below. */
    OIDC_SCOPE: blankAsUnset(z.string().regex(/(^|\s)openid(\s|$)/, "must include openid").default("openid profile phone")),
    /** The claim holding the person's resident ID number (公民身份号码). */
    OIDC_CLAIM_ID_NUMBER: blankAsUnset(z.string().min(1).default("id_number")),
    /** The claim that is true once the provider has verified that ID number (实名认证); anything else is refused. */
    OIDC_CLAIM_ID_VERIFIED: blankAsUnset(z.string().min(1).default("id_number_verified")),
    /** The claim holding the person's legal name, compared with the register's. */
    OIDC_CLAIM_NAME: blankAsUnset(z.string().min(1).default("name")),
    /** The claim holding a mobile number, kept for a person created at their first sign-in (optional). */
    OIDC_CLAIM_MOBILE: blankAsUnset(z.string().min(1).default("phone_number")),
  })
  .refine(readReplicaNeedsPrimary.check, { path: ["DATABASE_READ_URL"], message: readReplicaNeedsPrimary.message })
  .refine((env) => !env.SMTP_URL || env.SMTP_FROM, { path: ["SMTP_FROM"], message: "required when SMTP_URL is set" })
  .refine((env) => !env.DATA_ENCRYPTION_KEY_PREVIOUS || env.DATA_ENCRYPTION_KEY, { path: ["DATA_ENCRYPTION_KEY_PREVIOUS"], message: "only with DATA_ENCRYPTION_KEY (the key that replaces it)" })
  .refine((env) => !env.LICENCE_HASH_KEY_PREVIOUS || env.LICENCE_HASH_KEY, { path: ["LICENCE_HASH_KEY_PREVIOUS"], message: "only with LICENCE_HASH_KEY (the key that replaces it)" })
  .refine((env) => [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET].every((value) => value === undefined) || (env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET), {
    path: ["OIDC_ISSUER"],
    message: "OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are set together, or none of them",
  });

/** A production deployment on PostgreSQL: the portal is public, so its public address must be known. */
const isPublicDeployment = (env: Record<string, string | undefined>) => env.NODE_ENV === "production" && Boolean(env.DATABASE_URL);

/**
 * A plain-http address on this machine (localhost, 127.0.0.0/8, [::1]): nobody else can reach a portal that prints
 * it into its QR codes, so it is no public deployment even on PostgreSQL — the replicas test (scripts/replicas/)
 * runs the journeys, test clock included, that way.
 */
function isLoopbackHttp(address: string | undefined): boolean {
  if (!address) return false;
  try {
    const { protocol, hostname } = new URL(address);
    return protocol === "http:" && (hostname === "localhost" || hostname === "[::1]" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname));
  } catch {
    return false;
  }
}

export type TEnv = Omit<z.infer<typeof ZEnv>, "PUBLIC_BASE_URL"> & {
  PUBLIC_BASE_URL: string;
  /** Whether PUBLIC_BASE_URL was given (not the localhost default): then it is also the address Auth.js answers with. */
  publicBaseUrlGiven: boolean;
};

/** Checks `env` (process.env by default) and fills in the defaults; throws an error naming each bad setting. */
export function parseEnv(env: Record<string, string | undefined> = process.env): TEnv {
  const result = ZEnv.safeParse(env);
  const problems = result.success ? [] : result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
  if (!env.PUBLIC_BASE_URL && isPublicDeployment(env)) {
    problems.push(
      "PUBLIC_BASE_URL: must be set in production (NODE_ENV=production with DATABASE_URL): the QR codes on receipts and e-licences " +
        "would otherwise point at localhost. Set it to the portal's public address, e.g. PUBLIC_BASE_URL=https://onedoor.example.gov.cn",
    );
  }
  if (env.OIDC_ISSUER?.startsWith("http:") && isPublicDeployment(env)) {
    problems.push("OIDC_ISSUER: must be an https address in production on PostgreSQL: sign-in answers would travel in the clear");
  }
  if (env.ONEDOOR_TEST_CLOCK === "on" && (env.PUBLIC_BASE_URL?.startsWith("https:") || (isPublicDeployment(env) && !isLoopbackHttp(env.PUBLIC_BASE_URL)))) {
    problems.push("ONEDOOR_TEST_CLOCK: a test setting, refused with an https PUBLIC_BASE_URL and in production on PostgreSQL (unless PUBLIC_BASE_URL is http on this machine)");
  }
  if (!result.success || problems.length > 0) throw new Error(`Invalid environment: ${problems.join("; ")}`);
  const given = result.data.PUBLIC_BASE_URL;
  return { ...result.data, PUBLIC_BASE_URL: given ?? `http://localhost:${env.PORT || "3000"}`, publicBaseUrlGiven: given !== undefined };
}

let parsed: TEnv | undefined;

export function getEnv(): TEnv {
  parsed ??= parseEnv();
  return parsed;
}

/**
 * The logger's level alone: the logger must exist to report a bad setting, so an unusable LOG_LEVEL gives "info"
 * here (and is reported by parseEnv at start-up like any other).
 */
export function readLogLevel(env: Record<string, string | undefined> = process.env): z.infer<typeof ZLogLevel> {
  const parsed = ZLogLevel.safeParse(env.LOG_LEVEL || undefined);
  return parsed.success ? parsed.data : "info";
}
