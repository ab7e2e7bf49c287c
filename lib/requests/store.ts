// Writing requests: creation and transitions, each inside the caller's single transaction. A transition is a
// conditional update on (id, status, version): when two people act at once, exactly one wins and the other gets
// CONFLICT. The audit event, access grants and notifications are written in the same transaction.
import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { Viewer } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { nudgeEmails } from "@/lib/jobs/nudge";
import type { Grant } from "@/lib/workflow/access";
import type { RequestType } from "@/lib/workflow/due";
import { db } from "@/lib/db";

export type Tx = Prisma.TransactionClient;
export type Db = PrismaClient;

export type RequestRow = Prisma.RequestGetPayload<object>;

export type NotificationSpec = {
  userIds: (string | null | undefined)[];
  kind: string;
  title: string;
  body?: string;
};

/** Transaction options for every use case: serialisable is not needed (the conditional update decides). */
export const TX_OPTIONS = { timeout: 20_000, maxWait: 10_000 } as const;

export async function nextReference(tx: Tx, councilId: string, prefix: string): Promise<string> {
  const rows = await tx.$queryRaw<{ n: number }[]>`
    INSERT INTO "CouncilCounter" ("councilId", "name", "next") VALUES (${councilId}, 'request', 2)
    ON CONFLICT ("councilId", "name") DO UPDATE SET "next" = "CouncilCounter"."next" + 1
    RETURNING "next" - 1 AS n`;
  return `${prefix}-${String(rows[0]!.n).padStart(6, "0")}`;
}

function dedupeGrants(grants: Grant[]): Grant[] {
  const seen = new Map<string, Grant>();
  const rank = { FULL: 3, SUMMARY: 2, METADATA: 1 } as const;
  for (const g of grants) {
    const key = g.userId ? `u:${g.userId}` : g.groupId ? `g:${g.groupId}` : "all";
    const prev = seen.get(key);
    if (!prev || rank[g.level] > rank[prev.level]) seen.set(key, g);
  }
  return [...seen.values()];
}

export async function writeGrants(tx: Tx, councilId: string, requestId: string, grants: Grant[]) {
  const list = dedupeGrants(grants);
  if (list.length === 0) return;
  await tx.requestAccess.createMany({
    data: list.map((g) => ({
      councilId,
      requestId,
      userId: g.userId ?? null,
      groupId: g.groupId ?? null,
      allMembers: g.allMembers ?? false,
      level: g.level,
      ruleId: g.ruleId,
    })),
  });
}

export async function writeNotifications(
  tx: Tx,
  councilId: string,
  requestId: string,
  specs: NotificationSpec[],
  exceptUserId?: string,
) {
  const rows = specs.flatMap((s) =>
    [...new Set(s.userIds.filter((u): u is string => !!u && u !== exceptUserId))].map((userId) => ({
      councilId,
      userId,
      requestId,
      kind: s.kind,
      title: s.title,
      body: s.body ?? "",
    })),
  );
  if (rows.length) {
    await tx.notification.createMany({ data: rows });
    void nudgeEmails();
  }
}

export type CreateSpec = {
  viewer: Viewer;
  type: RequestType;
  kind: string;
  status: string;
  subject: string;
  details: string;
  subjectKey?: string | null;
  serviceId?: string | null;
  groupId?: string | null;
  deciderId?: string | null;
  allocatedToId?: string | null;
  dueDate?: string | null;
  data: Record<string, unknown>;
  idempotencyKey?: string | null;
  ruleId: string;
  grants: Grant[];
  notify: NotificationSpec[];
  auditData?: Record<string, unknown>;
};

const asDate = (d: string | null | undefined) => (d ? new Date(`${d}T00:00:00Z`) : null);

export async function createRequest(tx: Tx, s: CreateSpec): Promise<RequestRow> {
  const councilId = s.viewer.council.id;
  const reference = await nextReference(tx, councilId, s.viewer.council.profileKey);
  const request = await tx.request.create({
    data: {
      councilId,
      reference,
      type: s.type,
      kind: s.kind,
      status: s.status,
      subject: s.subject.trim(),
      details: s.details.trim(),
      subjectKey: s.subjectKey ?? null,
      serviceId: s.serviceId ?? null,
      groupId: s.groupId ?? null,
      createdById: s.viewer.id,
      deciderId: s.deciderId ?? null,
      allocatedToId: s.allocatedToId ?? null,
      dueDate: asDate(s.dueDate),
      data: s.data as Prisma.InputJsonValue,
      idempotencyKey: s.idempotencyKey ?? null,
      // The protocol settings it was routed under (issue 15): a later change applies to new requests only.
      settingsVersion: s.viewer.council.settingsVersion,
    },
  });
  await writeGrants(tx, councilId, request.id, s.grants);
  await tx.auditEvent.create({
    data: {
      councilId,
      requestId: request.id,
      actorId: s.viewer.id,
      actorRole: s.viewer.roles[0] ?? null,
      action: "FILED",
      toStatus: s.status,
      ruleId: s.ruleId,
      data: (s.auditData ?? {}) as Prisma.InputJsonValue,
    },
  });
  await writeNotifications(tx, councilId, request.id, s.notify);
  return request;
}

export type TransitionSpec = {
  request: Pick<RequestRow, "id" | "status" | "version" | "councilId">;
  viewer: Viewer;
  action: string;
  to: string;
  ruleId: string;
  reasons?: string | null;
  patch?: Prisma.RequestUpdateManyMutationInput;
  grants?: Grant[];
  notify?: NotificationSpec[];
  auditData?: Record<string, unknown>;
};

