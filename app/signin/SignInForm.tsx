"use client";
import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { claimDrafts } from "@/components/drafts";
import { ErrorSummary, type ErrorItem } from "@/components/ErrorSummary";
import { Field } from "@/components/Field";
import { signInErrorMessage, validateSignInFields } from "@/lib/auth/signin-messages";

export function SignInForm({ returnTo }: { returnTo: string }) {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<ErrorItem[]>([]);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const fieldErrors = validateSignInFields(email, password);
    if (fieldErrors.length > 0) {
      setErrors(fieldErrors);
      return;
    }
    setBusy(true);
    try {
      const res = await signIn("credentials", { email, password, redirect: false });
      if (res?.ok && !res.error) {
        claimDrafts(email);
        window.location.assign(returnTo);
        return;
      }
      setPassword("");
      setErrors([{ field: "email", message: signInErrorMessage(res?.error ?? "INVALID") }]);
    } catch {
      setErrors([{ message: "Sign-in is not available just now. Try again in a few minutes." }]);
    } finally {
      setBusy(false);
    }
  }

  const fieldError = (f: string) => errors.find((e) => e.field === f)?.message;
  return (
    <>
      <ErrorSummary errors={errors} />
      <form onSubmit={onSubmit} noValidate method="post">
        <Field
          id="email"
          label="Email address"
          type="email"
          autoComplete="username"
          spellCheck={false}
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={fieldError("email")}
        />
        <Field
          id="password"
          label="Password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={fieldError("password")}
        />
        <button type="submit" className="btn" disabled={busy} aria-disabled={busy}>
          {busy ? "Signing in…" : "Sign in"}
        </button>
      </form>
    </>
  );
}
