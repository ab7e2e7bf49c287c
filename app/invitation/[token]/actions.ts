"use server";
import { redirect } from "next/navigation";
import { textValues } from "@/lib/form-values";
import { handleAcceptInvitation, type AcceptResult } from "@/lib/users/invitations";

/** Signed out: the holder of a valid invitation link sets their password, then signs in with it. */
export async function acceptInvitationAction(_prev: AcceptResult, form: FormData): Promise<AcceptResult> {
  const out = await handleAcceptInvitation(textValues(form), new Date());
  if (out.done) redirect("/signin?reset=welcome");
  return out;
}
