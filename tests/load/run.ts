// npm run bench [-- --sizes 1000,100000 --seconds 10 --soak 300 --smoke]
// The benchmark (issue 11), a script, not a test: loads a council with 1,000 and then 100,000 requests on a
// throwaway embedded PostgreSQL, starts the production build, signs in real sessions and drives each page over HTTP
// on 127.0.0.1 with autocannon (10 connections, bounded runs). Beside each page: the SQL statements it issues
// (counted from PostgreSQL's own statement log) and the same statements replayed as plain SQL through pg.
// Prints one table and writes bench-results/latest.json. `--smoke` (CI): 1,000 requests, 2 s a page, no soak.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { hashPassword } from "@/lib/auth/password";
import { freePort, startEmbeddedDb, tempDataDir } from "../../scripts/embedded-db";
import { migrate } from "../../scripts/migrate";
import { BENCH_PASSWORD, growRequests, seedPeople, type BenchPeople } from "./seed";

const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const smoke = args.includes("--smoke");
const sizes = (smoke ? "1000" : arg("sizes", "1000,100000")).split(",").map(Number);
const seconds = Number(smoke ? "2" : arg("seconds", "10"));
const soakSeconds = Number(smoke ? "0" : arg("soak", "300"));
const connections = 10;
const log = (m: string) => console.log(`[bench] ${m}`);

type Page = {
  name: string;
  persona: "member" | "director" | "chiefExecutive" | "admin";
  url: () => string;
  floor?: boolean;
};
type Result = {
  name: string;
  size: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  bytes: number;
  sqlStatements: number;
  plainSqlMs: number;
  singleMs: number;
  p95OverFloor: number | null;
  growth: number | null;
  overSql: number | null;
};

// ---- PostgreSQL with its statement log captured -------------------------------------------------------------------
let logBuffer = "";
// --data DIR keeps the database between runs (loading 100,000 requests takes minutes); a new one otherwise.
const dataDir = arg("data", "") ? path.resolve(arg("data", ""), "pg") : tempDataDir("mr-bench-");
const explain = args.includes("--explain");
const dbPort = await freePort();
const database = await startEmbeddedDb({
  dataDir,
  port: dbPort,
  onLog: (line) => {
    logBuffer += line.endsWith("\n") ? line : `${line}\n`;
    if (logBuffer.length > 20_000_000) logBuffer = logBuffer.slice(-10_000_000);
  },
  flags: ["-c", "shared_buffers=512MB", "-c", "work_mem=16MB", "-c", "log_line_prefix=@@ "],
});
await database.createDatabase("bench").catch(() => {
  /* kept from an earlier run */
});
const url = database.url("bench");
migrate(url, () => {});
const admin = new pg.Client({ connectionString: url });
await admin.connect();

async function captureStatements(
  run: () => Promise<void>,
): Promise<{ count: number; statements: { sql: string; params: (string | null)[] }[] }> {
  await admin.query(`ALTER SYSTEM SET log_min_duration_statement = 0`);
  await admin.query(`SELECT pg_reload_conf()`);
  await new Promise((r) => setTimeout(r, 300));
  logBuffer = "";
  await run();
  await new Promise((r) => setTimeout(r, 400));
  const text = logBuffer;
  await admin.query(`ALTER SYSTEM RESET log_min_duration_statement`);
  await admin.query(`SELECT pg_reload_conf()`);
  // Each entry begins with the prefix "@@ ". An executed statement: "duration: … execute <name>: SQL" (extended
  // protocol) or "duration: … statement: SQL" (simple); its parameters follow in a DETAIL entry.
  const entries = text.split(/^@@ /m);
  const statements: { sql: string; params: (string | null)[] }[] = [];
  for (let i = 0; i < entries.length; i++) {
    const m = /LOG:\s+duration: [\d.]+ ms\s+(?:execute [^:]*|statement): ([\s\S]*)$/.exec(entries[i]!.trim());
    if (!m) continue;
    const sql = m[1]!.trim();
    if (/pg_reload_conf|ALTER SYSTEM/.test(sql)) continue;
    const detail = entries[i + 1]?.startsWith("DETAIL:") ? entries[i + 1]! : "";
    const params = [...detail.matchAll(/\$\d+ = (NULL|'((?:[^']|'')*)')/g)].map((p) =>
      p[1] === "NULL" ? null : p[2]!.replace(/''/g, "'"),
    );
    statements.push({ sql, params });
  }
  return { count: statements.length, statements };
}

