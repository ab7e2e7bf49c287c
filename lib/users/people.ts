// A person's page for the council's administrator (issue 15): who they are, their roles, and — for members — party
// group, group offices, wards, committees and chairs; for officers — service, seniority, tier, JNC flag, the services
// they head and their weekly capacity. Every save is one transaction with its AdminEvent (before → after). Choices
// are the council's own groups, wards, services and committees that are not retired (a retired one the person still
// has is kept, and shown as retired). Another council's person, or anyone but an administrator: not found.
// Role changes apply on the person's next request: the viewer is loaded afresh from the database every time.
import "server-only";
import { z } from "zod";
import type { Viewer } from "@/lib/auth/viewer";
import { mayAdminister, recordAdminChange } from "@/lib/admin/audit";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { ActionState } from "@/lib/requests/action-specs";
import { errorsFrom } from "@/lib/requests/forms/types";
import { CLOSED_STATUSES, REQUEST_TYPE_LABELS, STATUS_LABELS } from "@/lib/requests/labels";
import { zodFieldErrors } from "@/lib/requests/schema";
import { TX_OPTIONS, transition, type Tx } from "@/lib/requests/store";
import { levelOf, subjectAtLevel, viewerGrantsSelect } from "@/lib/requests/visibility";
import { isId, optionalId, oneLine } from "@/lib/validation";
import { userGrant } from "@/lib/workflow/access";
import type { StoredRole } from "@/lib/protocol/roles";
import { liveSessions } from "@/lib/auth/sessions";
import { invitationSummary } from "./invitations";
import {
  idsField,
  jobTitleField,
  lines,
  MAX_CHOICES,
  nameField,
  optionalWhole,
  PORTFOLIO_MAX,
  rolesField,
} from "./person-schema";

export const GROUP_OFFICES = ["LEADER", "CHAIR", "CHIEF_WHIP"] as const;
export const GROUP_OFFICE_LABELS: Record<string, string> = {
  LEADER: "Group Leader",
  CHAIR: "Group Chair",
  CHIEF_WHIP: "Chief Whip",
  SPOKESPERSON: "Spokesperson",
};
/** How many open requests the deactivation page lists (the count says how many there are in all). */
export const OPEN_WORK_SHOWN = 50;

type Admin = Pick<Viewer, "id" | "name" | "roles" | "council" | "partyGroup">;

const PERSON_SELECT = {
  id: true,
  name: true,
  email: true,
  jobTitle: true,
  roles: true,
  active: true,
  partyGroupId: true,
  serviceId: true,
  seniority: true,
  tier: true,
  jnc: true,
  weeklyCapacityHours: true,
  portfolioName: true,
  createdAt: true,
  partyGroup: { select: { id: true, name: true, retiredAt: true } },
  service: { select: { id: true, name: true, retiredAt: true } },
  wards: { select: { id: true, name: true, retiredAt: true }, orderBy: { name: "asc" } },
  committees: { select: { id: true, name: true, retiredAt: true }, orderBy: { name: "asc" } },
  chairOf: { select: { id: true, name: true, retiredAt: true }, orderBy: { name: "asc" } },
  chiefOfficerOf: { select: { id: true, name: true, retiredAt: true }, orderBy: { name: "asc" } },
  groupOffices: { select: { kind: true, portfolio: true, groupId: true }, orderBy: { kind: "asc" } },
  portfolioServices: { select: { id: true, name: true, retiredAt: true }, orderBy: { name: "asc" } },
} as const;

async function loadPerson(tx: Tx, councilId: string, id: string) {
  return tx.user.findFirst({ where: { id, councilId }, select: PERSON_SELECT });
}
type Person = NonNullable<Awaited<ReturnType<typeof loadPerson>>>;

