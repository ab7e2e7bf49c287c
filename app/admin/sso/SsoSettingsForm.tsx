"use client";
// The single sign-on settings form: GOV.UK error summary, what was typed kept after an error — except the client
// secret, which is write-only: the server never sends it back, so after an error the form asks for it again.
import { useActionState } from "react";
import { ErrorSummary } from "@/components/ErrorSummary";
import { Field } from "@/components/Field";
import type { ActionState } from "@/lib/requests/action-specs";
import { saveSsoAction } from "./actions";

const INITIAL: ActionState = { errors: {}, values: {} };
const ORDER = ["issuer", "clientId", "clientSecret", "emailDomain", "form"];

export function SsoSettingsForm({
  current,
}: {
  current: { issuer: string; clientId: string; emailDomain: string; secretSet: boolean };
}) {
  const [state, action, pending] = useActionState(saveSsoAction, INITIAL);
  const value = (k: "issuer" | "clientId" | "emailDomain") => state.values[k] ?? current[k];
  const errors = Object.entries(state.errors)
    .sort(([a], [b]) => ORDER.indexOf(a) - ORDER.indexOf(b))
    .map(([field, message]) => ({ field: field === "form" ? undefined : field, message }));
  return (
    <>
      <ErrorSummary errors={errors} />
      <form action={action} noValidate>
        <Field
          id="issuer"
          label="Issuer URL"
          hint="From your provider. For Microsoft Entra ID: https://login.microsoftonline.com/<your tenant ID>/v2.0"
          defaultValue={value("issuer")}
          error={state.errors.issuer}
          spellCheck={false}
          autoComplete="off"
          inputMode="url"
        />
        <Field
          id="clientId"
          label="Client ID"
          hint="The application (client) ID of this service's registration with your provider"
          defaultValue={value("clientId")}
          error={state.errors.clientId}
          spellCheck={false}
          autoComplete="off"
        />
        <Field
          id="clientSecret"
          label="Client secret"
          hint={
            state.values.secretTyped === "yes"
              ? "Enter the new secret again: for your security it is not kept after an error."
              : current.secretSet
                ? "A secret is set. Leave this empty to keep it, or enter a new one to replace it."
                : "The client secret's value from your provider. It is stored encrypted and never shown again."
          }
          type="password"
          autoComplete="new-password"
          defaultValue=""
          error={state.errors.clientSecret}
        />
        <Field
          id="emailDomain"
          label="Allowed email domain"
          hint="Only people whose verified work email is at this domain, and who already have an account here, can sign in"
          defaultValue={value("emailDomain")}
          error={state.errors.emailDomain}
          spellCheck={false}
          autoComplete="off"
        />
        <button type="submit" className="btn" disabled={pending} aria-disabled={pending}>
          {pending ? "Testing…" : "Test and save"}
        </button>
      </form>
    </>
  );
}
