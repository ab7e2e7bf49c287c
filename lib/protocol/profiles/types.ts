// A council protocol profile: data, not code (shared DESIGN.md "Council profiles are data").
// The Protocol engine issue extends this with routing, deciders, reviewers and ladders per request type.
import type { CanonicalRole } from "../roles";

export type CouncilProfile = {
  /** Rule-ID prefix in shared/protocol/RULES.md, e.g. "WIG". */
  key: string;
  /** The protocol's own title and source file in shared/seeds. */
  title: string;
  source: string;
  /** The council's own names for canonical roles, where they differ from the defaults. */
  roleLabels: Partial<Record<CanonicalRole, string>>;
  /** Roles this protocol uses (RULES.md §2): a council of this profile should have someone in each. */
  rolesUsed: CanonicalRole[];
};
