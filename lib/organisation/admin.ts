// The council's organisation kept by its administrator (issue 15): party groups, wards, services and committees —
// create, rename or change, retire and reinstate. Retired ones stay on old records and in filters of closed work but
// are not offered in new forms (lib/organisation/queries.ts and the forms' own checks filter `retiredAt: null`).
// Every change is one transaction with its AdminEvent (before → after); names are unique within the council whatever
// their case; another council's item, or anyone but an administrator, gets "not found".
import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Viewer } from "@/lib/auth/viewer";
import { mayAdminister, recordAdminChange } from "@/lib/admin/audit";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { listMeetings, runsMeetings, type MeetingSummary } from "@/lib/meetings/agendas";
import type { ActionSpec, ActionState, Choice } from "@/lib/requests/action-specs";
import { errorsFrom } from "@/lib/requests/forms/types";
import { zodFieldErrors } from "@/lib/requests/schema";
import { TX_OPTIONS, type Tx } from "@/lib/requests/store";
import { isId } from "@/lib/validation";
import {
  COMMITTEE_KINDS,
  committeeKindLabel,
  committeeSchema,
  groupSchema,
  kindOfEntity,
  NAME_MAX,
  ORG_KIND_KEYS,
  ORG_KINDS,
  orgActionSchema,
  RETIRE_EFFECT,
  serviceSchema,
  wardSchema,
  type OrgEntity,
  type OrgKind,
} from "./admin-schema";

const TABLE: Record<OrgEntity, string> = {
  GROUP: "PartyGroup",
  WARD: "Ward",
  SERVICE: "Service",
  COMMITTEE: "Committee",
};

/** The most items of one kind a list shows (councils have tens; the bound keeps a page from loading everything). */
const LIST_LIMIT = 500;

// ---- Reading -------------------------------------------------------------------------------------------------------

export type OrganisationOverview = {
  counts: Record<OrgKind, { active: number; retired: number }>;
  meetings: MeetingSummary[];
  moreMeetings: boolean;
  /** The viewer schedules meetings themselves (democratic services, the Town Clerk). */
  schedulesMeetings: boolean;
};

/** The index: how many of each kind, and the meetings from today. Null for anyone but an administrator. */
export async function organisationOverview(viewer: Viewer, now: Date): Promise<OrganisationOverview | null> {
  if (!mayAdminister(viewer)) return null;
  const councilId = viewer.council.id;
  const rows = await db().$queryRaw<{ entity: OrgEntity; active: number; retired: number }[]>`
    SELECT 'GROUP' AS entity, count(*) FILTER (WHERE "retiredAt" IS NULL)::int AS active,
      count(*) FILTER (WHERE "retiredAt" IS NOT NULL)::int AS retired FROM "PartyGroup" WHERE "councilId" = ${councilId}
    UNION ALL SELECT 'WARD', count(*) FILTER (WHERE "retiredAt" IS NULL)::int,
      count(*) FILTER (WHERE "retiredAt" IS NOT NULL)::int FROM "Ward" WHERE "councilId" = ${councilId}
    UNION ALL SELECT 'SERVICE', count(*) FILTER (WHERE "retiredAt" IS NULL)::int,
      count(*) FILTER (WHERE "retiredAt" IS NOT NULL)::int FROM "Service" WHERE "councilId" = ${councilId}
    UNION ALL SELECT 'COMMITTEE', count(*) FILTER (WHERE "retiredAt" IS NULL)::int,
      count(*) FILTER (WHERE "retiredAt" IS NOT NULL)::int FROM "Committee" WHERE "councilId" = ${councilId}`;
  const counts = Object.fromEntries(
    ORG_KIND_KEYS.map((k) => {
      const r = rows.find((x) => x.entity === ORG_KINDS[k].entity);
      return [k, { active: r?.active ?? 0, retired: r?.retired ?? 0 }];
    }),
  ) as OrganisationOverview["counts"];
  const meetings = await listMeetings(viewer, now, { page: 1 });
  return {
    counts,
    meetings: meetings.items.slice(0, 10),
    moreMeetings: meetings.more || meetings.items.length > 10,
    schedulesMeetings: runsMeetings(viewer),
  };
}

