import type { Metadata } from "next";
import Link from "next/link";
import { getViewer } from "@/lib/auth/session";
import { userAdministrators } from "@/lib/people/queries";

export const metadata: Metadata = { title: "Contact" };

// Public (readable signed out): someone who cannot sign in needs to know whom to ask. Signed in, it names the
// viewer's council and its user administrators (names and work emails only, as in the council directory).
export default async function ContactPage() {
  const viewer = await getViewer();
  const admins = viewer ? await userAdministrators(viewer) : [];
  return (
    <div className="page-text">
      {viewer ? <span className="caption">{viewer.council.name}</span> : null}
      <h1 className="h1">Contact</h1>
      <p>
        Members&apos; Requests is run by {viewer ? viewer.council.name : "your council"}. Who to contact depends on
        what you need.
      </p>

      <h2 className="h2 mt-10">Questions about the protocol or a request</h2>
      <p>
        Contact your council&apos;s Democratic Services team. They look after the member/officer protocol and can
        explain how a request is handled and who decides it.
      </p>
      <p>
        To ask about a particular request, open it and use &lsquo;Add information&rsquo;, so the question and the
        answer stay with the request.
      </p>

      <h2 className="h2 mt-10">Problems with your account</h2>
      <p>
        If you cannot sign in, or your name, role, party group or ward is wrong, contact your council&apos;s user
        administrator.
      </p>
      {viewer ? (
        admins.length ? (
          <ul aria-label="User administrators">
            {admins.map((a) => (
              <li key={a.id}>
                {a.name}
                {a.jobTitle ? `, ${a.jobTitle}` : ""}
                {a.service ? ` (${a.service.name})` : ""} — <a href={`mailto:${a.email}`}>{a.email}</a>
              </li>
            ))}
          </ul>
        ) : (
          <p>
            {viewer.council.name} has no user administrator in the service at the moment: ask Democratic Services.
          </p>
        )
      ) : (
        <p>
          If you cannot sign in, contact Democratic Services or your council&apos;s IT service desk in the usual
          way. You can see the user administrators&apos; names here once you have signed in.
        </p>
      )}

      <h2 className="h2 mt-10">Accessibility and your data</h2>
      <ul>
        <li>
          To report an accessibility problem or ask for information in another format, see the{" "}
          <Link href="/accessibility">accessibility statement</Link>.
        </li>
        <li>
          To ask about your personal data, see the <Link href="/privacy">privacy notice</Link>.
        </li>
      </ul>
      <p>
        The <Link href="/help">help page</Link> explains how to make a request and what happens next.
      </p>
    </div>
  );
}
