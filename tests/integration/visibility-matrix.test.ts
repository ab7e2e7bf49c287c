// The visibility matrix: every demo user of every council × one request of each type × own group / other group /
// other council. Whoever is not expected to see a request must not find it; those expected see it at the right level.
import { beforeAll, describe, expect, it } from "vitest";
import { loadViewer, type Viewer } from "@/lib/auth/viewer";
import { fileBriefingRequest } from "@/lib/requests/briefings";
import { fileComplaintCase } from "@/lib/requests/complaints";
import { fileInformationRequest, type InformationInput } from "@/lib/requests/information";
import { fileAgendaItem, fileAssistanceRequest, reportSuspectedCodeBreach } from "@/lib/requests/town-council";
import { accessLevel, visibleTo } from "@/lib/requests/visibility";
import { testPrisma, viewerByEmail } from "./helpers";

const prisma = testPrisma();
const NOW = new Date("2026-11-23T10:00:00Z");
const LABOUR_WIGAN = ["keith.ormerod", "joan.pilling", "sadia.rahman", "stuart.heyes", "patricia.lunt"].map(
  (n) => `${n}@wigan.example`,
);
const HTC_MEMBERS = ["janet.coker", "oliver.pask", "bridget.fenn", "samuel.tolley", "rosa.quint"].map(
  (n) => `${n}@halstead.example`,
);

type Row = { type: string; id: string; full: string[]; summary?: string[]; metadata?: string[] };
const rows: Row[] = [];
let everyone: Viewer[] = [];

const info = (o: Partial<InformationInput>): InformationInput => ({
  kind: "INFORMATION",
  subject: "Matrix request",
  details: "Details",
  serviceId: null,
  category: "GENERAL",
  thirdPartyData: false,
  councilRoleDeclared: true,
  concernsAnotherMember: false,
  concernedMemberIds: [],
  sharingAgreed: false,
  needToKnowGrounds: "",
  classification: "GENERAL_ENQUIRY",
  ...o,
});

beforeAll(async () => {
  const id = async (email: string) => (await prisma.user.findUniqueOrThrow({ where: { email } })).id;
  const place = (await prisma.service.findFirstOrThrow({ where: { name: "Place", council: { slug: "wigan" } } }))
    .id;
  const labour = (
    await prisma.partyGroup.findFirstOrThrow({ where: { name: "Labour Group", council: { slug: "wigan" } } })
  ).id;
  const patricia = await viewerByEmail(prisma, "patricia.lunt@wigan.example");
  const keith = await viewerByEmail(prisma, "keith.ormerod@wigan.example");

  const a = await fileInformationRequest(patricia, info({ serviceId: place }), { now: NOW });
  rows.push({
    type: "WIG information (individual, DEF-A12)",
    id: a.id,
    full: ["patricia.lunt@wigan.example", "rebecca.shaw@wigan.example"],
  });
  const b = await fileInformationRequest(
    keith,
    info({ kind: "GROUP_BACKGROUND", groupId: labour, serviceId: place }),
    { now: NOW },
  );
  rows.push({
    type: "WIG group background information (CWC-A9 mechanism, DEF-B1)",
    id: b.id,
    full: [...LABOUR_WIGAN, "rebecca.shaw@wigan.example"],
  });
  const c = await fileBriefingRequest(
    keith,
    {
      kind: "GROUP",
      groupIds: [labour],
      subjectKey: "matrix",
      subject: "Matrix briefing",
      councilBusiness: "Town centre",
      committeeId: null,
      serviceId: place,
      meetingDate: null,
      onePartyMeeting: false,
    },
    { now: NOW },
  );
  rows.push({
    type: "WIG party-group briefing (WIG-B7, DEF-B6)",
    id: c.id,
    full: [...LABOUR_WIGAN, "rebecca.shaw@wigan.example"],
    metadata: ["martin.greaves@wigan.example"],
  });
  const d = await fileComplaintCase(
    patricia,
    {
      subjectUserId: await id("liam.gaskell@wigan.example"),
      summary: "Matrix complaint",
      details: "x",
      codeOfConduct: false,
      grievance: false,
    },
    { now: NOW },
  );
  rows.push({
    type: "WIG complaint about an officer (WIG-C1, DEF-C6)",
    id: d.id,
    full: ["patricia.lunt@wigan.example", "rebecca.shaw@wigan.example"],
  });

  const e = await fileAssistanceRequest(
    await viewerByEmail(prisma, "bridget.fenn@halstead.example"),
    {
      subject: "Matrix help",
      details: "x",
      preferredOfficerId: await id("aisha.benton@halstead.example"),
      estimatedHours: 2,
    },
    { now: NOW },
  );
  rows.push({
    type: "HTC assistance request (HTC-D1)",
    id: e.id,
    full: ["bridget.fenn@halstead.example", "margaret.doyle@halstead.example"],
  });
  const f = await fileAgendaItem(
    await viewerByEmail(prisma, "samuel.tolley@halstead.example"),
    { title: "Matrix item", details: "x" },
    { now: NOW },
  );
  rows.push({
    type: "HTC agenda item (HTC-D8)",
    id: f.id,
    full: ["samuel.tolley@halstead.example", "margaret.doyle@halstead.example"],
    summary: HTC_MEMBERS,
  });
  const g = await reportSuspectedCodeBreach(
    await viewerByEmail(prisma, "dean.parr@halstead.example"),
    { memberId: await id("oliver.pask@halstead.example"), awareOn: "2026-11-20", facts: "x" },
    { now: NOW },
  );
  rows.push({
    type: "HTC suspected Code breach (HTC-D7, DEF-D6)",
    id: g.id,
    full: ["dean.parr@halstead.example", "margaret.doyle@halstead.example"],
  });
  const h = await fileInformationRequest(
    await viewerByEmail(prisma, "rosa.quint@halstead.example"),
    info({ classification: null }),
    { now: NOW },
  );
  rows.push({
    type: "HTC information request (DEF-D5, DEF-A12)",
    id: h.id,
    full: ["rosa.quint@halstead.example", "margaret.doyle@halstead.example"],
  });

  const users = await prisma.user.findMany({
    where: { email: { endsWith: ".example" } },
    select: { id: true, sessionVersion: true },
  });
  everyone = (await Promise.all(users.map((u) => loadViewer(u.id, u.sessionVersion)))).filter(
    (v): v is Viewer => !!v,
  );
});

