"use client";
import { useActionState } from "react";
import { ErrorSummary } from "@/components/ErrorSummary";
import { Field } from "@/components/Field";
import { requestResetAction } from "../actions";

export function ForgotForm() {
  const [state, action, pending] = useActionState(requestResetAction, { errors: {}, values: {} });
  const errors = Object.entries(state.errors).map(([field, message]) => ({ field, message }));
  return (
    <>
      <ErrorSummary errors={errors} />
      <form action={action} noValidate>
        <Field
          id="email"
          name="email"
          label="Email address"
          type="email"
          autoComplete="username"
          spellCheck={false}
          defaultValue={state.values.email ?? ""}
          error={state.errors.email}
        />
        <button type="submit" className="btn" disabled={pending}>
          Send me a link
        </button>
      </form>
    </>
  );
}
