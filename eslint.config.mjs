import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// Pages and components read and write only through lib/ (docs/conventions.md): never the database client itself.
const dataAccess = {
  patterns: [
    {
      group: [
        "@/lib/db",
        "**/lib/db",
        "@/lib/db-client",
        "**/lib/db-client",
        "@/lib/generated/*",
        "**/lib/generated/*",
        "@prisma/*",
        "pg",
        "pg-boss",
      ],
      message: "app/ and components/ read and write through lib/<domain> functions that take the viewer.",
    },
  ],
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", dataAccess] },
  },
  globalIgnores([
    ".next/**",
    "out/**",
    "build/**",
    "next-env.d.ts",
    "lib/generated/**",
    ".data/**",
    "test-results/**",
    "playwright-report/**",
    "bench-results/**",
  ]),
]);
