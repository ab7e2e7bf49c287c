// Start a council from nothing (issue 15): the council, on one of the protocol profiles, its first administrator
// (Administrator and Officer, active, no password yet) and an invitation for them to set their password — one
// transaction, recorded in the council's administrative log with no actor (the command line). Called by
// `npm run council:create` (scripts/council-create.ts) and by the tests.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { getProfile } from "@/lib/protocol/profiles";
import { recordAdminChange } from "./audit";
import { validateCouncilInput } from "./council-args";
import { createInvitation, INVITATION_DAYS, invitationLink } from "./invitations";

export type CouncilCreated = {
  ok: true;
  council: { id: string; slug: string; name: string; kind: string; profileKey: string };
  admin: { id: string; name: string; email: string };
  /** The raw invitation token (only its hash is stored) and the link built from it. */
  token: string;
  link: string;
  expiresAt: Date;
};
export type CouncilRefused = { ok: false; errors: Partial<Record<string, string>> };

const slugTaken = (slug: string) => `A council with the slug "${slug}" already exists: choose another slug`;
const emailTaken = (email: string) =>
  `An account with the email ${email} already exists: give the new council's administrator another address`;

/**
 * Validates the values (the fields of lib/admin/council-args.ts), refuses a slug or an administrator's email that
 * is already used, and creates everything at once. `appUrl` builds the printed link (NEXTAUTH_URL by default).
 */
export async function createCouncil(
  prisma: PrismaClient,
  values: Record<string, string | undefined>,
  o: { now?: Date; appUrl?: string; days?: number } = {},
): Promise<CouncilCreated | CouncilRefused> {
  const checked = validateCouncilInput(values);
  if (!checked.ok) return checked;
  const input = checked.input;
  const now = o.now ?? new Date();
  const days = o.days ?? INVITATION_DAYS;
  const profile = getProfile(input.profile);
  const taken = async (): Promise<CouncilRefused | null> => {
    const [council, user] = await Promise.all([
      prisma.council.findUnique({ where: { slug: input.slug }, select: { id: true } }),
      prisma.user.findUnique({ where: { email: input.adminEmail }, select: { id: true } }),
    ]);
    if (!council && !user) return null;
    return {
      ok: false,
      errors: {
        ...(council ? { slug: slugTaken(input.slug) } : {}),
        ...(user ? { adminEmail: emailTaken(input.adminEmail) } : {}),
      },
    };
  };
  const refused = await taken();
  if (refused) return refused;
  try {
    return await prisma.$transaction(async (tx) => {
      const council = await tx.council.create({
        data: { slug: input.slug, name: input.name, kind: input.kind, profileKey: profile.key, createdAt: now },
      });
      const admin = await tx.user.create({
        data: {
          councilId: council.id,
          name: input.adminName,
          email: input.adminEmail,
          // No password until the invitation is used: an empty hash never verifies (lib/auth/password.ts).
          passwordHash: "",
          roles: ["ADMIN", "OFFICER"],
          active: true,
        },
      });
      const token = await createInvitation(tx, {
        councilId: council.id,
        userId: admin.id,
        invitedById: null,
        days,
        now,
      });
      const expiresAt = new Date(now.getTime() + days * 86_400_000);
      await recordAdminChange(tx, council, null, {
        entity: "COUNCIL",
        entityId: council.id,
        action: "CREATE",
        summary: `Created the council ${council.name} on the ${profile.key} protocol profile, with its first administrator ${admin.name} (${admin.email})`,
        after: {
          name: council.name,
          slug: council.slug,
          kind: council.kind,
          profile: `${profile.key} — ${profile.title}`,
          administrator: `${admin.name} (${admin.email})`,
          administratorRoles: "Administrator, Officer",
          invitationExpires: expiresAt.toISOString(),
        },
      });
      return {
        ok: true as const,
        council: {
          id: council.id,
          slug: council.slug,
          name: council.name,
          kind: council.kind,
          profileKey: council.profileKey,
        },
        admin: { id: admin.id, name: admin.name, email: admin.email },
        token,
        link: invitationLink(token, o.appUrl),
        expiresAt,
      };
    });
  } catch (e) {
    // Someone else took the slug or the email between the check and the transaction.
    if ((e as { code?: string }).code === "P2002") {
      const again = await taken();
      if (again) return again;
    }
    throw e;
  }
}
