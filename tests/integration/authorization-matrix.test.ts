// The authorisation matrix, in-process half (issue 10): for every viewer of two councils and every matrix record
// (own, another party group's, another council's, metadata-only…), the request page's answer is the oracle —
// not found, or the level it shows — anchored to expectations written from the protocol. Every other read path
// the services offer must show no more: search, lists, counts, CSV rows, the dashboard, notifications, emails,
// the outbox, files, and every server action (a forged one is "not found"). The HTTP half is
// tests/e2e/authorization-matrix.spec.ts.
import { beforeAll, describe, expect, it } from "vitest";
import { canUse } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { listOutbox } from "@/lib/email/dispatch";
import { AppError } from "@/lib/errors";
import { readAttachment } from "@/lib/requests/attachments";
import { dashboardRows } from "@/lib/requests/dashboard";
import { handleRequestAction } from "@/lib/requests/forms/request-actions";
import { getRequestDetail, listNotifications, listRequests } from "@/lib/requests/queries";
import { exportQueue, listQueue } from "@/lib/requests/queue";
import { recordSecurityFigures } from "../support/security-figures";
import {
  createMatrixRecords,
  MATRIX_VIEWERS,
  viewerFor,
  type Level,
  type MatrixRecord,
} from "../security/matrix-records";
import { ROUTES, routesInApp } from "../security/routes";
import { testPrisma } from "./helpers";

const prisma = testPrisma();
let records: MatrixRecord[] = [];
const viewers = new Map<string, Viewer>();
const leaks: string[] = [];
let cases = 0;

const RANK: Record<Level, number> = { NONE: 0, METADATA: 1, SUMMARY: 2, FULL: 3 };
/** The most a text can reveal: the details token needs FULL, the subject token SUMMARY, the reference METADATA. */
function revealed(text: string, r: MatrixRecord): Level {
  if (text.includes(r.detailsToken)) return "FULL";
  if (text.includes(r.subjectToken)) return "SUMMARY";
  if (text.includes(r.reference)) return "METADATA";
  return "NONE";
}
function check(path: string, viewer: string, r: MatrixRecord, shown: Level, allowed: Level) {
  cases += 1;
  if (RANK[shown] > RANK[allowed]) leaks.push(`${path}: ${viewer} saw ${shown} of ${r.key} (page: ${allowed})`);
}

async function pageLevel(v: Viewer, r: MatrixRecord): Promise<Level> {
  try {
    const d = await getRequestDetail(v, r.id);
    return d.level;
  } catch (e) {
    if (e instanceof AppError && e.code === "NOT_FOUND") return "NONE";
    throw e;
  }
}

beforeAll(async () => {
  records = (await createMatrixRecords()).records;
  for (const v of MATRIX_VIEWERS) viewers.set(v.email, await viewerFor(v.email));
}, 120_000);

