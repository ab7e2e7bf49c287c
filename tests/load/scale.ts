// npm run bench:scale — scale-out, proven on this machine (issue 11): a PostgreSQL primary and a streaming replica
// made with Debian's PostgreSQL binaries, two app instances behind a small round-robin proxy, the dashboard and
// CSV exports reading from the replica, and one `npm run worker` for the jobs. It checks that sessions, sign-out,
// the sign-in throttle, reminders and emails behave exactly once across the instances, and measures what two
// instances serve against one. Prints a line per check; exits non-zero if any fails.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { SMTPServer } from "smtp-server";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { sendDueReminders } from "@/lib/notifications/reminders";
import { fileInformationRequest } from "@/lib/requests/information";
import { dispatchEmails } from "@/lib/email/dispatch";
import { mailerFromEnv } from "@/lib/email/mailer";
import { freePort } from "../../scripts/embedded-db";
import { migrate } from "../../scripts/migrate";
import { viewerFor } from "../security/matrix-records";
import { BENCH_PASSWORD, growRequests, seedPeople } from "./seed";

const PG_BIN = process.env.PG_BIN ?? "/usr/lib/postgresql/15/bin";
const seconds = Number(
  process.argv.includes("--seconds") ? process.argv[process.argv.indexOf("--seconds") + 1] : 10,
);
const log = (m: string) => console.log(`[scale] ${m}`);
const checks: { name: string; ok: boolean; detail: string }[] = [];
const check = (name: string, ok: boolean, detail = "") => {
  checks.push({ name, ok, detail });
  log(`${ok ? "PASS" : "FAIL"}  ${name}${detail ? ` — ${detail}` : ""}`);
};
const children: ChildProcess[] = [];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

if (!existsSync(path.join(PG_BIN, "initdb"))) {
  console.error(
    `[scale] Debian's PostgreSQL binaries are needed at ${PG_BIN}: apt-get install -y postgresql (or set PG_BIN).`,
  );
  process.exit(2);
}

// ---- PostgreSQL primary and streaming replica (run as the OS user postgres: initdb refuses root) ----------------------
const root = `/var/tmp/mr-scale-${process.pid}`;
rmSync(root, { recursive: true, force: true });
mkdirSync(root, { recursive: true });
chmodSync(root, 0o777);
const asPostgres = (cmd: string, args: string[]) => {
  const r = spawnSync("runuser", ["-u", "postgres", "--", path.join(PG_BIN, cmd), ...args], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr || r.stdout}`);
  return r.stdout;
};
const primaryPort = await freePort();
const replicaPort = await freePort();
const primaryDir = path.join(root, "primary");
const replicaDir = path.join(root, "replica");
log("starting a PostgreSQL 15 primary and a streaming replica…");
asPostgres("initdb", ["-D", primaryDir, "-A", "trust", "-U", "postgres", "--no-instructions"]);
const settings = [
  "-c listen_addresses=127.0.0.1",
  "-c wal_level=replica",
  "-c max_wal_senders=5",
  "-c hot_standby=on",
  "-c max_connections=200",
  "-c shared_buffers=256MB",
].join(" ");
asPostgres("pg_ctl", [
  "-D",
  primaryDir,
  "-o",
  `-p ${primaryPort} ${settings}`,
  "-l",
  path.join(root, "primary.log"),
  "-w",
  "start",
]);
asPostgres("createdb", ["-h", "127.0.0.1", "-p", String(primaryPort), "-U", "postgres", "app"]);
asPostgres("pg_basebackup", [
  "-h",
  "127.0.0.1",
  "-p",
  String(primaryPort),
  "-U",
  "postgres",
  "-D",
  replicaDir,
  "-R",
  "-X",
  "stream",
]);
asPostgres("pg_ctl", [
  "-D",
  replicaDir,
  "-o",
  `-p ${replicaPort} ${settings}`,
  "-l",
  path.join(root, "replica.log"),
  "-w",
  "start",
]);
const primaryUrl = `postgresql://postgres@127.0.0.1:${primaryPort}/app`;
const replicaUrl = `postgresql://postgres@127.0.0.1:${replicaPort}/app`;
const query = async (url: string, text: string, values: unknown[] = []) => {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(text, values)).rows as Record<string, unknown>[];
  } finally {
    await c.end();
  }
};

