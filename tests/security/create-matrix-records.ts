// Creates the authorisation matrix's records in the database at DATABASE_URL and writes them as JSON to the path
// given, for the browser suite's HTTP matrix. Run by tests/e2e/global-setup.ts as
//   tsx --conditions=react-server tests/security/create-matrix-records.ts <out.json>
import { writeFileSync } from "node:fs";
import { db } from "@/lib/db";
import { createMatrixRecords } from "./matrix-records";

const out = process.argv[2];
if (!out) {
  console.error("usage: create-matrix-records.ts <out.json>");
  process.exit(2);
}
writeFileSync(out, JSON.stringify(await createMatrixRecords(), null, 2));
await db().$disconnect();