describe("authorisation matrix (in-process)", () => {
  it("every page, route handler and server action of app/ has an entry in the matrix's route list", () => {
    const missing = routesInApp().filter((r) => !ROUTES[r]);
    expect(missing, "add these to tests/security/routes.ts with how they are checked").toEqual([]);
  });

  it("the request page answers as the protocol says for every anchor (own, other group, other council, metadata-only)", async () => {
    for (const r of records)
      for (const v of MATRIX_VIEWERS) {
        const level = await pageLevel(viewers.get(v.email)!, r);
        expect(level, `${v.email} on ${r.key}`).toBe(r.expected[v.email]);
      }
  });

  it("the SQL form of the visibility rules selects exactly what the Prisma form does, at the same levels", async () => {
    const { db } = await import("@/lib/db");
    const { Prisma } = await import("@/lib/generated/prisma/client");
    const { levelSql, visibleSql, visibleTo, visibleAtLeast } = await import("@/lib/requests/visibility");
    const ids = records.map((r) => r.id);
    for (const v of MATRIX_VIEWERS) {
      const viewer = viewers.get(v.email)!;
      for (const level of ["METADATA", "SUMMARY", "FULL"] as const) {
        const viaPrisma = (
          await prisma.request.findMany({
            where: {
              AND: [{ id: { in: ids } }, level === "METADATA" ? visibleTo(viewer) : visibleAtLeast(viewer, level)],
            },
            select: { id: true },
          })
        ).map((r) => r.id);
        const viaSql = (
          await db().$queryRaw<{ id: string }[]>`SELECT r.id FROM "Request" r
            WHERE r.id IN (${Prisma.join(ids)}) AND ${visibleSql(viewer, "r", level)}`
        ).map((r) => r.id);
        expect(viaSql.sort(), `${v.email} at ${level}`).toEqual(viaPrisma.sort());
      }
      const levels = await db().$queryRaw<{ id: string; level: string | null }[]>`
        SELECT r.id, ${levelSql(viewer)} AS level FROM "Request" r WHERE r.id IN (${Prisma.join(ids)})`;
      for (const l of levels)
        expect(l.level ?? "NONE", `${v.email}: level`).toBe(
          await pageLevel(
            viewer,
            records.find((r) => r.id === l.id)!,
          ),
        );
    }
  });

  it("search, lists, queues, CSV, dashboard, notifications, emails, outbox and files show no more than the page", async () => {
    const now = new Date();
    for (const v of MATRIX_VIEWERS) {
      const viewer = viewers.get(v.email)!;
      const notes = (await listNotifications(viewer, 1)).items.map((n) => `${n.title}\n${n.body}`).join("\n");
      const own = (await listOutbox(viewer, { take: 200 })).items;
      const mail = own.map((m) => `${m.subject ?? ""}\n${m.text ?? ""}`).join("\n");
      const queueCsv: string[] = [];
      if (canUse(viewer.roles, "queue"))
        for await (const b of exportQueue(viewer, { status: "all" }, now))
          queueCsv.push(...b.map((i) => `${i.reference} ${i.subject}`));
      const dashCsv: string[] = [];
      if (canUse(viewer.roles, "dashboard"))
        for await (const b of dashboardRows(viewer, {}, now))
          dashCsv.push(...b.map((i) => `${i.reference} ${i.subject}`));
      for (const r of records) {
        const allowed = await pageLevel(viewer, r);
        for (const q of [r.subjectToken, r.detailsToken, r.reference]) {
          const list = await listRequests(viewer, { q, page: 1 });
          const text = list.items.map((i) => `${i.reference} ${i.subject}`).join("\n");
          // A match on a token the viewer may not read is itself a leak (the search "knew" the content).
          const matched = list.items.some((i) => i.id === r.id);
          const byToken: Level = q === r.detailsToken ? "FULL" : q === r.subjectToken ? "SUMMARY" : "METADATA";
          check(
            `search "${q === r.reference ? "reference" : q === r.subjectToken ? "subject" : "details"}"`,
            v.email,
            r,
            matched ? byToken : "NONE",
            allowed,
          );
          check("requests list", v.email, r, revealed(text, r), allowed);
          if (canUse(viewer.roles, "queue")) {
            const queue = await listQueue(viewer, { q, status: "all" }, now);
            const qMatched = queue.items.some((i) => i.id === r.id);
            check(
              "queue search",
              v.email,
              r,
              qMatched ? (q === r.reference ? "METADATA" : byToken) : "NONE",
              allowed,
            );
            check(
              "queue",
              v.email,
              r,
              revealed(queue.items.map((i) => `${i.reference} ${i.subject}`).join("\n"), r),
              allowed,
            );
          }
        }
        check("queue CSV", v.email, r, revealed(queueCsv.join("\n"), r), allowed);
        check("dashboard CSV", v.email, r, revealed(dashCsv.join("\n"), r), allowed);
        check("notifications", v.email, r, revealed(notes, r), allowed);
        check("emails", v.email, r, revealed(mail, r), allowed);
        if (canUse(viewer.roles, "outbox")) {
          const outbox = (await listOutbox(viewer, { take: 500 })).items;
          check(
            "outbox",
            v.email,
            r,
            revealed(outbox.map((m) => `${m.subject ?? ""}\n${m.text ?? ""}`).join("\n"), r),
            allowed,
          );
        }
        if (r.attachmentId) {
          const file = await readAttachment(viewer, r.id, r.attachmentId).then(
            (f) => Buffer.from(f.data).toString("utf8"),
            () => "",
          );
          check("attachment", v.email, r, file ? "FULL" : "NONE", allowed);
        }
        // A forged server action on a record one cannot see is "not found", and writes nothing.
        const before = await prisma.auditEvent.count({ where: { requestId: r.id } });
        const out = await handleRequestAction(
          viewer,
          { requestId: r.id, action: "ADD_INFORMATION", information: "forged" },
          now,
        );
        const after = await prisma.auditEvent.count({ where: { requestId: r.id } });
        if (allowed === "NONE") {
          cases += 1;
          const notFound = "errors" in out && /not found/i.test(Object.values(out.errors).join(" "));
          if (!notFound || after !== before) leaks.push(`server action: ${v.email} acted on ${r.key}`);
        }
      }
    }
    recordSecurityFigures("matrix-integration", {
      roleRecordCases: cases,
      leaks: leaks.length,
      routesChecked: Object.keys(ROUTES).filter((k) => k.startsWith("action:")).length,
    });
    expect(leaks).toEqual([]);
    expect(cases).toBeGreaterThan(1000);
  }, 300_000);
});
