// Bulk import of people (issue 15): the preview of a CSV file and its all-or-nothing apply, for the council's
// administrators (anyone else: not found). Parsing, checking and planning are pure (lib/admin/import.ts); here the
// council's state is read, and the plan written in one transaction with a few statements per kind of record (not one
// per row): 1,000 people import in a second or two. The apply reads the council again under a per-council lock and
// checks every row again, so what is written is always what the rows say of the council as it is then; when that
// differs from the preview the person saw, nothing is written and the new preview is shown.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { Viewer } from "@/lib/auth/viewer";
import { mayAdminister, recordAdminChange } from "@/lib/admin/audit";
import { INVITATION_DAYS, invitationLink, invitationTokenHash } from "@/lib/admin/invitations";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { nudgeEmails } from "@/lib/jobs/nudge";
import { invitationEmail } from "@/lib/users/invitations";
import { isUniqueViolation, type Tx } from "@/lib/requests/store";
import { isId } from "@/lib/validation";
import {
  EXCLUSIVE_OFFICES,
  IMPORT_MAX_ERRORS,
  INITIAL_IMPORT_STATE,
  planFingerprintSource,
  planImport,
  previewOf,
  readImportFile,
  snapshotLabel,
  sortErrors,
  type CouncilState,
  type ExistingOffice,
  type ImportError,
  type ImportPlan,
  type ImportState,
  type OrgRef,
  type RowValues,
} from "./import";

/** Up to 5,000 rows: generous, so that a slow disk never turns a good file into an error. */
const IMPORT_TX = { timeout: 120_000, maxWait: 15_000 } as const;

export type ImportOutcome = ImportState & {
  /** After a successful apply: the import's id (its AdminEvent's entityId), for the page that says what happened. */
  done?: { importId: string; counts: ImportCounts };
};

export type ImportCounts = {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  groups: number;
  wards: number;
  services: number;
  invited: number;
};

const withErrors = (errors: ImportError[], csv = ""): ImportOutcome => ({
  ...INITIAL_IMPORT_STATE,
  errors: errors.slice(0, IMPORT_MAX_ERRORS),
  moreErrors: Math.max(0, errors.length - IMPORT_MAX_ERRORS),
  csv,
});

const digestOf = (plan: ImportPlan) =>
  createHash("sha256").update(planFingerprintSource(plan)).digest("base64url").slice(0, 32);

/** The council as the rows of a file see it: their people (by email), the organisation, office holders. */
async function loadState(tx: Tx, viewer: Viewer, rows: RowValues[]): Promise<CouncilState> {
  const councilId = viewer.council.id;
  const emails = [...new Set(rows.map((r) => r.email))];
  const [people, elsewhere, groups, wards, services, committees, holders] = await Promise.all([
    tx.user.findMany({
      where: { councilId, email: { in: emails } },
      select: {
        id: true,
        email: true,
        name: true,
        active: true,
        jobTitle: true,
        roles: true,
        partyGroupId: true,
        serviceId: true,
        seniority: true,
        tier: true,
        jnc: true,
        weeklyCapacityHours: true,
        wards: { select: { id: true } },
        committees: { select: { id: true } },
        chairOf: { select: { id: true } },
        groupOffices: { select: { id: true, groupId: true, kind: true, portfolio: true } },
        chiefOfficerOf: { select: { id: true } },
        portfolioName: true,
        portfolioServices: { select: { id: true } },
      },
    }),
    // Only whether an address is taken elsewhere: nothing else of another council is read.
    tx.user.findMany({ where: { councilId: { not: councilId }, email: { in: emails } }, select: { email: true } }),
    tx.partyGroup.findMany({ where: { councilId }, select: { id: true, name: true, retiredAt: true } }),
    tx.ward.findMany({ where: { councilId }, select: { id: true, name: true, retiredAt: true } }),
    tx.service.findMany({
      where: { councilId },
      select: {
        id: true,
        name: true,
        retiredAt: true,
        chiefOfficerId: true,
        chiefOfficer: { select: { name: true, councilId: true } },
      },
    }),
    tx.committee.findMany({ where: { councilId }, select: { id: true, name: true, retiredAt: true } }),
    tx.groupOffice.findMany({
      where: { councilId, kind: { in: [...EXCLUSIVE_OFFICES] } },
      select: {
        id: true,
        groupId: true,
        kind: true,
        portfolio: true,
        userId: true,
        user: { select: { name: true } },
      },
    }),
  ]);
  const org = (xs: { id: string; name: string; retiredAt: Date | null }[]) =>
    xs.map((x) => ({ id: x.id, name: x.name, retired: x.retiredAt !== null }));
  return {
    profileKey: viewer.council.profileKey,
    viewerId: viewer.id,
    people: people.map((p) => ({
      id: p.id,
      email: p.email,
      name: p.name,
      active: p.active,
      jobTitle: p.jobTitle,
      roles: p.roles,
      partyGroupId: p.partyGroupId,
      serviceId: p.serviceId,
      seniority: p.seniority,
      tier: p.tier,
      jnc: p.jnc,
      weeklyCapacityHours: p.weeklyCapacityHours,
      wardIds: p.wards.map((w) => w.id),
      committeeIds: p.committees.map((c) => c.id),
      chairOfIds: p.chairOf.map((c) => c.id),
      offices: p.groupOffices as ExistingOffice[],
      chiefOfIds: p.chiefOfficerOf.map((s) => s.id),
      portfolioName: p.portfolioName,
      portfolioServiceIds: p.portfolioServices.map((s) => s.id),
    })),
    elsewhere: new Set(elsewhere.map((u) => u.email)),
    groups: org(groups),
    wards: org(wards),
    services: services.map((s) => ({
      id: s.id,
      name: s.name,
      retired: s.retiredAt !== null,
      chiefOfficerId: s.chiefOfficerId,
      chiefOfficerName: s.chiefOfficer?.councilId === councilId ? s.chiefOfficer.name : null,
    })),
    committees: org(committees),
    exclusiveHolders: holders.map((h) => ({
      id: h.id,
      groupId: h.groupId,
      kind: h.kind as ExistingOffice["kind"],
      portfolio: h.portfolio,
      userId: h.userId,
      userName: h.user.name,
    })),
  };
}