/** Locks the person's row for the rest of the transaction (two administrators at once: one after the other). */
async function lockPerson(tx: Tx, councilId: string, id: string): Promise<Person> {
  await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${id} AND "councilId" = ${councilId} FOR UPDATE`;
  const person = await loadPerson(tx, councilId, id);
  if (!person) throw notFound("That person");
  return person;
}

const names = (xs: { name: string }[]) => xs.map((x) => x.name);

/** What the AdminEvent records of a person: readable names, not only ids. */
function snapshot(p: Person) {
  return {
    name: p.name,
    jobTitle: p.jobTitle,
    roles: p.roles,
    partyGroup: p.partyGroup?.name ?? null,
    groupOffices: p.groupOffices.map((o) =>
      o.kind === "SPOKESPERSON" ? `Spokesperson: ${o.portfolio}` : GROUP_OFFICE_LABELS[o.kind],
    ),
    wards: names(p.wards),
    committees: names(p.committees),
    chairOf: names(p.chairOf),
    service: p.service?.name ?? null,
    seniority: p.seniority,
    tier: p.tier,
    jnc: p.jnc,
    chiefOfficerOf: names(p.chiefOfficerOf),
    weeklyCapacityHours: p.weeklyCapacityHours,
    portfolioName: p.portfolioName,
    portfolioServices: names(p.portfolioServices),
  };
}
type Snapshot = ReturnType<typeof snapshot>;

const LABELS: Record<keyof Snapshot, string> = {
  name: "name",
  jobTitle: "job title",
  roles: "roles",
  partyGroup: "party group",
  groupOffices: "group offices",
  wards: "wards",
  committees: "committees",
  chairOf: "committees chaired",
  service: "service",
  seniority: "seniority",
  tier: "tier",
  jnc: "JNC flag",
  chiefOfficerOf: "services headed",
  weeklyCapacityHours: "weekly capacity",
  portfolioName: "Cabinet portfolio",
  portfolioServices: "services in the portfolio",
};

/** Only what changed, before and after (the AdminEvent's content) and the fields' names for its summary. */
function changes(before: Snapshot, after: Snapshot) {
  const keys = (Object.keys(before) as (keyof Snapshot)[]).filter(
    (k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]),
  );
  return {
    keys,
    before: Object.fromEntries(keys.map((k) => [k, before[k]])),
    after: Object.fromEntries(keys.map((k) => [k, after[k]])),
    what: keys.map((k) => LABELS[k]).join(", "),
  };
}

type Option = { id: string; name: string; retired: boolean };
const toOptions = (rows: { id: string; name: string; retiredAt: Date | null }[]): Option[] =>
  rows.map((r) => ({ id: r.id, name: r.name, retired: !!r.retiredAt }));

/** The council's groups, wards, committees and services a person can be given: not retired, or already theirs. */
async function choicesFor(tx: Tx, councilId: string, p: Person | null) {
  const current = (xs: { id: string }[]) => xs.map((x) => x.id);
  const activeOr = (ids: string[]) => ({ councilId, OR: [{ retiredAt: null }, { id: { in: ids } }] });
  const order = { name: "asc" } as const;
  const sel = { id: true, name: true, retiredAt: true } as const;
  const [groups, wards, committees, services] = await Promise.all([
    tx.partyGroup.findMany({
      where: activeOr(p?.partyGroupId ? [p.partyGroupId] : []),
      orderBy: order,
      select: sel,
    }),
    tx.ward.findMany({ where: activeOr(current(p?.wards ?? [])), orderBy: order, select: sel }),
    tx.committee.findMany({
      where: activeOr([...current(p?.committees ?? []), ...current(p?.chairOf ?? [])]),
      orderBy: order,
      select: sel,
    }),
    tx.service.findMany({
      where: activeOr([
        ...(p?.serviceId ? [p.serviceId] : []),
        ...current(p?.chiefOfficerOf ?? []),
        ...current(p?.portfolioServices ?? []),
      ]),
      orderBy: order,
      select: sel,
    }),
  ]);
  return {
    groups: toOptions(groups),
    wards: toOptions(wards),
    committees: toOptions(committees),
    services: toOptions(services),
  };
}

/** Portfolios a Spokesperson can be given: the council's committees and services, and any they speak for now. */
function portfolioChoices(choices: { committees: Option[]; services: Option[] }, p: Person | null): string[] {
  return [
    ...new Set([
      ...choices.committees.filter((c) => !c.retired).map((c) => c.name),
      ...choices.services.filter((s) => !s.retired).map((s) => s.name),
      ...(p?.groupOffices ?? []).filter((o) => o.kind === "SPOKESPERSON").map((o) => o.portfolio),
    ]),
  ].sort((a, b) => a.localeCompare(b));
}

export type OpenWorkItem = {
  id: string;
  /** Null when the administrator may not see the request: then only its type, status and due date are shown. */
  reference: string | null;
  subject: string;
  type: string;
  status: string;
  dueDate: string | null;
  /** What the person does on it. */
  holds: ("DECIDER" | "ALLOCATED" | "REVIEWER")[];
};

/** The open requests a person holds (decider, allocated officer or reviewer), at the administrator's own level. */
export async function openWorkOf(viewer: Admin, userId: string) {
  const where = {
    councilId: viewer.council.id,
    status: { notIn: CLOSED_STATUSES },
    OR: [{ deciderId: userId }, { allocatedToId: userId }, { reviewerId: userId }],
  };
  const [total, rows] = await Promise.all([
    db().request.count({ where }),
    db().request.findMany({
      where,
      orderBy: [{ dueDate: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }, { id: "asc" }],
      take: OPEN_WORK_SHOWN,
      select: {
        id: true,
        reference: true,
        subject: true,
        type: true,
        status: true,
        dueDate: true,
        deciderId: true,
        allocatedToId: true,
        reviewerId: true,
        access: viewerGrantsSelect(viewer),
      },
    }),
  ]);
  const reassignable = await db().request.count({
    where: { ...where, OR: [{ deciderId: userId }, { allocatedToId: userId }] },
  });
  const items: OpenWorkItem[] = rows.map((r) => {
    const level = levelOf(r.access);
    const type = REQUEST_TYPE_LABELS[r.type] ?? "Request";
    return {
      id: r.id,
      reference: level ? r.reference : null,
      subject: level ? subjectAtLevel(r.subject, type, level) : `${type} (not shared with you)`,
      type,
      status: STATUS_LABELS[r.status] ?? r.status,
      dueDate: r.dueDate ? r.dueDate.toISOString().slice(0, 10) : null,
      holds: [
        ...(r.deciderId === userId ? (["DECIDER"] as const) : []),
        ...(r.allocatedToId === userId ? (["ALLOCATED"] as const) : []),
        ...(r.reviewerId === userId ? (["REVIEWER"] as const) : []),
      ],
    };
  });
  return { total, reassignable, items };
}

/** The council's active officers other than `exceptId`: who open work can be given to. */
export async function reassignmentChoices(viewer: Admin, exceptId: string) {
  return db().user.findMany({
    where: { councilId: viewer.council.id, active: true, roles: { has: "OFFICER" }, id: { not: exceptId } },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true, jobTitle: true },
    take: 2000,
  });
}

/** Everything the person's page shows and offers, or null (not found) for anyone else's or a non-administrator. */
export async function personForAdmin(viewer: Admin, id: string, now: Date) {
  if (!mayAdminister(viewer) || !isId(id)) return null;
  const prisma = db();
  const person = await loadPerson(prisma, viewer.council.id, id);
  if (!person) return null;
  const [choices, invitation, work, sessions] = await Promise.all([
    choicesFor(prisma, viewer.council.id, person),
    invitationSummary(viewer.council.id, id, now),
    openWorkOf(viewer, id),
    liveSessions(id, now),
  ]);
  return {
    person: {
      ...person,
      storedRoles: person.roles as StoredRole[],
      spokesFor: person.groupOffices.filter((o) => o.kind === "SPOKESPERSON").map((o) => o.portfolio),
      offices: [...new Set(person.groupOffices.filter((o) => o.kind !== "SPOKESPERSON").map((o) => o.kind))],
    },
    choices,
    portfolios: portfolioChoices(choices, person),
    invitation,
    work,
    sessions,
    isSelf: person.id === viewer.id,
  };
}

// ---- Saving ------------------------------------------------------------------------------------------------------

const fail = (field: string, message: string) => new AppError("VALIDATION", message, { [field]: message });

/** Runs a save: not found for non-administrators and forged ids, field errors for the rest. */
async function save(
  viewer: Admin,
  values: Record<string, string>,
  run: (tx: Tx, person: Person) => Promise<void>,
): Promise<ActionState & { done?: boolean; id?: string }> {
  if (!mayAdminister(viewer)) throw notFound("That person");
  const userId = values.userId ?? "";
  if (!isId(userId)) throw notFound("That person");
  try {
    await db().$transaction(async (tx) => run(tx, await lockPerson(tx, viewer.council.id, userId)), TX_OPTIONS);
    return { errors: {}, values: {}, done: true, id: userId };
  } catch (e) {
    if (e instanceof AppError && e.code === "NOT_FOUND") throw e;
    return { errors: errorsFrom(e), values };
  }
}

/** The AdminEvent of a save, if anything changed; `notes` say what moved from others (an office, a chair). */
async function writeChange(tx: Tx, viewer: Admin, before: Person, notes: string[] = []) {
  const after = await loadPerson(tx, viewer.council.id, before.id);
  const c = changes(snapshot(before), snapshot(after!));
  if (c.keys.length === 0) return;
  await recordAdminChange(tx, viewer.council, viewer, {
    entity: "USER",
    entityId: before.id,
    action: "UPDATE",
    summary: `Changed ${before.name}: ${c.what}${notes.length ? ` (${notes.join("; ")})` : ""}`,
    before: c.before,
    after: c.after,
  });
}

const detailsSchema = z.object({ name: nameField, jobTitle: jobTitleField, roles: rolesField });

/** Name, job title and stored roles. An administrator cannot take away their own ADMIN role. */
export async function handleUpdatePerson(viewer: Viewer, values: Record<string, string>, _now: Date) {
  void _now;
  if (!mayAdminister(viewer)) throw notFound("That person");
  const parsed = detailsSchema.safeParse(values);
  if (!parsed.success) {
    if (!isId(values.userId ?? "")) throw notFound("That person");
    return { errors: zodFieldErrors(parsed.error), values };
  }
  const d = parsed.data;
  return save(viewer, values, async (tx, p) => {
    if (p.id === viewer.id && !d.roles.includes("ADMIN"))
      throw fail("roles", "You cannot remove your own administrator role. Ask another administrator to do it.");
    await tx.user.update({
      where: { id: p.id },
      data: { name: d.name, jobTitle: d.jobTitle || null, roles: d.roles },
    });
    await writeChange(tx, viewer, p);
  });
}

const memberSchema = z.object({
  partyGroupId: optionalId("Choose the party group from the list"),
  offices: z
    .string()
    .optional()
    .transform(lines)
    .pipe(z.array(z.enum(GROUP_OFFICES, { error: "Choose from the list of group offices" })).max(3)),
  portfolios: z
    .string()
    .optional()
    .transform(lines)
    .pipe(
      z
        .array(z.string().max(PORTFOLIO_MAX, "Choose portfolios from the list"))
        .max(MAX_CHOICES, "Choose portfolios from the list"),
    ),
  otherPortfolio: z
    .string()
    .optional()
    .default("")
    .transform(oneLine)
    .pipe(z.string().max(PORTFOLIO_MAX, `Enter a portfolio of ${PORTFOLIO_MAX} characters or fewer`)),
  wardIds: idsField("Choose wards from the list"),
  committeeIds: idsField("Choose committees from the list"),
  chairIds: idsField("Choose committees from the list"),
});

/**
 * A councillor's party group, group offices (Leader, Chair, Chief Whip — one holder each per group, so giving one
 * takes it from its holder — and Spokesperson for portfolios), wards, committees and the committees they chair
 * (one chair each: giving it takes it from the last chair; chairing makes them a member).
 */
export async function handleUpdateMember(viewer: Viewer, values: Record<string, string>, _now: Date) {
  void _now;
  if (!mayAdminister(viewer)) throw notFound("That person");
  const parsed = memberSchema.safeParse(values);
  if (!parsed.success) {
    if (!isId(values.userId ?? "")) throw notFound("That person");
    return { errors: zodFieldErrors(parsed.error), values };
  }
  const d = parsed.data;
  const councilId = viewer.council.id;
  return save(viewer, values, async (tx, p) => {
    if (!p.roles.includes("MEMBER"))
      throw fail("form", "Give this person the Councillor role first: these details are for councillors.");
    const choices = await choicesFor(tx, councilId, p);
    const group = d.partyGroupId ? choices.groups.find((g) => g.id === d.partyGroupId) : null;
    if (d.partyGroupId && !group) throw fail("partyGroupId", "Choose the party group from the list");
    if (group?.retired && group.id !== p.partyGroupId)
      throw fail("partyGroupId", "Choose a party group that is not retired");
    const spokes = [...new Set([...d.portfolios, ...(d.otherPortfolio ? [d.otherPortfolio] : [])])];
    const allowed = new Set(portfolioChoices(choices, p));
    if (d.portfolios.some((x) => !allowed.has(x))) throw fail("portfolios", "Choose portfolios from the list");
    if (!group && (d.offices.length || spokes.length))
      throw fail("partyGroupId", "Choose the member's party group: group offices are held in a group");
    const activeWards = new Set(choices.wards.filter((w) => !w.retired).map((w) => w.id));
    if (d.wardIds.some((w) => !activeWards.has(w))) throw fail("wardIds", "Choose wards from the list");
    const activeCommittees = new Set(choices.committees.filter((c) => !c.retired).map((c) => c.id));
    if (d.committeeIds.some((c) => !activeCommittees.has(c)))
      throw fail("committeeIds", "Choose committees from the list");
    if (d.chairIds.some((c) => !activeCommittees.has(c)))
      throw fail("chairIds", "Choose committees from the list");
    // Retired wards and committees they still have are kept: they are not offered, so not sent.
    const keptWards = p.wards.filter((w) => w.retiredAt).map((w) => w.id);
    const keptCommittees = p.committees.filter((c) => c.retiredAt).map((c) => c.id);
    const committees = [...new Set([...d.committeeIds, ...d.chairIds, ...keptCommittees])];
    await tx.user.update({
      where: { id: p.id },
      data: {
        partyGroupId: group?.id ?? null,
        wards: { set: [...d.wardIds, ...keptWards].map((id) => ({ id })) },
        committees: { set: committees.map((id) => ({ id })) },
      },
    });
    // Group offices: one Leader, Chair and Chief Whip per group — giving one takes it from whoever held it.
    const replaced: string[] = [];
    if (group && d.offices.length) {
      const holders = await tx.groupOffice.findMany({
        where: { councilId, groupId: group.id, kind: { in: d.offices }, userId: { not: p.id } },
        select: { id: true, kind: true, user: { select: { name: true } } },
      });
      for (const h of holders) replaced.push(`${h.user.name} is no longer ${GROUP_OFFICE_LABELS[h.kind]}`);
      await tx.groupOffice.deleteMany({ where: { id: { in: holders.map((h) => h.id) } } });
    }
    await tx.groupOffice.deleteMany({ where: { councilId, userId: p.id } });
    if (group)
      await tx.groupOffice.createMany({
        data: [
          ...d.offices.map((kind) => ({ councilId, groupId: group.id, userId: p.id, kind, portfolio: "" })),
          ...spokes.map((portfolio) => ({
            councilId,
            groupId: group.id,
            userId: p.id,
            kind: "SPOKESPERSON" as const,
            portfolio,
          })),
        ],
      });
    // Committee chairs: one each. Unticked (not retired) ones they chaired have no chair until another is given.
    const previous = await tx.committee.findMany({
      where: { councilId, id: { in: d.chairIds }, chairId: { not: null, notIn: [p.id] } },
      select: { name: true, chair: { select: { name: true } } },
    });
    for (const c of previous) replaced.push(`${c.chair?.name ?? "Someone"} no longer chairs ${c.name}`);
    await tx.committee.updateMany({
      where: { councilId, chairId: p.id, retiredAt: null, id: { notIn: d.chairIds } },
      data: { chairId: null },
    });
    await tx.committee.updateMany({ where: { councilId, id: { in: d.chairIds } }, data: { chairId: p.id } });
    await writeChange(tx, viewer, p, replaced);
  });
}

const officerSchema = z.object({
  serviceId: optionalId("Choose the service from the list"),
  seniority: z
    .enum(["", "SENIOR", "JUNIOR"], { error: "Choose the officer's seniority from the list" })
    .optional()
    .default(""),
  tier: optionalWhole("the tier", 1, 9),
  jnc: z
    .string()
    .optional()
    .transform((v) => v === "yes"),
  chiefOfficerOfIds: idsField("Choose services from the list"),
  weeklyCapacityHours: optionalWhole("the hours a week", 0, 80),
});

/** An officer's service, seniority, tier, JNC flag, the services they head (one Chief Officer each) and capacity. */
export async function handleUpdateOfficer(viewer: Viewer, values: Record<string, string>, _now: Date) {
  void _now;
  if (!mayAdminister(viewer)) throw notFound("That person");
  const parsed = officerSchema.safeParse(values);
  if (!parsed.success) {
    if (!isId(values.userId ?? "")) throw notFound("That person");
    return { errors: zodFieldErrors(parsed.error), values };
  }
  const d = parsed.data;
  const councilId = viewer.council.id;
  return save(viewer, values, async (tx, p) => {
    if (!p.roles.includes("OFFICER"))
      throw fail("form", "Give this person the Officer role first: these details are for officers.");
    const choices = await choicesFor(tx, councilId, p);
    const service = d.serviceId ? choices.services.find((s) => s.id === d.serviceId) : null;
    if (d.serviceId && !service) throw fail("serviceId", "Choose the service from the list");
    if (service?.retired && service.id !== p.serviceId)
      throw fail("serviceId", "Choose a service that is not retired");
    const active = new Set(choices.services.filter((s) => !s.retired).map((s) => s.id));
    if (d.chiefOfficerOfIds.some((s) => !active.has(s)))
      throw fail("chiefOfficerOfIds", "Choose services from the list");
    await tx.user.update({
      where: { id: p.id },
      data: {
        serviceId: service?.id ?? null,
        seniority: d.seniority || null,
        tier: d.tier,
        jnc: d.jnc,
        weeklyCapacityHours: d.weeklyCapacityHours,
      },
    });
    const previous = await tx.service.findMany({
      where: { councilId, id: { in: d.chiefOfficerOfIds }, chiefOfficerId: { not: null, notIn: [p.id] } },
      select: { name: true, chiefOfficer: { select: { name: true } } },
    });
    await tx.service.updateMany({
      where: { councilId, chiefOfficerId: p.id, retiredAt: null, id: { notIn: d.chiefOfficerOfIds } },
      data: { chiefOfficerId: null },
    });
    await tx.service.updateMany({
      where: { councilId, id: { in: d.chiefOfficerOfIds } },
      data: { chiefOfficerId: p.id },
    });
    const replaced = previous.map((s) => `${s.chiefOfficer?.name ?? "Someone"} no longer heads ${s.name}`);
    await writeChange(tx, viewer, p, replaced);
  });
}

const portfolioSchema = z.object({
  portfolioName: z
    .string()
    .optional()
    .default("")
    .transform(oneLine)
    .pipe(z.string().max(PORTFOLIO_MAX, `Enter a portfolio name of ${PORTFOLIO_MAX} characters or fewer`)),
  portfolioServiceIds: idsField("Choose services from the list"),
});

/**
 * A Cabinet Member's portfolio: its name and the services it covers (CWC-B2: the Cabinet Member whose portfolio
 * covers a subject may ask for a briefing on it; CWC-E5 and WIG-A9 name the portfolio's Cabinet Member). Several
 * Cabinet Members may share a service (a joint portfolio). Retired services they still cover are kept.
 */
export async function handleUpdatePortfolio(viewer: Viewer, values: Record<string, string>, _now: Date) {
  void _now;
  if (!mayAdminister(viewer)) throw notFound("That person");
  const parsed = portfolioSchema.safeParse(values);
  if (!parsed.success) {
    if (!isId(values.userId ?? "")) throw notFound("That person");
    return { errors: zodFieldErrors(parsed.error), values };
  }
  const d = parsed.data;
  return save(viewer, values, async (tx, p) => {
    if (!p.roles.includes("CABINET_MEMBER"))
      throw fail(
        "form",
        "Give this person the Cabinet Member role first: a portfolio is held by a Cabinet Member.",
      );
    if (!d.portfolioName && d.portfolioServiceIds.length)
      throw fail("portfolioName", "Enter the portfolio's name, for example “Housing and Regeneration”");
    const choices = await choicesFor(tx, viewer.council.id, p);
    const active = new Set(choices.services.filter((s) => !s.retired).map((s) => s.id));
    if (d.portfolioServiceIds.some((s) => !active.has(s)))
      throw fail("portfolioServiceIds", "Choose services from the list");
    const kept = p.portfolioServices.filter((s) => s.retiredAt).map((s) => s.id);
    await tx.user.update({
      where: { id: p.id },
      data: {
        portfolioName: d.portfolioName || null,
        portfolioServices: { set: [...new Set([...d.portfolioServiceIds, ...kept])].map((id) => ({ id })) },
      },
    });
    await writeChange(tx, viewer, p);
  });
}

/**
 * Gives every open request a person decides or is allocated to another active officer of the council, before they
 * are deactivated: on each request a conditional transition (same status) with its audit event, and a FULL grant and
 * a notification for the new holder; an AdminEvent for the whole. All or nothing: if anyone acts on one of the
 * requests at the same moment, nothing moves and the administrator is asked to try again.
 */
export async function handleReassignWork(
  viewer: Viewer,
  values: Record<string, string>,
  now: Date,
): Promise<ActionState & { done?: boolean; count?: number; toName?: string }> {
  void now;
  if (!mayAdminister(viewer)) throw notFound("That person");
  const userId = values.userId ?? "";
  if (!isId(userId)) throw notFound("That person");
  const toId = (values.toId ?? "").trim();
  const noOfficer = { toId: "Choose the officer to give their open work to" };
  if (!toId) return { errors: noOfficer, values };
  if (!isId(toId) || toId === userId) return { errors: { toId: "Choose an officer from the list" }, values };
  try {
    const out = await db().$transaction(async (tx) => {
      const person = await tx.user.findFirst({
        where: { id: userId, councilId: viewer.council.id },
        select: { id: true, name: true },
      });
      if (!person) throw notFound("That person");
      const to = await tx.user.findFirst({
        where: { id: toId, councilId: viewer.council.id, active: true, roles: { has: "OFFICER" } },
        select: { id: true, name: true },
      });
      if (!to) throw fail("toId", "Choose an officer from the list");
      const open = await tx.request.findMany({
        where: {
          councilId: viewer.council.id,
          status: { notIn: CLOSED_STATUSES },
          OR: [{ deciderId: userId }, { allocatedToId: userId }],
        },
        orderBy: { id: "asc" },
        select: {
          id: true,
          councilId: true,
          status: true,
          version: true,
          reference: true,
          deciderId: true,
          allocatedToId: true,
        },
      });
      if (open.length === 0) throw fail("form", `${person.name} holds no open requests to reassign.`);
      for (const r of open) {
        const fields = [
          ...(r.deciderId === userId ? ["decider"] : []),
          ...(r.allocatedToId === userId ? ["allocated officer"] : []),
        ];
        await transition(tx, {
          request: r,
          viewer,
          action: "REASSIGNED",
          to: r.status,
          ruleId: "COUNCIL",
          reasons: `Reassigned by the council's administrator from ${person.name} to ${to.name}.`,
          patch: {
            ...(r.deciderId === userId ? { deciderId: to.id } : {}),
            ...(r.allocatedToId === userId ? { allocatedToId: to.id } : {}),
          },
          grants: userGrant(to.id, "COUNCIL"),
          notify: [
            {
              userIds: [to.id],
              kind: "REASSIGNED",
              title: `${r.reference} has been given to you`,
              body: `The council's administrator gave you this request, which ${person.name} held (${fields.join(" and ")}).`,
            },
          ],
          auditData: { from: person.id, to: to.id, fields },
        });
      }
      await recordAdminChange(tx, viewer.council, viewer, {
        entity: "USER",
        entityId: person.id,
        action: "REASSIGN",
        summary: `Gave ${open.length} open ${open.length === 1 ? "request" : "requests"} of ${person.name} to ${to.name}`,
        before: { holder: person.name, requests: open.map((r) => r.reference) },
        after: { holder: to.name, requests: open.map((r) => r.reference) },
      });
      return { count: open.length, toName: to.name };
    }, TX_OPTIONS);
    return { errors: {}, values: {}, done: true, ...out };
  } catch (e) {
    if (e instanceof AppError && e.code === "NOT_FOUND") throw e;
    return { errors: errorsFrom(e), values };
  }
}
