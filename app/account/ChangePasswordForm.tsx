"use client";
import { useActionState, useState } from "react";
import { ErrorSummary } from "@/components/ErrorSummary";
import { Field } from "@/components/Field";
import { changePasswordAction, type ChangePasswordState } from "./actions";

const ORDER = ["currentPassword", "newPassword", "confirmPassword", "form"];

export function ChangePasswordForm({ minLength }: { minLength: number }) {
  const [state, action, pending] = useActionState<ChangePasswordState, FormData>(changePasswordAction, {
    errors: {},
  });
  // Controlled fields: what the user typed stays after a failed submission.
  const [values, setValues] = useState({ currentPassword: "", newPassword: "", confirmPassword: "" });
  const set = (k: keyof typeof values) => (e: React.ChangeEvent<HTMLInputElement>) =>
    setValues({ ...values, [k]: e.target.value });
  const errors = ORDER.filter((k) => state.errors[k]).map((k) => ({
    field: k === "form" ? undefined : k,
    message: state.errors[k]!,
  }));
  return (
    <>
      <ErrorSummary errors={errors} />
      <form action={action} noValidate>
        <Field
          id="currentPassword"
          label="Current password"
          type="password"
          autoComplete="current-password"
          value={values.currentPassword}
          onChange={set("currentPassword")}
          error={state.errors.currentPassword}
        />
        <Field
          id="newPassword"
          label="New password"
          hint={`At least ${minLength} characters. A few unrelated words make a strong password.`}
          type="password"
          autoComplete="new-password"
          value={values.newPassword}
          onChange={set("newPassword")}
          error={state.errors.newPassword}
        />
        <Field
          id="confirmPassword"
          label="Confirm new password"
          type="password"
          autoComplete="new-password"
          value={values.confirmPassword}
          onChange={set("confirmPassword")}
          error={state.errors.confirmPassword}
        />
        <button type="submit" className="btn" disabled={pending}>
          Change password
        </button>
      </form>
    </>
  );
}
