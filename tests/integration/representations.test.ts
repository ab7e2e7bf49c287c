// Representations (RULES.md §3.E: HAL-E5, C2007-E5, WIG-E8, HTC-E3) through the form handler the server action calls,
// on real PostgreSQL with the demo councils: where the committee must be named, a representation to a group alone is
// refused with nothing saved; in Halstead one logged as made to a group is recorded but is not on the Council's
// representations register; who can read what follows the grants.
import { describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { listRepresentations, loadRepresentationPage } from "@/lib/representations/queries";
import { handleLogRepresentation, newRepresentationSpec } from "@/lib/representations/service";
import { testPrisma, viewerByEmail } from "./helpers";

const prisma = testPrisma();
const NOW = new Date();
let seq = 0;
const tag = () => `${process.pid}-${Date.now()}-${++seq}`;
const viewers = new Map<string, Viewer>();
async function as(email: string): Promise<Viewer> {
  if (!viewers.has(email)) viewers.set(email, await viewerByEmail(prisma, email));
  return viewers.get(email)!;
}
const userId = async (email: string) => (await prisma.user.findUniqueOrThrow({ where: { email } })).id;
const committeeId = async (council: string, name: string) =>
  (await prisma.committee.findFirstOrThrow({ where: { name, council: { slug: council } } })).id;
const groupId = async (council: string, name: string) =>
  (await prisma.partyGroup.findFirstOrThrow({ where: { name, council: { slug: council } } })).id;

async function log(email: string, values: Record<string, string>) {
  return handleLogRepresentation(
    await as(email),
    {
      idempotencyKey: `rep-${tag()}`,
      madeBy: "PUBLIC",
      madeByName: "Mill Lane Residents' Association",
      text: "We object to the loss of the green space and the extra traffic.",
      ...values,
    },
    NOW,
  );
}
async function logged(email: string, values: Record<string, string>): Promise<string> {
  const out = await log(email, values);
  expect(out).toMatchObject({ done: "LOG_REPRESENTATION" });
  return (out as { id: string }).id;
}
/** Refused naming the rule, and nothing is stored for that matter. */
async function refused(email: string, values: Record<string, string>, field: string, rule: string) {
  const out = await log(email, values);
  expect("errors" in out && out.errors[field]).toMatch(new RegExp(`\\(${rule}\\)$`));
  expect(await prisma.request.count({ where: { type: "REPRESENTATION", subject: values.matter } })).toBe(0);
  return (out as { errors: Record<string, string> }).errors[field]!;
}
async function page(email: string, id: string) {
  try {
    return await loadRepresentationPage(await as(email), id);
  } catch (e) {
    if (e instanceof AppError && e.code === "NOT_FOUND") return null;
    throw e;
  }
}
const onRegister = async (email: string, id: string) => {
  const ids: string[] = [];
  for (let p = 1; ; p++) {
    const list = await listRepresentations(await as(email), { list: "register", page: p });
    ids.push(...list.rows.map((r) => r.id));
    if (p >= list.pages) break;
  }
  return ids.includes(id);
};
const inGroupList = async (email: string, id: string) =>
  (await listRepresentations(await as(email), { list: "groups", page: 1 })).rows.some((r) => r.id === id);

describe("representations", () => {
  it("HTC-E3: a representation logged with the recipient 'Independent Group' is recorded but does not appear on the Council's representations register", async () => {
    const matter = `Allotment rents ${tag()}`;
    const id = await logged("bridget.fenn@halstead.example", {
      matter,
      recipient: "GROUP",
      groupId: await groupId("halstead", "Independent Group"),
    });
    const row = await prisma.request.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ type: "REPRESENTATION", kind: "TO_GROUP", status: "RECORDED", committeeId: null });
    const filed = await prisma.auditEvent.findFirstOrThrow({ where: { requestId: id, action: "FILED" } });
    expect(filed.ruleId).toBe("HTC-E3");
    // Not on the Council's register, for anyone — the logger and the group included.
    for (const email of [
      "bridget.fenn@halstead.example",
      "oliver.pask@halstead.example",
      "margaret.doyle@halstead.example",
      "samuel.tolley@halstead.example",
    ])
      expect(await onRegister(email, id), email).toBe(false);
    // Recorded for the logger and the group: listed apart, with the notice that it is not to the Council.
    expect(await inGroupList("oliver.pask@halstead.example", id)).toBe(true);
    const p = await page("oliver.pask@halstead.example", id);
    expect(p?.onRegister).toBe(false);
    expect(p?.notice?.ruleId).toBe("HTC-E3");
    expect(p?.detail.details).toContain("green space");
    // Another group's members and the Clerk get not found.
    expect(await page("samuel.tolley@halstead.example", id)).toBeNull();
    expect(await page("margaret.doyle@halstead.example", id)).toBeNull();
    expect(await inGroupList("samuel.tolley@halstead.example", id)).toBe(false);

    // One made to a committee is on the register: every member sees the matter; the committee reads it in full.
    const toCommittee = await logged("bridget.fenn@halstead.example", {
      matter: `Cemetery opening hours ${tag()}`,
      recipient: "COMMITTEE",
      committeeId: await committeeId("halstead", "Amenities Committee"),
    });
    expect((await prisma.request.findUniqueOrThrow({ where: { id: toCommittee } })).committeeId).toBe(
      await committeeId("halstead", "Amenities Committee"),
    );
    expect(await onRegister("samuel.tolley@halstead.example", toCommittee)).toBe(true);
    expect(await onRegister("margaret.doyle@halstead.example", toCommittee)).toBe(true);
    expect((await page("samuel.tolley@halstead.example", toCommittee))?.detail.details).toBeNull();
    expect((await page("rosa.quint@halstead.example", toCommittee))?.detail.details).toContain("green space");
    expect((await page("rosa.quint@halstead.example", toCommittee))?.madeBy).toBe(
      "Mill Lane Residents' Association",
    );
  });

  it("HAL-E5: a representation must name the Board or Committee: one to a political group alone, or to no committee, is refused", async () => {
    const spec = await newRepresentationSpec(await as("marcus.okafor@halton.example"), "key-12345678");
    const recipient = spec!.fields.find((f) => "name" in f && f.name === "recipient") as {
      options: { value: string }[];
    };
    expect(recipient.options.map((o) => o.value)).toEqual(["COMMITTEE"]);
    expect(spec!.why?.[0]?.ruleId).toBe("HAL-E5");
    const message = await refused(
      "marcus.okafor@halton.example",
      {
        matter: `Care home closure ${tag()}`,
        recipient: "GROUP",
        groupId: await groupId("halton", "Labour Group"),
      },
      "recipient",
      "HAL-E5",
    );
    expect(message).toMatch(/Board or Committee/);
    await refused(
      "rachel.dunn@halton.example",
      { matter: `Care home closure ${tag()}`, recipient: "COUNCIL" },
      "recipient",
      "HAL-E5",
    );
    await refused(
      "marcus.okafor@halton.example",
      { matter: `Care home closure ${tag()}`, recipient: "COMMITTEE" },
      "committeeId",
      "HAL-E5",
    );
    const board = await committeeId("halton", "Health Policy and Performance Board");
    const id = await logged("rachel.dunn@halton.example", {
      matter: `Care home closure ${tag()}`,
      recipient: "COMMITTEE",
      committeeId: board,
      madeBy: "PERSON",
      madeById: (await prisma.user.findUniqueOrThrow({ where: { email: "helen.tranter@halton.example" } })).id,
    });
    const row = await prisma.request.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ kind: "TO_COMMITTEE", committeeId: board, status: "RECORDED" });
    // Democratic services and the Board's Chair are told; the Board's members read it in full.
    expect(
      await prisma.notification.count({
        where: {
          requestId: id,
          userId: {
            in: [await userId("fiona.carr@halton.example"), await userId("sandra.kettle@halton.example")],
          },
        },
      }),
    ).toBe(2);
    expect((await page("philippa.dunne@halton.example", id))?.detail.details).toContain("traffic");
    expect((await page("helen.tranter@halton.example", id))?.madeBy).toBe("Helen Tranter");
    // An officer with no part in it gets not found.
    expect(await page("ben.lowry@halton.example", id)).toBeNull();
  });

  it("C2007-E5: representations go to the appropriate Committee, not to a group", async () => {
    await refused(
      "geoffrey.lamb@ashdown-vale.example",
      {
        matter: `Mill Lane application ${tag()}`,
        recipient: "GROUP",
        groupId: await groupId("ashdown-vale", "Conservative Group"),
      },
      "recipient",
      "C2007-E5",
    );
    const id = await logged("geoffrey.lamb@ashdown-vale.example", {
      matter: `Mill Lane application ${tag()}`,
      recipient: "COMMITTEE",
      committeeId: await committeeId("ashdown-vale", "Planning Committee"),
      madeBy: "ME",
    });
    expect(await onRegister("tamsin.hook@ashdown-vale.example", id)).toBe(true);
    expect((await page("geoffrey.lamb@ashdown-vale.example", id))?.madeBy).toBe("Geoffrey Lamb");
  });

  it("WIG-E8: a representation to a political group only is refused; the committee must be named", async () => {
    const message = await refused(
      "naomi.ward@wigan.example",
      {
        matter: `Leigh bus station ${tag()}`,
        recipient: "GROUP",
        groupId: await groupId("wigan", "Independent Network"),
      },
      "recipient",
      "WIG-E8",
    );
    expect(message).toMatch(/not to a political group/);
    // A forged committee of another council is not accepted.
    const out = await log("naomi.ward@wigan.example", {
      matter: `Leigh bus station ${tag()}`,
      recipient: "COMMITTEE",
      committeeId: await committeeId("halton", "Executive Board"),
    });
    expect("errors" in out && out.errors.committeeId).toBe("Choose a Board or Committee from the list");
    const id = await logged("naomi.ward@wigan.example", {
      matter: `Leigh bus station ${tag()}`,
      recipient: "COMMITTEE",
      committeeId: await committeeId("wigan", "Economy and Place Scrutiny Panel"),
    });
    expect(await onRegister("paul.hindley@wigan.example", id)).toBe(true);
    expect(await onRegister("gordon.fairclough@wigan.example", id)).toBe(true);
    // An officer outside the matter does not see it.
    expect(await page("erin.whittle@wigan.example", id)).toBeNull();
    // Bad input is explained and kept: no recipient, no matter, an unknown person.
    const bad = await handleLogRepresentation(
      await as("naomi.ward@wigan.example"),
      { madeBy: "PERSON", madeById: "not an id!", matter: "", text: "x" },
      NOW,
    );
    expect("errors" in bad && bad.errors).toMatchObject({
      madeById: "Choose a councillor or officer from the list",
      matter: "Enter the matter the representation is about",
      recipient: "Say who the representation was made to",
    });
    expect("values" in bad && bad.values.text).toBe("x");
  });
});
