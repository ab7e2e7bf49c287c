// People administration (issue 15, deliverable 2) through the form handlers the pages' server actions call, on real
// PostgreSQL, in isolated councils so that demo people stay as seeded: invitations by email (outbox, one-time link,
// expiry, resend), a person's details, roles, councillor and officer facts with AdminEvents, role changes taking effect
// on the next viewer load, reassignment of open work, deactivation ending sessions, and council isolation.
import { describe, expect, it } from "vitest";
import { canUse } from "@/lib/auth/permissions";
import { checkCredentials } from "@/lib/auth/credentials";
import { loadViewer, type Viewer } from "@/lib/auth/viewer";
import { dispatchEmails } from "@/lib/email/dispatch";
import type { Mailer, OutgoingEmail } from "@/lib/email/mailer";
import { AppError } from "@/lib/errors";
import { getProfile } from "@/lib/protocol/profiles";
import { toActor } from "@/lib/requests/actor";
import { visibleWithId } from "@/lib/requests/visibility";
import { deactivationCandidate } from "@/lib/users/queries";
import {
  handleAcceptInvitation,
  handleInvitePerson,
  handleResendInvitation,
  invitationState,
} from "@/lib/users/invitations";
import {
  handleReassignWork,
  handleUpdateMember,
  handleUpdateOfficer,
  handleUpdatePerson,
  handleUpdatePortfolio,
  personForAdmin,
} from "@/lib/users/people";
import { submitTypedForm } from "@/lib/requests/forms/typed";
import { setUserActive } from "@/lib/users/service";
import { requestOptions } from "@/lib/workflow/options";
import { createIsolatedCouncil, testPrisma } from "./helpers";

const prisma = testPrisma();
const APP = "https://requests.example";
let seq = 0;
const tag = () => `${process.pid}.${Date.now()}.${++seq}`;
const address = () => `10.15.${process.pid % 250}.${++seq % 250}`;

async function rejectsNotFound(p: Promise<unknown>) {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe("NOT_FOUND");
}

/** The viewer as the person's next request loads it: same session version, fresh from the database. */
async function nextLoad(id: string, sessionVersion: number): Promise<Viewer> {
  const v = await loadViewer(id, sessionVersion);
  if (!v) throw new Error("the session ended");
  return v;
}

const mayBrief = (v: Viewer) =>
  requestOptions(getProfile(v.council.profileKey), toActor(v)).find((o) => o.key === "briefing")!.allowed;

async function invite(admin: Viewer, roles = "MEMBER", now = new Date()) {
  const email = `new.person.${tag()}@iso.test`;
  const out = await handleInvitePerson(
    admin,
    { name: "Nia Newcomer", email: email.toUpperCase(), jobTitle: "Councillor", roles },
    now,
    APP,
  );
  expect(out.errors).toEqual({});
  return { id: out.id!, token: out.token!, email };
}

const goodPassword = (token: string, pw = "a-long-new-passphrase") => ({
  token,
  newPassword: pw,
  confirmPassword: pw,
});

/** A request held by `deciderId` / `allocatedToId`, visible to them (and its filer) only. */
async function openRequest(
  councilId: string,
  o: { createdById: string; deciderId?: string; allocatedToId?: string; groupId?: string },
) {
  const holders = [o.createdById, o.deciderId, o.allocatedToId].filter((x): x is string => !!x);
  return prisma.request.create({
    data: {
      councilId,
      reference: `PPL-${tag()}`,
      type: "INFORMATION",
      kind: "STANDARD",
      status: "SUBMITTED",
      subject: `Open work ${tag()}`,
      details: "Details",
      createdById: o.createdById,
      deciderId: o.deciderId ?? null,
      allocatedToId: o.allocatedToId ?? null,
      groupId: o.groupId ?? null,
      access: {
        create: [
          ...[...new Set(holders)].map((userId) => ({
            councilId,
            userId,
            level: "FULL" as const,
            ruleId: "DEF-A12",
          })),
          ...(o.groupId ? [{ councilId, groupId: o.groupId, level: "FULL" as const, ruleId: "DEF-B6" }] : []),
        ],
      },
    },
  });
}

const events = (councilId: string, entityId: string) =>
  prisma.adminEvent.findMany({ where: { councilId, entityId }, orderBy: { createdAt: "asc" } });

