import type { Metadata } from "next";
import { Notice } from "@/components/Notice";
import { Tag } from "@/components/Tag";
import { requireViewer } from "@/lib/auth/session";
import { councilPeople } from "@/lib/organisation/queries";
import { listArrangements, mayRecordArrangements } from "@/lib/organisation/arrangements";
import { councilGroupsWithSpokespersons } from "@/lib/organisation/queries";
import { profileOf } from "@/lib/protocol/council-profile";
import { formatDate } from "@/lib/requests/describe";
import { agreeArrangementAction, endArrangementAction } from "./actions";
import { ArrangementForm } from "./ArrangementForm";

export const metadata: Metadata = { title: "Standing arrangements to advise groups" };

const DONE: Record<string, string> = {
  agreed: "You have agreed to the arrangement: it is now in force.",
  ended: "The arrangement has ended.",
};

export default async function ArrangementsPage({
  searchParams,
}: {
  searchParams: Promise<{ done?: string; error?: string }>;
}) {
  const viewer = await requireViewer("/arrangements");
  const { done, error } = await searchParams;
  const rule = profileOf(viewer).briefing.standingArrangements;
  const rows = rule ? await listArrangements(viewer) : [];
  const mayRecord = mayRecordArrangements(viewer);
  const [officers, groups] = mayRecord
    ? await Promise.all([
        councilPeople(viewer, { role: "OFFICER", includeSelf: true }),
        councilGroupsWithSpokespersons(viewer),
      ])
    : [[], []];
  return (
    <>
      {done && DONE[done] ? <Notice tone="success" title={DONE[done]} /> : null}
      {error ? <Notice title={error.slice(0, 300)} /> : null}
      <span className="caption">{viewer.council.name}</span>
      <h1 className="h1">Standing arrangements to advise groups</h1>
      {!rule ? (
        <p className="max-w-3xl">Your council&apos;s protocol does not provide for standing arrangements.</p>
      ) : (
        <>
          <p className="mb-6 max-w-3xl">
            Officers cannot be required to advise a political group. An officer may agree to a standing arrangement
            with safeguards for political neutrality
            {rule.value === "JNC_ONLY" ? " — only Chief Officers and JNC officers" : ""}. It is in force once the
            officer agrees. ({rule.ruleId})
          </p>
          {rows.length ? (
            <ul className="mb-10 max-w-3xl space-y-4">
              {rows.map((r) => (
                <li key={r.id} className="bg-panel p-4">
                  <p className="font-semibold">
                    {r.officer} to advise the {r.group}{" "}
                    <Tag tone={r.endedAt ? "grey" : r.agreedAt ? "green" : "yellow"}>
                      {r.endedAt ? "Ended" : r.agreedAt ? "In force" : "Waiting for the officer's agreement"}
                    </Tag>
                  </p>
                  <p className="whitespace-pre-wrap">Safeguards: {r.safeguards}</p>
                  <p className="text-base text-muted">
                    Recorded by {r.proposedBy} on {formatDate(r.createdAt)}
                    {r.agreedAt ? `; agreed on ${formatDate(r.agreedAt)}` : ""}
                    {r.endedAt ? `; ended on ${formatDate(r.endedAt)}` : ""}
                  </p>
                  {!r.endedAt ? (
                    <div className="mt-2 flex flex-wrap gap-4">
                      {r.officerId === viewer.id && !r.agreedAt ? (
                        <form action={agreeArrangementAction}>
                          <input type="hidden" name="id" value={r.id} />
                          <button type="submit" className="btn !mb-0">
                            I agree to this arrangement
                          </button>
                        </form>
                      ) : null}
                      {r.officerId === viewer.id ||
                      r.proposedById === viewer.id ||
                      viewer.roles.includes("ADMIN") ? (
                        <form action={endArrangementAction}>
                          <input type="hidden" name="id" value={r.id} />
                          <button type="submit" className="btn-secondary !mb-0">
                            End the arrangement
                          </button>
                        </form>
                      ) : null}
                    </div>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : (
            <p className="mb-8">No arrangements are recorded.</p>
          )}
          {mayRecord ? (
            <>
              <h2 className="h2">Record a standing arrangement</h2>
              <ArrangementForm
                officers={officers.map((o) => ({
                  value: o.id,
                  label: `${o.name}${o.jobTitle ? `, ${o.jobTitle}` : ""}`,
                }))}
                groups={groups.map((g) => ({ value: g.id, label: g.name }))}
              />
            </>
          ) : null}
        </>
      )}
    </>
  );
}
