// "What do you need?": the request types a person's council and role allow, with one line of guidance from the
// protocol, and the types they may not use explained rather than hidden. Pure.
import type { CouncilProfile } from "@/lib/protocol/profiles/types";
import { has, type Actor } from "@/lib/protocol/types";

export type RequestOption = {
  key: string;
  label: string;
  href: string | null;
  allowed: boolean;
  guidance: string;
  ruleId: string;
  whyNot?: string;
};

export function requestOptions(profile: CouncilProfile, actor: Actor): RequestOption[] {
  const member = has(actor, "MEMBER");
  const officer = has(actor, "OFFICER");
  const i = profile.information;
  const b = profile.briefing;
  const options: RequestOption[] = [];
  const offices = actor.groupOffices ?? [];

  options.push({
    key: "information",
    label: profile.townClerkGate ? "Ask for information or advice" : "Ask for information",
    href: member ? "/requests/new/information" : null,
    allowed: member,
    ruleId: i.recipient.ruleId,
    guidance: profile.townClerkGate
      ? "Every request to staff goes to the Town Clerk, who replies or passes it to the right member of staff."
      : i.groundsRequired.value
        ? "Say how the information relates to your duties (your need to know). Draft Cabinet reports and working papers cannot be requested."
        : i.recipient.value === "BY_CLASSIFICATION"
          ? "Officers normally accept that you need the information. Routine casework can go to a named officer; anything else goes to the Director."
          : i.adviceNotes.value
            ? "Ask an officer for information, advice or a briefing note, or write to the Chief Executive directly."
            : "Your request goes to the Chief Officer of the department that holds the information.",
    ...(member ? {} : { whyNot: "Information requests are made by councillors." }),
  });

  const filers = b.filers.value;
  const mayBrief =
    member &&
    (filers === "ANY_MEMBER_NAMING_GROUP"
      ? !!actor.groupId
      : filers === "LEADER_CHAIR_SPOKESPERSON_CABINET"
        ? offices.some((o) => o.kind === "LEADER" || o.kind === "SPOKESPERSON") ||
          has(actor, "COMMITTEE_CHAIR", "CABINET_MEMBER")
        : filers === "GROUP_LEADER_DESIGNATE_OR_SPOKESPERSON"
          ? offices.some((o) => o.kind === "LEADER" || o.kind === "SPOKESPERSON")
          : offices.some((o) => o.kind === "LEADER"));
  const whoMayBrief =
    filers === "LEADER_CHAIR_SPOKESPERSON_CABINET"
      ? "A party-group briefing request must come from a Group Leader, the Chair or a Spokesperson for the committee concerned, or the Cabinet Member concerned."
      : filers === "GROUP_LEADER_DESIGNATE_OR_SPOKESPERSON"
        ? "A party-group briefing request comes from the Group Leader, a member the Leader designates, or a Spokesperson."
        : filers === "ANY_MEMBER_NAMING_GROUP"
          ? "Any member of a group can ask for advice for the group; it goes to the Town Clerk."
          : "A party-group briefing request comes from the Group Leader, or a member the Group Leader designates.";
  options.push({
    key: "briefing",
    label: "Ask for a party-group briefing",
    href: mayBrief ? "/requests/new/briefing" : null,
    allowed: mayBrief,
    ruleId: b.filers.ruleId,
    guidance: `${whoMayBrief} Officers are invited, never instructed, to attend.`,
    ...(mayBrief
      ? {}
      : {
          whyNot: member
            ? `${whoMayBrief} Ask your Group Leader.`
            : "Party-group briefings are requested by councillors.",
        }),
  });

  if (b.offeredBriefings.value && has(actor, "CHIEF_OFFICER"))
    options.push({
      key: "offer",
      label: "Offer a briefing to every group's spokesperson",
      href: "/requests/new/offer",
      allowed: true,
      ruleId: "WIG-B6",
      guidance:
        "Before a complex committee matter, offer the same briefing to the spokesperson for your service in every group. Leaving a group out needs reasons (WIG-B5).",
    });

  options.push({
    key: "complaint",
    label: "Make a complaint",
    href: member || officer ? "/requests/new/complaint" : null,
    allowed: member || officer,
    ruleId: profile.complaints.routes[0]?.ladder.ruleId ?? "DEF-C7",
    guidance: profile.townClerkGate
      ? "Concerns about issues or staff go to the Town Clerk; concerns about the Clerk go to the Chairman."
      : "Your council's complaint procedure decides who handles it at each stage. A complaint never goes to the person it is about.",
  });

  if (profile.townClerkGate) {
    options.push({
      key: "assistance",
      label: "Ask for help from a member of staff",
      href: member ? "/requests/new/assistance" : null,
      allowed: member,
      ruleId: "HTC-D1",
      guidance:
        "Requests for a particular officer's help go through the Town Clerk, who weighs them against staff workload.",
      ...(member ? {} : { whyNot: "Assistance requests are made by councillors." }),
    });
    options.push({
      key: "agenda",
      label: "Put an item on the agenda",
      href: member ? "/requests/new/agenda" : null,
      allowed: member,
      ruleId: "HTC-D8",
      guidance: "Any member of any party may submit an item for the next meeting's agenda.",
      ...(member ? {} : { whyNot: "Agenda items are submitted by councillors." }),
    });
    options.push({
      key: "code-breach",
      label: "Report a suspected Code breach",
      href: officer ? "/requests/new/code-breach" : null,
      allowed: officer,
      ruleId: "HTC-D7",
      guidance:
        "Staff who believe a councillor has breached the Code of Conduct report it to the Town Clerk, who decides whether to seek the Monitoring Officer's advice.",
      ...(officer ? {} : { whyNot: "Suspected Code breaches are reported by members of staff." }),
    });
  }
  return options;
}