async function replay(statements: { sql: string; params: (string | null)[] }[]): Promise<number> {
  const runs: number[] = [];
  for (let k = 0; k < 5; k++) {
    const t = performance.now();
    for (const s of statements) await admin.query(s.sql, s.params).catch(() => {});
    runs.push(performance.now() - t);
  }
  runs.sort((a, b) => a - b);
  return runs[2]!;
}

const plans: string[] = [];
/** EXPLAIN (ANALYZE, BUFFERS) of the page's statements that take over 2 ms (--explain), for docs/performance.md. */
async function explainStatements(
  page: string,
  size: number,
  statements: { sql: string; params: (string | null)[] }[],
) {
  for (const s of statements) {
    const t = performance.now();
    await admin.query(s.sql, s.params).catch(() => {});
    const ms = performance.now() - t;
    if (ms < 2 || !/^\s*(SELECT|WITH)/i.test(s.sql)) continue;
    const plan = await admin
      .query(`EXPLAIN (ANALYZE, BUFFERS) ${s.sql}`, s.params)
      .catch((e: Error) => ({ rows: [{ "QUERY PLAN": e.message }] }));
    plans.push(
      `## ${page} at ${size.toLocaleString("en-GB")} requests — ${ms.toFixed(1)} ms\n\n\`\`\`sql\n${s.sql.slice(0, 4000)}\n\`\`\`\n\n\`\`\`\n${(plan.rows as Record<string, string>[]).map((r) => r["QUERY PLAN"]).join("\n")}\n\`\`\`\n`,
    );
  }
}

// ---- the app --------------------------------------------------------------------------------------------------------
const nextBin = path.resolve("node_modules/next/dist/bin/next");
if (!(process.env.BENCH_SKIP_BUILD === "1" && existsSync(".next/BUILD_ID"))) {
  log("building the app (production)…");
  const b = spawnSync(process.execPath, [nextBin, "build"], {
    env: { ...process.env, MR_BUILD_SKIP_TYPECHECK: "1", NEXT_TELEMETRY_DISABLED: "1", DATABASE_URL: url },
    stdio: "inherit",
  });
  if (b.status !== 0) throw new Error("next build failed");
}
const appPort = await freePort();
const base = `http://127.0.0.1:${appPort}`;
let app = null as ChildProcess | null;
async function startApp() {
  app = spawn(process.execPath, [nextBin, "start", "-p", String(appPort), "-H", "127.0.0.1"], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      NEXTAUTH_URL: base,
      NEXTAUTH_SECRET: "bench",
      MR_JOBS: "none",
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_ENV: "production",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/signin`)).ok) return;
    } catch {
      /* not yet */
    }
    if (i > 300) throw new Error("the app did not start");
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function signIn(email: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [kv] = c.split(";");
      const [k, ...v] = kv!.split("=");
      jar.set(k!, v.join("="));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrf = await fetch(`${base}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie() },
    body: new URLSearchParams({ csrfToken, email, password: BENCH_PASSWORD, json: "true" }),
    redirect: "manual",
  });
  keep(res);
  const check = await fetch(`${base}/`, { headers: { cookie: cookie() } });
  if (!(await check.text()).includes("signed-in-name")) throw new Error(`sign-in failed for ${email}`);
  return cookie();
}

// ---- memory ---------------------------------------------------------------------------------------------------------
/** Memory of the matching processes: proportional set size (shared pages such as PostgreSQL's buffers counted once
 * across processes, not once per backend). */
