import { SummaryList } from "@/components/SummaryList";
import { ROLE_DUTIES } from "@/lib/auth/permissions";
import { requireViewer } from "@/lib/auth/session";
import { roleLabels } from "@/lib/people/describe";
import { getProfile, roleLabel } from "@/lib/protocol/profiles";

export default async function HomePage() {
  const viewer = await requireViewer("/");
  const profile = getProfile(viewer.council.profileKey);
  const duties = viewer.roles.flatMap((r) => (ROLE_DUTIES[r] ?? []).map((d) => ({ role: r, text: d })));
  const offices = viewer.groupOffices.map(
    (o) =>
      `${o.kind === "LEADER" ? "Group Leader" : o.kind === "CHIEF_WHIP" ? "Chief Whip" : o.kind === "CHAIR" ? "Group Chair" : "Spokesperson"}${o.portfolio ? ` (${o.portfolio})` : ""}`,
  );
  const rows = [
    { key: "Name", value: viewer.name },
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
  return (
    <>
      <span className="caption">{viewer.council.name}</span>
      <h1 className="h1">Welcome, {viewer.name}</h1>
      <h2 className="h2">Who you are</h2>
      <SummaryList rows={rows} />
      <h2 className="h2">What you will be able to do here</h2>
      <p className="mb-4">
        Requests follow {viewer.council.name}&apos;s {profile.title}. As{" "}
        {roleLabels(viewer.council.profileKey, viewer.roles).slice(0, 1).join("")}, you will be able to:
      </p>
      <ul className="mb-8 list-disc space-y-2 pl-6" data-testid="duties">
        {duties.map((d) => (
          <li key={`${d.role}-${d.text}`}>
            {d.text} <span className="text-base text-muted">({roleLabel(profile, d.role)})</span>
          </li>
        ))}
      </ul>
    </>
  );
}
