// pg-boss 10 is CommonJS with `export = PgBoss`; one import site keeps the interop in one place.
import "server-only";
import PgBossDefault from "pg-boss";

export const PgBoss = PgBossDefault;
export type PgBoss = PgBossDefault;
