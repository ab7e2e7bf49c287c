"use client";
import { useActionState } from "react";
import { ErrorSummary } from "@/components/ErrorSummary";
import { Field } from "@/components/Field";
import { resetPasswordAction } from "../actions";

export function ResetForm({ token, minLength }: { token: string; minLength: number }) {
  const [state, action, pending] = useActionState(resetPasswordAction, { errors: {}, values: { token } });
  const errors = Object.entries(state.errors).map(([field, message]) =>
    field === "form" || field === "token" ? { message } : { field, message },
  );
  return (
    <>
      <ErrorSummary errors={errors} />
      <form action={action} noValidate>
        <input type="hidden" name="token" value={token} />
        <Field
          id="newPassword"
          name="newPassword"
          label="New password"
          hint={`At least ${minLength} characters. A few unrelated words make a strong password.`}
          type="password"
          autoComplete="new-password"
          error={state.errors.newPassword}
        />
        <Field
          id="confirmPassword"
          name="confirmPassword"
          label="Confirm your new password"
          type="password"
          autoComplete="new-password"
          error={state.errors.confirmPassword}
        />
        <button type="submit" className="btn" disabled={pending}>
          Set the new password
        </button>
      </form>
    </>
  );
}
