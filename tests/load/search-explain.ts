// npx tsx --conditions=react-server tests/load/search-explain.ts [--size 100000] [--data DIR]
// Search across everything at scale (issue 13 point 6), a script, not a test: loads the benchmark's council
// (tests/load/seed.ts) with `--size` requests on a throwaway embedded PostgreSQL — plus a file on one request in ten
// and an internal note on one in ten — then, for a member, a Director, the Chief Executive and the Monitoring
// Officer, times searchEverything (median of 5, warm) on common, rare, multi-word, reference and missing words, and
// explains its one statement (EXPLAIN ANALYZE, BUFFERS). Prints a table; writes the plans to
// bench-results/search-explain.md. `--data DIR` keeps the database between runs.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { hashPassword } from "@/lib/auth/password";
import { freePort, startEmbeddedDb, tempDataDir } from "../../scripts/embedded-db";
import { migrate } from "../../scripts/migrate";
import { BENCH_PASSWORD, growRequests, seedPeople } from "./seed";

const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const size = Number(arg("size", "100000"));
const log = (m: string) => console.log(`[search] ${m}`);
const dataDir = arg("data", "") ? path.resolve(arg("data", ""), "pg") : tempDataDir("mr-search-");
const database = await startEmbeddedDb({
  dataDir,
  port: await freePort(),
  flags: ["-c", "shared_buffers=512MB", "-c", "work_mem=16MB"],
});
await database.createDatabase("bench").catch(() => {
  /* kept from an earlier run */
});
const url = database.url("bench");
migrate(url, () => {});
process.env.DATABASE_URL = url;

const client = new pg.Client({ connectionString: url });
await client.connect();
try {
  const people = await seedPeople(client, await hashPassword(BENCH_PASSWORD));
  const t0 = Date.now();
  log(`loading ${size.toLocaleString("en-GB")} requests…`);
  await growRequests(client, people, size, log);
  // Files and internal notes, which the benchmark's seed does not write: one request in ten each.
  await client.query(`INSERT INTO "Attachment" (id, "councilId", "requestId", filename, "contentType", size, data, "uploadedById")
    SELECT r.id || 'f', r."councilId", r.id,
      replace(lower(split_part(r.subject, ',', 1)), ' ', '_') || '-figures-' || right(r.reference, 5) || '.pdf',
      'application/pdf', 9, '\\x255044462d312e340a'::bytea, r."createdById"
    FROM "Request" r WHERE r.id LIKE 'benchreq%' AND right(r.id, 1) = '3' ON CONFLICT (id) DO NOTHING`);
  await client.query(`INSERT INTO "Message" (id, "councilId", "requestId", "authorId", kind, body, "createdAt")
    SELECT r.id || 'n', r."councilId", r.id, r."allocatedToId", 'INTERNAL_NOTE',
      'Checked the contractor schedule for ' || lower(split_part(r.subject, ',', 1)) || ': resurfacing is booked.',
      r."createdAt" + interval '2 days'
    FROM "Request" r WHERE r.id LIKE 'benchreq%' AND r."allocatedToId" IS NOT NULL AND right(r.id, 1) = '7'
    ON CONFLICT (id) DO NOTHING`);
  await client.query("VACUUM (ANALYZE)");
  const counts = (
    await client.query(`SELECT (SELECT count(*) FROM "Request")::int AS requests, (SELECT count(*) FROM "Message")::int
      AS messages, (SELECT count(*) FROM "Attachment")::int AS files, (SELECT count(*) FROM "RequestAccess")::int AS grants`)
  ).rows[0] as Record<string, number>;
  log(`loaded in ${((Date.now() - t0) / 1000).toFixed(0)} s: ${JSON.stringify(counts)}`);

  // lib/ reads DATABASE_URL when first used: imported only now.
  const { loadViewer } = await import("@/lib/auth/viewer");
  const { db } = await import("@/lib/db");
  const { Prisma } = await import("@/lib/generated/prisma/client");
  const { mayBeReference, searchEverything, searchStatement } = await import("@/lib/requests/search");
  const viewerOf = async (uid: string) => (await loadViewer(uid, 1))!;
  const personas = {
    member: await viewerOf("benchmember1"),
    director: await viewerOf("benchdirector1"),
    "Chief Executive": await viewerOf("benchce1"),
    "Monitoring Officer": await viewerOf("benchmo1"),
  };
  const searches = [
    "lighting", // one request in twelve: subject, details, reply, notes, file names
    "ward", // every request's details
    "street lighting ward 7",
    "case 4242", // one request's subject (the number is rare, the word common)
    "information", // every reply
    "resurfacing", // internal notes (staff working on the request only) and one topic in twelve
    "figures pdf", // file names
    "BEN-00012", // part of a reference
    "zebracrossing", // nothing
  ];
  const lines = [
    `# Search across everything at ${size.toLocaleString("en-GB")} requests`,
    "",
    `${JSON.stringify(counts)}; ${new Date().toISOString()}`,
    "",
  ];
  const table: string[] = [
    "| viewer | search | results | median ms (5, warm) | SQL ms (EXPLAIN ANALYZE) | GIN index scans |",
    "| --- | --- | ---: | ---: | ---: | --- |",
  ];
  for (const [who, viewer] of Object.entries(personas)) {
    for (const q of searches) {
      const times: number[] = [];
      let total = 0;
      for (let i = 0; i < 6; i++) {
        const t = performance.now();
        const r = await searchEverything(viewer, q, 1);
        if (i > 0) times.push(performance.now() - t);
        total = r.kind === "results" ? r.total : -1;
      }
      times.sort((a, b) => a - b);
      const [tree] = await db().$queryRaw<{ words: boolean }[]>`
        SELECT querytree(websearch_to_tsquery('english', ${q})) NOT IN ('', 'T') AS words`;
      const stmt = searchStatement(viewer, q, 1, { words: !!tree?.words, reference: mayBeReference(q) });
      const plan = (
        await db().$queryRaw<{ "QUERY PLAN": string }[]>(Prisma.sql`EXPLAIN (ANALYZE, BUFFERS) ${stmt}`)
      ).map((l) => l["QUERY PLAN"]);
      const exec = plan.find((l) => l.startsWith("Execution Time"))?.match(/[\d.]+/)?.[0] ?? "?";
      const gin =
        [...new Set(plan.flatMap((l) => l.match(/\w+_(search|subject|text)_idx/g) ?? []))].join(", ") || "none";
      table.push(`| ${who} | ${q} | ${total} | ${times[2]!.toFixed(1)} | ${exec} | ${gin} |`);
      lines.push(`## ${who}: “${q}”`, "", "```", ...plan, "```", "");
    }
  }
  console.log(table.join("\n"));
  mkdirSync("bench-results", { recursive: true });
  writeFileSync(
    "bench-results/search-explain.md",
    [...lines.slice(0, 4), ...table, "", ...lines.slice(4)].join("\n"),
  );
  log("plans written to bench-results/search-explain.md");
  await db().$disconnect();
} finally {
  await client.end();
  await database.stop();
  if (!arg("data", "")) rmSync(path.dirname(dataDir), { recursive: true, force: true });
}
