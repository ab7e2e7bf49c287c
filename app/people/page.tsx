import Link from "next/link";
import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/session";
import { councilDirectory } from "@/lib/people/queries";
import { profileOf } from "@/lib/protocol/council-profile";
import { roleLabel } from "@/lib/protocol/profiles";

export const metadata: Metadata = { title: "People" };

const officeLabel = {
  LEADER: "Group Leader",
  CHAIR: "Group Chair",
  CHIEF_WHIP: "Chief Whip",
  SPOKESPERSON: "Spokesperson",
} as const;

export default async function PeoplePage() {
  const viewer = await requireViewer("/people");
  const { groups, wards, services, committees } = await councilDirectory(viewer);
  const profile = profileOf(viewer);
  return (
    <>
      <span className="caption">{viewer.council.name}</span>
      <h1 className="h1">People</h1>
      <p className="mb-4">Councillors by party group and ward, and officers by service.</p>
      <ul className="mb-8 list-disc space-y-1 pl-6">
        <li>
          <Link href="/contact-officers">Each department&apos;s contact officers</Link>
        </li>
        <li>
          <Link href="/arrangements">Standing arrangements for officers to advise groups</Link>
        </li>
      </ul>

      <h2 className="h2">Party groups</h2>
      {groups.map((g) => (
        <section key={g.id} aria-labelledby={`group-${g.id}`} className="mb-6">
          <h3 id={`group-${g.id}`} className="h3">
            {g.name}
            {g.isAdministration ? " (administration)" : ""}
          </h3>
          <ul className="list-disc pl-6">
            {g.members.map((m) => {
              const offices = g.offices
                .filter((o) => o.user.id === m.id)
                .map((o) => `${officeLabel[o.kind]}${o.portfolio ? ` for ${o.portfolio}` : ""}`);
              return (
                <li key={m.id}>
                  {m.name}
                  {offices.length ? ` — ${offices.join(", ")}` : ""}
                </li>
              );
            })}
          </ul>
        </section>
      ))}

      <h2 className="h2">Wards</h2>
      <table className="mb-8 w-full max-w-3xl text-left">
        <caption className="sr-only">Wards and their councillors</caption>
        <thead>
          <tr className="border-b-2 border-ink">
            <th scope="col" className="py-2">
              Ward
            </th>
            <th scope="col" className="py-2">
              Councillors
            </th>
          </tr>
        </thead>
        <tbody>
          {wards.map((w) => (
            <tr key={w.id} className="border-b border-border">
              <td className="py-2 pr-4">{w.name}</td>
              <td className="py-2">{w.members.map((m) => m.name).join(", ") || "None"}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2 className="h2">Committees</h2>
      <ul className="mb-8 list-disc pl-6">
        {committees.map((c) => (
          <li key={c.id}>
            {c.name}
            {c.chair ? ` — ${roleLabel(profile, "COMMITTEE_CHAIR")}: ${c.chair.name}` : ""}
          </li>
        ))}
      </ul>

      <h2 className="h2">Services</h2>
      {services.map((s) => (
        <section key={s.id} aria-labelledby={`service-${s.id}`} className="mb-6">
          <h3 id={`service-${s.id}`} className="h3">
            {s.name}
          </h3>
          {s.chiefOfficer ? (
            <p className="mb-2">
              {roleLabel(profile, "CHIEF_OFFICER")}: {s.chiefOfficer.name}
              {s.chiefOfficer.jobTitle ? `, ${s.chiefOfficer.jobTitle}` : ""}
            </p>
          ) : null}
          <ul className="list-disc pl-6">
            {s.staff.map((m) => (
              <li key={m.id}>
                {m.name}
                {m.jobTitle ? `, ${m.jobTitle}` : ""}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