export type OrgRow = { id: string; name: string; retiredAt: string | null; detail: string };

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** One kind's items, those in use first, then the retired ones. Null for anyone but an administrator. */
export async function listOrganisation(
  viewer: Viewer,
  kind: OrgKind,
): Promise<{ rows: OrgRow[]; truncated: boolean } | null> {
  if (!mayAdminister(viewer)) return null;
  const where = { councilId: viewer.council.id };
  const orderBy = [{ retiredAt: { sort: "desc" as const, nulls: "first" as const } }, { name: "asc" as const }];
  const take = LIST_LIMIT + 1;
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  let rows: OrgRow[];
  switch (kind) {
    case "groups":
      rows = (
        await db().partyGroup.findMany({
          where,
          orderBy,
          take,
          select: {
            id: true,
            name: true,
            retiredAt: true,
            isAdministration: true,
            _count: { select: { members: { where: { active: true } } } },
          },
        })
      ).map((g) => ({
        id: g.id,
        name: g.name,
        retiredAt: iso(g.retiredAt),
        detail: `${g.isAdministration ? "In the administration. " : ""}${plural(g._count.members, "member")}`,
      }));
      break;
    case "wards":
      rows = (
        await db().ward.findMany({
          where,
          orderBy,
          take,
          select: {
            id: true,
            name: true,
            retiredAt: true,
            _count: { select: { members: { where: { active: true } } } },
          },
        })
      ).map((w) => ({
        id: w.id,
        name: w.name,
        retiredAt: iso(w.retiredAt),
        detail: plural(w._count.members, "councillor"),
      }));
      break;
    case "services":
      rows = (
        await db().service.findMany({
          where,
          orderBy,
          take,
          select: { id: true, name: true, retiredAt: true, chiefOfficer: { select: { name: true } } },
        })
      ).map((s) => ({
        id: s.id,
        name: s.name,
        retiredAt: iso(s.retiredAt),
        detail: s.chiefOfficer
          ? `Chief Officer: ${s.chiefOfficer.name}`
          : "No Chief Officer set: requests for it wait with member services until one is set on an officer's page",
      }));
      break;
    case "committees":
      rows = (
        await db().committee.findMany({
          where,
          orderBy,
          take,
          select: { id: true, name: true, retiredAt: true, kind: true, chair: { select: { name: true } } },
        })
      ).map((c) => ({
        id: c.id,
        name: c.name,
        retiredAt: iso(c.retiredAt),
        detail: `${committeeKindLabel(c.kind)}. ${c.chair ? `Chair: ${c.chair.name}` : "No Chair set"}`,
      }));
      break;
  }
  return { rows: rows.slice(0, LIST_LIMIT), truncated: rows.length > LIST_LIMIT };
}

export type OrgItem = {
  id: string;
  kind: OrgKind;
  name: string;
  retiredAt: string | null;
  /** What the page shows about it, read-only (people are changed on their own pages). */
  facts: { key: string; value: string }[];
  /** The form's current values. */
  values: Record<string, string>;
  /** For a committee: the current Chair when they are no longer an active councillor (kept unless changed). */
  formerChair?: Choice | null;
};

