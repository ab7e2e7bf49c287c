// "How requests work here" (issue 15): a council's whole protocol as the app enforces it, in plain English, built from
// the profile in force (the profile written in code with the council's settings applied) — never written by hand per
// council. Each line carries its rule ID and whether it is the protocol's own rule or a council setting. Pure.
import { AREAS, CATALOGUE, entryFor, showValue, type AreaKey } from "@/lib/admin/settings-catalogue";
import { settingAt } from "./council-profile";
import { roleLabel } from "./profiles";
import type { CouncilProfile, ComplaintRoute, Handler, Subject } from "./profiles/types";
import { RULE_SOURCES, RULE_TITLES } from "./rule-titles";
import type { Setting } from "./types";

export type ProtocolLine = {
  text: string;
  /** The rule ID ("WIG-A13", "DEF-A1", "COUNCIL"), or "" where the protocol is silent. */
  ruleId: string;
  /** The protocol's own rule, or a council setting (a DEF- default, the council's choice, or silent). */
  origin: "PROTOCOL" | "COUNCIL";
  /** The rule's title in the catalogue (for a DEF- default: the gap it fills). */
  ruleTitle: string | null;
  /** The protocol rule's source clause (section and words quoted), for rules from the protocol's text. */
  ruleSource: string | null;
  /** The current value as a person reads it, for council settings ("10 working days"). */
  value: string | null;
};
export type ProtocolArea = {
  key: AreaKey;
  title: string;
  lines: ProtocolLine[];
  /** Features this council's protocol says nothing about, which the app therefore leaves as they are. */
  silent: ProtocolLine[];
};

function line(s: Setting<unknown>, text: string, value: string | null): ProtocolLine {
  const silent = s.ruleId === "silent";
  return {
    text,
    ruleId: silent ? "" : s.ruleId,
    origin: s.isDefault ? "COUNCIL" : "PROTOCOL",
    ruleTitle: silent ? null : (RULE_TITLES[s.ruleId] ?? null),
    ruleSource: silent ? null : (RULE_SOURCES[s.ruleId] ?? null),
    value: s.isDefault ? value : null,
  };
}

const SUBJECTS = (p: CouncilProfile): Record<Subject, string> => ({
  OFFICER: "an officer",
  CHIEF_OFFICER: `a ${roleLabel(p, "CHIEF_OFFICER")}`,
  CHIEF_EXECUTIVE: `the ${roleLabel(p, "CHIEF_EXECUTIVE")}`,
  TOWN_CLERK: `the ${roleLabel(p, "TOWN_CLERK")}`,
  MEMBER: "a councillor",
  ISSUE: "an issue",
});

const HANDLERS = (p: CouncilProfile): Record<Handler, string> => ({
  SUBJECT_OFFICER: "the officer concerned, informally",
  SUBJECT_CHIEF_OFFICER: `the ${roleLabel(p, "CHIEF_OFFICER")} of the officer concerned`,
  COMPLAINANT_CHIEF_OFFICER: `the complaining officer's own ${roleLabel(p, "CHIEF_OFFICER")}`,
  CHIEF_EXECUTIVE: `the ${roleLabel(p, "CHIEF_EXECUTIVE")}`,
  CE_OR_DIRECTOR_OF_GOVERNANCE: `the ${roleLabel(p, "CHIEF_EXECUTIVE")} or the ${roleLabel(p, "DIRECTOR_OF_GOVERNANCE")} (the complainant chooses)`,
  LEADER_OF_COUNCIL: `the ${roleLabel(p, "LEADER_OF_COUNCIL")}`,
  MONITORING_OFFICER: `the ${roleLabel(p, "MONITORING_OFFICER")}`,
  TOWN_CLERK: `the ${roleLabel(p, "TOWN_CLERK")}`,
  COUNCIL_CHAIR: `the ${roleLabel(p, "COUNCIL_CHAIR")}`,
});

/** One complaint route in a sentence: which complaints, and who handles each stage. */
export function describeRoute(p: CouncilProfile, r: ComplaintRoute): string {
  const w = r.when;
  const by = w.complainant === "MEMBER" ? " by a councillor" : w.complainant === "OFFICER" ? " by an officer" : "";
  const about = w.subjects?.length ? ` about ${w.subjects.map((s) => SUBJECTS(p)[s]).join(" or ")}` : "";
  const which = w.codeOfConduct
    ? `A Code of Conduct matter${by}`
    : w.grievance
      ? `A grievance${by}`
      : by || about
        ? `A complaint${by}${about}`
        : "Any other complaint";
  const cond = w.noLeaderOfCouncil ? ` where there is no ${roleLabel(p, "LEADER_OF_COUNCIL")}` : "";
  const l = r.ladder;
  if (l.stages.length === 0) return `${which}${cond}: ${l.message ?? "not handled in the app"}`;
  const h = HANDLERS(p);
  const steps = l.stages.map((s, i) =>
    i === 0 ? `goes to ${h[s.handler]}` : `then, if the complainant escalates it, to ${h[s.handler]}`,
  );
  const kind =
    l.kind === "CODE_OF_CONDUCT"
      ? " as a written Code of Conduct complaint"
      : l.kind === "CODE_BREACH_REPORT"
        ? " as a report of a suspected Code breach"
        : "";
  return `${which}${cond} ${steps.join(", ")}${kind}.`;
}

/** The council's protocol, area by area, as the app enforces it with this profile. */
export function describeProtocol(p: CouncilProfile): ProtocolArea[] {
  return AREAS.flatMap((area) => {
    if (area.key === "townCouncil" && !p.townCouncil) return [];
    const lines: ProtocolLine[] = [];
    const silent: ProtocolLine[] = [];
    if (area.key === "townCouncil" && p.townClerkGate)
      lines.push({
        text: `Every request from a councillor to staff goes to the ${roleLabel(p, "TOWN_CLERK")}, who replies or passes it to the right member of staff.`,
        ruleId: "HTC-D1",
        origin: "PROTOCOL",
        ruleTitle: RULE_TITLES["HTC-D1"] ?? null,
        ruleSource: RULE_SOURCES["HTC-D1"] ?? null,
        value: null,
      });
    if (area.key === "complaints")
      for (const r of p.complaints.routes)
        lines.push({
          text: describeRoute(p, r),
          ruleId: r.ladder.ruleId,
          origin: r.ladder.ruleId.startsWith("DEF-") ? "COUNCIL" : "PROTOCOL",
          ruleTitle: RULE_TITLES[r.ladder.ruleId] ?? null,
          ruleSource: RULE_SOURCES[r.ladder.ruleId] ?? null,
          value: null,
        });
    for (const entry of CATALOGUE[area.key]) {
      const s = settingAt(p, entry.path);
      if (!s) continue;
      const l = line(s, entry.says(s.value as never, p), showValue(entry, s.value));
      (s.ruleId === "silent" ? silent : lines).push(l);
    }
    if (area.key === "duties") {
      for (const n of p.duties.publicity.notices)
        lines.push(line(n, `A councillor asking for publicity is told: “${n.value}”`, null));
      for (const g of p.duties.complaintGuidance)
        lines.push(
          line(
            g.notice,
            `Before a complaint${g.aboutOfficerOnly ? " about an officer" : ""}, the person is told: “${g.notice.value}”`,
            null,
          ),
        );
    }
    return [{ key: area.key, title: area.title, lines, silent }];
  });
}

/** A setting's plain-English name, for the administrative log ("Target for answering an information request"). */
export const settingName = (path: string) => entryFor(path)?.name ?? path;
