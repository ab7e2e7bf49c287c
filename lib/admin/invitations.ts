// Invitations (issue 15): a one-time link for a new (or re-invited) person to set their password, valid for a limited
// time. As for password reset (lib/auth/password-reset.ts), only a hash of the link's token is kept; the raw token
// is returned once, to be put in the link (emailed, or printed by `npm run council:create`).
import { createHash, randomBytes } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";

/** How long an invitation link works unless the caller says otherwise. */
export const INVITATION_DAYS = 7;

/** The shape of a token in a link (base64url of 32 random bytes is 43 characters). */
export const INVITATION_TOKEN_PATTERN = /^[A-Za-z0-9_-]{20,100}$/;

/** What is stored for a token: its SHA-256, hex. */
export const invitationTokenHash = (token: string) => createHash("sha256").update(token).digest("hex");

/** The page that accepts an invitation. */
export const invitationPath = (token: string) => `/invitation/${token}`;

/** The full link, on the app's address (NEXTAUTH_URL, as the launcher sets it). */
export function invitationLink(token: string, appUrl = process.env.NEXTAUTH_URL ?? "http://localhost:3000") {
  return `${appUrl.replace(/\/$/, "")}${invitationPath(token)}`;
}

/**
 * Creates an invitation in the caller's transaction and returns the raw token (never stored). `invitedById` null:
 * the command line. `days` defaults to INVITATION_DAYS.
 */
export async function createInvitation(
  tx: Prisma.TransactionClient,
  o: { councilId: string; userId: string; invitedById: string | null; days?: number; now?: Date },
): Promise<string> {
  const now = o.now ?? new Date();
  const days = o.days ?? INVITATION_DAYS;
  const token = randomBytes(32).toString("base64url");
  await tx.invitation.create({
    data: {
      councilId: o.councilId,
      userId: o.userId,
      tokenHash: invitationTokenHash(token),
      invitedById: o.invitedById,
      createdAt: now,
      expiresAt: new Date(now.getTime() + days * 86_400_000),
    },
  });
  return token;
}
