// Revocable sessions (session version), user administration and council isolation, on real PostgreSQL.
import { describe, expect, it } from "vitest";
import { loadViewer } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { councilDirectory } from "@/lib/people/queries";
import { listCouncilUsers } from "@/lib/users/queries";
import { changePassword, setUserActive } from "@/lib/users/service";
import { checkCredentials } from "@/lib/auth/credentials";
import { createTestUser, testPrisma, viewerByEmail } from "./helpers";

const prisma = testPrisma();

async function expectAppError(p: Promise<unknown>, code: string) {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe(code);
  return err as AppError;
}

describe("revocable sessions", () => {
  it("a session carrying the current version loads the viewer with council, group, wards and derived roles", async () => {
    const v = await viewerByEmail(prisma, "gordon.fairclough@wigan.example");
    expect(v.council.profileKey).toBe("WIG");
    expect(v.partyGroup?.name).toBe("Conservative Group");
    expect(v.roles).toEqual(expect.arrayContaining(["MEMBER", "GROUP_LEADER", "WARD_MEMBER", "COMMITTEE_MEMBER"]));
    expect(v.wards.map((w) => w.name)).toEqual(["Standish with Langtree"]);
  });

  it("deactivating a user ends their open sessions at once, and reactivating does not revive them", async () => {
    const admin = await viewerByEmail(prisma, "paul.hindley@wigan.example");
    const { user } = await createTestUser(prisma, "wigan");
    const sessionVersion = user.sessionVersion;
    expect(await loadViewer(user.id, sessionVersion)).not.toBeNull();
    await setUserActive(admin, user.id, false);
    expect(await loadViewer(user.id, sessionVersion)).toBeNull();
    await setUserActive(admin, user.id, true);
    expect(await loadViewer(user.id, sessionVersion)).toBeNull();
    const fresh = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await loadViewer(user.id, fresh.sessionVersion)).not.toBeNull();
  });

  it("changing a password ends every session and only the new password works", async () => {
    const { user, email, password } = await createTestUser(prisma, "halstead");
    await changePassword({ id: user.id }, password, "a-brand-new-passphrase");
    expect(await loadViewer(user.id, user.sessionVersion)).toBeNull();
    expect((await checkCredentials(email, password)).ok).toBe(false);
    expect((await checkCredentials(email, "a-brand-new-passphrase")).ok).toBe(true);
  });

  it("refuses a password change with the wrong current password, saying which field", async () => {
    const { user } = await createTestUser(prisma, "halstead");
    const err = await expectAppError(
      changePassword({ id: user.id }, "not-my-password", "another-long-password"),
      "VALIDATION",
    );
    expect(err.fields.currentPassword).toMatch(/current password is not correct/);
  });

  it("lets only one of two concurrent password changes win", async () => {
    const { user, password } = await createTestUser(prisma, "halstead");
    const results = await Promise.allSettled([
      changePassword({ id: user.id }, password, "first-new-password-x"),
      changePassword({ id: user.id }, password, "second-new-password-y"),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const after = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.sessionVersion).toBe(user.sessionVersion + 1);
  });
});

describe("user administration", () => {
  it("a user of another council is not found, not forbidden", async () => {
    const wiganAdmin = await viewerByEmail(prisma, "paul.hindley@wigan.example");
    const { user } = await createTestUser(prisma, "halton");
    await expectAppError(setUserActive(wiganAdmin, user.id, false), "NOT_FOUND");
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).active).toBe(true);
  });

  it("someone who is not a user administrator cannot deactivate anyone (not found)", async () => {
    const member = await viewerByEmail(prisma, "patricia.lunt@wigan.example");
    const { user } = await createTestUser(prisma, "wigan");
    await expectAppError(setUserActive(member, user.id, false), "NOT_FOUND");
  });

  it("an administrator cannot deactivate themself", async () => {
    const { user } = await createTestUser(prisma, "wigan", { roles: ["OFFICER", "ADMIN"] });
    const admin = (await loadViewer(user.id, user.sessionVersion))!;
    const err = await expectAppError(setUserActive(admin, user.id, false), "VALIDATION");
    expect(err.message).toMatch(/cannot deactivate your own account/);
  });

  it("lists only the administrator's own council, searchable and paginated", async () => {
    const admin = await viewerByEmail(prisma, "joanna.fielding@cheshire-west.example");
    const all = await listCouncilUsers(admin, { q: "", page: 1 });
    const cwc = await prisma.council.findUniqueOrThrow({ where: { slug: "cheshire-west" } });
    expect(all.total).toBe(await prisma.user.count({ where: { councilId: cwc.id } }));
    expect(all.users.length).toBeLessThanOrEqual(25);
    expect((await listCouncilUsers(admin, { q: "Ormerod", page: 1 })).total).toBe(0); // a Wigan councillor
    const found = await listCouncilUsers(admin, { q: "calloway", page: 1 });
    expect(found.users.map((u) => u.name)).toEqual(["Ruth Calloway"]);
  });

  it("paginates a long list without overlap", async () => {
    const admin = await viewerByEmail(prisma, "hannah.greig@ashdown-vale.example");
    for (let i = 0; i < 30; i++)
      await createTestUser(prisma, "ashdown-vale", { name: `Paging Person ${String(i).padStart(2, "0")}` });
    const p1 = await listCouncilUsers(admin, { q: "Paging Person", page: 1 });
    const p2 = await listCouncilUsers(admin, { q: "Paging Person", page: 2 });
    expect(p1.total).toBe(30);
    expect(p1.pages).toBe(2);
    expect(p1.users).toHaveLength(25);
    expect(p2.users).toHaveLength(5);
    expect(new Set([...p1.users, ...p2.users].map((u) => u.id)).size).toBe(30);
  });

  it("the people directory shows only the viewer's council", async () => {
    const v = await viewerByEmail(prisma, "margaret.doyle@halstead.example");
    const dir = await councilDirectory(v);
    const names = dir.groups.flatMap((g) => g.members.map((m) => m.name));
    expect(names).toContain("Samuel Tolley");
    expect(names).not.toContain("Keith Ormerod");
    expect(dir.wards.map((w) => w.name).sort()).toEqual(["Halstead St Andrew's", "Halstead Trinity"]);
  });
});
