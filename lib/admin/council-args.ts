// `npm run council:create` (issue 15): its arguments, checked before anything touches the database (pure; the
// launcher prints the same example on an empty database).
import { z } from "zod";
import { CouncilKind } from "@/lib/generated/prisma/enums";
import { PROFILES } from "@/lib/protocol/profiles";
import { hasVisibleCharacter, oneLine } from "@/lib/validation";

export const COUNCIL_KINDS = Object.values(CouncilKind);
export const PROFILE_KEYS = Object.keys(PROFILES);

/** The command's flags → the input's fields. */
export const COUNCIL_FLAGS = {
  "--name": "name",
  "--slug": "slug",
  "--kind": "kind",
  "--profile": "profile",
  "--admin-email": "adminEmail",
  "--admin-name": "adminName",
} as const;

export type CouncilField = (typeof COUNCIL_FLAGS)[keyof typeof COUNCIL_FLAGS];
export const flagOf = (field: string) => Object.entries(COUNCIL_FLAGS).find(([, f]) => f === field)?.[0] ?? field;

export const COUNCIL_CREATE_EXAMPLE =
  'npm run council:create -- --name "Wigan Council" --slug wigan --kind METROPOLITAN_BOROUGH --profile WIG ' +
  '--admin-email ann.admin@wigan.gov.uk --admin-name "Ann Admin"';

/** Whose protocol each profile was written from (the demo councils are named after them). */
const PROFILE_ORIGIN: Record<string, string> = {
  HAL: "Halton Borough Council",
  CWC: "Cheshire West and Chester Council",
  C2007: "a district council (2007)",
  WIG: "Wigan Council",
  HTC: "Halstead Town Council",
};

export function councilCreateUsage(): string {
  const profiles = PROFILE_KEYS.map(
    (k) => `      ${k.padEnd(6)} ${[PROFILE_ORIGIN[k], PROFILES[k]!.title].filter(Boolean).join(": ")}`,
  ).join("\n");
  return [
    "Creates a council from one of the protocol profiles, with its first administrator, and prints a one-time",
    "link for that administrator to set their password.",
    "",
    "Usage:",
    `  ${COUNCIL_CREATE_EXAMPLE}`,
    "",
    "  --name         the council's name, as people know it",
    "  --slug         a short name for the council: lower-case letters, digits and hyphens (e.g. wigan)",
    `  --kind         ${COUNCIL_KINDS.join(", ")}`,
    "  --profile      the protocol the council follows:",
    profiles,
    "  --admin-email  the first administrator's work email (their sign-in name)",
    "  --admin-name   the first administrator's full name",
    "",
    "Uses DATABASE_URL, or the embedded database of `npm start` when DATABASE_URL is not set.",
  ].join("\n");
}

const line = (max: number, message: string, what: string) =>
  z
    .string({ error: message })
    .transform(oneLine)
    .pipe(
      z
        .string()
        .min(1, message)
        .max(max, `Enter ${what} of ${max} characters or fewer`)
        .refine(hasVisibleCharacter, message),
    );

export const councilInputSchema = z.object({
  name: line(120, "Enter the council's name", "a name"),
  slug: z
    .string({ error: "Enter a slug for the council, like wigan" })
    .trim()
    .toLowerCase()
    .min(1, "Enter a slug for the council, like wigan")
    .max(50, "Enter a slug of 50 characters or fewer")
    .regex(
      /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/,
      "Enter a slug of lower-case letters, digits and hyphens, starting and ending with a letter or digit, like wigan",
    )
    .refine((s) => s.length >= 2, "Enter a slug of at least 2 characters"),
  kind: z
    .string({ error: `Enter the kind of council: one of ${COUNCIL_KINDS.join(", ")}` })
    .trim()
    .toUpperCase()
    .pipe(
      z.enum(COUNCIL_KINDS as [CouncilKind, ...CouncilKind[]], {
        error: `Enter the kind of council: one of ${COUNCIL_KINDS.join(", ")}`,
      }),
    ),
  profile: z
    .string({ error: `Enter the council's protocol profile: one of ${PROFILE_KEYS.join(", ")}` })
    .trim()
    .toUpperCase()
    .pipe(
      z.enum(PROFILE_KEYS as [string, ...string[]], {
        error: `Enter the council's protocol profile: one of ${PROFILE_KEYS.join(", ")}`,
      }),
    ),
  adminEmail: z
    .string({ error: "Enter the first administrator's email address" })
    .trim()
    .toLowerCase()
    .min(1, "Enter the first administrator's email address")
    .max(254, "Enter an email address of 254 characters or fewer")
    .regex(
      /^[^\s@]+@[^\s@]+\.[^\s@]+$/,
      "Enter the administrator's email address in the correct format, like name@council.gov.uk",
    ),
  adminName: line(120, "Enter the first administrator's full name", "a name"),
});

export type CouncilInput = z.infer<typeof councilInputSchema>;

export type Checked<T> = { ok: true; input: T } | { ok: false; errors: Partial<Record<string, string>> };

/** The first message per field, keyed by field. */
export function validateCouncilInput(values: Record<string, string | undefined>): Checked<CouncilInput> {
  const parsed = councilInputSchema.safeParse(values);
  if (parsed.success) return { ok: true, input: parsed.data };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? "form")] ??= issue.message;
  return { ok: false, errors };
}

/**
 * The command line → the input's values. Accepts `--flag value` and `--flag=value`; refuses unknown flags, a flag
 * without its value, a flag given twice and stray words. `help` when --help or -h is given.
 */
export function parseCouncilArgs(argv: readonly string[]): {
  values: Record<string, string>;
  errors: string[];
  help: boolean;
} {
  const values: Record<string, string> = {};
  const errors: string[] = [];
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--help" || arg === "-h") {
      help = true;
      continue;
    }
    if (!arg.startsWith("--")) {
      errors.push(`Unexpected argument "${arg.slice(0, 60)}": put a value after its flag, like --name "…"`);
      continue;
    }
    const eq = arg.indexOf("=");
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const field = COUNCIL_FLAGS[flag as keyof typeof COUNCIL_FLAGS];
    if (!field) {
      errors.push(`Unknown option ${flag.slice(0, 60)}: the options are ${Object.keys(COUNCIL_FLAGS).join(", ")}`);
      if (eq < 0 && argv[i + 1] !== undefined && !argv[i + 1]!.startsWith("--")) i++;
      continue;
    }
    let value: string | undefined;
    if (eq > 0) value = arg.slice(eq + 1);
    else if (argv[i + 1] !== undefined && !argv[i + 1]!.startsWith("--")) value = argv[++i];
    if (value === undefined) {
      errors.push(`${flag} needs a value`);
      continue;
    }
    if (field in values) {
      errors.push(`${flag} is given more than once`);
      continue;
    }
    values[field] = value;
  }
  return { values, errors, help };
}
