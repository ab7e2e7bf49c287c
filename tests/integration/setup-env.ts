// Runs before each integration test file: lib/ reads the database through db() (lib/db.ts), which connects to
// DATABASE_URL — here, the run's fresh test database started by global-setup.ts.
import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