/**
 * Reads and checks a file and plans it against the council (in `tx`, or on its own). Rows with problems of their own
 * are left out of the plan, so that one pass lists every problem: those of each row and those between rows or with
 * the council (an address of another council, the same address twice…).
 */
async function planFile(tx: Tx, viewer: Viewer, file: ReturnType<typeof readImportFile>) {
  if (file.rows.length === 0) return { errors: file.errors, plan: null };
  const state = await loadState(tx, viewer, file.rows);
  const planned = planImport(file.rows, state);
  const errors = sortErrors([...file.errors, ...planned.errors]);
  return errors.length ? { errors, plan: null } : planned;
}

/**
 * Step 1: the file checked and what it would do, written nowhere. Errors carry the file's line numbers (the header
 * is line 1). Not an administrator: not found.
 */
export async function handleImportPreview(viewer: Viewer, csvText: string): Promise<ImportOutcome> {
  if (!mayAdminister(viewer)) throw notFound("That page");
  const { errors, plan } = await planFile(db(), viewer, readImportFile(csvText, viewer.council.profileKey));
  if (!plan) return withErrors(errors);
  return {
    ...INITIAL_IMPORT_STATE,
    preview: previewOf(plan, viewer.council.profileKey, digestOf(plan)),
    csv: csvText,
  };
}

class Refused extends Error {
  constructor(readonly outcome: ImportOutcome) {
    super("import refused");
  }
}

/**
 * Step 2: the same file applied, all or nothing, in one transaction: the rows are checked again against the council
 * as it is now (under a lock, so two imports of a council run one after the other); with any problem nothing is
 * written. `digest` (from the preview): when the plan is no longer what the person saw, nothing is written and the
 * new preview comes back with a notice. `invite`: new people are emailed an invitation to set their password.
 */
