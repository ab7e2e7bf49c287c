// Apply committed migrations with the Prisma CLI (`migrate deploy`), only when some are pending:
// `migrate status` answers in about a second, while `deploy` always lingers ~10 s (a timer in the wasm engine).
import { spawnSync } from "node:child_process";
import path from "node:path";

const prismaBin = path.resolve("node_modules/.bin/prisma");

export function migrate(databaseUrl: string, log: (msg: string) => void = console.log) {
  const env = { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: "1" };
  const status = spawnSync(prismaBin, ["migrate", "status"], { env, encoding: "utf8" });
  if (status.status === 0) {
    log("Database schema is up to date.");
    return;
  }
  log("Applying database migrations…");
  const deploy = spawnSync(prismaBin, ["migrate", "deploy"], { env, encoding: "utf8" });
  if (deploy.status !== 0) {
    throw new Error(`prisma migrate deploy failed:\n${deploy.stdout}\n${deploy.stderr}`);
  }
  log("Migrations applied.");
}
