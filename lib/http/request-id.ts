/**
 * A request's id (X-Request-Id), for the audit trail and for a person quoting the request to support: the one the
 * proxy in front sent (nginx's $request_id), when it looks like one, else a fresh UUID. Nothing a client could smuggle
 * text or a personal number through: short, and only characters such ids are made of.
 */
const requestIdPattern = /^[A-Za-z0-9._:-]{8,64}$/;

export function readRequestId(value: string | null | undefined): string | null {
  return value && requestIdPattern.test(value) ? value : null;
}

export function requestIdOf(value: string | null | undefined): string {
  return readRequestId(value) ?? crypto.randomUUID();
}
