// The organisation as its administrator keeps it (issue 15): party groups, wards, services and committees — their
// kinds, labels and the zod schemas of the forms that create, change, retire and reinstate them. Pure.
import { z } from "zod";
import { ID_PATTERN, optionalId, optionalText, requiredLine } from "@/lib/validation";

/** The kinds of organisation, by their path segment under /admin/organisation. */
export const ORG_KINDS = {
  groups: { entity: "GROUP", one: "party group", many: "party groups", title: "Party groups" },
  wards: { entity: "WARD", one: "ward", many: "wards", title: "Wards" },
  services: { entity: "SERVICE", one: "service", many: "services", title: "Services" },
  committees: { entity: "COMMITTEE", one: "committee", many: "committees", title: "Committees" },
} as const;

export type OrgKind = keyof typeof ORG_KINDS;
export type OrgEntity = (typeof ORG_KINDS)[OrgKind]["entity"];
export const ORG_KIND_KEYS = Object.keys(ORG_KINDS) as OrgKind[];
export const isOrgKind = (s: unknown): s is OrgKind => typeof s === "string" && s in ORG_KINDS;
export const kindOfEntity = (entity: OrgEntity): OrgKind =>
  ORG_KIND_KEYS.find((k) => ORG_KINDS[k].entity === entity)!;

/** Committee.kind: the bodies of RULES.md §2 (SCRUTINY is an Overview & Scrutiny committee, CWC-E2). */
export const COMMITTEE_KINDS = {
  COUNCIL: "Full Council",
  CABINET: "Cabinet",
  COMMITTEE: "Committee",
  BOARD: "Board",
  PANEL: "Panel",
  SCRUTINY: "Overview and scrutiny committee",
} as const;
export type CommitteeKind = keyof typeof COMMITTEE_KINDS;
export const committeeKindLabel = (k: string) => COMMITTEE_KINDS[k as CommitteeKind] ?? k;

/** Names are one line, bounded. */
export const NAME_MAX = 120;
export const TERMS_MAX = 5000;

/** What a retired item becomes, said on the form and when asked to confirm. */
export const RETIRE_EFFECT =
  "It stays on old records and in filters of closed work, but it is not offered in new forms. You can reinstate it later.";

/** Every form of the organisation pages: which kind, which item ("new" for a creation) and what to do. */
export const orgActionSchema = z.object({
  entity: z.enum(["GROUP", "WARD", "SERVICE", "COMMITTEE"], { error: "That form was not recognised" }),
  requestId: z
    .string({ error: "That item was not found" })
    .refine((v) => v === "new" || ID_PATTERN.test(v), "That item was not found"),
  action: z.enum(["SAVE", "RETIRE", "REINSTATE"], { error: "Choose what you want to do" }),
  confirmed: z
    .literal("yes")
    .optional()
    .catch(undefined)
    .transform((v) => v === "yes"),
});

const name = (one: string) => requiredLine(NAME_MAX, `Enter the name of the ${one}`);

export const groupSchema = z.object({
  name: name("party group"),
  isAdministration: z.enum(["yes", "no"], { error: "Say whether the group is in the administration" }),
});

export const wardSchema = z.object({ name: name("ward") });

export const serviceSchema = z.object({ name: name("service") });

export const committeeSchema = z.object({
  name: name("committee"),
  kind: z.enum(Object.keys(COMMITTEE_KINDS) as [CommitteeKind, ...CommitteeKind[]], {
    error: "Choose what kind of body it is",
  }),
  termsOfReference: optionalText(TERMS_MAX),
  chairId: optionalId("Choose the Chair from the list of councillors"),
});
