"use client";
// "Sign in with your council account": the work email address picks the council (by its single sign-on domain) and
// the browser goes on to that council's own sign-in page (app/signin/sso/start). A plain GET form, so it works
// without JavaScript (the sign-in page's CSP lets that form's redirect reach the provider: lib/security/headers.ts).
// With JavaScript, another person's drafts on this browser are cleared first, as a password sign-in does, and the
// browser is sent there by a navigation rather than a form submission, which the CSP of a page reached by a client-side
// navigation would otherwise stop at the provider's origin.
import type { FormEvent } from "react";
import { claimDrafts } from "@/components/drafts";
import { Field } from "@/components/Field";

export function SsoForm({ returnTo, email, error }: { returnTo: string; email: string; error: string | null }) {
  function onSubmit(e: FormEvent<HTMLFormElement>) {
    const form = new FormData(e.currentTarget);
    claimDrafts(String(form.get("email") ?? ""));
    e.preventDefault();
    const query = new URLSearchParams([...form.entries()].map(([k, v]) => [k, String(v)]));
    // A full navigation (not the router): the start is a route handler that redirects to another origin.
    window.location.assign(new URL(`/signin/sso/start?${query}`, window.location.origin).href);
  }
  return (
    <form method="get" action="/signin/sso/start" noValidate onSubmit={onSubmit}>
      {returnTo !== "/" ? <input type="hidden" name="callbackUrl" value={returnTo} /> : null}
      <Field
        id="sso-email"
        name="email"
        label="Your work email"
        hint="For example, name@council.gov.uk"
        type="email"
        autoComplete="email"
        spellCheck={false}
        defaultValue={email}
        error={error ?? undefined}
      />
      <button type="submit" className="btn-secondary">
        Continue to your council&apos;s sign-in page
      </button>
    </form>
  );
}
