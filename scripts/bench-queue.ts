// npm run bench:queue [-- <requests>]  — a benchmark script, not a test: loads one council with many requests into
// a throwaway embedded PostgreSQL (loopback only) and times the handling side's reads: the Chief Officer's queue
// (first page, a deep page by cursor, a filtered page), the Chief Executive's dashboard and the full CSV export.
import { loadViewer } from "@/lib/auth/viewer";
import { createPrismaClient } from "@/lib/db-client";
import { loadDashboard, dashboardScope } from "@/lib/requests/dashboard";
import { exportQueue, listQueue } from "@/lib/requests/queue";
import { migrate } from "./migrate";
import { freePort, startEmbeddedDb, tempDataDir } from "./embedded-db";

const N = Math.min(200_000, Math.max(1000, Number(process.argv[2] ?? 20_000)));
const db = await startEmbeddedDb({ dataDir: tempDataDir("mr-bench-"), port: await freePort() });
await db.createDatabase("bench");
const url = db.url("bench");
migrate(url, () => {});
process.env.DATABASE_URL = url;
const prisma = createPrismaClient(url);
try {
  const council = await prisma.council.create({
    data: { slug: "bench", name: "Bench Borough", kind: "METROPOLITAN_BOROUGH", profileKey: "WIG" },
  });
  const mk = (name: string, roles: ("MEMBER" | "OFFICER" | "CHIEF_OFFICER" | "CHIEF_EXECUTIVE")[], extra = {}) =>
    prisma.user.create({
      data: {
        councilId: council.id,
        name,
        email: `${name.replace(/\W/g, ".").toLowerCase()}@bench.test`,
        passwordHash: "x",
        roles,
        ...extra,
      },
    });
  const ce = await mk("Chief Exec", ["OFFICER", "CHIEF_EXECUTIVE"]);
  const services: { svc: { id: string }; head: { id: string }; officers: { id: string }[] }[] = [];
  for (let s = 0; s < 8; s++) {
    const head = await mk(`Director ${s}`, ["OFFICER", "CHIEF_OFFICER"]);
    const svc = await prisma.service.create({
      data: { councilId: council.id, name: `Service ${s}`, chiefOfficerId: head.id },
    });
    const officers: { id: string }[] = [];
    for (let o = 0; o < 6; o++) officers.push(await mk(`Officer ${s}-${o}`, ["OFFICER"], { serviceId: svc.id }));
    services.push({ svc, head, officers });
  }
  const group = await prisma.partyGroup.create({ data: { councilId: council.id, name: "Group" } });
  const members: { id: string }[] = [];
  for (let m = 0; m < 60; m++) members.push(await mk(`Member ${m}`, ["MEMBER"], { partyGroupId: group.id }));
  const statuses = [
    "SUBMITTED",
    "SUBMITTED",
    "SUBMITTED",
    "AWAITING_MEMBER",
    "GRANTED",
    "GRANTED",
    "REFUSED",
    "UNDER_REVIEW",
  ];
  const t0 = Date.now();
  for (let i = 0; i < N; i += 2000) {
    const rows = Array.from({ length: Math.min(2000, N - i) }, (_, k) => {
      const n = i + k;
      const s = services[n % services.length]!;
      const created = new Date(Date.now() - (n % 120) * 86_400_000);
      return {
        id: `bench${String(n).padStart(8, "0")}`,
        councilId: council.id,
        reference: `BEN-${String(n).padStart(6, "0")}`,
        type: "INFORMATION" as const,
        kind: "INFORMATION",
        status: statuses[n % statuses.length]!,
        subject: `Question ${n} about service ${n % 8}`,
        details: "…",
        serviceId: s.svc.id,
        createdById: members[n % members.length]!.id,
        deciderId: s.head.id,
        allocatedToId: n % 3 === 0 ? s.officers[n % 6]!.id : null,
        dueDate: new Date(created.getTime() + 14 * 86_400_000),
        createdAt: created,
      };
    });
    await prisma.request.createMany({ data: rows });
    await prisma.requestAccess.createMany({
      data: rows.flatMap((r) => [
        { councilId: council.id, requestId: r.id, userId: r.deciderId, level: "FULL" as const, ruleId: "BENCH" },
        { councilId: council.id, requestId: r.id, userId: r.createdById, level: "FULL" as const, ruleId: "BENCH" },
      ]),
    });
  }
  await prisma.$executeRawUnsafe("ANALYZE");
  console.log(`Loaded ${N} requests in ${((Date.now() - t0) / 1000).toFixed(1)} s.`);

  const viewer = async (id: string) => (await loadViewer(id, 1))!;
  const director = await viewer(services[0]!.head.id);
  const chief = await viewer(ce.id);
  const now = new Date();
  const time = async <T>(label: string, runs: number, f: () => Promise<T>) => {
    await f();
    const start = performance.now();
    for (let r = 0; r < runs; r++) await f();
    console.log(`${label.padEnd(52)} ${((performance.now() - start) / runs).toFixed(1).padStart(8)} ms`);
  };
  let cursor: string | null = null;
  for (let p = 0; p < 40; p++) cursor = (await listQueue(director, { after: cursor }, now)).next;
  await time(`queue, first page (Director: ${Math.round(N / 8)} requests)`, 20, () =>
    listQueue(director, {}, now),
  );
  await time("queue, page 41 by keyset cursor", 20, () => listQueue(director, { after: cursor }, now));
  await time("queue, filtered: overdue, unassigned, text", 20, () =>
    listQueue(director, { due: "overdue", assignee: "unassigned", q: "Question 1" }, now),
  );
  await time("queue, sorted newest first", 20, () => listQueue(director, { sort: "newest", status: "all" }, now));
  const scope = (await dashboardScope(chief)).where;
  await time(`dashboard, council-wide (${N} requests)`, 5, () => loadDashboard(scope, {}, now));
  await time("CSV export of the Director's open requests", 1, async () => {
    let n = 0;
    for await (const b of exportQueue(director, {}, now)) n += b.length;
    return n;
  });
} finally {
  await prisma.$disconnect();
  await db.stop();
}
