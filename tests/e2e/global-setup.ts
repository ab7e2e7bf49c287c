// Starts a fresh PostgreSQL (embedded, or a new database at TEST_DATABASE_URL), applies migrations with the
// Prisma CLI as `npm start` does, seeds the demo councils, builds the app (unless E2E_SKIP_BUILD=1 and a
// build exists) and serves it with `next start` on a free port. Returns the teardown.
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createPrismaClient } from "@/lib/db-client";
import { seedDemo } from "../../prisma/seed";
import { freePort } from "../../scripts/embedded-db";
import { migrate } from "../../scripts/migrate";
import { startTestDb } from "../support/test-db";

export default async function globalSetup() {
  const db = await startTestDb("e2e");
  migrate(db.url, () => {});
  const prisma = createPrismaClient(db.url);
  await seedDemo(prisma, () => {});
  await prisma.$disconnect();
  // The authorisation matrix's records, filed through the real services (they are server-only, so in a child
  // process with the react-server condition, as `npm run worker` runs).
  const matrixFile = path.join(os.tmpdir(), `mr-matrix-${process.pid}.json`);
  const fixtures = spawnSync(
    path.resolve("node_modules/.bin/tsx"),
    ["--conditions=react-server", "tests/security/create-matrix-records.ts", matrixFile],
    { env: { ...process.env, DATABASE_URL: db.url }, stdio: "inherit" },
  );
  if (fixtures.status !== 0) throw new Error("creating the authorisation matrix's records failed");
  process.env.E2E_MATRIX = matrixFile;

  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  // Replies by email: the app's job process listens for SMTP here (lib/email/inbound-server.ts).
  const inboundPort = await freePort();
  const env = {
    ...process.env,
    DATABASE_URL: db.url,
    NEXTAUTH_URL: baseURL,
    NEXTAUTH_SECRET: "e2e-secret-not-for-production",
    NEXT_TELEMETRY_DISABLED: "1",
    INBOUND_SMTP_PORT: String(inboundPort),
    INBOUND_EMAIL_DOMAIN: "replies.e2e.example",
  };
  const nextBin = path.resolve("node_modules/next/dist/bin/next");
  if (!(process.env.E2E_SKIP_BUILD === "1" && existsSync(".next/BUILD_ID"))) {
    // `npm test` has already run the type check; Next's own pass would repeat it (~20 s on 2 cores).
    const build = spawnSync(process.execPath, [nextBin, "build"], {
      env: { ...env, MR_BUILD_SKIP_TYPECHECK: "1" },
      stdio: "inherit",
    });
    if (build.status !== 0) throw new Error("next build failed");
  }
  const server = spawn(process.execPath, [nextBin, "start", "-p", String(port), "-H", "127.0.0.1"], {
    env,
    stdio: ["ignore", "ignore", "inherit"],
  });
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${baseURL}/signin`)).ok) break;
    } catch {
      /* not listening yet */
    }
    if (i > 300 || server.exitCode !== null) throw new Error("the app did not start");
    await new Promise((r) => setTimeout(r, 200));
  }
  process.env.E2E_BASE_URL = baseURL;
  process.env.E2E_INBOUND_PORT = String(inboundPort);
  process.env.E2E_INBOUND_DOMAIN = "replies.e2e.example";
  process.env.E2E_NEXTAUTH_SECRET = env.NEXTAUTH_SECRET;
  process.env.E2E_DATABASE_URL = db.url;
  return async () => {
    // Stop the app before its database, so its job queue does not log refused connections on the way out.
    const exited = new Promise((resolve) => server.once("exit", resolve));
    server.kill("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    await db.stop();
  };
}
