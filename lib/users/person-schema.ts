// The fields of the people-administration forms (issue 15), as zod schemas (pure). Checkbox groups arrive as one
// value per line (lib/form-values.ts textValues).
import { z } from "zod";
import { ROLE_DUTIES } from "@/lib/auth/permissions";
import { getProfile, roleLabel } from "@/lib/protocol/profiles";
import { STORED_ROLES, type StoredRole } from "@/lib/protocol/roles";
import { hasVisibleCharacter, ID_PATTERN, oneLine } from "@/lib/validation";

export const NAME_MAX = 120;
export const JOB_TITLE_MAX = 120;
export const PORTFOLIO_MAX = 120;
export const MAX_CHOICES = 200;

export const nameField = z
  .string({ error: "Enter the person's full name" })
  .transform(oneLine)
  .pipe(
    z
      .string()
      .min(1, "Enter the person's full name")
      .max(NAME_MAX, `Enter a name of ${NAME_MAX} characters or fewer`)
      .refine(hasVisibleCharacter, "Enter the person's full name"),
  );

export const emailField = z
  .string({ error: "Enter the person's email address" })
  .trim()
  .toLowerCase()
  .min(1, "Enter the person's email address")
  .max(254, "Enter an email address of 254 characters or fewer")
  .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, "Enter an email address in the correct format, like name@council.gov.uk");

export const jobTitleField = z
  .string()
  .optional()
  .default("")
  .transform(oneLine)
  .pipe(z.string().max(JOB_TITLE_MAX, `Enter a job title of ${JOB_TITLE_MAX} characters or fewer`));

/** Lines of a checkbox group: each trimmed, empty ones dropped, duplicates once. */
export const lines = (v: string | undefined) => [
  ...new Set(
    (v ?? "")
      .split("\n")
      .map((s) => s.trim())
      .filter(Boolean),
  ),
];

const isStoredRole = (r: string): r is StoredRole => (STORED_ROLES as readonly string[]).includes(r);

export const rolesField = z
  .string()
  .optional()
  .transform(lines)
  .pipe(
    z
      .array(z.string())
      .min(1, "Choose at least one role")
      .max(STORED_ROLES.length, "Choose from the list of roles")
      .refine((rs) => rs.every(isStoredRole), "Choose from the list of roles"),
  )
  .transform((rs) => STORED_ROLES.filter((r) => rs.includes(r)));

/** Ids chosen in a checkbox group: every one must look like an id (checked against the council later). */
export const idsField = (message = "Choose from the list") =>
  z
    .string()
    .optional()
    .transform(lines)
    .pipe(z.array(z.string().regex(ID_PATTERN, message)).max(MAX_CHOICES, message));

/** A whole number in a range, or null when left empty. */
export const optionalWhole = (what: string, min: number, max: number) =>
  z
    .string()
    .optional()
    .transform((v) => (v ?? "").trim())
    .refine(
      (v) => v === "" || (/^\d{1,4}$/.test(v) && Number(v) >= min && Number(v) <= max),
      `Enter ${what} as a whole number from ${min} to ${max}, or leave it empty`,
    )
    .transform((v) => (v === "" ? null : Number(v)));

/** The council's names for roles, joined: "Councillor, Cabinet Member". */
export function roleNames(profileKey: string, roles: readonly StoredRole[]): string {
  const profile = getProfile(profileKey);
  return roles.map((r) => roleLabel(profile, r)).join(", ") || "no role";
}

/** Roles of the service itself rather than of any protocol: every council has them. */
const SERVICE_ROLES: readonly StoredRole[] = ["ADMIN", "DEMOCRATIC_SERVICES"];

/**
 * The stored roles as checkboxes: the council's name for each, with what it lets the person do. Only the roles the
 * council's protocol names (no Town Clerk in a borough), the service's own, and any the person already holds.
 */
export function roleOptions(
  profileKey: string,
  held: readonly string[] = [],
): { value: StoredRole; label: string; hint?: string }[] {
  const profile = getProfile(profileKey);
  const offered = (r: StoredRole) =>
    (profile.rolesUsed as string[]).includes(r) || SERVICE_ROLES.includes(r) || held.includes(r);
  return STORED_ROLES.filter(offered).map((r) => ({
    value: r,
    label: roleLabel(profile, r),
    ...(ROLE_DUTIES[r]?.[0] ? { hint: ROLE_DUTIES[r][0] } : {}),
  }));
}
