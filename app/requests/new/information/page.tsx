import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireViewer } from "@/lib/auth/session";
import { contactOfficerIds } from "@/lib/organisation/contacts";
import { councilPeople, councilServices, officeHolder } from "@/lib/organisation/queries";
import { profileOf } from "@/lib/protocol/council-profile";
import { InformationForm, type InformationFormConfig } from "./InformationForm";

export const metadata: Metadata = { title: "Ask for information" };

export default async function NewInformationRequestPage() {
  const viewer = await requireViewer("/requests/new/information");
  if (!viewer.roles.includes("MEMBER")) notFound();
  const p = profileOf(viewer).information;
  const [services, members, ce, allOfficers, contacts] = await Promise.all([
    councilServices(viewer),
    councilPeople(viewer, { role: "MEMBER" }),
    officeHolder(viewer, "CHIEF_EXECUTIVE"),
    councilPeople(viewer, { role: "OFFICER", includeSelf: true }),
    contactOfficerIds(viewer.council.id),
  ]);
  // WIG-A14: each department's contact officers are offered first.
  const rank = (id: string) => (contacts.includes(id) ? contacts.indexOf(id) : contacts.length);
  const officers = [...allOfficers].sort((a, b) => rank(a.id) - rank(b.id));
  const config: InformationFormConfig = {
    services: services.map((s) => ({ value: s.id, label: s.name })),
    committees: viewer.committees.map((c) => ({ value: c.id, label: c.name })),
    wards: viewer.wards.map((w) => ({ value: w.id, label: w.name })),
    members: members.map((m) => ({ value: m.id, label: m.name })),
    chiefExecutiveId: ce?.id ?? null,
    officers: officers.map((o) => ({ value: o.id, label: `${o.name}${o.jobTitle ? `, ${o.jobTitle}` : ""}` })),
    leadsGroup: !!viewer.partyGroup && viewer.groupOffices.some((o) => o.kind === "LEADER"),
    show: {
      service: p.recipient.value !== "TOWN_CLERK",
      classification: p.recipient.value === "BY_CLASSIFICATION",
      capacity: p.capacityRequired.value,
      chiefExecutive: p.chiefExecutiveAlwaysAvailable.value,
      // C2007-A1 (an officer addressed) and WIG-A13 (routine casework to a named officer).
      addressee: p.recipient.value === "ADDRESSEE_OR_HEAD_OF_SERVICE" || p.recipient.value === "BY_CLASSIFICATION",
      grounds: p.recipient.value !== "TOWN_CLERK",
      groundsRequired: p.groundsRequired.value,
      committee: p.committeePresumption.value,
      declaration: p.councilRoleDeclaration.value,
      anotherMember: p.anotherMemberRule.value,
      coRequesters: p.recipient.value === "TOWN_CLERK",
      // WIG-A11: a member may ask the Director of their choice for an individual briefing.
      individualBriefing: p.recipient.value === "BY_CLASSIFICATION",
    },
    anotherMemberNotice:
      "Any reply will be shared with the councillor it concerns. If you do not agree, you will not be given the information.",
  };
  return (
    <>
      <span className="caption">{viewer.council.name}</span>
      <InformationForm config={config} />
    </>
  );
}
