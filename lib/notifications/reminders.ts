// Due-date reminders: the holder of an open request is reminded when it is due within REMIND_WORKING_DAYS and again
// when it is overdue; the member is told when their request is overdue. At most one reminder of a kind per
// request and person per day, so the job can run as often as it likes. `now` is injected (tests, the job runner).
import "server-only";
import { addWorkingDays, describeDue } from "@/lib/protocol/working-days";
import { londonDate } from "@/lib/dates";
import { CLOSED_STATUSES } from "@/lib/requests/labels";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { formatDate } from "@/lib/requests/describe";

export const REMIND_WORKING_DAYS = 2;

export async function sendDueReminders(now: Date, scope: { councilId?: string } = {}): Promise<number> {
  const prisma = db();
  const today = londonDate(now);
  const horizon = new Date(`${addWorkingDays(today, REMIND_WORKING_DAYS)}T00:00:00Z`);
  const due = await prisma.request.findMany({
    where: { ...scope, status: { notIn: CLOSED_STATUSES }, pausedAt: null, dueDate: { not: null, lte: horizon } },
    select: {
      id: true,
      councilId: true,
      reference: true,
      subject: true,
      dueDate: true,
      deciderId: true,
      createdById: true,
      data: true,
    },
    take: 5000,
  });
  if (due.length === 0) return 0;
  const startOfDay = new Date(`${today}T00:00:00Z`);
  const sent = await prisma.notification.findMany({
    where: {
      requestId: { in: due.map((r) => r.id) },
      kind: { in: ["DUE_SOON", "OVERDUE"] },
      createdAt: { gte: new Date(startOfDay.getTime() - 60 * 60 * 1000) },
    },
    select: { requestId: true, userId: true, kind: true, createdAt: true },
  });
  const already = new Set(
    sent.filter((n) => londonDate(n.createdAt) === today).map((n) => `${n.requestId}|${n.userId}|${n.kind}`),
  );
  const rows: {
    councilId: string;
    userId: string;
    requestId: string;
    kind: string;
    title: string;
    body: string;
    createdAt: Date;
    dedupeKey: string;
  }[] = [];
  for (const r of due) {
    const date = r.dueDate!.toISOString().slice(0, 10);
    const overdue = date < today;
    const kind = overdue ? "OVERDUE" : "DUE_SOON";
    const when = describeDue(date, now);
    const add = (userId: string | null, title: string) => {
      if (userId && !already.has(`${r.id}|${userId}|${kind}`))
        rows.push({
          councilId: r.councilId,
          userId,
          requestId: r.id,
          kind,
          title,
          body: "",
          createdAt: now,
          dedupeKey: `${kind}|${r.id}|${userId}|${today}`,
        });
    };
    add(r.deciderId, `${r.reference} “${r.subject}” is ${when}`);
    if (overdue)
      for (const m of (r.data as { requesterIds?: string[] }).requesterIds ?? [r.createdById])
        add(m, `Your request ${r.reference} “${r.subject}” is ${when}: the council target has passed`);
  }
  // The unique dedupe key settles a race between two runners: the second's rows are skipped, not doubled.
  return rows.length ? (await prisma.notification.createMany({ data: rows, skipDuplicates: true })).count : 0;
}

/**
 * DEF-C7: the handler of a complaint's current stage is reminded, once a day from the target date, until they
 * acknowledge it (the complainant already sees the target on the complaint's page).
 */
export async function sendAcknowledgementReminders(
  now: Date,
  scope: { councilId?: string } = {},
): Promise<number> {
  const prisma = db();
  const today = londonDate(now);
  const due = await prisma.$queryRaw<
    { id: string; councilId: string; reference: string; subject: string; deciderId: string; by: string }[]
  >`
    SELECT id, "councilId", reference, subject, "deciderId", data->>'acknowledgeBy' AS by
    FROM "Request"
    WHERE type = 'COMPLAINT' AND status <> ALL(${[...CLOSED_STATUSES]}::text[]) AND "deciderId" IS NOT NULL
      AND data->>'stageStatus' = 'OPEN' AND data->>'acknowledgedAt' IS NULL
      AND data->>'acknowledgeBy' <= ${today}
      -- Those already reminded today are left out, so that more than the limit are reached over the day's runs.
      AND NOT EXISTS (SELECT 1 FROM "Notification" n
        WHERE n."dedupeKey" = 'ACKNOWLEDGE_DUE|' || "Request".id || '|' || "Request"."deciderId" || '|' || ${today})
      ${scope.councilId ? Prisma.sql`AND "councilId" = ${scope.councilId}` : Prisma.empty}
    ORDER BY id
    LIMIT 5000`;
  if (!due.length) return 0;
  const rows = due.map((r) => ({
    councilId: r.councilId,
    userId: r.deciderId,
    requestId: r.id,
    kind: "ACKNOWLEDGE_DUE",
    title:
      r.by === today
        ? `${r.reference} “${r.subject}”: acknowledge this complaint today (the council's target, DEF-C7)`
        : `${r.reference} “${r.subject}” is not yet acknowledged: the council's target was ${formatDate(r.by)} (DEF-C7)`,
    body: "",
    createdAt: now,
    dedupeKey: `ACKNOWLEDGE_DUE|${r.id}|${r.deciderId}|${today}`,
  }));
  return (await prisma.notification.createMany({ data: rows, skipDuplicates: true })).count;
}
