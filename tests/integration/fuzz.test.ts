// Fuzzing every form handler that a server action calls, and every zod schema, with fast-check (issue 10): odd
// Unicode, NUL bytes, control and bidi characters, oversized text, wrong types, far and impossible dates, forged
// ids. Properties: nothing throws (no 5xx), every refusal carries a message a person can read, and a refused input
// writes no row. Runs in a council of its own, so row counts are not disturbed by other test files.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { handleWardNotice, wardNoticeSchema } from "@/lib/notices/form";
import { dashboardParams } from "@/lib/requests/dashboard-params";
import { checkInformationForm, submitInformationForm } from "@/lib/requests/forms/information";
import { handleRequestAction } from "@/lib/requests/forms/request-actions";
import { checkTypedForm, submitTypedForm } from "@/lib/requests/forms/typed";
import { fileInformationRequest } from "@/lib/requests/information";
import { queueParams } from "@/lib/requests/queue-params";
import {
  agendaFormSchema,
  assistanceFormSchema,
  briefingFormSchema,
  complaintFormSchema,
  informationFormSchema,
} from "@/lib/requests/schema";
import { changePasswordSchema, setActiveSchema, userListSchema } from "@/lib/users/schema";
import { recordSecurityFigures } from "../support/security-figures";
import { createIsolatedCouncil, testPrisma } from "./helpers";

const prisma = testPrisma();
let iso: Awaited<ReturnType<typeof createIsolatedCouncil>>;
let director: Viewer;
let requestId = "";
let inputs = 0;
let thrown = 0;

/** Nasty strings: NUL and control characters, bidi overrides, zero-width, emoji, SQL and HTML, very long, dates. */
const nasty = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 60 }),
  fc.string({ unit: "grapheme", maxLength: 30 }),
  fc.constantFrom(
    "\u0000",
    "a\u0000b",
    "\u202Egnp.exe",
    "\u200B\u200B",
    "%",
    "_",
    "' OR 1=1 --",
    "<script>alert(1)</script>",
    "9999-12-31",
    "2150-01-01",
    "2026-13-45",
    "2026-02-30",
    "-1",
    "1e309",
    "NaN",
    "yes",
    "no",
    "",
    " ",
    "\r\nBcc: x@example.com",
  ),
  fc.string({ minLength: 5001, maxLength: 12_000 }),
);
const forgedId = fc.oneof(
  fc.constantFrom("", "x", "\u0000", "../../etc", "clzzzzzzzzzzzzzzzzzzzzzzz", "a".repeat(65)),
  fc.string({ maxLength: 30 }),
);
const values = (keys: string[]) => fc.dictionary(fc.constantFrom(...keys), nasty, { maxKeys: keys.length });

const readable = (errors: Record<string, unknown>) =>
  Object.values(errors).every((m) => typeof m === "string" && m.trim().length > 0);

async function rows() {
  const councilId = iso.council.id;
  const [r, a, n] = await Promise.all([
    prisma.request.count({ where: { councilId } }),
    prisma.auditEvent.count({ where: { councilId } }),
    prisma.notification.count({ where: { councilId } }),
  ]);
  return r + a + n;
}

/** Runs one handler call: it must not throw; a refusal must be readable and write nothing. */
async function probe(run: () => Promise<{ errors?: Record<string, string> } & object>) {
  inputs += 1;
  const before = await rows();
  let out: ({ errors?: Record<string, string> } & object) | null = null;
  try {
    out = await run();
  } catch (e) {
    thrown += 1;
    throw e;
  }
  const refused = !!out.errors && Object.keys(out.errors).length > 0;
  if (refused) {
    expect(readable(out.errors!)).toBe(true);
    expect(await rows()).toBe(before);
  }
}

beforeAll(async () => {
  iso = await createIsolatedCouncil(prisma);
  director = await iso.viewer(iso.ids.director);
  requestId = (
    await fileInformationRequest(
      iso.member,
      {
        kind: "INFORMATION",
        subject: "Fuzz target",
        details: "d",
        serviceId: iso.service.id,
        category: "GENERAL",
        thirdPartyData: false,
        councilRoleDeclared: true,
        concernsAnotherMember: false,
        concernedMemberIds: [],
        sharingAgreed: false,
        needToKnowGrounds: "",
        classification: "GENERAL_ENQUIRY",
      },
      { now: new Date() },
    )
  ).id;
});

