// Due-date reminders with injected time, on real PostgreSQL.
import { describe, expect, it } from "vitest";
import { sendAcknowledgementReminders, sendDueReminders } from "@/lib/notifications/reminders";
import { handleRequestAction } from "@/lib/requests/forms/request-actions";
import { submitTypedForm } from "@/lib/requests/forms/typed";
import { fileInformationRequest } from "@/lib/requests/information";
import { createIsolatedCouncil, testPrisma, viewerByEmail } from "./helpers";

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

describe("complaint acknowledgement reminders (DEF-C7)", () => {
  it("DEF-C7: the handler is reminded once a day from the council's target until they acknowledge the complaint on its page", async () => {
    const iso = await createIsolatedCouncil(prisma);
    const scope = { councilId: iso.council.id };
    const filedAt = new Date("2027-03-03T09:00:00Z"); // Wednesday: the default target is 2 working days, Friday 5th
    const out = await submitTypedForm(
      iso.member,
      "complaint",
      {
        subjectUserId: iso.ids.officer,
        summary: "Missed inspections",
        details: "Three inspections were booked and missed.",
        codeOfConduct: "no",
      },
      `ack-${Date.now()}`,
      filedAt,
    );
    expect(out.errors).toEqual({});
    const id = out.id!;
    expect((await prisma.request.findUniqueOrThrow({ where: { id } })).deciderId).toBe(iso.ids.director);
    const reminders = () =>
      prisma.notification.findMany({
        where: { requestId: id, kind: "ACKNOWLEDGE_DUE" },
        orderBy: { createdAt: "asc" },
      });

    expect(await sendAcknowledgementReminders(new Date("2027-03-04T08:00:00Z"), scope)).toBe(0); // before the target
    expect(await sendAcknowledgementReminders(new Date("2027-03-05T08:00:00Z"), scope)).toBe(1); // the target day
    await sendAcknowledgementReminders(new Date("2027-03-05T15:00:00Z"), scope); // same day: no duplicate
    await sendAcknowledgementReminders(new Date("2027-03-08T08:00:00Z"), scope); // Monday: past the target
    const sent = await reminders();
    expect(sent.map((n) => [n.userId, n.title])).toEqual([
      [
        iso.ids.director,
        expect.stringMatching(/acknowledge this complaint today \(the council's target, DEF-C7\)$/),
      ],
      [iso.ids.director, expect.stringMatching(/is not yet acknowledged: the council's target was 5 March 2027/)],
    ]);

    // The Director acknowledges it on the complaint's page: no more reminders.
    const director = await iso.viewer(iso.ids.director);
    expect(
      await handleRequestAction(
        director,
        { requestId: id, action: "ACKNOWLEDGE", reasons: "Looking into it." },
        new Date("2027-03-08T10:00:00Z"),
      ),
    ).toEqual({ done: "ACKNOWLEDGE", requestId: id });
    expect(await sendAcknowledgementReminders(new Date("2027-03-09T08:00:00Z"), scope)).toBe(0);
    expect(await reminders()).toHaveLength(2);
  });
});
