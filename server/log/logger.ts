/**
 * The server's one logger: pino, JSON lines on standard output (level from LOG_LEVEL, default "info"), each line
 * scrubbed before it is written (lib/log/scrub-log-value.ts): no answers, query parameters, ID or mobile numbers,
 * passwords, cookies or secrets. A value reaches a line four ways, and each is covered: the merged object
 * (formatters.log, at any depth), the message (hooks.logMethod), a child logger's bindings (pino's own `redact`,
 * the one place pino lets bindings be censored; it knows fixed paths only, hence the deep scrub for the rest) and —
 * as the last line of defence for anything a serializer let through — the finished line, whose ID and mobile
 * numbers are masked once more (hooks.streamWrite).
 *
 * Data classes (lib/forms/data-class.ts): answers are dropped whole by their key (answers, values, params), whatever
 * their class, so a sensitive answer that holds no number (a health condition) never reaches a line either; the
 * number masking is only the backstop for personal numbers typed into free text.
 *
 * Use `logger.error({ err }, "what failed")`; never `console.*` in server code.
 */
import pino, { type DestinationStream, type Logger } from "pino";
import { maskPersonalNumbers } from "@/lib/identifiers/mask";
import { REDACTED, scrubLogText, scrubLogValue, serializeErrorForLog } from "@/lib/log/scrub-log-value";
import { readLogLevel } from "@/server/env";

/** Keys whose values never reach a line, as pino redaction paths: at the top (a child's bindings) and one level down. */
const redactedKeys = ["answers", "rawAnswers", "params", "password", "passwordHash", "cookie", "cookies", "authorization", "idNumber", "residentIdNumber", "holderIdNumber", "mobile", "phone", "token", "secret"];
const redactPaths = redactedKeys.flatMap((key) => [key, `*.${key}`]);

export function createLogger(destination?: DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level: readLogLevel(),
    base: { service: "onedoor", pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: redactPaths, censor: REDACTED },
    formatters: {
      log: (object) => scrubLogValue(object) as Record<string, unknown>,
    },
    serializers: {
      err: (error: unknown) => (error instanceof Error ? serializeErrorForLog(error) : scrubLogValue(error)),
    },
    hooks: {
      logMethod(args, method) {
        const [first, ...rest] = args as unknown[];
        // pino takes a lone error's (or { err }'s) own message as the line's message: scrub it here.
        const error = first instanceof Error ? first : typeof first === "object" && first !== null && (first as { err?: unknown }).err instanceof Error ? (first as { err: Error }).err : null;
        if (error && rest.length === 0) return method.apply(this, [first instanceof Error ? { err: first } : first, scrubLogText(error.message)] as Parameters<typeof method>);
        // The first object goes through formatters.log; interpolated values are scrubbed here.
        return method.apply(this, [typeof first === "string" ? scrubLogText(first) : first, ...rest.map((item) => scrubLogValue(item))] as Parameters<typeof method>);
      },
      streamWrite: (line) => maskPersonalNumbers(line),
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

const globalForLogger = globalThis as typeof globalThis & { __onedoorLogger?: Logger };

/** The process's logger (one, however many times Next evaluates this module). */
export const logger: Logger = (globalForLogger.__onedoorLogger ??= createLogger());