describe("fuzzing the form handlers behind every server action", () => {
  it("the request page's actions: any field, any value, forged or real request ids", async () => {
    const keys = [
      "action",
      "reasons",
      "reply",
      "information",
      "ground",
      "outcome",
      "date",
      "officerId",
      "serviceId",
      "meetingId",
      "minutesSpent",
      "scope",
      "agrees",
      "notes",
      "advice",
      "clerkOutcome",
    ];
    const actions = fc.constantFrom(
      "GRANT",
      "REFUSE",
      "ALLOCATE",
      "TRIAGE",
      "WITHDRAW",
      "ADD_INFORMATION",
      "REQUEST_REVIEW",
      "PROPOSE_DATE",
      "COMPLETE",
      "ESCALATE",
      "NOT_AN_ACTION",
      "",
    );
    await fc.assert(
      fc.asyncProperty(values(keys), actions, fc.boolean(), forgedId, async (v, action, real, forged) => {
        const who = real ? director : iso.member;
        // Valid inputs may act (and write): the property is about refusals.
        await probe(() =>
          handleRequestAction(who, { ...v, action, requestId: real ? requestId : forged }, new Date()),
        );
      }),
      { numRuns: 1200 },
    );
  }, 300_000);

  it("the information form: check and send", async () => {
    const keys = Object.keys(informationFormSchema.shape);
    await fc.assert(
      fc.asyncProperty(values(keys), fc.boolean(), async (v, send) => {
        await probe(() =>
          send
            ? submitInformationForm(iso.member, v as never, `fuzz-${Math.random()}`, new Date())
            : checkInformationForm(iso.member, v as never, new Date()),
        );
      }),
      { numRuns: 800 },
    );
  }, 300_000);

  it("briefing, complaint, assistance and agenda forms: check and send", async () => {
    const keys = [
      ...new Set([
        ...Object.keys(briefingFormSchema.shape),
        ...Object.keys(complaintFormSchema.shape),
        ...Object.keys(assistanceFormSchema.shape),
        ...Object.keys(agendaFormSchema.shape),
      ]),
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("briefing", "complaint", "assistance", "agenda", "nonsense"),
        values(keys),
        fc.boolean(),
        async (type, v, send) => {
          await probe(() =>
            send
              ? submitTypedForm(iso.member, type, v, `fuzz-${Math.random()}`, new Date())
              : checkTypedForm(iso.member, type, v, new Date()),
          );
        },
      ),
      { numRuns: 800 },
    );
  }, 300_000);

  it("the ward notice form", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(forgedId, { maxLength: 4 }),
        nasty,
        nasty,
        nasty,
        async (wardIds, type, title, body) => {
          await probe(() => handleWardNotice(iso.member, { wardIds, type, title, body }));
        },
      ),
      { numRuns: 300 },
    );
  }, 300_000);
});

describe("fuzzing every zod schema (wrong types included)", () => {
  const anything = fc.oneof(
    nasty,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(nasty, { maxLength: 3 }),
    fc.object({ maxDepth: 1 }),
  );
  const schemas = {
    informationFormSchema,
    briefingFormSchema,
    complaintFormSchema,
    assistanceFormSchema,
    agendaFormSchema,
    wardNoticeSchema,
    queueParams,
    dashboardParams,
    userListSchema,
    setActiveSchema,
    changePasswordSchema,
  };
  for (const [name, schema] of Object.entries(schemas)) {
    it(`${name}: never throws; a refusal names what is wrong`, () => {
      const keys = Object.keys(
        (schema as unknown as { shape?: object }).shape ?? {
          q: 1,
          page: 1,
          currentPassword: 1,
          newPassword: 1,
          confirmPassword: 1,
        },
      );
      fc.assert(
        fc.property(fc.dictionary(fc.constantFrom(...keys, "extra"), anything), (v) => {
          inputs += 1;
          const r = schema.safeParse(v);
          if (!r.success) expect(r.error.issues.every((i) => i.message.trim().length > 0)).toBe(true);
          else expect(JSON.stringify(r.data)).not.toMatch(/\\u0000/);
        }),
        { numRuns: 700 },
      );
    });
  }

  it("records the figures for the security report", () => {
    recordSecurityFigures("fuzz-integration", { fuzzInputs: inputs, serverErrors: thrown });
    expect(inputs).toBeGreaterThanOrEqual(10_000);
    expect(thrown).toBe(0);
  });
});