/** One item of the council's organisation, or null: another council's, not an id, or not an administrator. */
export async function organisationItem(viewer: Viewer, kind: OrgKind, id: string): Promise<OrgItem | null> {
  if (!mayAdminister(viewer) || !isId(id)) return null;
  const where = { id, councilId: viewer.council.id };
  const names = (xs: { name: string }[]) => (xs.length ? xs.map((x) => x.name).join(", ") : "None");
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  switch (kind) {
    case "groups": {
      const g = await db().partyGroup.findFirst({
        where,
        select: {
          id: true,
          name: true,
          retiredAt: true,
          isAdministration: true,
          members: { where: { active: true }, select: { name: true }, orderBy: { name: "asc" }, take: 200 },
        },
      });
      if (!g) return null;
      return {
        id: g.id,
        kind,
        name: g.name,
        retiredAt: iso(g.retiredAt),
        facts: [
          { key: "In the administration", value: g.isAdministration ? "Yes" : "No" },
          { key: "Members", value: names(g.members) },
        ],
        values: { name: g.name, isAdministration: g.isAdministration ? "yes" : "no" },
      };
    }
    case "wards": {
      const w = await db().ward.findFirst({
        where,
        select: {
          id: true,
          name: true,
          retiredAt: true,
          members: { where: { active: true }, select: { name: true }, orderBy: { name: "asc" }, take: 50 },
        },
      });
      if (!w) return null;
      return {
        id: w.id,
        kind,
        name: w.name,
        retiredAt: iso(w.retiredAt),
        facts: [{ key: "Councillors", value: names(w.members) }],
        values: { name: w.name },
      };
    }
    case "services": {
      const s = await db().service.findFirst({
        where,
        select: {
          id: true,
          name: true,
          retiredAt: true,
          chiefOfficer: { select: { name: true, jobTitle: true, active: true } },
          _count: { select: { staff: { where: { active: true } } } },
        },
      });
      if (!s) return null;
      const chief = s.chiefOfficer;
      return {
        id: s.id,
        kind,
        name: s.name,
        retiredAt: iso(s.retiredAt),
        facts: [
          {
            key: "Chief Officer",
            value: chief
              ? `${chief.name}${chief.jobTitle ? `, ${chief.jobTitle}` : ""}${chief.active ? "" : " (deactivated)"}`
              : "None set",
          },
          { key: "Officers", value: plural(s._count.staff, "officer") },
        ],
        values: { name: s.name },
      };
    }
    case "committees": {
      const c = await db().committee.findFirst({
        where,
        select: {
          id: true,
          name: true,
          retiredAt: true,
          kind: true,
          termsOfReference: true,
          chairId: true,
          chair: { select: { id: true, name: true, active: true, roles: true } },
          _count: { select: { members: { where: { active: true } } } },
        },
      });
      if (!c) return null;
      const chairOffered = c.chair && c.chair.active && c.chair.roles.includes("MEMBER");
      return {
        id: c.id,
        kind,
        name: c.name,
        retiredAt: iso(c.retiredAt),
        facts: [
          { key: "Kind", value: committeeKindLabel(c.kind) },
          { key: "Chair", value: c.chair ? `${c.chair.name}${c.chair.active ? "" : " (deactivated)"}` : "None" },
          { key: "Members", value: plural(c._count.members, "member") },
        ],
        values: {
          name: c.name,
          kind: c.kind,
          termsOfReference: c.termsOfReference,
          chairId: c.chairId ?? "",
        },
        formerChair: c.chair && !chairOffered ? { value: c.chair.id, label: `${c.chair.name} (current)` } : null,
      };
    }
  }
}

/** The Chairs a committee may have: the council's active councillors. */
async function chairChoices(viewer: Viewer): Promise<Choice[]> {
  const rows = await db().user.findMany({
    where: { councilId: viewer.council.id, active: true, roles: { has: "MEMBER" } },
    orderBy: { name: "asc" },
    take: 500,
    select: { id: true, name: true },
  });
  return rows.map((r) => ({ value: r.id, label: r.name }));
}

