/**
 * The one wrapper every server action under app/ is made with. It does, in this order, what each action used to write
 * out for itself:
 *
 * 1. reads what was posted: a forged call may send anything where the FormData goes (`actionForm`);
 * 2. asks for the actor the access policy admits to this action (`actorForAction`: 403 for a role the policy does not
 *    admit). Nobody signed in gets the same answer from every action: a redirect to /login, coming back to the page
 *    the post came from (its Referer, as a path on this site) — for a plain form post and for a form with JavaScript
 *    alike, whatever else was posted;
 * 3. parses the bound arguments and the posted fields with the action's zod schema. Malformed input is refused with
 *    a validation code, `invalid:input` unless the action names a code for the field (`codes`), and nothing runs;
 * 4. runs the action with the actor, the database, the parsed input and the FormData (for the form engine's own
 *    reading of answers and uploads).
 *
 * Refusals are typed error codes (server/errors.ts), translated from messages/*.json → "errors" where they are shown:
 * a form's state carries the code, a plain form post's redirect carries it in `?error=`.
 *
 * The use case still proves this actor may touch THIS record; the wrapper only proves who is asking.
 */
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { getDb, type TDatabase } from "@/db/client";
import { actionForm } from "@/lib/http/action-form";
import { safeRedirectPath } from "@/lib/http/safe-redirect";
import { accessPolicy, type TAccessPolicy, type TAccessRule, type TActionName, type TActionRoute } from "@/server/auth/access-policy";
import type { TActor } from "@/server/auth/actor";
import { actorForAction } from "@/server/auth/require-actor";
import type { TErrorCode } from "@/server/errors";

/** Who runs an action: an actor, or for a public action (who: "anyone") possibly nobody. */
type TActorOf<R extends TActionRoute, N extends TActionName<R>> = TAccessPolicy[R]["actions"][N] extends { who: "anyone" } ? TActor | null : TActor;

/** One string per name the page binds (`action.bind(null, caseNumber)`), in order. */
type TBoundArgs<B extends readonly string[]> = { [K in keyof B]: string };

type TContext<R extends TActionRoute, N extends TActionName<R>, I> = {
  actor: TActorOf<R, N>;
  db: TDatabase;
  /** The bound arguments (by their names) and the posted fields, as the schema parsed them. */
  input: I;
  /** The post as it came (an empty one when there was none): the form engine reads answers and uploads from it. */
  formData: FormData;
};

type TCommon<R extends TActionRoute, N extends TActionName<R>, B extends readonly string[], S extends z.ZodType> = {
  /** The route and name of this action in the access policy (server/auth/access-policy.ts). */
  route: R;
  name: N;
  /** Names of the arguments the page binds before the form's, in order; they join the posted fields in `input`. */
  bound?: B;
  /** The bound arguments and posted fields; a failure is a validation error and nothing runs. */
  input: S;
  /** A field whose problem has a code of its own (a colleague not chosen), instead of `invalid:input`. */
  codes?: Partial<Record<string, TErrorCode>>;
};

/** A plain form post (or a button without fields): it answers with a redirect. */
type TPostOptions<R extends TActionRoute, N extends TActionName<R>, B extends readonly string[], S extends z.ZodType> = TCommon<R, N, B, S> & {
  /** The page a malformed post is sent back to, with `?error=<code>`. */
  back: string;
  run(context: TContext<R, N, z.output<S>>): Promise<void>;
};

/** A form with useActionState: it answers with the form's next state, or a redirect. */
type TStateOptions<R extends TActionRoute, N extends TActionName<R>, B extends readonly string[], S extends z.ZodType, TState> = TCommon<R, N, B, S> & {
  state: true;
  run(context: TContext<R, N, z.output<S>> & { state: TState }): Promise<TState>;
} & ({ error?: TErrorCode } extends TState ? { invalid?: TInvalidState<TState> } : { invalid: TInvalidState<TState> });

/** The form's state for a malformed post (default `{ error: code }`), given what was posted to show again. */
type TInvalidState<TState> = (code: TErrorCode, formData: FormData) => TState;

