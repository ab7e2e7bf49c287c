// Shared shapes of the pure protocol core (no Next or Prisma imports).
import type { CanonicalRole } from "./roles";

/** A setting of a council profile, with the rule that gives it. DEF- rules are defaults, not protocol. */
export type Setting<T> = { value: T; ruleId: string; isDefault: boolean };

export function setting<T>(value: T, ruleId: string): Setting<T> {
  return { value, ruleId, isDefault: ruleId.startsWith("DEF-") };
}

/** A setting of the service itself that no protocol addresses and no DEF- rule gives: the council's choice. */
export function councilSetting<T>(value: T): Setting<T> {
  return { value, ruleId: "COUNCIL", isDefault: true };
}

/** A setting where the protocol says nothing and no DEF- rule applies: the feature is off (RULES.md §4 "silent"). */
export function silent<T>(value: T): Setting<T> {
  return { value, ruleId: "silent", isDefault: true };
}

/** The person acting, as the protocol sees them. */
export type Actor = {
  id: string;
  councilId: string;
  roles: readonly CanonicalRole[];
  groupId?: string | null;
  groupOffices?: readonly {
    kind: "LEADER" | "CHAIR" | "CHIEF_WHIP" | "SPOKESPERSON";
    portfolio: string;
    /** The committee or service the portfolio names, when it names one. */
    portfolioId?: string | null;
  }[];
  committeeIds?: readonly string[];
  chairOfCommitteeIds?: readonly string[];
  wardIds?: readonly string[];
  serviceId?: string | null;
  seniority?: "SENIOR" | "JUNIOR" | null;
  tier?: number | null;
  jnc?: boolean;
  /** Portfolio a Cabinet Member holds (a service id or committee id it covers). */
  portfolioIds?: readonly string[];
};

export type Refusal = {
  ok: false;
  code: "FORBIDDEN_BY_RULE" | "VALIDATION" | "NOT_FOUND" | "CONFLICT";
  ruleId: string;
  message: string;
  field?: string;
};
export type Decision<T extends object = object> = ({ ok: true } & T) | Refusal;

export function refuse(
  ruleId: string,
  message: string,
  field?: string,
  code: Refusal["code"] = field ? "VALIDATION" : "FORBIDDEN_BY_RULE",
): Refusal {
  return { ok: false, code, ruleId, message, ...(field ? { field } : {}) };
}

export function notFound(): Refusal {
  return { ok: false, code: "NOT_FOUND", ruleId: "", message: "Not found." };
}

export const has = (actor: Pick<Actor, "roles">, ...roles: CanonicalRole[]) =>
  roles.some((r) => actor.roles.includes(r));

/** Non-empty written reasons (RULES.md: "Reasons means non-empty written reasons"). */
export const hasText = (s: string | null | undefined) => typeof s === "string" && s.trim().length > 0;