/** Something to write in the same transaction as a use case's step (its first transition), e.g. the authority a
 * decision was made under (HAL-E5): the step and it are saved together or not at all. */
export type WithStep = (tx: Tx, step: { requestId: string; councilId: string; action: string }) => Promise<void>;
const withSteps = new AsyncLocalStorage<{ write: WithStep; written: boolean }>();

/** Runs a use case so that `write` joins the transaction of its first step. */
export function withStep<T>(write: WithStep | null, run: () => Promise<T>): Promise<T> {
  return write ? withSteps.run({ write, written: false }, run) : run();
}

export async function transition(tx: Tx, t: TransitionSpec): Promise<void> {
  const res = await tx.request.updateMany({
    where: { id: t.request.id, status: t.request.status, version: t.request.version },
    data: { ...t.patch, status: t.to, version: { increment: 1 } },
  });
  if (res.count === 0)
    throw new AppError(
      "CONFLICT",
      "Someone else acted on this request at the same time. Reload the page to see where it is now.",
    );
  await tx.auditEvent.create({
    data: {
      councilId: t.request.councilId,
      requestId: t.request.id,
      actorId: t.viewer.id,
      actorRole: t.viewer.roles[0] ?? null,
      action: t.action,
      fromStatus: t.request.status,
      toStatus: t.to,
      reasons: t.reasons?.trim() || null,
      ruleId: t.ruleId || null,
      data: (t.auditData ?? {}) as Prisma.InputJsonValue,
    },
  });
  await writeGrants(tx, t.request.councilId, t.request.id, t.grants ?? []);
  await writeNotifications(tx, t.request.councilId, t.request.id, t.notify ?? [], t.viewer.id);
  const joined = withSteps.getStore();
  if (joined && !joined.written) {
    joined.written = true;
    await joined.write(tx, { requestId: t.request.id, councilId: t.request.councilId, action: t.action });
  }
}

/** Turns a refused pure decision into the error the UI shows (with the rule that applies). */
export function fail(d: { code: AppError["code"]; ruleId: string; message: string; field?: string }): never {
  throw new AppError(d.code, d.message, d.field ? { [d.field]: d.message } : {}, d.ruleId || undefined);
}

/** Records a refused attempt that the protocol asks to audit (C2007-A8), outside the failed transaction. */
export async function auditRefusal(
  viewer: Viewer,
  requestId: string,
  action: string,
  ruleId: string,
  message: string,
) {
  const prisma = db();
  await prisma.auditEvent.create({
    data: {
      councilId: viewer.council.id,
      requestId,
      actorId: viewer.id,
      actorRole: viewer.roles[0] ?? null,
      action: `${action}_REFUSED`,
      ruleId,
      reasons: message,
    },
  });
}

/** What a filing use case returns: the reference, who it went to and when it is due. */
export type Filed = {
  id: string;
  reference: string;
  deciderId: string | null;
  dueDate: string | null;
  notes: { ruleId: string; message: string }[];
  duplicate: boolean;
};

export function filedFrom(r: RequestRow, duplicate: boolean): Filed {
  const data = r.data as { notes?: Filed["notes"]; warnings?: Filed["notes"] };
  return {
    id: r.id,
    reference: r.reference,
    deciderId: r.deciderId,
    dueDate: r.dueDate ? r.dueDate.toISOString().slice(0, 10) : null,
    notes: data.notes ?? data.warnings ?? [],
    duplicate,
  };
}

/** Runs a filing use case in one transaction, once per idempotency key: a double click or a resubmission returns
 * the request the first one created (the unique index on (createdById, idempotencyKey) settles races). */
export async function fileOnce(
  viewer: Viewer,
  key: string | null | undefined,
  run: (tx: Tx) => Promise<RequestRow>,
  dry = false,
): Promise<Filed> {
  const prisma = db();
  // A dry run (the "check your answers" page) routes exactly as filing would, then rolls everything back.
  if (dry) return filedFrom(await dryRun(run), false);
  const find = () =>
    key
      ? prisma.request.findUnique({
          where: { createdById_idempotencyKey: { createdById: viewer.id, idempotencyKey: key } },
        })
      : null;
  const dup = await find();
  if (dup) return filedFrom(dup, true);
  try {
    return filedFrom(await prisma.$transaction(run, TX_OPTIONS), false);
  } catch (e) {
    const again = isUniqueViolation(e) ? await find() : null;
    if (again) return filedFrom(again, true);
    throw e;
  }
}

export const isUniqueViolation = (e: unknown) =>
  typeof e === "object" && e !== null && (e as { code?: string }).code === "P2002";

class Rollback extends Error {
  constructor(readonly value: unknown) {
    super("rollback");
  }
}

/** Runs a filing use case inside a transaction that is always rolled back: the exact routing, without writing. */
export async function dryRun<T>(run: (tx: Tx) => Promise<T>): Promise<T> {
  const prisma = db();
  try {
    await prisma.$transaction(async (tx) => {
      throw new Rollback(await run(tx));
    }, TX_OPTIONS);
  } catch (e) {
    if (e instanceof Rollback) return e.value as T;
    throw e;
  }
  throw new Error("unreachable");
}

/** The people who made a request (joint filers included, HTC-A1). */
export const requesterIdsOf = (r: Pick<RequestRow, "createdById" | "data">): string[] =>
  (r.data as { requesterIds?: string[] }).requesterIds ?? [r.createdById];
