import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Notice } from "@/components/Notice";
import { SummaryList } from "@/components/SummaryList";
import { requireViewer } from "@/lib/auth/session";
import { loadSsoSettings } from "@/lib/sso/settings";
import { turnOffSsoAction } from "./actions";
import { SsoSettingsForm } from "./SsoSettingsForm";

export const metadata: Metadata = { title: "Single sign-on" };

type Search = Promise<Record<string, string | undefined>>;

/** The council's single sign-on (docs/decisions/0015): its administrators only; anyone else gets not found. */
export default async function SsoPage({ searchParams }: { searchParams: Search }) {
  const viewer = await requireViewer("/admin/sso");
  const s = await loadSsoSettings(viewer);
  if (!s) notFound();
  const sp = await searchParams;

  if (sp.confirm === "off" && s.enabled)
    return (
      <>
        <span className="caption">{viewer.council.name}</span>
        <h1 className="h1">Turn off single sign-on?</h1>
        <ul className="mb-6 list-disc space-y-2 pl-6">
          <li>People can no longer sign in with their council account; they sign in with their password.</li>
          <li>People who have never set a password will need a password reset or a new invitation.</li>
          <li>The issuer, client ID, client secret and domain are removed. Sessions already open carry on.</li>
        </ul>
        <form action={turnOffSsoAction} className="flex flex-wrap items-center gap-4">
          <input type="hidden" name="confirmed" value="yes" />
          <button type="submit" className="btn-warning">
            Yes, turn off single sign-on
          </button>
          <a href="/admin/sso">Cancel</a>
        </form>
      </>
    );

  return (
    <div className="max-w-3xl">
      <span className="caption">{viewer.council.name}</span>
      <h1 className="h1">Single sign-on</h1>
      {sp.done === "saved" ? (
        <Notice tone="success" title="Single sign-on has been tested and saved">
          The issuer&apos;s OpenID configuration was read. The client ID and secret are checked the first time
          someone signs in: try it yourself from the sign-in page.
        </Notice>
      ) : null}
      {sp.done === "off" ? (
        <Notice tone="success" title="Single sign-on has been turned off">
          People sign in with their email address and password.
        </Notice>
      ) : null}
      <p className="mb-6">
        People of your council can sign in with their council account (for example Microsoft Entra ID, used with
        Microsoft 365) as well as with a password. Only people who already have an account here can sign in this
        way: their council account&apos;s verified email address must be the same as the one here, and in the
        allowed domain. Nobody is given an account by signing in.
      </p>
      <SummaryList
        rows={[
          { key: "Status", value: s.enabled ? "On" : "Off" },
          ...(s.enabled
            ? [
                { key: "Issuer URL", value: <span className="break-all">{s.issuer}</span> },
                { key: "Client ID", value: <span className="break-all">{s.clientId}</span> },
                { key: "Client secret", value: s.secretSet ? "Set" : "Not set" },
                { key: "Allowed email domain", value: `@${s.emailDomain}` },
                {
                  key: "Who can use it",
                  value: `${s.activeAtDomain} active ${s.activeAtDomain === 1 ? "person has" : "people have"} an email address at @${s.emailDomain}`,
                },
              ]
            : []),
          {
            key: "Redirect URI",
            value: (
              <>
                <code className="break-all">{s.callbackUrl}</code>
                <span className="hint mt-1 block">Register this with your provider as a web redirect URI.</span>
              </>
            ),
          },
        ]}
      />
      <h2 className="h2">{s.enabled ? "Change the settings" : "Turn on single sign-on"}</h2>
      <details className="mb-6">
        <summary className="cursor-pointer text-link underline">Setting it up with Microsoft Entra ID</summary>
        <ol className="mt-2 list-decimal space-y-2 border-l-4 border-border pl-8">
          <li>
            In the Entra admin centre, register an application (single tenant) with the redirect URI above, of type
            &ldquo;Web&rdquo;.
          </li>
          <li>
            Under Token configuration, add the optional ID token claims <code>email</code> and{" "}
            <code>xms_edov</code> (Entra confirms the email&apos;s domain with it, as it sends no{" "}
            <code>email_verified</code>).
          </li>
          <li>Under Certificates &amp; secrets, create a client secret and copy its value.</li>
          <li>
            Below, enter the issuer URL (
            <code className="break-all">https://login.microsoftonline.com/&lt;tenant ID&gt;/v2.0</code>), the
            application (client) ID, the secret and your council&apos;s email domain.
          </li>
        </ol>
      </details>
      <SsoSettingsForm
        current={{ issuer: s.issuer, clientId: s.clientId, emailDomain: s.emailDomain, secretSet: s.secretSet }}
      />
      {s.enabled ? (
        <>
          <h2 className="h2 mt-10">Turn off single sign-on</h2>
          <p className="mb-4">People will sign in with their email address and password only.</p>
          <a href="/admin/sso?confirm=off" className="btn-warning inline-block">
            Turn off single sign-on
          </a>
        </>
      ) : null}
    </div>
  );
}