export async function handleImportApply(
  viewer: Viewer,
  csvText: string,
  opts: { digest?: string; invite?: boolean; now?: Date; appUrl?: string } = {},
): Promise<ImportOutcome> {
  if (!mayAdminister(viewer)) throw notFound("That page");
  const now = opts.now ?? new Date();
  const file = readImportFile(csvText, viewer.council.profileKey);
  if (file.errors.length) return withErrors((await planFile(db(), viewer, file)).errors, csvText);
  let invited = 0;
  try {
    const done = await db().$transaction(async (tx) => {
      await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtext(${`people-import:${viewer.council.id}`}))`;
      const { errors, plan } = await planFile(tx, viewer, file);
      if (!plan) throw new Refused(withErrors(errors, csvText));
      const digest = digestOf(plan);
      if (opts.digest && opts.digest !== digest)
        throw new Refused({
          ...INITIAL_IMPORT_STATE,
          preview: previewOf(plan, viewer.council.profileKey, digest),
          csv: csvText,
          notice:
            "The council’s people or organisation changed since your preview, so nothing was imported. Check this new preview, then apply it.",
        });
      const out = await writePlan(tx, viewer, plan, { invite: opts.invite ?? false, now, appUrl: opts.appUrl });
      invited = out.counts.invited;
      return out;
    }, IMPORT_TX);
    if (invited) void nudgeEmails();
    return { ...INITIAL_IMPORT_STATE, done };
  } catch (e) {
    if (e instanceof Refused) return e.outcome;
    // Someone added the same address, or an organisation item of the same name, while this ran: nothing written.
    if (isUniqueViolation(e) || rawUniqueViolation(e))
      return withErrors(
        [
          {
            line: null,
            message:
              "Someone changed the council’s people or organisation while the import ran, so nothing was imported. Upload the file again to check it.",
          },
        ],
        csvText,
      );
    throw e;
  }
}

/** A unique violation inside a raw statement (Prisma: P2010, PostgreSQL: 23505). */
const rawUniqueViolation = (e: unknown) =>
  typeof e === "object" &&
  e !== null &&
  (e as { code?: string }).code === "P2010" &&
  JSON.stringify((e as { meta?: unknown }).meta ?? "").includes('"23505"');

const SCALARS = new Set([
  "name",
  "jobTitle",
  "roles",
  "partyGroup",
  "service",
  "seniority",
  "tier",
  "jnc",
  "weeklyCapacityHours",
  "cabinetPortfolio",
]);

/** An AdminEvent of the import, written with the others in one statement. */
type LogEntry = {
  entity: string;
  entityId: string;
  action: string;
  summary: string;
  before?: unknown;
  after?: unknown;
};

/** A new record id: 'c' and 32 hex digits (letters and digits, as ID_PATTERN expects of every id). */
const newId = () => `c${randomBytes(16).toString("hex")}`;

/** Writes a plan in the caller's transaction: a few statements per kind of record, whatever the number of rows. */
async function writePlan(
  tx: Tx,
  viewer: Viewer,
  plan: ImportPlan,
  o: { invite: boolean; now: Date; appUrl?: string },
): Promise<{ importId: string; counts: ImportCounts }> {
  const councilId = viewer.council.id;
  const importId = randomBytes(12).toString("hex");
  const events: LogEntry[] = [];
  const event = (e: LogEntry) => events.push(e);

  // 1. Party groups, wards and services the file names that do not exist yet.
  const created = {
    groups: new Map<string, string>(),
    wards: new Map<string, string>(),
    services: new Map<string, string>(),
  };
  const made = {
    groups: plan.newGroups.length
      ? await tx.partyGroup.createManyAndReturn({
          data: plan.newGroups.map((name) => ({ councilId, name })),
          select: { id: true, name: true },
        })
      : [],
    wards: plan.newWards.length
      ? await tx.ward.createManyAndReturn({
          data: plan.newWards.map((name) => ({ councilId, name })),
          select: { id: true, name: true },
        })
      : [],
    services: plan.newServices.length
      ? await tx.service.createManyAndReturn({
          data: plan.newServices.map((name) => ({ councilId, name })),
          select: { id: true, name: true },
        })
      : [],
  };
  const what = {
    groups: ["GROUP", "party group"],
    wards: ["WARD", "ward"],
    services: ["SERVICE", "service"],
  } as const;
  for (const key of ["groups", "wards", "services"] as const)
    for (const r of made[key]) {
      created[key].set(r.name.toLowerCase(), r.id);
      event({
        entity: what[key][0],
        entityId: r.id,
        action: "CREATE",
        summary: `Created the ${what[key][1]} ${r.name} (bulk import)`,
        after: { name: r.name },
      });
    }
  const idOf = (kind: keyof typeof created, r: OrgRef) => r.id ?? created[kind].get(r.name.toLowerCase())!;

  // 2. New people: no password (nobody can sign in with an empty hash) until they accept an invitation, reset
  // their password, or sign in with the council's single sign-on.
  const creates = plan.people.filter((p) => p.kind === "create");
  const userIds = new Map(plan.people.filter((p) => p.id).map((p) => [p.email, p.id!]));
  if (creates.length) {
    // One INSERT of every row (raw: Prisma's createMany costs about a millisecond a row). Ids as Prisma's would be:
    // letters and digits; other columns take their database defaults (active, session version, email frequency).
    for (const p of creates) userIds.set(p.email, newId());
    const f = creates.map((p) => p.final);
    await tx.$executeRaw`
      INSERT INTO "User" ("id", "councilId", "email", "name", "passwordHash", "roles", "jobTitle", "partyGroupId",
        "serviceId", "seniority", "tier", "jnc", "weeklyCapacityHours", "portfolioName", "createdAt", "updatedAt")
      SELECT v.id, ${councilId}, v.email, v.name, '', v.roles::"Role"[], v.job, v.grp, v.svc, v.sen::"Seniority",
        v.tier, v.jnc, v.cap, v.portfolio, ${o.now}, ${o.now}
      FROM unnest(
        ${creates.map((p) => userIds.get(p.email)!)}::text[], ${creates.map((p) => p.email)}::text[],
        ${f.map((x) => x.name)}::text[], ${f.map((x) => `{${x.roles.join(",")}}`)}::text[],
        ${f.map((x) => x.jobTitle)}::text[], ${f.map((x) => (x.group ? idOf("groups", x.group) : null))}::text[],
        ${f.map((x) => (x.service ? idOf("services", x.service) : null))}::text[], ${f.map((x) => x.seniority)}::text[],
        ${f.map((x) => x.tier)}::int[], ${f.map((x) => x.jnc)}::boolean[], ${f.map((x) => x.capacity)}::int[],
        ${f.map((x) => x.portfolio)}::text[]
      ) AS v(id, email, name, roles, job, grp, svc, sen, tier, jnc, cap, portfolio)`;
  }
  const uid = (email: string) => userIds.get(email)!;

  // 3. People who change: their own columns in one statement.
  const updates = plan.people.filter((p) => p.kind === "update");
  const scalar = updates.filter((p) => p.changed.some((k) => SCALARS.has(k)));
  if (scalar.length) {
    const f = scalar.map((p) => p.final);
    await tx.$executeRaw`
      UPDATE "User" AS u SET
        "name" = v.name, "jobTitle" = v.job, "roles" = v.roles::"Role"[], "partyGroupId" = v.grp,
        "serviceId" = v.svc, "seniority" = v.sen::"Seniority", "tier" = v.tier, "jnc" = v.jnc,
        "weeklyCapacityHours" = v.cap, "portfolioName" = v.portfolio, "updatedAt" = ${o.now}
      FROM unnest(
        ${scalar.map((p) => p.id!)}::text[], ${f.map((x) => x.name)}::text[], ${f.map((x) => x.jobTitle)}::text[],
        ${f.map((x) => `{${x.roles.join(",")}}`)}::text[],
        ${f.map((x) => (x.group ? idOf("groups", x.group) : null))}::text[],
        ${f.map((x) => (x.service ? idOf("services", x.service) : null))}::text[],
        ${f.map((x) => x.seniority)}::text[], ${f.map((x) => x.tier)}::int[], ${f.map((x) => x.jnc)}::boolean[],
        ${f.map((x) => x.capacity)}::int[], ${f.map((x) => x.portfolio)}::text[]
      ) AS v(id, name, job, roles, grp, svc, sen, tier, jnc, cap, portfolio)
      WHERE u.id = v.id AND u."councilId" = ${councilId}`;
  }

  // 4. Wards, committees and portfolio services: the changed people's sets replaced, in two statements each.
  const relation = async (
    key: "wards" | "committees" | "portfolioServices",
    ids: (p: (typeof plan.people)[number]) => string[],
    replace: (userIds: string[]) => Promise<unknown>,
    insert: (users: string[], items: string[]) => Promise<unknown>,
  ) => {
    const changing = plan.people.filter((p) =>
      p.kind === "create" ? p.final[key].length > 0 : p.kind === "update" && p.changed.includes(key),
    );
    if (!changing.length) return;
    const existing = changing.filter((p) => p.kind === "update").map((p) => p.id!);
    if (existing.length) await replace(existing);
    const users: string[] = [];
    const items: string[] = [];
    for (const p of changing)
      for (const id of ids(p)) {
        users.push(uid(p.email));
        items.push(id);
      }
    if (users.length) await insert(users, items);
  };
  await relation(
    "wards",
    (p) => p.final.wards.map((w) => idOf("wards", w)),
    (ids) => tx.$executeRaw`DELETE FROM "_WardMembers" WHERE "A" = ANY(${ids}::text[])`,
    // _WardMembers: A is the user, B the ward (Prisma's implicit many-to-many, models in alphabetical order).
    (users, wards) =>
      tx.$executeRaw`INSERT INTO "_WardMembers" ("A", "B")
        SELECT a, b FROM unnest(${users}::text[], ${wards}::text[]) AS t(a, b) ON CONFLICT DO NOTHING`,
  );
  await relation(
    "committees",
    (p) => p.final.committees.map((c) => c.id!),
    (ids) => tx.$executeRaw`DELETE FROM "_CommitteeMembers" WHERE "B" = ANY(${ids}::text[])`,
    // _CommitteeMembers: A is the committee, B the user.
    (users, committees) =>
      tx.$executeRaw`INSERT INTO "_CommitteeMembers" ("A", "B")
        SELECT a, b FROM unnest(${committees}::text[], ${users}::text[]) AS t(a, b) ON CONFLICT DO NOTHING`,
  );

  await relation(
    "portfolioServices",
    (p) => p.final.portfolioServices.map((x) => idOf("services", x)),
    (ids) => tx.$executeRaw`DELETE FROM "_CabinetPortfolio" WHERE "B" = ANY(${ids}::text[])`,
    // _CabinetPortfolio: A is the service, B the Cabinet Member.
    (users, services) =>
      tx.$executeRaw`INSERT INTO "_CabinetPortfolio" ("A", "B")
        SELECT a, b FROM unnest(${services}::text[], ${users}::text[]) AS t(a, b) ON CONFLICT DO NOTHING`,
  );

  // 5. Group offices: taken from those who held them, and the changed people's replaced.
  if (plan.takenOfficeIds.length)
    await tx.groupOffice.deleteMany({ where: { councilId, id: { in: plan.takenOfficeIds } } });
  const officeChanges = plan.people.filter((p) =>
    p.kind === "create" ? p.final.offices.length > 0 : p.kind === "update" && p.changed.includes("groupOffices"),
  );
  const officeHolders = officeChanges.filter((p) => p.kind === "update").map((p) => p.id!);
  if (officeHolders.length)
    await tx.groupOffice.deleteMany({ where: { councilId, userId: { in: officeHolders } } });
  const offices = officeChanges.flatMap((p) =>
    p.final.offices.map((x) => ({
      groupId: idOf("groups", x.group),
      userId: uid(p.email),
      kind: x.kind,
      portfolio: x.portfolio,
    })),
  );
  if (offices.length)
    await tx.$executeRaw`
      INSERT INTO "GroupOffice" ("id", "councilId", "groupId", "userId", "kind", "portfolio")
      SELECT v.id, ${councilId}, v.gid, v.uid, v.kind::"GroupOfficeKind", v.portfolio
      FROM unnest(${offices.map(() => newId())}::text[], ${offices.map((x) => x.groupId)}::text[],
        ${offices.map((x) => x.userId)}::text[], ${offices.map((x) => x.kind)}::text[],
        ${offices.map((x) => x.portfolio)}::text[]) AS v(id, gid, uid, kind, portfolio)
      ON CONFLICT DO NOTHING`;

  // 6. Services whose Chief Officer changes.
  if (plan.chiefChanges.length)
    await tx.$executeRaw`
      UPDATE "Service" AS s SET "chiefOfficerId" = v.uid
      FROM unnest(
        ${plan.chiefChanges.map((c) => idOf("services", c.service))}::text[],
        ${plan.chiefChanges.map((c) => (c.toEmail ? uid(c.toEmail) : null))}::text[]
      ) AS v(sid, uid)
      WHERE s.id = v.sid AND s."councilId" = ${councilId}`;

  // 7. Invitations for the new people (one link each, emailed through the outbox).
  let invited = 0;
  if (o.invite && creates.length) {
    const expiresAt = new Date(o.now.getTime() + INVITATION_DAYS * 86_400_000);
    const inv = creates.map((p) => {
      const token = randomBytes(32).toString("base64url");
      return {
        user: { id: uid(p.email), name: p.final.name },
        tokenHash: invitationTokenHash(token),
        expiresAt,
        email: invitationEmail({
          councilName: viewer.council.name,
          inviterName: viewer.name,
          link: invitationLink(token, o.appUrl),
          expiresAt,
        }),
      };
    });
    await tx.$executeRaw`
      INSERT INTO "Invitation" ("id", "councilId", "userId", "tokenHash", "invitedById", "expiresAt", "createdAt")
      SELECT v.id, ${councilId}, v.uid, v.hash, ${viewer.id}, ${expiresAt}, ${o.now}
      FROM unnest(${inv.map(() => newId())}::text[], ${inv.map((i) => i.user.id)}::text[],
        ${inv.map((i) => i.tokenHash)}::text[]) AS v(id, uid, hash)`;
    // The emails go out through the notification outbox, as for one invitation (lib/users/invitations.ts).
    await tx.$executeRaw`
      INSERT INTO "Notification" ("id", "councilId", "userId", "kind", "title", "body", "readAt", "createdAt")
      SELECT v.id, ${councilId}, v.uid, 'INVITATION', v.title, v.body, ${o.now}, ${o.now}
      FROM unnest(${inv.map(() => newId())}::text[], ${inv.map((i) => i.user.id)}::text[],
        ${inv.map((i) => i.email.title)}::text[], ${inv.map((i) => i.email.body)}::text[]) AS v(id, uid, title, body)`;
    invited = inv.length;
  }

  // 8. The log: each person created or changed, and the import as a whole.
  for (const p of plan.people) {
    if (p.kind === "unchanged") continue;
    const pick = (s: Record<string, unknown>) => Object.fromEntries(p.changed.map((k) => [k, s[k]]));
    event({
      entity: "USER",
      entityId: uid(p.email),
      action: p.kind === "create" ? "CREATE" : "UPDATE",
      summary:
        p.kind === "create"
          ? `Added ${p.final.name} (${p.email}) by bulk import`
          : `Changed ${p.final.name} by bulk import: ${p.changed.map(snapshotLabel).join(", ").toLowerCase()}`,
      before: p.before ? pick(p.before) : undefined,
      after: p.kind === "create" ? { email: p.email, ...p.after } : pick(p.after),
    });
  }
  if (events.length)
    await tx.$executeRaw`
      INSERT INTO "AdminEvent" ("id", "councilId", "actorId", "entity", "entityId", "action", "summary", "before", "after")
      SELECT v.id, ${councilId}, ${viewer.id}, v.entity, v.eid, v.action, v.summary, v.before::jsonb, v.after::jsonb
      FROM unnest(${events.map(() => newId())}::text[], ${events.map((e) => e.entity)}::text[],
        ${events.map((e) => e.entityId)}::text[], ${events.map((e) => e.action)}::text[],
        ${events.map((e) => e.summary.slice(0, 500))}::text[],
        ${events.map((e) => (e.before === undefined ? null : JSON.stringify(e.before)))}::text[],
        ${events.map((e) => (e.after === undefined ? null : JSON.stringify(e.after)))}::text[]
      ) AS v(id, entity, eid, action, summary, before, after)`;
  const counts: ImportCounts = {
    rows: plan.rows,
    created: plan.counts.create,
    updated: plan.counts.update,
    unchanged: plan.counts.unchanged,
    groups: plan.newGroups.length,
    wards: plan.newWards.length,
    services: plan.newServices.length,
    invited,
  };
  await recordAdminChange(tx, viewer.council, viewer, {
    entity: "IMPORT",
    entityId: importId,
    action: "IMPORT",
    summary: importSummary(counts),
    before: null,
    after: { ...counts, sideEffects: plan.sideEffects },
  });
  return { importId, counts };
}

const plural = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString("en-GB")} ${n === 1 ? one : many}`;

/** "Imported 12 rows: 10 people added, 2 changed, 0 unchanged; created 2 wards, 1 party group, 0 services." */
export function importSummary(c: ImportCounts): string {
  const made = [
    c.wards ? plural(c.wards, "ward") : null,
    c.groups ? plural(c.groups, "party group") : null,
    c.services ? plural(c.services, "service") : null,
  ].filter(Boolean);
  return [
    `Imported ${plural(c.rows, "row")} from a CSV file: ${plural(c.created, "person", "people")} added, ${c.updated.toLocaleString("en-GB")} changed, ${c.unchanged.toLocaleString("en-GB")} unchanged`,
    made.length ? `; created ${made.join(", ")}` : "",
    c.invited ? `; ${plural(c.invited, "person", "people")} invited` : "",
    ".",
  ].join("");
}

/** What the page says after an import: its summary from the log (this council's only), or null. */
export async function importOutcome(viewer: Viewer, importId: string): Promise<string | null> {
  if (!mayAdminister(viewer) || !isId(importId)) return null;
  const e = await db().adminEvent.findFirst({
    where: { councilId: viewer.council.id, entity: "IMPORT", entityId: importId },
    select: { summary: true },
  });
  return e?.summary ?? null;
}
