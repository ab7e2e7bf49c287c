"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { clientAddress } from "@/lib/auth/client-address";
import { handleRequestReset, handleResetPassword, type FormResult } from "@/lib/auth/password-reset";
import { mailerFromEnv } from "@/lib/email/mailer";

const valuesOf = (form: FormData) => Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v)]));

export async function requestResetAction(_prev: FormResult, form: FormData): Promise<FormResult> {
  const h = await headers();
  const out = await handleRequestReset(valuesOf(form), {
    mailer: mailerFromEnv(),
    appUrl: process.env.NEXTAUTH_URL ?? "http://localhost:3000",
    from: clientAddress(h.get("x-forwarded-for")),
    now: new Date(),
  });
  if (out.sent) redirect("/signin/forgot?sent=1");
  return out;
}

export async function resetPasswordAction(_prev: FormResult, form: FormData): Promise<FormResult> {
  const out = await handleResetPassword(valuesOf(form), new Date());
  if (out.done) redirect("/signin?reset=1");
  return out;
}
