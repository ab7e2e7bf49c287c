// Faults (issue 10): PostgreSQL restarts under a running app, which recovers by itself and loses nothing that was
// committed; and a process killed in the middle of writing leaves no partial record. The app here is a second
// `next start` of the same build, on a PostgreSQL of its own, so the rest of the suite is undisturbed.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { request as playwrightRequest } from "@playwright/test";
import { createPrismaClient } from "@/lib/db-client";
import { DEMO_PASSWORD } from "../../prisma/demo-data";
import { seedDemo } from "../../prisma/seed";
import { freePort, startEmbeddedDb, tempDataDir, type EmbeddedDb } from "../../scripts/embedded-db";
import { migrate } from "../../scripts/migrate";
import { recordSecurityFigures } from "../support/security-figures";
import { expect, test } from "./fixtures";

const MEMBER = "patricia.lunt@wigan.example";

async function until<T>(what: string, fn: () => Promise<T | null>, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn().catch(() => null);
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

test("faults: the app survives a PostgreSQL restart without losing committed data, and a killed writer leaves no partial record", async () => {
  test.setTimeout(240_000);
  const dataDir = tempDataDir("mr-faults-");
  const port = await freePort();
  let db: EmbeddedDb = await startEmbeddedDb({ dataDir, port });
  await db.createDatabase("app");
  const url = db.url("app");
  migrate(url, () => {});
  const prisma = createPrismaClient(url);
  await seedDemo(prisma, () => {});
  await prisma.$disconnect();
  const sql = async (q: string) => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      return (await c.query(q)).rows as Record<string, string>[];
    } finally {
      await c.end();
    }
  };

  const appPort = await freePort();
  const baseURL = `http://127.0.0.1:${appPort}`;
  const app: ChildProcess = spawn(
    process.execPath,
    [path.resolve("node_modules/next/dist/bin/next"), "start", "-p", String(appPort), "-H", "127.0.0.1"],
    {
      env: {
        ...process.env,
        DATABASE_URL: url,
        NEXTAUTH_URL: baseURL,
        NEXTAUTH_SECRET: "faults",
        MR_JOBS: "none",
      },
      stdio: ["ignore", "ignore", "ignore"],
    },
  );
  let survived = 0;
  try {
    await until("the app", async () => ((await fetch(`${baseURL}/signin`)).ok ? true : null), 60_000);
    const ctx = await playwrightRequest.newContext({ baseURL });
    const signIn = async () => {
      const { csrfToken } = (await (await ctx.get("/api/auth/csrf")).json()) as { csrfToken: string };
      await ctx.post("/api/auth/callback/credentials", {
        form: { csrfToken, email: MEMBER, password: DEMO_PASSWORD, json: "true" },
      });
    };
    await signIn();
    const signedIn = async () =>
      (await (await ctx.get("/")).text()).includes('data-testid="signed-in-name"') ? true : null;
    expect(await signedIn()).toBe(true);
    const committed = Number((await sql(`SELECT count(*) AS n FROM "Session"`))[0]!.n);
    expect(committed).toBeGreaterThan(0);

    // Fault 1: PostgreSQL stops and starts again under the running app. Requests meanwhile fail fast (no hang);
    // afterwards the same app serves the same session again, and every committed row is still there.
    await db.stop();
    const during = Date.now();
    const down = await ctx.get("/requests", { maxRedirects: 0 });
    expect(Date.now() - during).toBeLessThan(15_000);
    expect(down.status()).not.toBe(200);
    db = await startEmbeddedDb({ dataDir, port });
    await until("recovery without restarting the app", signedIn);
    expect(Number((await sql(`SELECT count(*) AS n FROM "Session"`))[0]!.n)).toBe(committed);
    await signIn();
    expect(Number((await sql(`SELECT count(*) AS n FROM "Session"`))[0]!.n)).toBe(committed + 1);
    survived += 1;
    await ctx.dispose();

    // Fault 2: a process filing requests through the real service is killed mid-write. Every request it left is
    // whole: its access grants, its filing event and its notifications were written with it, or nothing was.
    const writer = spawn(
      path.resolve("node_modules/.bin/tsx"),
      ["--conditions=react-server", "tests/security/fault-writer.ts", MEMBER],
      { env: { ...process.env, DATABASE_URL: url }, stdio: ["ignore", "pipe", "inherit"] },
    );
    await until("the writer to start writing", async () =>
      Number((await sql(`SELECT count(*) AS n FROM "Request" WHERE subject LIKE 'Fault writer %'`))[0]!.n) >= 5
        ? true
        : null,
    );
    writer.kill("SIGKILL");
    await new Promise((r) => writer.once("exit", r));
    const partial = await sql(`
      SELECT r.id FROM "Request" r
      WHERE r.subject LIKE 'Fault writer %' AND (
        NOT EXISTS (SELECT 1 FROM "RequestAccess" a WHERE a."requestId" = r.id) OR
        NOT EXISTS (SELECT 1 FROM "AuditEvent" e WHERE e."requestId" = r.id AND e.action = 'FILED') OR
        NOT EXISTS (SELECT 1 FROM "Notification" n WHERE n."requestId" = r.id))`);
    const written = Number(
      (await sql(`SELECT count(*) AS n FROM "Request" WHERE subject LIKE 'Fault writer %'`))[0]!.n,
    );
    expect(written).toBeGreaterThanOrEqual(5);
    expect(partial).toEqual([]);
    survived += 1;
  } finally {
    app.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 500));
    await db.stop();
    recordSecurityFigures("faults", { faultsSurvived: survived, faultsTotal: 2 });
  }
});