export type TPostAction<B extends readonly string[]> = (...args: [...TBoundArgs<B>, formData?: FormData]) => Promise<void>;
export type TStateAction<B extends readonly string[], TState> = (...args: [...TBoundArgs<B>, state: TState, formData: FormData]) => Promise<TState>;

/** Every action made here, with its place in the access policy: the tests check each export of app/ is one of them. */
const madeActions = new WeakMap<object, { route: string; name: string }>();

/** The access-policy entry an action was made for, or undefined when it was not made with defineAction. */
export function definedActionOf(value: unknown): { route: string; name: string } | undefined {
  return typeof value === "function" ? madeActions.get(value) : undefined;
}

export function defineAction<R extends TActionRoute, N extends TActionName<R>, const B extends readonly string[], S extends z.ZodType, TState>(
  options: TStateOptions<R, N, B, S, TState>,
): TStateAction<B, TState>;
export function defineAction<R extends TActionRoute, N extends TActionName<R>, const B extends readonly string[], S extends z.ZodType>(options: TPostOptions<R, N, B, S>): TPostAction<B>;
export function defineAction(definition: unknown): (...args: never) => Promise<unknown> {
  // The overloads above type each kind; here both are one shape.
  const options = definition as {
    route: TActionRoute;
    name: string;
    bound?: readonly string[];
    input: z.ZodType;
    codes?: Partial<Record<string, TErrorCode>>;
    back?: string;
    state?: true;
    invalid?: (code: TErrorCode, formData: FormData) => unknown;
    run(context: unknown): Promise<unknown>;
  };
  const { route, name, bound = [], input, codes = {} } = options;
  const rule = (accessPolicy[route].actions as Record<string, TAccessRule | undefined>)[name];
  if (!rule) throw new Error(`defineAction: the access policy has no entry for ${route} ${name}`);
  const takesState = options.state === true;

  const action = async (...args: unknown[]) => {
    const boundValues = args.slice(0, bound.length);
    const state = takesState ? args[bound.length] : undefined;
    const formData = actionForm(args[bound.length + (takesState ? 1 : 0)]);

    const actor = await actorForAction(route, name as never);
    if (!actor && rule.who !== "anyone") redirect(await signInAddress());

    const parsed = input.safeParse({ ...postedFields(formData), ...Object.fromEntries(bound.map((key, index) => [key, boundValues[index]])) });
    if (!parsed.success) {
      const code = parsed.error.issues.map((issue) => codes[String(issue.path[0])]).find((found) => found !== undefined) ?? "invalid:input";
      if (options.back !== undefined) redirect(withError(options.back, code));
      return options.invalid ? options.invalid(code, formData) : { error: code };
    }
    const context = { actor, db: getDb(), input: parsed.data, formData, ...(takesState ? { state } : {}) };
    return options.run(context);
  };
  madeActions.set(action, { route, name });
  return action;
}

/** `path` with `error=<code>` added to its query. */
export function withError(path: string, code: TErrorCode): string {
  const url = new URL(path, "https://onedoor.invalid");
  url.searchParams.set("error", code);
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The posted fields by name: one value as itself, a repeated field (checkboxes) as the list of its values. */
function postedFields(formData: FormData): Record<string, FormDataEntryValue | FormDataEntryValue[]> {
  // Object.fromEntries defines each name as its own property: a field named "__proto__" is just a field.
  return Object.fromEntries(
    [...new Set(formData.keys())].map((key) => {
      const values = formData.getAll(key);
      return [key, values.length === 1 ? values[0] : values];
    }),
  );
}

/**
 * /login, coming back to the page the post came from. Only the Referer's path is kept, checked as every redirect is
 * (lib/http/safe-redirect.ts), so whatever a forged header says, the sign-in page only ever returns to this site.
 */
async function signInAddress(): Promise<string> {
  const referer = (await headers()).get("referer");
  let back = "/";
  try {
    if (referer) {
      const url = new URL(referer);
      back = safeRedirectPath(`${url.pathname}${url.search}`);
    }
  } catch {
    // Not a URL: nowhere to come back to.
  }
  return back === "/" || back.startsWith("/login") ? "/login" : `/login?callbackUrl=${encodeURIComponent(back)}`;
}
