// npm run security:report — runs the security tests (the authorisation matrix in-process and over HTTP, fuzzing of
// every handler, schema and route, sign-in and transition races, database faults) and prints their figures, one per
// line. Exits non-zero when a test fails, a figure is missing, or leaks or 5xx are above 0.
// `npm run security:report -- --results-only` prints the figures the last test run left in security-results/.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

const DIR = path.resolve("security-results");
const EXPECTED = [
  "matrix-integration",
  "matrix-http",
  "fuzz-integration",
  "fuzz-http",
  "throttle-concurrency",
  "transition-races",
  "faults",
];

let failed = false;
if (!process.argv.includes("--results-only")) {
  rmSync(DIR, { recursive: true, force: true });
  const run = (cmd: string, args: string[]) => {
    const r = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    if (r.status !== 0) failed = true;
  };
  run("npx", [
    "vitest",
    "run",
    "--project",
    "integration",
    "tests/integration/authorization-matrix.test.ts",
    "tests/integration/fuzz.test.ts",
    "tests/integration/trust.test.ts",
    "tests/integration/sign-in.test.ts",
  ]);
  run("npx", [
    "playwright",
    "test",
    "tests/e2e/authorization-matrix.spec.ts",
    "tests/e2e/http-fuzz.spec.ts",
    "tests/e2e/faults.spec.ts",
  ]);
}

type Figures = Record<string, number | string>;
const files: Record<string, Figures> = existsSync(DIR)
  ? Object.fromEntries(
      readdirSync(DIR)
        .filter((f) => f.endsWith(".json"))
        .map((f) => [f.replace(/\.json$/, ""), JSON.parse(readFileSync(path.join(DIR, f), "utf8")) as Figures]),
    )
  : {};
const sum = (k: string) =>
  Object.values(files).reduce((n, f) => n + (typeof f[k] === "number" ? (f[k] as number) : 0), 0);
const missing = EXPECTED.filter((k) => !files[k]);

const leaks = sum("leaks");
const fiveHundreds = sum("serverErrors");
console.log(`routes checked: ${sum("routesChecked")}`);
console.log(`role×record cases: ${sum("roleRecordCases")}`);
console.log(`leaks: ${leaks}`);
console.log(`fuzz inputs: ${sum("fuzzInputs")}`);
console.log(`5xx: ${fiveHundreds}`);
console.log(`concurrency trials: ${sum("concurrencyTrials")} (one winner: ${sum("concurrencyOneWinner")})`);
console.log(`faults survived: ${sum("faultsSurvived")}/${sum("faultsTotal")}`);
if (missing.length)
  console.log(`missing figures (their tests did not run or did not finish): ${missing.join(", ")}`);
if (failed) console.log("a security test failed: see its output above");
process.exit(failed || missing.length || leaks > 0 || fiveHundreds > 0 ? 1 : 0);
