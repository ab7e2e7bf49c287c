// Bulk data for the benchmark (issue 11): a metropolitan council with realistic people and a long history of requests
// — types, statuses, services, officers, members, groups and wards in realistic proportions — each with its access
// rows, timeline events, replies and notifications, plus a second council so that council scoping is exercised.
// Requests go in with multi-row INSERT … SELECT FROM unnest(…) in batches: 100,000 requests in a few minutes.
// Growing from 1,000 to 100,000 keeps the first 1,000 (the same people see more history).
import pg from "pg";

export type BenchPeople = {
  councilId: string;
  otherCouncilId: string;
  /** Sign-ins for the pages measured: email and the demo password below. */
  member: string;
  director: string;
  chiefExecutive: string;
  /** The council's administrator (issue 15 pages), and a person with much open work for their page. */
  admin: string;
  busyPersonId: string;
  /** A request with a long timeline that the member made and the director decides. */
  longRequestId: string;
  serviceIds: string[];
};

export const BENCH_PASSWORD = "bench-password-2026";

const DAY = 86_400_000;
const RATE_PER_DAY = 90;
const TYPES: [string, string, number][] = [
  ["INFORMATION", "INFORMATION", 0.65],
  // Section E records (issue 14) share the table: reports and correspondence make the lists of their own pages real.
  ["REPORT", "OFFICER_REPORT", 0.03],
  ["CORRESPONDENCE", "LETTER", 0.04],
  ["BRIEFING", "GROUP", 0.14],
  ["COMPLAINT", "COMPLAINT", 0.08],
  ["INFORMATION", "GROUP_BACKGROUND", 0.06],
];
const OPEN = [
  "SUBMITTED",
  "SUBMITTED",
  "SUBMITTED",
  "AWAITING_MEMBER",
  "UNDER_REVIEW",
  "TO_BE_SUPPLIED",
  "ACCEPTED",
];
const CLOSED = [
  "GRANTED",
  "GRANTED",
  "GRANTED",
  "GRANTED",
  "REFUSED",
  "WITHDRAWN",
  "DECLINED",
  "COMPLETED",
  "CLOSED",
];
const TOPICS = [
  "bin collections",
  "street lighting",
  "planning enforcement",
  "school places",
  "housing repairs",
  "road resurfacing",
  "library hours",
  "park maintenance",
  "council tax",
  "bus lanes",
  "flood defences",
  "care homes",
];

