// npm run council:create -- --name "…" --slug … --kind … --profile … --admin-email … --admin-name "…"
// Creates a council from one of the protocol profiles with its first administrator, and prints the one-time link
// for them to set their password (lib/admin/council-create.ts). Uses DATABASE_URL; without it, the embedded
// database of `npm start` (data in .data/pg, or MR_DATA_DIR) — the running one if `npm start` is up, else it starts
// it for the moment. No prompts. Exit codes: 0 created, 2 bad arguments (nothing created), 1 anything else.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { councilCreateUsage, flagOf, parseCouncilArgs, validateCouncilInput } from "@/lib/admin/council-args";
import { startEmbeddedDb, type EmbeddedDb } from "./embedded-db";
import { migrate } from "./migrate";

const log = (msg: string) => console.log(`[council:create] ${msg}`);
let embedded: EmbeddedDb | undefined;

function refuse(lines: string[]): never {
  console.error(["council:create: nothing was created.", ...lines.map((l) => `  ${l}`)].join("\n"));
  console.error("\nRun `npm run council:create -- --help` for the options.");
  process.exit(2);
}

/** The port of the embedded server `npm start` is running on this data folder, if it is running. */
function runningEmbeddedPort(dataDir: string): number | null {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const lines = readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!(pid > 0) || !(port > 0)) return null;
  try {
    process.kill(pid, 0);
  } catch (e) {
    // EPERM: it runs as another OS user (postgres), so it is alive.
    if ((e as NodeJS.ErrnoException).code !== "EPERM") return null;
  }
  return port;
}

async function main() {
  const args = parseCouncilArgs(process.argv.slice(2));
  if (args.help) {
    console.log(councilCreateUsage());
    return;
  }
  if (args.errors.length) refuse(args.errors);
  const checked = validateCouncilInput(args.values);
  if (!checked.ok) refuse(Object.entries(checked.errors).map(([field, m]) => `${flagOf(field)}: ${m}`));

  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    const dataDir = path.join(path.resolve(process.env.MR_DATA_DIR ?? ".data"), "pg");
    const running = runningEmbeddedPort(dataDir);
    if (running) {
      log(`Using the embedded database that \`npm start\` is running (port ${running}).`);
      databaseUrl = `postgresql://postgres:postgres@127.0.0.1:${running}/app`;
    } else {
      const port = Number(process.env.MR_DB_PORT ?? 54329);
      log(`Starting the embedded PostgreSQL database (data in ${dataDir}, port ${port})…`);
      embedded = await startEmbeddedDb({ dataDir, port });
      await embedded.createDatabase("app");
      databaseUrl = embedded.url("app");
    }
  } else {
    log("Using the PostgreSQL server at DATABASE_URL.");
  }
  process.env.DATABASE_URL = databaseUrl;
  const { createPrismaClient } = await import("@/lib/db-client");
  const { createCouncil } = await import("@/lib/admin/council-create");
  const prisma = createPrismaClient(databaseUrl);
  try {
    migrate(databaseUrl, log);
    const appUrl = process.env.NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
    const result = await createCouncil(prisma, args.values, { appUrl });
    if (!result.ok) {
      process.exitCode = 2;
      console.error(
        [
          "council:create: nothing was created.",
          ...Object.entries(result.errors).map(([field, m]) => `  ${flagOf(field)}: ${m}`),
        ].join("\n"),
      );
      return;
    }
    const { council, admin, link, expiresAt } = result;
    console.log(
      [
        "",
        `Created ${council.name} (slug ${council.slug}, ${council.kind}, protocol profile ${council.profileKey}).`,
        `First administrator: ${admin.name} <${admin.email}> — Administrator and Officer.`,
        "",
        `Open this link to set their password (it works once, until ${expiresAt.toUTCString()}):`,
        "",
        `  ${link}`,
        "",
        "Then sign in, and set up the council under Users, Organisation and Settings (see README,",
        '"Starting a real council"). Start the app first with `MR_SEED_DEMO=0 npm start` if it is not running.',
      ].join("\n"),
    );
  } finally {
    await prisma.$disconnect();
    if (embedded) await embedded.stop().catch(() => {});
    embedded = undefined;
  }
}

main().catch(async (err) => {
  console.error(`council:create: ${err instanceof Error ? err.message : String(err)}`);
  if (embedded) await embedded.stop().catch(() => {});
  process.exit(1);
});
