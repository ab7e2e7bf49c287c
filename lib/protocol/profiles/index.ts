// Registry of council protocol profiles. A sixth council: add its file here, plus its tests.
import { DEFAULT_ROLE_LABELS, type CanonicalRole } from "../roles";
import { cheshireWest } from "./cheshire-west";
import { halstead } from "./halstead";
import { halton } from "./halton";
import type { CouncilProfile } from "./types";
import { unnamed2007 } from "./unnamed-2007";
import { wigan } from "./wigan";

export type { CouncilProfile } from "./types";

export const PROFILES: Record<string, CouncilProfile> = Object.fromEntries(
  [halton, cheshireWest, unnamed2007, wigan, halstead].map((p) => [p.key, p]),
);

export function getProfile(key: string): CouncilProfile {
  const profile = PROFILES[key];
  if (!profile) throw new Error(`Unknown council profile "${key}"`);
  return profile;
}

export function roleLabel(profile: CouncilProfile, role: CanonicalRole): string {
  return profile.roleLabels[role] ?? DEFAULT_ROLE_LABELS[role];
}
