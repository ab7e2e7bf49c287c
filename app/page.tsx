import Link from "next/link";
import { SummaryList } from "@/components/SummaryList";
import { StatusTag } from "@/components/Tag";
import { ROLE_DUTIES } from "@/lib/auth/permissions";
import { requireViewer } from "@/lib/auth/session";
import { roleLabels } from "@/lib/people/describe";
import { profileOf } from "@/lib/protocol/council-profile";
import { roleLabel } from "@/lib/protocol/profiles";
import { dueText } from "@/lib/requests/describe";
import { loadHome } from "@/lib/requests/home";

/** Home: what needs this person now (each number links to the list behind it), then who they are and what they do. */
export default async function HomePage() {
  const viewer = await requireViewer("/");
  const profile = profileOf(viewer);
  const sections = await loadHome(viewer, new Date());
  const duties = viewer.roles.flatMap((r) => (ROLE_DUTIES[r] ?? []).map((d) => ({ role: r, text: d })));
  const offices = viewer.groupOffices.map(
    (o) =>
      `${o.kind === "LEADER" ? "Group Leader" : o.kind === "CHIEF_WHIP" ? "Chief Whip" : o.kind === "CHAIR" ? "Group Chair" : "Spokesperson"}${o.portfolio ? ` (${o.portfolio})` : ""}`,
  );
  const rows = [
    { key: "Council", value: viewer.council.name },
    { key: "Roles", value: roleLabels(viewer.council.profileKey, viewer.roles).join(", ") },
    ...(viewer.jobTitle ? [{ key: "Job title", value: viewer.jobTitle }] : []),
    ...(viewer.partyGroup
      ? [
          {
            key: "Party group",
            value: `${viewer.partyGroup.name}${offices.length ? ` — ${offices.join(", ")}` : ""}`,
          },
        ]
      : []),
    ...(viewer.wards.length ? [{ key: "Wards", value: viewer.wards.map((w) => w.name).join(", ") }] : []),
    ...(viewer.chairOf.length ? [{ key: "Chair of", value: viewer.chairOf.map((c) => c.name).join(", ") }] : []),
    ...(viewer.service ? [{ key: "Service", value: viewer.service.name }] : []),
  ];
  const mayFile = viewer.roles.includes("MEMBER") || viewer.roles.includes("OFFICER");
  return (
    <>
      <span className="caption">{viewer.council.name}</span>
      <h1 className="h1">Welcome, {viewer.name}</h1>
      {mayFile ? (
        <p className="mb-8">
          <Link href="/requests/new" className="btn no-underline">
            Make a request
          </Link>
        </p>
      ) : null}
      {sections.length ? (
        <div className="mb-10 grid gap-6 md:grid-cols-3">
          {sections.map((s) => (
            <section
              key={s.key}
              aria-labelledby={`home-${s.key}`}
              className="min-w-0 border-t-4 border-brand pt-3"
            >
              <h2 id={`home-${s.key}`} className="h3">
                <Link href={s.href} prefetch={false} data-testid={`home-${s.key}`}>
                  {s.title}
                  {s.total !== null ? (
                    <>
                      : <span className="font-bold">{s.total.toLocaleString("en-GB")}</span>
                    </>
                  ) : null}
                </Link>
              </h2>
              {s.items.length ? (
                <ul className="space-y-3 text-base">
                  {s.items.map((i) => (
                    <li key={i.id} className="break-words">
                      <Link href={`/requests/${i.id}`} prefetch={false}>
                        {i.subject}
                      </Link>
                      <span className="block text-muted">
                        {i.reference} · <StatusTag status={i.status} label={i.statusLabel} closed={i.closed} />
                        {dueText(i.dueDate, i.closed, "paused" in i ? i.paused : false)
                          ? ` · ${dueText(i.dueDate, i.closed, "paused" in i ? i.paused : false)}`
                          : ""}
                      </span>
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="text-base">{s.empty}</p>
              )}
            </section>
          ))}
        </div>
      ) : null}
      <h2 className="h2">About you</h2>
      <SummaryList rows={rows} />
      <h2 className="h2">What you can do here</h2>
      <p className="mb-4">
        Requests follow {viewer.council.name}&apos;s {profile.title}. As{" "}
        {roleLabels(viewer.council.profileKey, viewer.roles).slice(0, 1).join("")}, you can:
      </p>
      <ul className="mb-8 list-disc space-y-2 pl-6" data-testid="duties">
        {duties.map((d) => (
          <li key={`${d.role}-${d.text}`}>
            {d.text} <span className="text-base text-muted">({roleLabel(profile, d.role)})</span>
          </li>
        ))}
      </ul>
      <p className="mb-8">
        <Link href="/how-requests-work">How requests work here</Link>: every rule of the protocol this service
        applies, and the council&apos;s settings.
      </p>
    </>
  );
}