describe("invitations by email", () => {
  it("invite → the email in the outbox → accept with a good password → sign in; the link works once", async () => {
    const iso = await createIsolatedCouncil(prisma);
    const admin = await iso.viewer(iso.ids.admin);
    // Refusals first: nothing typed is lost, each message says what to do.
    const bad = await handleInvitePerson(admin, { name: " ", email: "not-an-email", roles: "" }, new Date(), APP);
    expect(bad.errors).toMatchObject({
      name: "Enter the person's full name",
      email: expect.stringMatching(/correct format/),
      roles: "Choose at least one role",
    });
    expect(bad.values.email).toBe("not-an-email");
    const forged = await handleInvitePerson(
      admin,
      { name: "X", email: `x.${tag()}@iso.test`, roles: "MEMBER\nSUPERUSER" },
      new Date(),
      APP,
    );
    expect(forged.errors.roles).toBe("Choose from the list of roles");
    const director = await prisma.user.findUniqueOrThrow({ where: { id: iso.ids.director } });
    const taken = await handleInvitePerson(
      admin,
      { name: "Dup", email: director.email.toUpperCase(), roles: "OFFICER" },
      new Date(),
      APP,
    );
    expect(taken.errors.email).toMatch(/already has an account/);

    const { id, token, email } = await invite(admin, "MEMBER\nCABINET_MEMBER");
    const user = await prisma.user.findUniqueOrThrow({ where: { id } });
    expect(user).toMatchObject({
      email,
      councilId: iso.council.id,
      roles: ["MEMBER", "CABINET_MEMBER"],
      active: true,
    });
    // Only a hash of the token is kept on the invitation.
    expect(await prisma.invitation.count({ where: { tokenHash: token } })).toBe(0);
    expect(await prisma.invitation.count({ where: { userId: id, usedAt: null } })).toBe(1);
    // The email is in the outbox, and goes out to the person with the link.
    const n = await prisma.notification.findFirstOrThrow({ where: { userId: id, kind: "INVITATION" } });
    expect(n.emailStatus).toBe("PENDING");
    expect(n.body).toContain(`${APP}/invitation/${token}`);
    const sent: OutgoingEmail[] = [];
    const mailer: Mailer = { describe: "test", send: async (m) => void sent.push(m) };
    await dispatchEmails(mailer, new Date(), { councilId: iso.council.id, appUrl: APP });
    const mail = sent.find((m) => m.to === email);
    expect(mail?.subject).toBe(`Set your password for Members' Requests at ${iso.council.name}`);
    expect(mail?.text).toContain(`${APP}/invitation/${token}`);
    expect(mail?.text).toContain("Ash Admin has given you an account");
    const [ev] = await events(iso.council.id, id);
    expect(ev).toMatchObject({ actorId: admin.id, entity: "USER", action: "INVITE", before: null });
    expect(ev!.after).toMatchObject({ email, roles: ["MEMBER", "CABINET_MEMBER"] });

    // Nobody can sign in before the password is set.
    expect((await checkCredentials(email, "a-long-new-passphrase", address())).ok).toBe(false);
    expect(await invitationState(token, new Date())).toMatchObject({
      state: "valid",
      email,
      name: "Nia Newcomer",
    });
    // The same password rules as a reset.
    expect(
      (await handleAcceptInvitation({ ...goodPassword(token), confirmPassword: "other" }, new Date())).errors,
    ).toEqual({ confirmPassword: "The passwords you entered do not match" });
    expect((await handleAcceptInvitation(goodPassword(token, "short"), new Date())).errors.newPassword).toMatch(
      /at least 12 characters/,
    );
    expect(await handleAcceptInvitation(goodPassword(token), new Date())).toMatchObject({ done: true });
    const signIn = await checkCredentials(email, "a-long-new-passphrase", address());
    expect(signIn.ok).toBe(true);
    // Their administrator's page shows they are signed in, with their password.
    expect((await personForAdmin(admin, id, new Date()))!.sessions.map((x) => x.method)).toEqual(["PASSWORD"]);
    // Once only.
    const again = await handleAcceptInvitation(goodPassword(token, "another-long-passphrase"), new Date());
    expect(again.errors.form).toMatch(/expired or has already been used/);
    expect(await invitationState(token, new Date())).toMatchObject({ state: "used" });
    expect((await checkCredentials(email, "another-long-passphrase", address())).ok).toBe(false);
    // A person who has set their password is not sent another invitation.
    const resend = await handleResendInvitation(admin, { userId: id }, new Date(), APP);
    expect(resend.errors.form).toMatch(/already set their password/);
  });

  it("an expired link is refused, saying whom to ask; a forged token is simply not valid", async () => {
    const iso = await createIsolatedCouncil(prisma);
    const admin = await iso.viewer(iso.ids.admin);
    const eightDaysAgo = new Date(Date.now() - 8 * 86_400_000);
    const { token, email } = await invite(admin, "MEMBER", eightDaysAgo);
    expect(await invitationState(token, new Date())).toEqual({
      state: "expired",
      councilName: iso.council.name,
      inviterName: "Ash Admin",
    });
    const out = await handleAcceptInvitation(goodPassword(token), new Date());
    expect(out.errors.form).toMatch(/expired or has already been used\. Ask your council's user administrator/);
    expect((await checkCredentials(email, "a-long-new-passphrase", address())).ok).toBe(false);
    expect(await invitationState("a".repeat(43), new Date())).toEqual({ state: "unknown" });
    expect(await invitationState("../../etc", new Date())).toEqual({ state: "unknown" });
    expect((await handleAcceptInvitation(goodPassword("nope"), new Date())).errors.token).toBe(
      "This link is not valid",
    );
  });

  it("resending sends a new link and the older one stops working; only the council's administrators can", async () => {
    const iso = await createIsolatedCouncil(prisma);
    const other = await createIsolatedCouncil(prisma);
    const admin = await iso.viewer(iso.ids.admin);
    const { id, token: first, email } = await invite(admin);
    await rejectsNotFound(handleResendInvitation(await other.viewer(other.ids.admin), { userId: id }, new Date()));
    await rejectsNotFound(handleResendInvitation(iso.member, { userId: id }, new Date()));
    await rejectsNotFound(handleResendInvitation(admin, { userId: "not an id" }, new Date()));
    const out = await handleResendInvitation(admin, { userId: id }, new Date(), APP);
    expect(out.errors).toEqual({});
    const second = out.token!;
    expect(second).not.toBe(first);
    expect(await invitationState(first, new Date())).toEqual({ state: "unknown" });
    expect((await handleAcceptInvitation(goodPassword(first), new Date())).errors.form).toMatch(/expired/);
    const mails = await prisma.notification.findMany({ where: { userId: id, kind: "INVITATION" } });
    expect(mails.map((m) => m.body.includes(second))).toContain(true);
    expect((await events(iso.council.id, id)).map((e) => `${e.entity}:${e.action}`)).toEqual([
      "USER:INVITE",
      "INVITATION:INVITE",
    ]);
    expect(await handleAcceptInvitation(goodPassword(second), new Date())).toMatchObject({ done: true });
    // Someone who set their password by a reset link instead is not sent an invitation either.
    const { id: resetter } = await invite(admin);
    await prisma.passwordReset.create({
      data: {
        userId: resetter,
        tokenHash: `used-${tag()}`,
        requestedFrom: "test",
        expiresAt: new Date(),
        usedAt: new Date(),
      },
    });
    expect((await handleResendInvitation(admin, { userId: resetter }, new Date(), APP)).errors.form).toMatch(
      /already set their password/,
    );
    expect((await personForAdmin(admin, resetter, new Date()))!.invitation.passwordSet).toBe(true);
    expect((await checkCredentials(email, "a-long-new-passphrase", address())).ok).toBe(true);
  });
});

describe("a person's page: details, roles, councillor and officer facts", () => {
  it("roles, offices, wards and committees are saved with AdminEvents and apply on the person's next request", async () => {
    const iso = await createIsolatedCouncil(prisma);
    const admin = await iso.viewer(iso.ids.admin);
    const cid = iso.council.id;
    const planning = await prisma.committee.create({ data: { councilId: cid, name: "Planning Committee" } });
    const cabinet = await prisma.committee.create({ data: { councilId: cid, name: "Cabinet", kind: "CABINET" } });
    const oldWard = await prisma.ward.create({
      data: { councilId: cid, name: "Old Ward", retiredAt: new Date() },
    });
    const retiredGroup = await prisma.partyGroup.create({
      data: { councilId: cid, name: "Old Group", retiredAt: new Date() },
    });
    const m1 = await prisma.user.findUniqueOrThrow({ where: { id: iso.ids.m1 } });
    // A group briefing for the Red group: its members see it through the group's grant.
    const briefing = await openRequest(cid, {
      createdById: iso.ids.m2,
      deciderId: iso.ids.ce,
      groupId: iso.red.id,
    });

    let v = await nextLoad(m1.id, m1.sessionVersion);
    expect(v.roles).not.toContain("GROUP_LEADER");
    expect(mayBrief(v)).toBe(false);
    expect(await prisma.request.count({ where: visibleWithId(v, briefing.id) })).toBe(1);

    // Forged and retired choices are refused, field by field.
    const base = { userId: m1.id, partyGroupId: iso.red.id, wardIds: iso.north.id };
    const other = await createIsolatedCouncil(prisma);
    expect(
      (await handleUpdateMember(admin, { ...base, wardIds: other.north.id }, new Date())).errors.wardIds,
    ).toBe("Choose wards from the list");
    expect((await handleUpdateMember(admin, { ...base, wardIds: oldWard.id }, new Date())).errors.wardIds).toBe(
      "Choose wards from the list",
    );
    expect(
      (await handleUpdateMember(admin, { ...base, partyGroupId: retiredGroup.id }, new Date())).errors
        .partyGroupId,
    ).toBe("Choose the party group from the list");
    expect(
      (await handleUpdateMember(admin, { ...base, partyGroupId: other.red.id }, new Date())).errors.partyGroupId,
    ).toBe("Choose the party group from the list");
    expect(
      (await handleUpdateMember(admin, { ...base, partyGroupId: "", offices: "LEADER" }, new Date())).errors
        .partyGroupId,
    ).toMatch(/group offices are held in a group/);
    expect((await handleUpdateMember(admin, { ...base, offices: "EMPEROR" }, new Date())).errors.offices).toBe(
      "Choose from the list of group offices",
    );
    expect(
      (await handleUpdateMember(admin, { ...base, portfolios: "Made up" }, new Date())).errors.portfolios,
    ).toBe("Choose portfolios from the list");
    expect(await events(cid, m1.id)).toEqual([]);

    // Group Leader, Spokesperson for Planning, both wards, the Planning Committee which they chair.
    const saved = await handleUpdateMember(
      admin,
      {
        ...base,
        offices: "LEADER",
        portfolios: "Planning Committee",
        wardIds: `${iso.north.id}\n${iso.south.id}`,
        committeeIds: "",
        chairIds: planning.id,
      },
      new Date(),
    );
    expect(saved).toMatchObject({ done: true });
    v = await nextLoad(m1.id, m1.sessionVersion); // the same session: no sign-in again
    expect(v.roles).toEqual(
      expect.arrayContaining(["GROUP_LEADER", "SPOKESPERSON", "COMMITTEE_CHAIR", "WARD_MEMBER"]),
    );
    expect(v.groupOffices).toEqual(
      expect.arrayContaining([
        { kind: "LEADER", portfolio: "", portfolioId: null },
        { kind: "SPOKESPERSON", portfolio: "Planning Committee", portfolioId: planning.id },
      ]),
    );
    expect(v.wards.map((w) => w.name)).toEqual(["North", "South"]);
    expect(v.committees.map((c) => c.name)).toEqual(["Planning Committee"]); // chairing makes them a member
    expect(v.chairOf.map((c) => c.name)).toEqual(["Planning Committee"]);
    expect(mayBrief(v)).toBe(true);
    const [ev] = await events(cid, m1.id);
    expect(ev).toMatchObject({ actorId: admin.id, entity: "USER", action: "UPDATE" });
    expect(ev!.before).toMatchObject({ wards: ["North"], chairOf: [], groupOffices: [] });
    expect(ev!.after).toMatchObject({
      wards: ["North", "South"],
      chairOf: ["Planning Committee"],
      groupOffices: ["Group Leader", "Spokesperson: Planning Committee"],
    });
    expect(ev!.summary).toMatch(/^Changed Mo Member: group offices, wards, committees, committees chaired/);

    // Another member becomes the Red group's Leader and the Planning chair: it moves from Mo.
    const m2 = await prisma.user.findUniqueOrThrow({ where: { id: iso.ids.m2 } });
    expect(
      await handleUpdateMember(
        admin,
        {
          userId: m2.id,
          partyGroupId: iso.red.id,
          offices: "LEADER",
          wardIds: iso.south.id,
          chairIds: planning.id,
        },
        new Date(),
      ),
    ).toMatchObject({ done: true });
    const moved = (await events(cid, m2.id)).at(-1);
    expect(moved!.summary).toMatch(
      /Mo Member is no longer Group Leader; Mo Member no longer chairs Planning Committee/,
    );
    v = await nextLoad(m1.id, m1.sessionVersion);
    expect(v.roles).not.toContain("GROUP_LEADER");
    expect(v.roles).not.toContain("COMMITTEE_CHAIR");
    expect(v.roles).toContain("SPOKESPERSON");

    // Demoted: out of the Red group, no offices. The group's briefing and the right to ask for one go at once.
    expect(
      await handleUpdateMember(
        admin,
        { userId: m1.id, partyGroupId: iso.blue.id, wardIds: iso.north.id },
        new Date(),
      ),
    ).toMatchObject({ done: true });
    v = await nextLoad(m1.id, m1.sessionVersion);
    expect(v.partyGroup?.name).toBe("Blue Group");
    expect(v.roles).not.toContain("SPOKESPERSON");
    expect(mayBrief(v)).toBe(false);
    expect(await prisma.request.count({ where: visibleWithId(v, briefing.id) })).toBe(0);

    // Stored roles: a Cabinet Member on the Cabinet; name and job title.
    const details = await handleUpdatePerson(
      admin,
      {
        userId: m1.id,
        name: "Mo Member-Smith",
        jobTitle: "Cabinet Member for Environment",
        roles: "MEMBER\nCABINET_MEMBER",
      },
      new Date(),
    );
    expect(details).toMatchObject({ done: true });
    await handleUpdateMember(
      admin,
      { userId: m1.id, partyGroupId: iso.blue.id, wardIds: iso.north.id, committeeIds: cabinet.id },
      new Date(),
    );
    v = await nextLoad(m1.id, m1.sessionVersion);
    expect(v).toMatchObject({ name: "Mo Member-Smith", jobTitle: "Cabinet Member for Environment" });
    expect(v.roles).toEqual(expect.arrayContaining(["CABINET_MEMBER", "COMMITTEE_MEMBER"]));
    const roleEvent = (await events(cid, m1.id)).find((e) => JSON.stringify(e.after).includes("CABINET_MEMBER"));
    expect(roleEvent!.before).toMatchObject({ name: "Mo Member", roles: ["MEMBER"] });
    expect(roleEvent!.after).toMatchObject({ name: "Mo Member-Smith", roles: ["MEMBER", "CABINET_MEMBER"] });
    // The member form is for councillors only.
    expect(
      (await handleUpdateMember(admin, { userId: iso.ids.officer, partyGroupId: iso.red.id }, new Date())).errors
        .form,
    ).toMatch(/Councillor role first/);
  });

  it("a new role's pages appear on the next request; an administrator cannot remove their own ADMIN role", async () => {
    const iso = await createIsolatedCouncil(prisma);
    const admin = await iso.viewer(iso.ids.admin);
    const officer = await prisma.user.findUniqueOrThrow({ where: { id: iso.ids.officer } });
    expect(canUse((await nextLoad(officer.id, officer.sessionVersion)).roles, "users")).toBe(false);
    const out = await handleUpdatePerson(
      admin,
      { userId: officer.id, name: officer.name, jobTitle: "", roles: "OFFICER\nADMIN\nCHIEF_OFFICER" },
      new Date(),
    );
    expect(out).toMatchObject({ done: true });
    const v = await nextLoad(officer.id, officer.sessionVersion);
    expect(canUse(v.roles, "users")).toBe(true);
    expect(canUse(v.roles, "dashboard")).toBe(true);
    expect(v.jobTitle).toBeNull();
    const self = await handleUpdatePerson(
      admin,
      { userId: admin.id, name: admin.name, jobTitle: "", roles: "OFFICER" },
      new Date(),
    );
    expect(self.errors.roles).toMatch(/cannot remove your own administrator role/);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: admin.id } })).roles).toContain("ADMIN");
    // And back: the pages go on the next request.
    await handleUpdatePerson(admin, { userId: officer.id, name: officer.name, roles: "OFFICER" }, new Date());
    const after = await nextLoad(officer.id, officer.sessionVersion);
    expect(canUse(after.roles, "users")).toBe(false);
    expect(canUse(after.roles, "dashboard")).toBe(false);
  });

  it("CWC-B2, CWC-E5: a Cabinet Member's portfolio (its name and services) is set on their page; they may then ask for a briefing on its subject, not on another's; a retired service no longer counts", async () => {
    const iso = await createIsolatedCouncil(prisma, "CWC");
    const admin = await iso.viewer(iso.ids.admin);
    const cid = iso.council.id;
    const other = await createIsolatedCouncil(prisma, "CWC");
    const member = await prisma.user.findUniqueOrThrow({ where: { id: iso.ids.m1 } });
    const portfolio = {
      userId: member.id,
      portfolioName: "Place and Environment",
      portfolioServiceIds: iso.service.id,
    };
    // Not yet a Cabinet Member: the page explains what to do first.
    expect((await handleUpdatePortfolio(admin, portfolio, new Date())).errors.form).toMatch(
      /Give this person the Cabinet Member role first/,
    );
    await handleUpdatePerson(
      admin,
      { userId: member.id, name: member.name, roles: "MEMBER\nCABINET_MEMBER" },
      new Date(),
    );
    expect(
      (await handleUpdatePortfolio(admin, { ...portfolio, portfolioServiceIds: other.service.id }, new Date()))
        .errors.portfolioServiceIds,
    ).toBe("Choose services from the list");
    expect(
      (await handleUpdatePortfolio(admin, { ...portfolio, portfolioName: " " }, new Date())).errors.portfolioName,
    ).toMatch(/Enter the portfolio's name/);
    expect(
      (await handleUpdatePortfolio(admin, { ...portfolio, portfolioName: "x".repeat(500) }, new Date())).errors
        .portfolioName,
    ).toMatch(/characters or fewer/);
    // Another council's administrator: not found.
    await rejectsNotFound(handleUpdatePortfolio(await other.viewer(other.ids.admin), portfolio, new Date()));
    expect(await handleUpdatePortfolio(admin, portfolio, new Date())).toMatchObject({ done: true });
    const ev = (await events(cid, member.id)).at(-1)!;
    expect(ev.summary).toMatch(/Cabinet portfolio, services in the portfolio/);
    expect(ev.after).toMatchObject({ portfolioName: "Place and Environment", portfolioServices: ["Place"] });
    const page = await personForAdmin(admin, member.id, new Date());
    expect(page!.person.portfolioServices.map((s) => s.name)).toEqual(["Place"]);
    // Their next request: the portfolio covers Place, not Children's Services.
    const v = await nextLoad(member.id, member.sessionVersion);
    expect(v.portfolio).toEqual({ name: "Place and Environment", serviceIds: [iso.service.id] });
    expect(toActor(v).portfolioIds).toEqual([iso.service.id]);
    const briefing = (serviceId: string) => ({
      subject: `Portfolio briefing ${tag()}`,
      subjectKey: `portfolio-${tag()}`,
      councilBusiness: "The parking review before Cabinet",
      onePartyMeeting: "no",
      groupIds: iso.red.id,
      serviceId,
    });
    const refused = await submitTypedForm(v, "briefing", briefing(iso.service2.id), `k-${tag()}`, new Date());
    expect(Object.values(refused.errors).join(" ")).toMatch(/CWC-B2/);
    const filed = await submitTypedForm(v, "briefing", briefing(iso.service.id), `k-${tag()}`, new Date());
    expect(filed.errors).toEqual({});
    expect((await prisma.request.findUniqueOrThrow({ where: { id: filed.id! } })).type).toBe("BRIEFING");
    // Retiring the service takes it out of the portfolio that counts; the page keeps it, marked retired.
    await prisma.service.update({ where: { id: iso.service.id }, data: { retiredAt: new Date() } });
    expect((await nextLoad(member.id, member.sessionVersion)).portfolio.serviceIds).toEqual([]);
    expect(
      await handleUpdatePortfolio(admin, { ...portfolio, portfolioServiceIds: "" }, new Date()),
    ).toMatchObject({
      done: true,
    });
    expect(
      (
        await prisma.user.findUniqueOrThrow({ where: { id: member.id }, include: { portfolioServices: true } })
      ).portfolioServices.map((s) => s.name),
    ).toEqual(["Place"]);
  });

  it("an officer's service, seniority, tier, JNC flag, the service they head and weekly capacity", async () => {
    const iso = await createIsolatedCouncil(prisma);
    const admin = await iso.viewer(iso.ids.admin);
    const cid = iso.council.id;
    const retired = await prisma.service.create({
      data: { councilId: cid, name: "Old Service", retiredAt: new Date() },
    });
    const base = { userId: iso.ids.officer, serviceId: iso.service2.id };
    expect((await handleUpdateOfficer(admin, { ...base, tier: "12" }, new Date())).errors.tier).toMatch(/1 to 9/);
    expect(
      (await handleUpdateOfficer(admin, { ...base, weeklyCapacityHours: "lots" }, new Date())).errors
        .weeklyCapacityHours,
    ).toMatch(/0 to 80/);
    expect(
      (await handleUpdateOfficer(admin, { ...base, serviceId: retired.id }, new Date())).errors.serviceId,
    ).toBe("Choose the service from the list");
    expect(
      (await handleUpdateOfficer(admin, { ...base, chiefOfficerOfIds: retired.id }, new Date())).errors
        .chiefOfficerOfIds,
    ).toBe("Choose services from the list");
    expect(
      await handleUpdateOfficer(
        admin,
        {
          ...base,
          seniority: "SENIOR",
          tier: "3",
          jnc: "yes",
          chiefOfficerOfIds: iso.service2.id,
          weeklyCapacityHours: "20",
        },
        new Date(),
      ),
    ).toMatchObject({ done: true });
    const u = await prisma.user.findUniqueOrThrow({ where: { id: iso.ids.officer } });
    expect(u).toMatchObject({
      serviceId: iso.service2.id,
      seniority: "SENIOR",
      tier: 3,
      jnc: true,
      weeklyCapacityHours: 20,
    });
    const v = await nextLoad(u.id, u.sessionVersion);
    expect(v.headedServiceIds).toEqual([iso.service2.id]);
    expect((await iso.viewer(iso.ids.director2)).headedServiceIds).toEqual([]);
    const ev = (await events(cid, u.id)).at(-1)!;
    expect(ev.summary).toMatch(/Chris Children no longer heads Children's Services/);
    expect(ev.before).toMatchObject({
      service: "Place",
      seniority: null,
      tier: null,
      jnc: false,
      chiefOfficerOf: [],
    });
    expect(ev.after).toMatchObject({
      service: "Children's Services",
      seniority: "SENIOR",
      tier: 3,
      jnc: true,
      chiefOfficerOf: ["Children's Services"],
      weeklyCapacityHours: 20,
    });
    // Cleared again: empty means not recorded.
    await handleUpdateOfficer(
      admin,
      { userId: u.id, serviceId: "", seniority: "", tier: "", chiefOfficerOfIds: "" },
      new Date(),
    );
    expect(await prisma.user.findUniqueOrThrow({ where: { id: u.id } })).toMatchObject({
      serviceId: null,
      seniority: null,
      tier: null,
      jnc: false,
      weeklyCapacityHours: null,
    });
    expect((await prisma.service.findUniqueOrThrow({ where: { id: iso.service2.id } })).chiefOfficerId).toBeNull();
  });
});

