// A fresh PostgreSQL database for one test run: an embedded server on a free port in a temporary folder,
// or a new database on the server at TEST_DATABASE_URL when that is set. Never a mock.
import { rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { freePort, startEmbeddedDb, tempDataDir } from "../../scripts/embedded-db";

export type TestDb = { url: string; stop: () => Promise<void> };

export async function startTestDb(label: string): Promise<TestDb> {
  const external = process.env.TEST_DATABASE_URL;
  const name = `mr_${label}_${Date.now()}_${process.pid}`;
  if (external) {
    const admin = new pg.Client({ connectionString: external });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const url = new URL(external);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      stop: async () => {
        const c = new pg.Client({ connectionString: external });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await c.end();
      },
    };
  }
  const dataDir = tempDataDir(`mr-${label}-`);
  const db = await startEmbeddedDb({ dataDir, port: await freePort() });
  await db.createDatabase(name);
  return {
    url: db.url(name),
    stop: async () => {
      await db.stop();
      rmSync(path.dirname(dataDir), { recursive: true, force: true });
    },
  };
}
