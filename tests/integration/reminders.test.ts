// Due-date reminders with injected time, on real PostgreSQL.
import { describe, expect, it } from "vitest";
import { sendDueReminders } from "@/lib/notifications/reminders";
import { fileInformationRequest } from "@/lib/requests/information";
import { testPrisma, viewerByEmail } from "./helpers";

const prisma = testPrisma();

describe("due-date reminders (DEF-A1 targets)", () => {
  it("reminds the decider two working days before the due date, once a day, and tells both sides when overdue", async () => {
    const member = await viewerByEmail(prisma, "sandra.kettle@halton.example");
    const service = await prisma.service.findFirstOrThrow({
      where: { name: "Adult Social Care", council: { slug: "halton" } },
    });
    const filedAt = new Date("2027-03-01T09:00:00Z"); // Monday: due 10 working days later, Monday 15 March
    const req = await fileInformationRequest(
      member,
      {
        kind: "INFORMATION",
        subject: "Care home places",
        details: "How many?",
        serviceId: service.id,
        category: "GENERAL",
        thirdPartyData: false,
        councilRoleDeclared: true,
        concernsAnotherMember: false,
        concernedMemberIds: [],
        sharingAgreed: false,
      },
      { now: filedAt },
    );
    expect(req.dueDate).toBe("2027-03-15");
    const director = await prisma.user.findUniqueOrThrow({ where: { email: "gillian.marsh@halton.example" } });
    // Scoped to this council so that other test files' requests in the shared database are left alone.
    const scope = { councilId: member.council.id };
    const count = (kind: string, userId: string) =>
      prisma.notification.count({ where: { requestId: req.id, kind, userId } });

    await sendDueReminders(new Date("2027-03-09T08:00:00Z"), scope); // 4 working days before: nothing yet
    expect(await count("DUE_SOON", director.id)).toBe(0);
    await sendDueReminders(new Date("2027-03-11T08:00:00Z"), scope); // Thursday, 2 working days before
    await sendDueReminders(new Date("2027-03-11T15:00:00Z"), scope); // same day again: no duplicate
    expect(await count("DUE_SOON", director.id)).toBe(1);
    const note = await prisma.notification.findFirstOrThrow({ where: { requestId: req.id, kind: "DUE_SOON" } });
    expect(note.title).toMatch(/due in 2 working days/);

    // Two job runners at once (two instances, or the app and a worker): still one reminder each.
    await Promise.all([
      sendDueReminders(new Date("2027-03-16T08:00:00Z"), scope),
      sendDueReminders(new Date("2027-03-16T08:00:01Z"), scope),
      sendDueReminders(new Date("2027-03-16T08:00:02Z"), scope),
    ]); // the day after the due date
    expect(await count("OVERDUE", director.id)).toBe(1);
    expect(await count("OVERDUE", member.id)).toBe(1);
  });
});
