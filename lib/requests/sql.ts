// SQL fragments about requests that several hand-written statements share (pure: no database access).
import { Prisma } from "@/lib/generated/prisma/client";
import { CLOSED_STATUSES } from "./labels";

/** "Open" as SQL — written exactly as in the partial indexes' predicates (migrations open_request_indexes, then section_e_open_indexes), so that
 * PostgreSQL can use them; tests/unit/handling.test.ts keeps the two in step. */
export const OPEN_SQL = (r = "r") =>
  Prisma.raw(`"${r}".status NOT IN (${CLOSED_STATUSES.map((s) => `'${s}'`).join(", ")})`);
