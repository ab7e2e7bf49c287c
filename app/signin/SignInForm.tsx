"use client";
import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { claimDrafts } from "@/components/drafts";
import { ErrorSummary, type ErrorItem } from "@/components/ErrorSummary";
import { Field } from "@/components/Field";
import { signInErrorMessage, validateSignInFields } from "@/lib/auth/signin-messages";

/**
 * With JavaScript, next-auth's client signs in and the errors appear in place. Without it, the same form posts to
 * the credentials callback with the CSRF token the proxy issued; a failure comes back as `serverError`.
 */
export function SignInForm({
  returnTo,
  csrfToken,
  serverError,
}: {
  returnTo: string;
  csrfToken: string;
  serverError: string | null;
}) {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<ErrorItem[]>(serverError ? [{ field: "email", message: serverError }] : []);
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
      <form onSubmit={onSubmit} noValidate method="post" action="/api/auth/callback/credentials">
        <input type="hidden" name="csrfToken" value={csrfToken} />
        <input type="hidden" name="callbackUrl" value={returnTo} />
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