async function stopAll() {
  for (const c of children) c.kill("SIGTERM");
  await sleep(800);
  for (const dir of [replicaDir, primaryDir])
    spawnSync("runuser", ["-u", "postgres", "--", path.join(PG_BIN, "pg_ctl"), "-D", dir, "-m", "fast", "stop"]);
  rmSync(root, { recursive: true, force: true });
}

try {
  // ---- data ---------------------------------------------------------------------------------------------------------
  migrate(primaryUrl, () => {});
  process.env.DATABASE_URL = primaryUrl;
  const client = new pg.Client({ connectionString: primaryUrl });
  await client.connect();
  const people = await seedPeople(client, await hashPassword(BENCH_PASSWORD));
  await growRequests(client, people, 20_000, () => {});
  await client.query("VACUUM (ANALYZE)");
  await client.end();
  const inRecovery = await query(replicaUrl, "SELECT pg_is_in_recovery() AS r");
  await sleep(1500);
  const replicated = await query(replicaUrl, `SELECT count(*)::int AS n FROM "Request"`);
  check(
    "the replica streams from the primary",
    inRecovery[0]!.r === true && replicated[0]!.n === 20_000,
    `${replicated[0]!.n} requests on the replica`,
  );

  // ---- a real SMTP server, the worker, two app instances and a proxy -----------------------------------------------
  const received: string[] = [];
  const smtpPort = await freePort();
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, cb) {
      let raw = "";
      stream.on("data", (d: Buffer) => (raw += d.toString("utf8")));
      stream.on("end", () => {
        received.push(raw);
        cb();
      });
    },
  });
  await new Promise<void>((r) => smtp.listen(smtpPort, "127.0.0.1", r));
  const common = {
    ...process.env,
    DATABASE_URL: primaryUrl,
    NEXTAUTH_SECRET: "scale-secret",
    NEXT_TELEMETRY_DISABLED: "1",
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    MAIL_FROM: "Members' Requests <requests@bench.test>",
  };
  const worker = spawn(path.resolve("node_modules/.bin/tsx"), ["--conditions=react-server", "scripts/worker.ts"], {
    env: { ...common, MR_JOBS: "worker" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  children.push(worker);
  const nextBin = path.resolve("node_modules/next/dist/bin/next");
  if (!existsSync(".next/BUILD_ID")) {
    log("building the app…");
    spawnSync(process.execPath, [nextBin, "build"], {
      env: { ...common, MR_BUILD_SKIP_TYPECHECK: "1" },
      stdio: "inherit",
    });
  }
  const proxyPort = await freePort();
  const publicUrl = `http://127.0.0.1:${proxyPort}`;
  const ports = [await freePort(), await freePort()];
  for (const port of ports) {
    const app = spawn(process.execPath, [nextBin, "start", "-p", String(port), "-H", "127.0.0.1"], {
      env: {
        ...common,
        DATABASE_REPLICA_URL: replicaUrl,
        NEXTAUTH_URL: publicUrl,
        MR_JOBS: "off",
        MR_TRUSTED_PROXY_HOPS: "1",
      },
      stdio: ["ignore", "ignore", "inherit"],
    });
    children.push(app);
  }
  for (const port of ports)
    for (let i = 0; ; i++) {
      if (
        await fetch(`http://127.0.0.1:${port}/signin`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      if (i > 300) throw new Error("an app instance did not start");
      await sleep(200);
    }
  // Round robin, and the client's address appended as a load balancer does (MR_TRUSTED_PROXY_HOPS=1).
  let turn = 0;
  const served = [0, 0];
  const proxy = http.createServer((req, res) => {
    const i = turn++ % 2;
    served[i]! += 1;
    const fwd = [req.headers["x-forwarded-for"], req.headers["x-test-client"] ?? req.socket.remoteAddress]
      .filter(Boolean)
      .join(", ");
    const up = http.request(
      {
        host: "127.0.0.1",
        port: ports[i],
        path: req.url,
        method: req.method,
        headers: { ...req.headers, "x-forwarded-for": fwd, "x-served-by": String(i) },
      },
      (r) => {
        res.writeHead(r.statusCode ?? 502, { ...r.headers, "x-served-by": String(i) });
        r.pipe(res);
      },
    );
    up.on("error", () => res.writeHead(502).end());
    req.pipe(up);
  });
  proxy.keepAliveTimeout = 65_000;
  await new Promise<void>((r) => proxy.listen(proxyPort, "127.0.0.1", r));
  log(
    `primary :${primaryPort}, replica :${replicaPort}, instances :${ports.join(" and :")}, proxy ${publicUrl}, worker running`,
  );

  // ---- sessions: one sign-in works on both instances; signing out on one ends it on the other ----------------------
  const jar = new Map<string, string>();
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [kv] = c.split(";");
      const [k, ...v] = kv!.split("=");
      if (v.join("=") === "") jar.delete(k!);
      else jar.set(k!, v.join("="));
    }
  };
  const signIn = async (email: string, password: string, client = "198.51.100.7") => {
    const csrf = await fetch(`${publicUrl}/api/auth/csrf`, {
      headers: { cookie: cookie(), "x-test-client": client },
    });
    keep(csrf);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const res = await fetch(`${publicUrl}/api/auth/callback/credentials`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie(), "x-test-client": client },
      body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
      redirect: "manual",
    });
    keep(res);
    const body = (await res.json().catch(() => ({}))) as { url?: string };
    return new URL(body.url ?? publicUrl).searchParams.get("error");
  };
  const signedInOn = async (port: number) =>
    (
      await (
        await fetch(`http://127.0.0.1:${port}/`, { headers: { cookie: cookie() }, redirect: "manual" })
      ).text()
    ).includes("signed-in-name");
  await signIn(people.director, BENCH_PASSWORD);
  const both = (await Promise.all(ports.map(signedInOn))).every(Boolean);
  check("a session made through one instance works on both (no sticky sessions)", both);
  const csrf = (await (await fetch(`${publicUrl}/api/auth/csrf`, { headers: { cookie: cookie() } })).json()) as {
    csrfToken: string;
  };
  const out = await fetch(`http://127.0.0.1:${ports[0]}/api/auth/signout`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie() },
    body: new URLSearchParams({ csrfToken: csrf.csrfToken, json: "true" }),
    redirect: "manual",
  });
  const copied = cookie();
  keep(out);
  const stillOnOther = (
    await (
      await fetch(`http://127.0.0.1:${ports[1]}/`, { headers: { cookie: copied }, redirect: "manual" })
    ).text()
  ).includes("signed-in-name");
  check("signing out on one instance ends the session on the other", !stillOnOther);

  // ---- the throttle: attempts through both instances count once, together ------------------------------------------
  jar.clear();
  const answers: (string | null)[] = [];
  for (let i = 0; i < 6; i++)
    answers.push(await signIn(people.member, i < 5 ? `wrong-${i}` : BENCH_PASSWORD, "203.0.113.9"));
  const lockedAtFifth = answers[4]?.startsWith("LOCKED") ?? false;
  const rightRefused = answers[5]?.startsWith("LOCKED") ?? false;
  check(
    "the sign-in throttle counts attempts across instances (5th wrong locks; the right one then waits)",
    lockedAtFifth && rightRefused,
    answers.join(", "),
  );
  jar.clear();
  const otherClient = await signIn(people.member, BENCH_PASSWORD, "192.0.2.44");
  check("…while the owner at another address still signs in", otherClient === null);

  // ---- emails: every notification sent exactly once, with the worker and two extra senders racing ------------------
  const member = await viewerFor(people.member);
  const subjects: string[] = [];
  for (let i = 0; i < 20; i++) {
    const subject = `Scale check ${process.pid} ${i}`;
    subjects.push(subject);
    await fileInformationRequest(
      member,
      {
        kind: "INFORMATION",
        subject,
        details: "Checking email delivery.",
        serviceId: people.serviceIds[0]!,
        category: "GENERAL",
        thirdPartyData: false,
        councilRoleDeclared: true,
        concernsAnotherMember: false,
        concernedMemberIds: [],
        sharingAgreed: false,
        needToKnowGrounds: "",
        classification: "GENERAL_ENQUIRY",
      },
      { now: new Date() },
    );
  }
  const mailer = mailerFromEnv({ SMTP_URL: common.SMTP_URL, MAIL_FROM: common.MAIL_FROM });
  await Promise.all([dispatchEmails(mailer, new Date()), dispatchEmails(mailer, new Date())]);
  const expected = Number(
    (
      await query(
        primaryUrl,
        `SELECT count(*)::int AS n FROM "Notification" n JOIN "Request" r ON r.id = n."requestId" WHERE r.subject LIKE $1`,
        [`Scale check ${process.pid} %`],
      )
    )[0]!.n,
  );
  for (let i = 0; i < 120; i++) {
    const pending = Number(
      (
        await query(
          primaryUrl,
          `SELECT count(*)::int AS n FROM "Notification" WHERE "emailStatus" IN ('PENDING','SENDING')`,
        )
      )[0]!.n,
    );
    if (pending === 0) break;
    await sleep(1000);
  }
  // The bench data's own notifications were loaded as already sent: every email received is one of these.
  await sleep(1500);
  const delivered = received.length;
  check(
    "each notification email is sent exactly once (worker and two senders racing)",
    delivered === expected && expected > 0,
    `${delivered} emails for ${expected} notifications`,
  );

  // ---- reminders: three runners at once, one reminder per request, person and day ---------------------------------
  const later = new Date(Date.now() + 12 * 86_400_000);
  const counts = await Promise.all([
    sendDueReminders(later, { councilId: people.councilId }),
    sendDueReminders(later, { councilId: people.councilId }),
    sendDueReminders(later, { councilId: people.councilId }),
  ]);
  const dupes = Number(
    (
      await query(
        primaryUrl,
        `SELECT count(*)::int AS n FROM (SELECT "requestId", "userId", kind, count(*) FROM "Notification" WHERE kind IN ('DUE_SOON','OVERDUE') GROUP BY 1,2,3 HAVING count(*) > 1) d`,
      )
    )[0]!.n,
  );
  check(
    "reminders are written once however many runners race",
    dupes === 0 && counts.reduce((a, b) => a + b, 0) > 0,
    `${counts.join(" + ")} written, ${dupes} duplicates`,
  );

  // ---- reads: the dashboard and exports go to the replica --------------------------------------------------------
  jar.clear();
  await signIn(people.director, BENCH_PASSWORD, "198.51.100.8");
  const before = Number(
    (await query(replicaUrl, `SELECT xact_commit::bigint AS n FROM pg_stat_database WHERE datname = 'app'`))[0]!.n,
  );
  for (let i = 0; i < 10; i++) {
    await fetch(`${publicUrl}/dashboard`, { headers: { cookie: cookie() } }).then((r) => r.text());
    await fetch(`${publicUrl}/queue/export?status=all`, { headers: { cookie: cookie() } }).then((r) => r.text());
  }
  await sleep(600);
  const after = Number(
    (await query(replicaUrl, `SELECT xact_commit::bigint AS n FROM pg_stat_database WHERE datname = 'app'`))[0]!.n,
  );
  check(
    "the dashboard and CSV exports read from the replica",
    after - before >= 20,
    `${after - before} transactions on the replica for 20 page views`,
  );

  // ---- throughput: one instance against two --------------------------------------------------------------------------
  const drive = async (url: string) =>
    new Promise<number>((resolve, reject) => {
      autocannon({ url, connections: 10, duration: seconds, headers: { cookie: cookie() } }, (err, res) =>
        err ? reject(err) : resolve(res.requests.average),
      );
    });
  const one = await drive(`http://127.0.0.1:${ports[0]}/queue`);
  const two = await drive(`${publicUrl}/queue`);
  log(
    `throughput of the queue page, 10 connections, ${seconds} s: one instance ${one.toFixed(1)} req/s, two instances behind the proxy ${two.toFixed(1)} req/s (×${(two / Math.max(one, 0.1)).toFixed(2)}); proxy split ${served.join("/")}`,
  );
  log(
    "on this 2-core machine both instances, the proxy, PostgreSQL and the load generator share the same cores: the gain shows the app scales out, not the ceiling of a real deployment.",
  );
  smtp.close();
  proxy.close();
  void db;
  writeFileSync("bench-results/scale.json", JSON.stringify({ checks, throughput: { one, two } }, null, 2));
} catch (e) {
  console.error(e);
  checks.push({ name: "the scale-out run finished", ok: false, detail: String(e) });
} finally {
  await stopAll();
}
const failed = checks.filter((c) => !c.ok);
log(failed.length ? `${failed.length} check(s) failed` : `all ${checks.length} checks passed`);
process.exit(failed.length ? 1 : 0);