function rssMb(match: (cmd: string, pid: number) => boolean): number {
  const ps = spawnSync("ps", ["-eo", "pid=,args="], { encoding: "utf8" }).stdout.split("\n");
  let kb = 0;
  for (const line of ps) {
    const m = /^\s*(\d+)\s+(.*)$/.exec(line);
    if (!m || !match(m[2]!, Number(m[1]))) continue;
    try {
      kb += Number(/^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${m[1]}/smaps_rollup`, "utf8"))?.[1] ?? 0);
    } catch {
      /* the process ended */
    }
  }
  return Math.round(kb / 1024);
}
const appRss = () => {
  const pid = app?.pid ?? -1;
  const tree = new Set([pid]);
  const ps = spawnSync("ps", ["-eo", "pid=,ppid="], { encoding: "utf8" }).stdout.split("\n");
  for (let pass = 0; pass < 3; pass++)
    for (const l of ps) {
      const [p, pp] = l.trim().split(/\s+/).map(Number);
      if (p && pp && tree.has(pp)) tree.add(p);
    }
  return rssMb((_, p) => tree.has(p));
};
const dbRss = () =>
  rssMb(
    (cmd) =>
      (/postgres/.test(cmd) && cmd.includes(dataDir.split("/").slice(-2, -1)[0]!)) || /^postgres: /.test(cmd),
  );
const peak = { app: 0, db: 0 };
const sampler = setInterval(() => {
  peak.app = Math.max(peak.app, appRss());
  peak.db = Math.max(peak.db, dbRss());
}, 1000);

// ---- load -----------------------------------------------------------------------------------------------------------
function percentile(sorted: number[], p: number) {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function drive(urlPath: string, cookie: string, duration: number) {
  const latencies: number[] = [];
  let errors = 0;
  let bytes = 0;
  let done: (r: autocannon.Result) => void = () => {};
  const finished = new Promise<autocannon.Result>((resolve) => (done = resolve));
  const instance = autocannon(
    { url: `${base}${urlPath}`, connections, duration, headers: { cookie }, timeout: 30 },
    (err, res) => {
      if (err) throw err;
      done(res);
    },
  );
  instance.on("response", (_client: unknown, status: number, resBytes: number, responseTime: number) => {
    latencies.push(responseTime);
    bytes += resBytes;
    if (status >= 400) errors += 1;
  });
  const result = await finished;
  errors += result.errors + result.timeouts;
  latencies.sort((a, b) => a - b);
  return {
    rps: Math.round((latencies.length / duration) * 10) / 10,
    p50: Math.round(percentile(latencies, 50) * 10) / 10,
    p95: Math.round(percentile(latencies, 95) * 10) / 10,
    p99: Math.round(percentile(latencies, 99) * 10) / 10,
    errors,
    bytes: latencies.length ? Math.round(bytes / latencies.length) : 0,
  };
}

let people: BenchPeople;
let deepCursor = "";
const pages: Page[] = [
  { name: "floor (signed-in, trivial)", persona: "member", url: () => "/account", floor: true },
  { name: "member's home", persona: "member", url: () => "/" },
  { name: "your requests", persona: "member", url: () => "/requests" },
  { name: "search", persona: "member", url: () => "/requests?q=lighting" },
  { name: "queue, first page", persona: "director", url: () => "/queue" },
  {
    name: "queue, filtered",
    persona: "director",
    url: () => "/queue?due=overdue&assignee=unassigned&type=INFORMATION",
  },
  { name: "queue, deep keyset page", persona: "director", url: () => `/queue?after=${deepCursor}` },
  { name: "request page, long timeline", persona: "director", url: () => `/requests/${people.longRequestId}` },
  { name: "dashboard (Chief Executive)", persona: "chiefExecutive", url: () => "/dashboard" },
  { name: "CSV export (queue, all)", persona: "director", url: () => "/queue/export?status=all&sort=newest" },
  // Section E (issue 14): the lists of reports, correspondence and the register, and the meetings page.
  { name: "reports list (Director)", persona: "director", url: () => "/reports" },
  { name: "correspondence list", persona: "member", url: () => "/correspondence" },
  { name: "register list", persona: "member", url: () => "/register" },
  { name: "meetings", persona: "member", url: () => "/meetings" },
  // Issue 15: the administration pages and the council's protocol as enforced.
  { name: "people (administrator)", persona: "admin", url: () => "/admin/users" },
  {
    name: "a busy Director's page (administrator)",
    persona: "admin",
    url: () => `/admin/users/${people.busyPersonId}`,
  },
  { name: "administrative log (20,000 entries)", persona: "admin", url: () => "/admin/log" },
  { name: "administrative log, filtered", persona: "admin", url: () => "/admin/log?entity=MEETING&page=40" },
  { name: "organisation", persona: "admin", url: () => "/admin/organisation" },
  { name: "protocol settings", persona: "admin", url: () => "/admin/settings" },
  { name: "how requests work here", persona: "member", url: () => "/how-requests-work" },
];

const results: Result[] = [];
const client = new pg.Client({ connectionString: url });
await client.connect();
try {
  people = await seedPeople(client, await hashPassword(BENCH_PASSWORD));
  await startApp();
  for (const size of sizes) {
    const t0 = Date.now();
    const have = Number(
      (await client.query(`SELECT count(*)::int AS n FROM "Request" WHERE id LIKE 'benchreq%'`)).rows[0].n,
    );
    if (have > size)
      throw new Error(`the kept database (--data) already holds ${have} requests: more than ${size}`);
    log(`loading ${size.toLocaleString("en-GB")} requests…`);
    await growRequests(client, people, size, log);
    // Settle the new rows (visibility map, statistics) so autovacuum does not run during the measurements.
    await client.query("VACUUM (ANALYZE)");
    log(`loaded in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    const cookies = {
      member: await signIn(people.member),
      director: await signIn(people.director),
      chiefExecutive: await signIn(people.chiefExecutive),
      admin: await signIn(people.admin),
    };
    // A deep keyset page: follow "Next page" 20 times.
    deepCursor = "";
    for (let i = 0; i < 20; i++) {
      const html = await (
        await fetch(`${base}/queue${deepCursor ? `?after=${deepCursor}` : ""}`, {
          headers: { cookie: cookies.director },
        })
      ).text();
      const next = /href="\/queue\?after=([A-Za-z0-9_-]+)"/.exec(html);
      if (!next) break;
      deepCursor = next[1]!;
    }
    let floorP95 = 0;
    for (const p of pages) {
      const target = p.url();
      const cookie = cookies[p.persona];
      for (let w = 0; w < 3; w++)
        await fetch(`${base}${target}`, { headers: { cookie } }).then((r) => r.arrayBuffer());
      const captured = await captureStatements(async () => {
        await fetch(`${base}${target}`, { headers: { cookie } }).then((r) => r.arrayBuffer());
      });
      const plainSqlMs = Math.round((await replay(captured.statements)) * 10) / 10;
      if (explain && size === sizes.at(-1)) await explainStatements(p.name, size, captured.statements);
      // One request at a time: what the page costs beside its own SQL, without queueing behind others.
      const alone: number[] = [];
      for (let k = 0; k < 15; k++) {
        const t = performance.now();
        await fetch(`${base}${target}`, { headers: { cookie } }).then((r) => r.arrayBuffer());
        alone.push(performance.now() - t);
      }
      alone.sort((a, b) => a - b);
      const singleMs = Math.round(alone[7]! * 10) / 10;
      const load = await drive(target, cookie, seconds);
      if (p.floor) floorP95 = load.p95;
      const earlier = results.find((r) => r.name === p.name && r.size === sizes[0] && size !== sizes[0]);
      const r: Result = {
        name: p.name,
        size,
        ...load,
        sqlStatements: captured.count,
        plainSqlMs,
        p95OverFloor: floorP95 ? Math.round((load.p95 / floorP95) * 100) / 100 : null,
        growth: earlier ? Math.round((load.p95 / Math.max(earlier.p95, 0.1)) * 100) / 100 : null,
        singleMs,
        overSql: plainSqlMs > 0 ? Math.round((singleMs / plainSqlMs) * 100) / 100 : null,
      };
      results.push(r);
      log(
        `${p.name.padEnd(34)} ${String(size).padStart(7)}  p95 ${r.p95} ms, ${r.rps} req/s, ${r.sqlStatements} statements, errors ${r.errors}`,
      );
    }
  }

  // Soak: the pages in turn under load for the given time, memory sampled, to show it stays flat.
  const soak: { at: number; appMb: number; dbMb: number }[] = [];
  if (soakSeconds > 0) {
    log(`soak: ${soakSeconds} s of mixed pages at ${sizes.at(-1)!.toLocaleString("en-GB")} requests…`);
    const cookies = {
      member: await signIn(people.member),
      director: await signIn(people.director),
      chiefExecutive: await signIn(people.chiefExecutive),
      admin: await signIn(people.admin),
    };
    const start = Date.now();
    for (let i = 0; Date.now() - start < soakSeconds * 1000; i++) {
      const p = pages[i % (pages.length - 1)]!;
      await drive(p.url(), cookies[p.persona], 5);
      if (i % 2 === 0) soak.push({ at: Math.round((Date.now() - start) / 1000), appMb: appRss(), dbMb: dbRss() });
    }
  }

  // ---- report -------------------------------------------------------------------------------------------------------
  const head = [
    "page",
    "size",
    "req/s",
    "p50",
    "p95",
    "p99",
    "err",
    "KB",
    "SQL",
    "alone",
    "SQL ms",
    "p95/floor",
    "growth",
    "app/SQL",
  ];
  const rows = results.map((r) =>
    [
      r.name,
      r.size.toLocaleString("en-GB"),
      r.rps,
      r.p50,
      r.p95,
      r.p99,
      r.errors,
      Math.round(r.bytes / 1024),
      r.sqlStatements,
      r.singleMs,
      r.plainSqlMs,
      r.p95OverFloor ?? "",
      r.growth ?? "",
      r.overSql ?? "",
    ].map(String),
  );
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  console.log(`\n${line(head)}\n${widths.map((w) => "-".repeat(w)).join("  ")}`);
  for (const r of rows) console.log(line(r));
  console.log(
    `\nLatencies in ms over HTTP, ${connections} connections, ${seconds} s a page. SQL: statements per page view;`,
  );
  console.log(
    "alone: the page's median time one request at a time; SQL ms: its statements replayed as plain SQL through pg;",
  );
  console.log("app/SQL: alone ÷ SQL ms — what the app adds to its own queries.");
  console.log(`Peak RSS: app ${peak.app} MB, PostgreSQL ${peak.db} MB.`);
  if (soak.length)
    console.log(
      `Soak: app RSS ${soak[0]!.appMb} → ${soak.at(-1)!.appMb} MB (peak ${Math.max(...soak.map((s) => s.appMb))}), PostgreSQL ${soak[0]!.dbMb} → ${soak.at(-1)!.dbMb} MB over ${soak.at(-1)!.at} s.`,
    );
  mkdirSync("bench-results", { recursive: true });
  writeFileSync(
    "bench-results/latest.json",
    JSON.stringify(
      {
        at: new Date().toISOString(),
        connections,
        seconds,
        sizes,
        peakRssMb: peak,
        soak,
        pages: results.map((r) => ({
          name: r.name,
          size: r.size,
          rps: r.rps,
          p50: r.p50,
          p95: r.p95,
          p99: r.p99,
          errors: r.errors,
          bytes: r.bytes,
          sqlStatements: r.sqlStatements,
          plainSqlMs: r.plainSqlMs,
          singleMs: r.singleMs,
          p95OverFloor: r.p95OverFloor,
          growth: r.growth,
          overSql: r.overSql,
        })),
      },
      null,
      2,
    ),
  );
  log("wrote bench-results/latest.json");
  if (plans.length) {
    writeFileSync("bench-results/explain.md", `# Query plans (npm run bench -- --explain)\n\n${plans.join("\n")}`);
    log("wrote bench-results/explain.md");
  }
  // The smoke run (CI) checks the run, not the timings: every page answered without errors, and the JSON is whole.
  const written = JSON.parse(readFileSync("bench-results/latest.json", "utf8")) as {
    pages: Record<string, unknown>[];
  };
  const keys = [
    "name",
    "size",
    "rps",
    "p50",
    "p95",
    "p99",
    "errors",
    "sqlStatements",
    "p95OverFloor",
    "growth",
    "overSql",
  ];
  const whole = written.pages.length === results.length && written.pages.every((p) => keys.every((k) => k in p));
  if (!whole) {
    console.error("[bench] bench-results/latest.json is missing pages or keys");
    process.exitCode = 1;
  }
  const errors = results.reduce((n, r) => n + r.errors, 0);
  if (errors) {
    console.error(`[bench] ${errors} errors`);
    process.exitCode = 1;
  }
} finally {
  clearInterval(sampler);
  app?.kill("SIGTERM");
  await client.end();
  await admin.end();
  await new Promise((r) => setTimeout(r, 500));
  await database.stop();
}
