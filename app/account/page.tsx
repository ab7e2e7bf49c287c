import type { Metadata } from "next";
import { SummaryList } from "@/components/SummaryList";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password";
import { requireViewer } from "@/lib/auth/session";
import { mayRecordAbsence, upcomingAbsences } from "@/lib/people/absences";
import { formatDate } from "@/lib/requests/describe";
import { AbsenceForm } from "./AbsenceForm";
import { cancelAbsenceAction } from "./actions";
import { ChangePasswordForm } from "./ChangePasswordForm";
import { EmailPreferenceForm } from "./EmailPreferenceForm";
import { emailFrequencyOf } from "@/lib/email/digest";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const viewer = await requireViewer("/account");
  const absences = mayRecordAbsence(viewer) ? await upcomingAbsences(viewer) : [];
  return (
    <>
      <h1 className="h1">Your account</h1>
      <SummaryList
        rows={[
          { key: "Name", value: viewer.name },
          { key: "Email address", value: viewer.email },
          { key: "Council", value: viewer.council.name },
        ]}
      />
      {mayRecordAbsence(viewer) ? (
        <section aria-labelledby="absences" className="mb-10">
          <h2 id="absences" className="h2">
            When you are away
          </h2>
          <p className="mb-4 max-w-3xl">
            While the Chief Executive, the Deputy and the Chief Operating Officer are all away, new briefing
            requests go to the Director for the service concerned. (CWC-B3)
          </p>
          {absences.length ? (
            <ul className="mb-6 space-y-2">
              {absences.map((a) => (
                <li key={a.id} className="flex flex-wrap items-center gap-4">
                  <span>
                    {formatDate(a.fromDate)} to {formatDate(a.toDate)}
                  </span>
                  <form action={cancelAbsenceAction}>
                    <input type="hidden" name="id" value={a.id} />
                    <button type="submit" className="btn-secondary !mb-0">
                      Cancel this absence<span className="sr-only"> from {formatDate(a.fromDate)}</span>
                    </button>
                  </form>
                </li>
              ))}
            </ul>
          ) : (
            <p className="mb-4">You have no absences recorded.</p>
          )}
          <AbsenceForm />
        </section>
      ) : null}
      <section aria-labelledby="email-preference" className="mb-10">
        <h2 id="email-preference" className="h2">
          Emails about your requests
        </h2>
        <EmailPreferenceForm current={await emailFrequencyOf(viewer)} />
      </section>
      <h2 className="h2">Change your password</h2>
      <p className="mb-6">Changing your password signs you out everywhere, including on this device.</p>
      <ChangePasswordForm minLength={MIN_PASSWORD_LENGTH} />
    </>
  );
}