/** A deterministic pseudo-random sequence, so two runs load the same data. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export async function seedPeople(client: pg.Client, passwordHash: string): Promise<BenchPeople> {
  const q = (text: string, values: unknown[] = []) => client.query(text, values);
  const id = (p: string, n: number | string) => `bench${p}${n}`;
  const existing = await q(`SELECT id FROM "Council" WHERE slug = 'bench-metro'`);
  const councilId = existing.rows[0]?.id ?? id("council", 1);
  const otherCouncilId = id("council", 2);
  if (!existing.rows[0]) {
    await q(
      `INSERT INTO "Council" (id, slug, name, kind, "profileKey") VALUES ($1,'bench-metro','Bench Metropolitan Borough','METROPOLITAN_BOROUGH','WIG'), ($2,'bench-other','Bench Other District','DISTRICT','C2007')`,
      [councilId, otherCouncilId],
    );
    const users: unknown[][] = [];
    const user = (
      uid: string,
      council: string,
      name: string,
      roles: string[],
      extra: Record<string, unknown> = {},
    ) =>
      users.push([
        uid,
        council,
        name,
        `${uid}@bench.test`,
        passwordHash,
        `{${roles.join(",")}}`,
        extra.jobTitle ?? null,
        extra.partyGroupId ?? null,
        extra.serviceId ?? null,
        extra.seniority ?? null,
      ]);
    for (const [g, name, admin] of [
      [1, "Labour Group", true],
      [2, "Conservative Group", false],
      [3, "Liberal Democrat Group", false],
      [4, "Independent Group", false],
    ] as const)
      await q(`INSERT INTO "PartyGroup" (id, "councilId", name, "isAdministration") VALUES ($1,$2,$3,$4)`, [
        id("group", g),
        councilId,
        name,
        admin,
      ]);
    for (let w = 1; w <= 25; w++)
      await q(`INSERT INTO "Ward" (id, "councilId", name) VALUES ($1,$2,$3)`, [
        id("ward", w),
        councilId,
        `Ward ${w}`,
      ]);
    user(id("ce", 1), councilId, "Bench Chief Executive", ["OFFICER", "CHIEF_EXECUTIVE"], {
      jobTitle: "Chief Executive",
      seniority: "SENIOR",
    });
    user(id("mo", 1), councilId, "Bench Monitoring Officer", ["OFFICER", "MONITORING_OFFICER"], {
      jobTitle: "Monitoring Officer",
      seniority: "SENIOR",
    });
    user(id("admin", 1), councilId, "Bench Administrator", ["OFFICER", "ADMIN"], {
      jobTitle: "Member Services Manager",
    });
    user(id("leader", 1), councilId, "Bench Leader", ["MEMBER", "LEADER_OF_COUNCIL"], {
      partyGroupId: id("group", 1),
    });
    for (let s = 1; s <= 10; s++) {
      await q(`INSERT INTO "Service" (id, "councilId", name) VALUES ($1,$2,$3)`, [
        id("service", s),
        councilId,
        `Service ${s}`,
      ]);
      user(id("director", s), councilId, `Director ${s}`, ["OFFICER", "CHIEF_OFFICER"], {
        jobTitle: `Director of Service ${s}`,
        serviceId: id("service", s),
        seniority: "SENIOR",
      });
      for (let o = 1; o <= 20; o++)
        user(id("officer", `${s}x${o}`), councilId, `Officer ${s}-${o}`, ["OFFICER"], {
          jobTitle: "Officer",
          serviceId: id("service", s),
          seniority: o <= 3 ? "SENIOR" : "JUNIOR",
        });
    }
    for (let m = 1; m <= 75; m++)
      user(id("member", m), councilId, `Councillor ${m}`, ["MEMBER"], { partyGroupId: id("group", 1 + (m % 4)) });
    user(id("member", "x"), otherCouncilId, "Other Councillor", ["MEMBER"]);
    user(id("officer", "x"), otherCouncilId, "Other Officer", ["OFFICER", "CHIEF_OFFICER"]);
    const cols = [
      "id",
      "councilId",
      "name",
      "email",
      "passwordHash",
      "roles",
      "jobTitle",
      "partyGroupId",
      "serviceId",
      "seniority",
    ];
    for (const r of users)
      await q(
        `INSERT INTO "User" (${cols.map((c) => `"${c}"`).join(",")}, "updatedAt") VALUES ($1,$2,$3,$4,$5,$6::"Role"[],$7,$8,$9,$10::"Seniority", now())`,
        r,
      );
    for (let s = 1; s <= 10; s++)
      await q(`UPDATE "Service" SET "chiefOfficerId" = $1 WHERE id = $2`, [id("director", s), id("service", s)]);
    await q(`INSERT INTO "Service" (id, "councilId", name, "chiefOfficerId") VALUES ($1,$2,'Other Service',$3)`, [
      id("service", "x"),
      otherCouncilId,
      id("officer", "x"),
    ]);
    // Prisma's implicit many-to-many table: A is the User (alphabetically first model), B the Ward.
    for (let m = 1; m <= 75; m++)
      await q(`INSERT INTO "_WardMembers" ("A","B") VALUES ($1,$2)`, [id("member", m), id("ward", 1 + (m % 25))]);
    for (let g = 1; g <= 4; g++)
      await q(
        `INSERT INTO "GroupOffice" (id, "councilId", "groupId", "userId", kind) VALUES ($1,$2,$3,$4,'LEADER')`,
        [id("office", g), councilId, id("group", g), id("member", g === 1 ? 4 : g)],
      );
    // Issue 15: a council's administrative log after years of use — 20,000 changes, spread over four years.
    await q(
      `INSERT INTO "AdminEvent" (id, "councilId", "actorId", entity, "entityId", action, summary, before, after, "createdAt")
       SELECT 'benchadmev' || n, $1, $2, (ARRAY['USER','GROUP','WARD','SERVICE','COMMITTEE','MEETING','SETTINGS'])[1 + n % 7],
         'benchmember' || (1 + n % 75), 'UPDATE', 'Changed Councillor ' || (1 + n % 75) || ': wards',
         jsonb_build_object('wards', jsonb_build_array('Ward ' || (1 + n % 25))),
         jsonb_build_object('wards', jsonb_build_array('Ward ' || (1 + (n + 1) % 25))),
         now() - (n * interval '100 minutes')
       FROM generate_series(1, 20000) AS n`,
      [councilId, id("admin", 1)],
    );
  }
  return {
    councilId,
    otherCouncilId,
    member: `${id("member", 1)}@bench.test`,
    director: `${id("director", 1)}@bench.test`,
    chiefExecutive: `${id("ce", 1)}@bench.test`,
    admin: `${id("admin", 1)}@bench.test`,
    busyPersonId: id("director", 1),
    longRequestId: "benchreq00000000",
    serviceIds: Array.from({ length: 10 }, (_, s) => id("service", s + 1)),
  };
}

type Batch = Record<string, unknown[]>;
const push = (b: Batch, row: Record<string, unknown>) => {
  for (const [k, v] of Object.entries(row)) (b[k] ??= []).push(v);
};

async function insert(client: pg.Client, table: string, b: Batch, types: Record<string, string>) {
  const cols = Object.keys(b);
  if (!cols.length || !b[cols[0]!]!.length) return;
  await client.query(
    `INSERT INTO "${table}" (${cols.map((c) => `"${c}"`).join(",")}) SELECT * FROM unnest(${cols.map((c, i) => `$${i + 1}::${types[c] ?? "text"}[]`).join(",")})`,
    cols.map((c) => b[c]),
  );
}

/**
 * Adds requests until the bench council holds `total` (the other council gets 3% of them). Director 1 and the member
 * are "heavy" users: Director 1's service takes 40% of requests; the member files 1.5% and their group's briefings
 * add more, so they see a few thousand rows at 100,000.
 */
