// npm run db:migration -- <name>
// Writes prisma/migrations/<UTC timestamp>_<name>/migration.sql from the difference between the last
// migrated schema (prisma/schema.snapshot.prisma) and prisma/schema.prisma. `prisma migrate dev` cannot
// run offline, so this uses `migrate diff` between two datamodels; the CLI still needs a reachable
// PostgreSQL, so a throwaway embedded server is started for it. Review the SQL before committing.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { freePort, startEmbeddedDb, tempDataDir } from "./embedded-db";

const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]/gi, "_");
if (!name) {
  console.error("Usage: npm run db:migration -- <name>");
  process.exit(2);
}
const snapshot = "prisma/schema.snapshot.prisma";
const db = await startEmbeddedDb({ dataDir: tempDataDir("mr-migr-"), port: await freePort() });
try {
  const from = existsSync(snapshot) ? ["--from-schema-datamodel", snapshot] : ["--from-empty"];
  const diff = spawnSync(
    "node_modules/.bin/prisma",
    ["migrate", "diff", ...from, "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
    {
      env: { ...process.env, DATABASE_URL: db.url("postgres") },
      encoding: "utf8",
    },
  );
  if (diff.status !== 0) throw new Error(diff.stderr || diff.stdout);
  if (!/\b(CREATE|ALTER|DROP)\b/.test(diff.stdout)) {
    console.log("No schema changes: no migration written.");
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join("prisma/migrations", `${stamp}_${name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "migration.sql"), diff.stdout);
    copyFileSync("prisma/schema.prisma", snapshot);
    console.log(`Wrote ${dir}/migration.sql — review it, then commit it with ${snapshot}.`);
  }
} finally {
  await db.stop();
}