describe("administrators are per council", () => {
  it("another council's administrator, and anyone but an administrator, get not found (forged ids too)", async () => {
    const iso = await createIsolatedCouncil(prisma);
    const other = await createIsolatedCouncil(prisma);
    const admin = await iso.viewer(iso.ids.admin);
    const otherAdmin = await other.viewer(other.ids.admin);
    const target = iso.ids.m1;
    const before = await prisma.user.findUniqueOrThrow({ where: { id: target }, include: { wards: true } });
    expect(await personForAdmin(admin, target, new Date())).not.toBeNull();
    expect(await personForAdmin(otherAdmin, target, new Date())).toBeNull();
    expect(await personForAdmin(iso.member, target, new Date())).toBeNull();
    expect(await personForAdmin(await iso.viewer(iso.ids.ce), target, new Date())).toBeNull();
    for (const who of [otherAdmin, iso.member, await iso.viewer(iso.ids.mo)]) {
      await rejectsNotFound(
        handleUpdatePerson(who, { userId: target, name: "Hijacked", roles: "MEMBER\nADMIN" }, new Date()),
      );
      await rejectsNotFound(
        handleUpdateMember(
          who,
          { userId: target, partyGroupId: other.red.id, wardIds: other.north.id },
          new Date(),
        ),
      );
      await rejectsNotFound(handleUpdateOfficer(who, { userId: iso.ids.officer, tier: "1" }, new Date()));
      await rejectsNotFound(
        handleReassignWork(who, { userId: iso.ids.officer, toId: iso.ids.officer2 }, new Date()),
      );
      await rejectsNotFound(setUserActive(who, target, false));
    }
    await rejectsNotFound(
      handleInvitePerson(iso.member, { name: "X", email: `x.${tag()}@iso.test`, roles: "ADMIN" }, new Date()),
    );
    await rejectsNotFound(
      handleUpdatePerson(admin, { userId: "'; DROP TABLE", name: "X", roles: "MEMBER" }, new Date()),
    );
    // The other council's administrator cannot give their own member this council's wards or groups either.
    const forged = await handleUpdateMember(
      otherAdmin,
      { userId: other.ids.m1, partyGroupId: iso.red.id, wardIds: iso.north.id },
      new Date(),
    );
    expect(forged.errors.partyGroupId).toBe("Choose the party group from the list");
    const after = await prisma.user.findUniqueOrThrow({ where: { id: target }, include: { wards: true } });
    expect(after).toMatchObject({
      name: before.name,
      roles: before.roles,
      active: true,
      partyGroupId: before.partyGroupId,
    });
    expect(after.wards.map((w) => w.id)).toEqual(before.wards.map((w) => w.id));
    expect(await prisma.adminEvent.count({ where: { councilId: iso.council.id } })).toBe(0);
  });
});