export async function growRequests(
  client: pg.Client,
  people: BenchPeople,
  total: number,
  log: (m: string) => void,
) {
  const have = Number(
    (await client.query(`SELECT count(*) AS n FROM "Request" WHERE id LIKE 'benchreq%'`)).rows[0].n,
  );
  const now = Date.now();
  for (let start = have; start < total; start += 2500) {
    const end = Math.min(total, start + 2500);
    const req: Batch = {};
    const acc: Batch = {};
    const ev: Batch = {};
    const msg: Batch = {};
    const note: Batch = {};
    for (let n = start; n < end; n++) {
      const r = rng(n + 1);
      const other = n % 33 === 32;
      const council = other ? people.otherCouncilId : people.councilId;
      const t = r();
      const [type, kind] = (
        TYPES.find((_, i) => t < TYPES.slice(0, i + 1).reduce((a, x) => a + x[2], 0)) ?? TYPES[0]!
      ).slice(0, 2) as [string, string];
      // Director 1's service takes 40%; the rest spread over services 2–10.
      const svc = r() < 0.4 ? 1 : 2 + Math.floor(r() * 9);
      const memberNo = n === 0 || r() < 0.015 ? 1 : 1 + Math.floor(r() * 75);
      const group = 1 + (memberNo % 4);
      // A steady 90 requests a day: request n was made n/90 days ago, so growing the table lengthens the history
      // backwards while the recent work — and so the open work — stays the same size. Most requests are answered
      // within a fortnight; a few stay open for good (0.3%).
      const ageDays = n / RATE_PER_DAY;
      const created = new Date(now - ageDays * DAY - Math.floor(r() * 3_600_000));
      const open = n === 0 || (ageDays < 14 ? r() < 0.6 : r() < 0.003);
      const status = open ? OPEN[Math.floor(r() * OPEN.length)]! : CLOSED[Math.floor(r() * CLOSED.length)]!;
      const rid = `benchreq${String(n).padStart(8, "0")}`;
      const creator = other ? "benchmemberx" : `benchmember${memberNo}`;
      const decider = other ? "benchofficerx" : type === "COMPLAINT" ? "benchce1" : `benchdirector${svc}`;
      const allocated =
        !other && type === "INFORMATION" && r() < 0.5 ? `benchofficer${svc}x${1 + Math.floor(r() * 20)}` : null;
      const topic = TOPICS[n % TOPICS.length]!;
      push(req, {
        id: rid,
        councilId: council,
        reference: `${other ? "BOT" : "BEN"}-${String(n).padStart(7, "0")}`,
        type,
        kind,
        status,
        subject: `${topic[0]!.toUpperCase()}${topic.slice(1)} in ward ${1 + (n % 25)}, case ${n}`,
        details: `Please send the latest figures on ${topic} for the ward, with the officer's notes and any complaints received this year. Reference ${n}.`,
        subjectKey: type === "BRIEFING" ? `topic-${n % 40}` : null,
        serviceId: other ? "benchservicex" : `benchservice${svc}`,
        groupId: kind === "GROUP" || kind === "GROUP_BACKGROUND" ? `benchgroup${group}` : null,
        createdById: creator,
        deciderId: decider,
        allocatedToId: allocated,
        dueDate: new Date(created.getTime() + 14 * DAY).toISOString().slice(0, 10),
        data: JSON.stringify(
          type === "INFORMATION" ? { category: "GENERAL", estimatedHours: allocated ? 1 + (n % 6) : null } : {},
        ),
        createdAt: created.toISOString(),
        updatedAt: new Date(created.getTime() + 3 * DAY).toISOString(),
        closedAt: open ? null : new Date(created.getTime() + 9 * DAY).toISOString(),
        version: 3,
      });
      let grants = 0;
      const grant = (g: Record<string, unknown>, level = "FULL") =>
        push(acc, {
          id: `${rid}a${grants++}`,
          councilId: council,
          requestId: rid,
          userId: null,
          groupId: null,
          allMembers: false,
          level,
          ruleId: "BENCH",
          createdAt: created.toISOString(),
          ...g,
        });
      grant({ userId: creator });
      grant({ userId: decider });
      if (allocated) grant({ userId: allocated });
      if (kind === "GROUP" || kind === "GROUP_BACKGROUND") grant({ groupId: `benchgroup${group}` });
      if (type === "BRIEFING" && !other) grant({ userId: "benchmo1" }, "METADATA");
      // A timeline of 3–6 steps (the first request has a long one), a reply when answered, 2–3 notifications.
      const steps = n === 0 ? 120 : 3 + (n % 4);
      for (let e = 0; e < steps; e++)
        push(ev, {
          id: `${rid}e${e}`,
          councilId: council,
          requestId: rid,
          actorId: e % 2 ? decider : creator,
          actorRole: e % 2 ? "CHIEF_OFFICER" : "MEMBER",
          action: e === 0 ? "FILED" : e === steps - 1 && !open ? "GRANT" : "ADD_INFORMATION",
          fromStatus: e === 0 ? null : "SUBMITTED",
          toStatus: e === steps - 1 ? status : "SUBMITTED",
          reasons: e % 3 === 2 ? "Further detail supplied." : null,
          ruleId: e === 0 ? "DEF-A12" : null,
          data: "{}",
          createdAt: new Date(created.getTime() + e * 3_600_000).toISOString(),
        });
      if (!open || n === 0)
        push(msg, {
          id: `${rid}m`,
          councilId: council,
          requestId: rid,
          authorId: decider,
          kind: "REPLY",
          body: `Here is the information about ${topic}.`,
          createdAt: new Date(created.getTime() + 8 * DAY).toISOString(),
        });
      for (const [k, uid] of [
        ["RECEIVED", decider],
        ["FILED", creator],
        ...(open ? [] : [["DECIDED", creator]]),
      ] as [string, string][])
        push(note, {
          id: `${rid}n${k}`,
          councilId: council,
          userId: uid,
          requestId: rid,
          kind: k,
          title: `${k === "RECEIVED" ? "New request" : "Update"}: ${topic}`,
          body: "",
          readAt: n < 400 ? null : created.toISOString(),
          createdAt: created.toISOString(),
          emailStatus: "SENT",
        });
    }
    await client.query("BEGIN");
    await insert(client, "Request", req, {
      type: '"RequestType"',
      dueDate: "date",
      data: "jsonb",
      createdAt: "timestamp",
      updatedAt: "timestamp",
      closedAt: "timestamp",
      version: "int",
    });
    await insert(client, "RequestAccess", acc, {
      level: '"AccessLevel"',
      allMembers: "boolean",
      createdAt: "timestamp",
    });
    await insert(client, "AuditEvent", ev, { data: "jsonb", createdAt: "timestamp" });
    await insert(client, "Message", msg, { createdAt: "timestamp" });
    await insert(client, "Notification", note, { readAt: "timestamp", createdAt: "timestamp" });
    await client.query("COMMIT");
    if ((end / 2500) % 8 === 0 || end === total) log(`  ${end.toLocaleString("en-GB")} requests loaded`);
  }
  await client.query(
    `INSERT INTO "CouncilCounter" ("councilId", name, next) VALUES ($1, 'request', $2) ON CONFLICT ("councilId", name) DO UPDATE SET next = EXCLUDED.next`,
    [people.councilId, total + 1],
  );
}
