"use client";
import { useActionState } from "react";
import { ErrorSummary } from "@/components/ErrorSummary";
import { Field } from "@/components/Field";
import { acceptInvitationAction } from "./actions";

export function InvitationForm({ token, email, minLength }: { token: string; email: string; minLength: number }) {
  const [state, action, pending] = useActionState(acceptInvitationAction, { errors: {}, values: { token } });
  const errors = Object.entries(state.errors).map(([field, message]) =>
    field === "form" || field === "token" ? { message } : { field, message },
  );
  return (
    <>
      <ErrorSummary errors={errors} />
      <form action={action} noValidate>
        <input type="hidden" name="token" value={token} />
        {/* For password managers: the account the password is for. */}
        <input type="hidden" name="username" value={email} autoComplete="username" />
        <Field
          id="newPassword"
          name="newPassword"
          label="Password"
          hint={`At least ${minLength} characters. A few unrelated words make a strong password.`}
          type="password"
          autoComplete="new-password"
          error={state.errors.newPassword}
        />
        <Field
          id="confirmPassword"
          name="confirmPassword"
          label="Confirm your password"
          type="password"
          autoComplete="new-password"
          error={state.errors.confirmPassword}
        />
        <button type="submit" className="btn" disabled={pending}>
          Set your password
        </button>
      </form>
    </>
  );
}