describe("visibility matrix", () => {
  it("covers every demo user of all five councils", () => {
    expect(new Set(everyone.map((v) => v.council.profileKey)).size).toBe(5);
    expect(everyone.length).toBeGreaterThan(60);
  });

  for (const label of [
    "WIG information (individual, DEF-A12)",
    "WIG group background information (CWC-A9 mechanism, DEF-B1)",
    "WIG party-group briefing (WIG-B7, DEF-B6)",
    "WIG complaint about an officer (WIG-C1, DEF-C6)",
    "HTC assistance request (HTC-D1)",
    "HTC agenda item (HTC-D8)",
    "HTC suspected Code breach (HTC-D7, DEF-D6)",
    "HTC information request (DEF-D5, DEF-A12)",
  ]) {
    it(`${label}: exactly the expected people find it, at the expected level — nobody in another group or council`, async () => {
      const row = rows.find((r) => r.type === label)!;
      for (const v of everyone) {
        const found = await prisma.request.findFirst({
          where: { id: row.id, ...visibleTo(v) },
          select: { access: { select: { userId: true, groupId: true, allMembers: true, level: true } } },
        });
        const expected = row.full.includes(v.email)
          ? "FULL"
          : row.summary?.includes(v.email)
            ? "SUMMARY"
            : row.metadata?.includes(v.email)
              ? "METADATA"
              : null;
        expect(found ? accessLevel(v, found.access) : null, `${v.email} (${v.roles.join(",")})`).toBe(expected);
      }
    });
  }

  it("lists and counts are scoped the same way: another group's briefing is in nobody else's count", async () => {
    const tory = await viewerByEmail(prisma, "gordon.fairclough@wigan.example");
    const ids = rows.map((r) => r.id);
    expect(await prisma.request.count({ where: { id: { in: ids }, ...visibleTo(tory) } })).toBe(0);
    const labourMember = await viewerByEmail(prisma, "joan.pilling@wigan.example");
    expect(await prisma.request.count({ where: { id: { in: ids }, ...visibleTo(labourMember) } })).toBe(2);
  });
});