/** The forms for one kind: a creation form (item null), or the item's change form and its retire/reinstate form. */
export async function organisationSpecs(
  viewer: Viewer,
  kind: OrgKind,
  item: OrgItem | null,
): Promise<ActionSpec[]> {
  if (!mayAdminister(viewer)) return [];
  const { entity, one } = ORG_KINDS[kind];
  const v = item?.values ?? {};
  const entityField = { kind: "hidden" as const, name: "entity", value: entity };
  const nameField = {
    kind: "text" as const,
    name: "name",
    label: "Name",
    hint: `Unique in the council, ${NAME_MAX} characters or fewer.`,
    initial: v.name,
  };
  const fields: ActionSpec["fields"] = [entityField, nameField];
  if (kind === "groups")
    fields.push({
      kind: "select",
      name: "isAdministration",
      label: "Is the group in the administration?",
      hint: "The administration is the group or groups that run the council.",
      options: [
        { value: "no", label: "No" },
        { value: "yes", label: "Yes" },
      ],
      initial: v.isAdministration ?? "no",
    });
  if (kind === "services")
    fields.push({
      kind: "info",
      text: "The service's Chief Officer is set on that person's page in Users.",
    });
  if (kind === "committees") {
    const chairs = await chairChoices(viewer);
    fields.push(
      {
        kind: "select",
        name: "kind",
        label: "What kind of body is it?",
        options: Object.entries(COMMITTEE_KINDS).map(([value, label]) => ({ value, label })),
        initial: v.kind ?? "COMMITTEE",
      },
      {
        kind: "textarea",
        name: "termsOfReference",
        label: "Terms of reference (optional)",
        hint: "Shown when a councillor calls for a report, to confirm the matter falls within them.",
        rows: 5,
        initial: v.termsOfReference,
      },
      {
        kind: "select",
        name: "chairId",
        label: "Chair (optional)",
        hint: "One of the council's councillors.",
        options: [...(item?.formerChair ? [item.formerChair] : []), ...chairs],
        placeholder: "No Chair",
        initial: v.chairId,
      },
    );
  }
  if (!item) return [{ action: "SAVE", area: "other", title: `New ${one}`, fields, submit: `Add the ${one}` }];
  const specs: ActionSpec[] = [
    { action: "SAVE", area: "other", title: `Change the ${one}`, fields, submit: "Save changes" },
  ];
  specs.push(
    item.retiredAt
      ? {
          action: "REINSTATE",
          area: "other",
          title: `Reinstate the ${one}`,
          hint: "It is offered again in new forms.",
          fields: [entityField],
          submit: `Reinstate the ${one}`,
          tone: "secondary",
        }
      : {
          action: "RETIRE",
          area: "other",
          title: `Retire the ${one}`,
          hint: `${RETIRE_EFFECT} You are asked to confirm.`,
          fields: [entityField],
          submit: `Retire the ${one}`,
          tone: "warning",
        },
  );
  return specs;
}

// ---- Changing ------------------------------------------------------------------------------------------------------

type Snapshot = { name: string; retiredAt: string | null } & Record<string, unknown>;

async function snapshot(
  tx: Tx | ReturnType<typeof db>,
  councilId: string,
  entity: OrgEntity,
  id: string,
): Promise<Snapshot | null> {
  const where = { id, councilId };
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  switch (entity) {
    case "GROUP": {
      const g = await tx.partyGroup.findFirst({
        where,
        select: { name: true, retiredAt: true, isAdministration: true },
      });
      return g && { ...g, retiredAt: iso(g.retiredAt) };
    }
    case "WARD": {
      const w = await tx.ward.findFirst({ where, select: { name: true, retiredAt: true } });
      return w && { ...w, retiredAt: iso(w.retiredAt) };
    }
    case "SERVICE": {
      const s = await tx.service.findFirst({
        where,
        select: { name: true, retiredAt: true, chiefOfficerId: true },
      });
      return s && { ...s, retiredAt: iso(s.retiredAt) };
    }
    case "COMMITTEE": {
      const c = await tx.committee.findFirst({
        where,
        select: {
          name: true,
          retiredAt: true,
          kind: true,
          termsOfReference: true,
          chairId: true,
          chair: { select: { name: true } },
        },
      });
      if (!c) return null;
      const { chair, ...rest } = c;
      return { ...rest, chairName: chair?.name ?? null, retiredAt: iso(c.retiredAt) };
    }
  }
}

