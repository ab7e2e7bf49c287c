// How a person is described in the header and directory: their council's names for their roles.
import { getProfile, roleLabel } from "@/lib/protocol/profiles";
import type { CanonicalRole } from "@/lib/protocol/roles";

/** Roles worth showing as a person's title (derived ward/committee membership is implied by "Councillor"). */
const HIDDEN: CanonicalRole[] = ["WARD_MEMBER", "COMMITTEE_MEMBER"];

export function roleLabels(profileKey: string, roles: readonly CanonicalRole[]): string[] {
  const profile = getProfile(profileKey);
  const shown = roles.filter((r) => !HIDDEN.includes(r));
  // An officer with a senior office is described by the office, not also as "Officer".
  const filtered = shown.length > 1 ? shown.filter((r) => r !== "OFFICER") : shown;
  return filtered.map((r) => roleLabel(profile, r));
}

export function primaryRoleLabel(profileKey: string, roles: readonly CanonicalRole[]): string {
  return roleLabels(profileKey, roles).slice(0, 2).join(", ");
}
