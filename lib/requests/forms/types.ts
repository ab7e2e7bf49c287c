// Results of the request forms' handlers, shared by the server actions and the client forms.
export type FieldErrors = Record<string, string>;
/** A form check: errors keyed by field, or the lines of the "where it will go" preview. */
export type CheckResult = { errors: FieldErrors; preview?: string[] };
/** A submission: errors, or the id of the request made. */
export type SubmitResult = { errors: FieldErrors; id?: string };

import { AppError } from "@/lib/errors";

/** An AppError as field errors, each message naming the rule that applies. Anything else is rethrown. */
export function errorsFrom(e: unknown): FieldErrors {
  // Two people at once hitting a unique key (the same copy, the same version number): one wins, the other is told.
  if (typeof e === "object" && e !== null && (e as { code?: string }).code === "P2002")
    return { form: "Someone else did this at the same moment. Reload the page to see where it is now." };
  if (!(e instanceof AppError)) throw e;
  const withRule = (m: string) => (e.ruleId ? `${m} (${e.ruleId})` : m);
  return Object.keys(e.fields).length
    ? Object.fromEntries(Object.entries(e.fields).map(([k, m]) => [k, withRule(m)]))
    : { form: withRule(e.message) };
}