/** One organisation change at a time per council and kind: the name check and the write cannot interleave. */
async function lockKind(tx: Tx, councilId: string, entity: OrgEntity) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`organisation:${councilId}:${entity}`}))`;
}

/** Another item of the kind already called that (any case), retired or not. */
async function sameName(tx: Tx, councilId: string, entity: OrgEntity, name: string, exceptId: string | null) {
  const rows = await tx.$queryRaw<{ name: string; retired: boolean }[]>`
    SELECT name, "retiredAt" IS NOT NULL AS retired FROM ${Prisma.raw(`"${TABLE[entity]}"`)}
    WHERE "councilId" = ${councilId} AND lower(name) = lower(${name}) AND id <> ${exceptId ?? ""} LIMIT 1`;
  return rows[0] ?? null;
}

type Done = { done: "CREATED" | "UPDATED" | "RETIRED" | "REINSTATED"; id: string; kind: OrgKind };
export type OrganisationOutcome = ActionState | Done;

const quoted = (s: string) => `“${s}”`;

/**
 * The organisation pages' one form handler: SAVE creates (requestId "new") or changes an item; RETIRE asks to confirm,
 * then retires; REINSTATE brings it back. Errors come back by field with what was typed.
 */
export async function handleOrganisationAction(
  viewer: Viewer,
  values: Record<string, string>,
  now: Date,
): Promise<OrganisationOutcome> {
  const base = orgActionSchema.safeParse(values);
  if (!base.success) return { errors: zodFieldErrors(base.error), values };
  const { entity, requestId, action, confirmed } = base.data;
  const kind = kindOfEntity(entity);
  const one = ORG_KINDS[kind].one;
  const missing = () => notFound(`That ${one}`);
  try {
    if (!mayAdminister(viewer)) throw missing();
    if (action === "SAVE") return await save(viewer, entity, requestId === "new" ? null : requestId, values);
    if (requestId === "new") throw missing();
    if (action === "RETIRE" && !confirmed) {
      const item = await snapshot(db(), viewer.council.id, entity, requestId);
      if (!item) throw missing();
      if (item.retiredAt) throw new AppError("CONFLICT", `The ${one} ${quoted(item.name)} is already retired.`);
      return { errors: {}, values, confirm: `Retire the ${one} ${quoted(item.name)}? ${RETIRE_EFFECT}` };
    }
    return await setRetired(viewer, entity, requestId, action === "RETIRE" ? now : null);
  } catch (e) {
    return { errors: errorsFrom(e), values };
  }
}

async function save(viewer: Viewer, entity: OrgEntity, id: string | null, values: Record<string, string>) {
  const kind = kindOfEntity(entity);
  const { one } = ORG_KINDS[kind];
  const schema =
    entity === "GROUP"
      ? groupSchema
      : entity === "WARD"
        ? wardSchema
        : entity === "SERVICE"
          ? serviceSchema
          : committeeSchema;
  const parsed = schema.safeParse(values);
  if (!parsed.success) return { errors: zodFieldErrors(parsed.error), values };
  const d = parsed.data as { name: string } & Partial<{
    isAdministration: "yes" | "no";
    kind: string;
    termsOfReference: string;
    chairId: string | null;
  }>;
  const councilId = viewer.council.id;
  return db().$transaction(async (tx): Promise<OrganisationOutcome> => {
    await lockKind(tx, councilId, entity);
    const before = id ? await snapshot(tx, councilId, entity, id) : null;
    if (id && !before) throw notFound(`That ${one}`);
    const clash = await sameName(tx, councilId, entity, d.name, id);
    if (clash) {
      const message = `There is already a ${one} called ${quoted(clash.name)}${clash.retired ? " (retired: reinstate it instead)" : ""}. Enter a different name.`;
      throw new AppError("VALIDATION", message, { name: message });
    }
    let chairId: string | null = null;
    if (entity === "COMMITTEE" && d.chairId) {
      // Unchanged, the current Chair stays even if no longer offered; a new one must be an active councillor here.
      const kept = before && before.chairId === d.chairId;
      const chair = kept
        ? { id: d.chairId }
        : await tx.user.findFirst({
            where: { id: d.chairId, councilId, active: true, roles: { has: "MEMBER" } },
            select: { id: true },
          });
      if (!chair) {
        const message = "Choose the Chair from the list of councillors";
        throw new AppError("VALIDATION", message, { chairId: message });
      }
      chairId = chair.id;
    }
    let itemId: string;
    switch (entity) {
      case "GROUP": {
        const data = { name: d.name, isAdministration: d.isAdministration === "yes" };
        itemId = id
          ? (await tx.partyGroup.update({ where: { id }, data, select: { id: true } })).id
          : (await tx.partyGroup.create({ data: { ...data, councilId }, select: { id: true } })).id;
        break;
      }
      case "WARD":
        itemId = id
          ? (await tx.ward.update({ where: { id }, data: { name: d.name }, select: { id: true } })).id
          : (await tx.ward.create({ data: { name: d.name, councilId }, select: { id: true } })).id;
        break;
      case "SERVICE":
        itemId = id
          ? (await tx.service.update({ where: { id }, data: { name: d.name }, select: { id: true } })).id
          : (await tx.service.create({ data: { name: d.name, councilId }, select: { id: true } })).id;
        break;
      case "COMMITTEE": {
        const data = { name: d.name, kind: d.kind!, termsOfReference: d.termsOfReference ?? "", chairId };
        itemId = id
          ? (await tx.committee.update({ where: { id }, data, select: { id: true } })).id
          : (await tx.committee.create({ data: { ...data, councilId }, select: { id: true } })).id;
        break;
      }
    }
    // A spokesperson's portfolio names a committee or service by its name: a rename carries them along.
    let portfolios = 0;
    if (before && before.name !== d.name && (entity === "SERVICE" || entity === "COMMITTEE"))
      portfolios = (
        await tx.groupOffice.updateMany({
          where: { councilId, kind: "SPOKESPERSON", portfolio: before.name },
          data: { portfolio: d.name },
        })
      ).count;
    const after = await snapshot(tx, councilId, entity, itemId);
    const same = (a: Snapshot | null, b: Snapshot | null, without: string[] = []) =>
      JSON.stringify({ ...a, ...Object.fromEntries(without.map((k) => [k, null])) }) ===
      JSON.stringify({ ...b, ...Object.fromEntries(without.map((k) => [k, null])) });
    // Saved unchanged: nothing to record.
    if (before && same(before, after)) return { done: "UPDATED", id: itemId, kind };
    const renamed = before && before.name !== d.name;
    const summary = !before
      ? `Added the ${one} ${quoted(d.name)}`
      : renamed
        ? `Renamed the ${one} ${quoted(before.name)} to ${quoted(d.name)}${portfolios ? ` (and ${plural(portfolios, "spokesperson's portfolio", "spokespersons' portfolios")})` : ""}`
        : `Changed the ${one} ${quoted(d.name)}`;
    await recordAdminChange(tx, viewer.council, viewer, {
      entity,
      entityId: itemId,
      action: !before ? "CREATE" : renamed && same(before, after, ["name"]) ? "RENAME" : "UPDATE",
      summary,
      before,
      after,
    });
    return { done: before ? "UPDATED" : "CREATED", id: itemId, kind };
  }, TX_OPTIONS);
}

async function setRetired(viewer: Viewer, entity: OrgEntity, id: string, at: Date | null): Promise<Done> {
  const kind = kindOfEntity(entity);
  const { one } = ORG_KINDS[kind];
  const councilId = viewer.council.id;
  return db().$transaction(async (tx) => {
    await lockKind(tx, councilId, entity);
    const before = await snapshot(tx, councilId, entity, id);
    if (!before) throw notFound(`That ${one}`);
    if (at && before.retiredAt)
      throw new AppError("CONFLICT", `The ${one} ${quoted(before.name)} is already retired.`);
    if (!at && !before.retiredAt)
      throw new AppError("CONFLICT", `The ${one} ${quoted(before.name)} is not retired.`);
    const where = { id, councilId };
    const data = { retiredAt: at };
    switch (entity) {
      case "GROUP":
        await tx.partyGroup.updateMany({ where, data });
        break;
      case "WARD":
        await tx.ward.updateMany({ where, data });
        break;
      case "SERVICE":
        await tx.service.updateMany({ where, data });
        break;
      case "COMMITTEE":
        await tx.committee.updateMany({ where, data });
        break;
    }
    const after = await snapshot(tx, councilId, entity, id);
    await recordAdminChange(tx, viewer.council, viewer, {
      entity,
      entityId: id,
      action: at ? "RETIRE" : "REINSTATE",
      summary: `${at ? "Retired" : "Reinstated"} the ${one} ${quoted(before.name)}`,
      before,
      after,
    });
    return { done: at ? "RETIRED" : "REINSTATED", id, kind };
  }, TX_OPTIONS);
}
