// Prisma CLI configuration (see README "Database"). The JS engine with the pg adapter means no
// engine binary is ever downloaded. The default URL points at the embedded database the launcher
// starts, so the CLI never falls back to fetching a native engine when DATABASE_URL is unset.
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

process.env.DATABASE_URL ??= "postgresql://postgres:postgres@127.0.0.1:54329/app";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  adapter: async () =>
    new PrismaPg({ connectionString: process.env.DATABASE_URL!, allowExitOnIdle: true, idleTimeoutMillis: 100 }),
});
