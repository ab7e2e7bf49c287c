import type { Metadata } from "next";
import Link from "next/link";
import { getViewer } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Privacy notice" };

// Public (readable signed out): people must be told how their data is used before they are asked to sign in
// (UK GDPR Articles 13 and 14). Retention figures follow lib/jobs/maintenance.ts and docs/decisions/0003.
export default async function PrivacyPage() {
  const council = (await getViewer())?.council.name;
  return (
    <div className="page-text">
      {council ? <span className="caption">{council}</span> : null}
      <h1 className="h1">Privacy notice</h1>
      <p>
        This notice explains what personal data Members&apos; Requests holds, why, who can see it, how long it is
        kept and what your rights are.
      </p>

      <h2 className="h2 mt-10">Who is responsible for your data</h2>
      <p>
        {council ?? "Your council"} is the data controller for the personal data in this service. Each council
        using the service holds its own data: people at one council cannot see another council&apos;s requests.
      </p>

      <h2 className="h2 mt-10">What personal data we hold</h2>
      <ul>
        <li>your name, work email address and job title</li>
        <li>
          your roles: for example councillor, officer or Chief Officer, your party group and any office you hold in
          it, your wards, committees and service
        </li>
        <li>
          what is in requests, replies, notes and attached files — this can include information about residents or
          other people
        </li>
        <li>
          an audit log of every step taken on a request: who took it, in which role, when, and the reasons they
          gave
        </li>
        <li>the notifications and emails the service sends you</li>
        <li>
          when you signed in, and for how long your session lasts; your password is only stored in a scrambled form
          (a hash) that cannot be turned back into the password
        </li>
        <li>
          the IP address of your device and the email address typed when someone tries to sign in, to stop people
          guessing passwords
        </li>
      </ul>
      <p>
        What you type into a form is kept as a draft in your own browser until you send it or sign out. It is not
        sent to us until you send it.
      </p>
      <p>
        The service uses cookies only to keep you signed in and to protect forms. These are strictly necessary, so
        we do not ask for consent. We do not use analytics or advertising cookies.
      </p>

      <h2 className="h2 mt-10">Why we use it and our lawful basis</h2>
      <p>
        We use this data to handle requests between councillors and officers under the council&apos;s
        member/officer protocol, which is part of its constitution, and to keep a record of how each request was
        handled.
      </p>
      <p>
        Our lawful basis is public task: processing is necessary to perform a task in the public interest or in the
        exercise of official authority (UK GDPR Article 6(1)(e)).
      </p>
      <p>
        Requests sometimes contain special category data, for example about a resident&apos;s health. We process
        this for reasons of substantial public interest (UK GDPR Article 9(2)(g) and the Data Protection Act 2018,
        Schedule 1, including the conditions for statutory purposes and for elected representatives).
      </p>

      <h2 className="h2 mt-10">Who can see your data</h2>
      <p>Only people at your own council who have a reason to see a request can see it:</p>
      <ul>
        <li>the councillor or officer who made the request</li>
        <li>
          the officers who handle it: the service that receives it, the person who decides it, and anyone who
          reviews a decision
        </li>
        <li>
          people the protocol names for oversight, such as the Monitoring Officer, and ward councillors for replies
          shared with a ward
        </li>
      </ul>
      <p>
        Party-group briefings are confidential to the group that asked for them. Other party groups cannot see
        them, or even that they exist, unless the group agrees to share them.
      </p>
      <p>
        Some people see only part of a request, such as its dates and outcome. The user administrator manages
        accounts and can see the names, emails and roles of people at the council, but not requests they would not
        otherwise be able to see.
      </p>
      <p>
        The council&apos;s hosting and email providers process data on its behalf, under contract. Information in
        the service may have to be disclosed under the Freedom of Information Act 2000 or data protection law where
        no exemption applies.
      </p>

      <h2 className="h2 mt-10">How long we keep it</h2>
      <ul>
        <li>
          requests, replies, files and their audit log are kept in line with your council&apos;s records retention
          schedule; the service does not delete them by itself
        </li>
        <li>
          accounts of people who leave are deactivated rather than deleted, so the record of who did what stays
          complete
        </li>
        <li>a session ends after 12 hours at most; ended sessions are deleted after a day</li>
        <li>sign-in attempt counts, with their IP addresses, are deleted about a day after the last attempt</li>
      </ul>

      <h2 className="h2 mt-10">Your rights</h2>
      <p>You have the right to:</p>
      <ul>
        <li>ask for a copy of the personal data we hold about you</li>
        <li>ask us to correct data that is wrong</li>
        <li>ask us to restrict how we use your data, or object to our using it</li>
        <li>ask us to delete your data, where we no longer need to keep it</li>
      </ul>
      <p>Some of these rights are limited where we must keep a record of council business.</p>

      <h2 className="h2 mt-10">Contact the Data Protection Officer</h2>
      <p>
        To use your rights or ask about this notice, contact {council ? `${council}'s` : "your council's"} Data
        Protection Officer. You can reach them through the council&apos;s website or through Democratic Services
        (see <Link href="/contact">Contact</Link>).
      </p>

      <h2 className="h2 mt-10">How to complain</h2>
      <p>
        If you are not happy with how we have used your data, you can complain to the Information
        Commissioner&apos;s Office (ICO). Telephone 0303 123 1113, or{" "}
        <a href="https://ico.org.uk/make-a-complaint/">make a complaint on the ICO website</a>.
      </p>
    </div>
  );
}