describe("deactivation: open work, reassignment, sessions", () => {
  it("open work is listed at the administrator's level and moves to another active officer, who can then see it", async () => {
    const iso = await createIsolatedCouncil(prisma);
    const other = await createIsolatedCouncil(prisma);
    const admin = await iso.viewer(iso.ids.admin);
    const cid = iso.council.id;
    const decided = await openRequest(cid, { createdById: iso.ids.m1, deciderId: iso.ids.officer });
    const allocated = await openRequest(cid, {
      createdById: iso.ids.m2,
      deciderId: iso.ids.director,
      allocatedToId: iso.ids.officer,
    });
    const closed = await openRequest(cid, { createdById: iso.ids.m1, deciderId: iso.ids.officer });
    await prisma.request.update({ where: { id: closed.id }, data: { status: "GRANTED" } });
    const newHolder = await iso.viewer(iso.ids.officer2);
    expect(await prisma.request.count({ where: visibleWithId(newHolder, decided.id) })).toBe(0);

    const candidate = (await deactivationCandidate(admin, iso.ids.officer))!;
    expect(candidate.openWork).toBe(2);
    expect(candidate.work.reassignable).toBe(2);
    // The administrator holds no grant on these requests: their type and status only, never reference or subject.
    expect(candidate.work.items.map((w) => w.reference)).toEqual([null, null]);
    expect(JSON.stringify(candidate.work.items)).not.toContain(decided.subject);
    expect(candidate.work.items.flatMap((w) => w.holds).sort()).toEqual(["ALLOCATED", "DECIDER"]);
    expect(candidate.officers.map((o) => o.id)).toContain(iso.ids.officer2);
    expect(candidate.officers.map((o) => o.id)).not.toContain(iso.ids.officer);
    expect(candidate.officers.map((o) => o.id)).not.toContain(iso.ids.m1);

    const noOne = await handleReassignWork(admin, { userId: iso.ids.officer, toId: "" }, new Date());
    expect(noOne.errors.toId).toMatch(/Choose the officer/);
    for (const toId of [iso.ids.m1, other.ids.officer2, iso.ids.officer]) {
      const out = await handleReassignWork(admin, { userId: iso.ids.officer, toId }, new Date());
      expect(out.errors.toId).toBe("Choose an officer from the list");
    }
    const done = await handleReassignWork(admin, { userId: iso.ids.officer, toId: iso.ids.officer2 }, new Date());
    expect(done).toMatchObject({ done: true, count: 2, toName: "Pat Planner" });
    expect(await prisma.request.findUniqueOrThrow({ where: { id: decided.id } })).toMatchObject({
      deciderId: iso.ids.officer2,
      status: "SUBMITTED",
      version: 2,
    });
    expect(await prisma.request.findUniqueOrThrow({ where: { id: allocated.id } })).toMatchObject({
      deciderId: iso.ids.director,
      allocatedToId: iso.ids.officer2,
    });
    expect((await prisma.request.findUniqueOrThrow({ where: { id: closed.id } })).deciderId).toBe(iso.ids.officer);
    for (const r of [decided, allocated]) {
      const step = await prisma.auditEvent.findFirstOrThrow({ where: { requestId: r.id, action: "REASSIGNED" } });
      expect(step).toMatchObject({
        actorId: admin.id,
        ruleId: "COUNCIL",
        fromStatus: "SUBMITTED",
        toStatus: "SUBMITTED",
      });
      expect(await prisma.request.count({ where: visibleWithId(newHolder, r.id) })).toBe(1);
      expect(await prisma.notification.count({ where: { requestId: r.id, userId: iso.ids.officer2 } })).toBe(1);
    }
    const ev = (await events(cid, iso.ids.officer)).at(-1)!;
    expect(ev).toMatchObject({
      action: "REASSIGN",
      summary: "Gave 2 open requests of Olive Officer to Pat Planner",
    });
    expect(ev.after).toMatchObject({
      holder: "Pat Planner",
      requests: expect.arrayContaining([decided.reference]),
    });
    expect((await deactivationCandidate(admin, iso.ids.officer))!.openWork).toBe(0);
    const nothing = await handleReassignWork(
      admin,
      { userId: iso.ids.officer, toId: iso.ids.officer2 },
      new Date(),
    );
    expect(nothing.errors.form).toMatch(/holds no open requests/);
    await rejectsNotFound(
      handleReassignWork(
        await other.viewer(other.ids.admin),
        { userId: iso.ids.officer2, toId: other.ids.officer },
        new Date(),
      ),
    );
  });

  it("deactivation ends sessions at once, withdraws unused invitation links and keeps history; reactivation", async () => {
    const iso = await createIsolatedCouncil(prisma);
    const admin = await iso.viewer(iso.ids.admin);
    const officer = await prisma.user.findUniqueOrThrow({ where: { id: iso.ids.officer } });
    const r = await openRequest(iso.council.id, { createdById: iso.ids.m1, deciderId: officer.id });
    const signIn = await checkCredentials(officer.email, "a-long-test-password", address());
    if (!signIn.ok) throw new Error("could not sign in");
    expect(await loadViewer(officer.id, officer.sessionVersion, signIn.sessionId)).not.toBeNull();
    await expect(setUserActive(admin, admin.id, false)).rejects.toThrow(/cannot deactivate your own account/);
    await setUserActive(admin, officer.id, false);
    expect(await loadViewer(officer.id, officer.sessionVersion, signIn.sessionId)).toBeNull();
    expect((await prisma.session.findUniqueOrThrow({ where: { id: signIn.sessionId } })).revokedAt).not.toBeNull();
    expect((await checkCredentials(officer.email, "a-long-test-password", address())).ok).toBe(false);
    // History stays: the request and what it says about them.
    expect((await prisma.request.findUniqueOrThrow({ where: { id: r.id } })).deciderId).toBe(officer.id);
    // An invited person who is deactivated before accepting: the link stops working.
    const { id, token } = await invite(admin);
    await setUserActive(admin, id, false);
    expect(await invitationState(token, new Date())).toEqual({ state: "unknown" });
    expect((await handleAcceptInvitation(goodPassword(token), new Date())).errors.form).toMatch(/expired/);
    // Reactivated: they sign in afresh; the old session does not come back.
    await setUserActive(admin, officer.id, true);
    expect(await loadViewer(officer.id, officer.sessionVersion, signIn.sessionId)).toBeNull();
    expect((await checkCredentials(officer.email, "a-long-test-password", address())).ok).toBe(true);
    expect((await events(iso.council.id, officer.id)).map((e) => [e.action, e.before, e.after])).toEqual([
      ["DEACTIVATE", { active: true }, { active: false }],
      ["REACTIVATE", { active: false }, { active: true }],
    ]);
  });
});
