// `npm start` (production) and `npm run dev` (development).
// Without DATABASE_URL: starts the embedded PostgreSQL (data in .data/pg, or MR_DATA_DIR), creates the
// database, applies migrations, seeds the demo councils once, builds if the build is missing or stale,
// then serves on http://localhost:$PORT (default 3000). With DATABASE_URL: uses that server instead.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { startEmbeddedDb, type EmbeddedDb } from "./embedded-db";
import { migrate } from "./migrate";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const dataRoot = path.resolve(process.env.MR_DATA_DIR ?? ".data");
const log = (msg: string) => console.log(`[members-requests] ${msg}`);

let embedded: EmbeddedDb | undefined;
let next: ChildProcess | undefined;
let stopping = false;

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  if (next && next.exitCode === null) {
    next.kill("SIGTERM");
    await new Promise((r) => next!.once("exit", r));
  }
  if (embedded) {
    log("Stopping database…");
    await embedded.stop().catch(() => {});
  }
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

/** A persistent secret for the embedded setup, so sessions survive a restart. Production sets NEXTAUTH_SECRET. */
function localSecret(): string {
  const file = path.join(dataRoot, "nextauth-secret");
  if (!existsSync(file)) {
    mkdirSync(dataRoot, { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

function newestMtime(dir: string): number {
  let newest = 0;
  if (!existsSync(dir)) return 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "generated" || entry.name === "node_modules") continue;
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

function buildIsStale(): boolean {
  const buildId = ".next/BUILD_ID";
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  const sources = Math.max(
    ...["app", "components", "lib", "public"].map(newestMtime),
    ...["package.json", "next.config.js", "postcss.config.mjs"].map((f) =>
      existsSync(f) ? statSync(f).mtimeMs : 0,
    ),
  );
  return sources > built;
}

async function main() {
  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    const dbPort = Number(process.env.MR_DB_PORT ?? 54329);
    log(`Starting the embedded PostgreSQL database (data in ${path.join(dataRoot, "pg")}, port ${dbPort})…`);
    embedded = await startEmbeddedDb({ dataDir: path.join(dataRoot, "pg"), port: dbPort });
    await embedded.createDatabase("app");
    databaseUrl = embedded.url("app");
    log("Database started.");
  } else {
    log("Using the PostgreSQL server at DATABASE_URL.");
  }
  process.env.DATABASE_URL = databaseUrl;

  migrate(databaseUrl, log);

  // No council yet (MR_SEED_DEMO=0 on an empty database): say how to create one (README "Starting a real council").
  let noCouncil = false;
  {
    const { createPrismaClient } = await import("@/lib/db-client");
    const prisma = createPrismaClient(databaseUrl);
    try {
      if (process.env.MR_SEED_DEMO !== "0") {
        const { seedDemo } = await import("../prisma/seed");
        await seedDemo(prisma, log);
      } else noCouncil = (await prisma.council.count()) === 0;
    } finally {
      await prisma.$disconnect();
    }
  }
  const nextStep = async () => {
    const { COUNCIL_CREATE_EXAMPLE } = await import("@/lib/admin/council-args");
    log("There is no council yet. Next step: in another terminal, create yours and its first administrator:");
    log(`  ${COUNCIL_CREATE_EXAMPLE}`);
    log("(`npm run council:create -- --help` lists the options), then open the link it prints to set a password.");
  };
  if (noCouncil) await nextStep();

  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NEXT_TELEMETRY_DISABLED: "1",
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? localSecret(),
  };
  const nextBin = path.resolve("node_modules/next/dist/bin/next");
  if (!dev && buildIsStale()) {
    log("Building the app (next build)…");
    const build = spawnSync(process.execPath, [nextBin, "build"], { env, stdio: "inherit" });
    if (build.status !== 0) throw new Error("next build failed");
  }
  log(dev ? "Starting the development server…" : "Starting the app…");
  next = spawn(process.execPath, [nextBin, dev ? "dev" : "start", "-p", String(port)], {
    env,
    stdio: ["ignore", "pipe", "inherit"],
  });
  next.stdout!.on("data", (chunk: Buffer) => {
    process.stdout.write(chunk);
    if (/Ready in|✓ Ready/.test(chunk.toString())) {
      const demo = process.env.MR_SEED_DEMO !== "0";
      log(`Ready at ${env.NEXTAUTH_URL}${demo ? " — demo sign-ins are listed in README.md" : ""}.`);
      if (noCouncil) void nextStep();
    }
  });
  next.on("exit", (code) => void shutdown(code ?? 1));
}

main().catch(async (err) => {
  console.error(`[members-requests] ${err instanceof Error ? err.message : err}`);
  await shutdown(1);
});
