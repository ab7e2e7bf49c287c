// Figures that security tests record for `npm run security:report` (scripts/security-report.ts): each test file
// writes its own JSON file under security-results/ (git-ignored); the report adds them up.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

export type SecurityFigures = Partial<{
  routesChecked: number;
  roleRecordCases: number;
  leaks: number;
  fuzzInputs: number;
  serverErrors: number;
  concurrencyTrials: number;
  concurrencyOneWinner: number;
  faultsSurvived: number;
  faultsTotal: number;
}>;

export const SECURITY_RESULTS_DIR = path.resolve(import.meta.dirname, "../../security-results");

export function recordSecurityFigures(name: string, figures: SecurityFigures): void {
  mkdirSync(SECURITY_RESULTS_DIR, { recursive: true });
  writeFileSync(
    path.join(SECURITY_RESULTS_DIR, `${name}.json`),
    JSON.stringify({ name, at: new Date().toISOString(), ...figures }, null, 2),
  );
}
