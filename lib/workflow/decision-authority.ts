// The authority a decision or an officer action is made under (RULES.md §3.E): party group decisions are not Council
// decisions (HAL-E5, WIG-E8, HTC-E3), and under C2007's arrangements no Chairman or other single councillor decides
// (C2007-E5). Pure: the caller supplies the council's party group names and members' names.
import type { CouncilProfile } from "@/lib/protocol/profiles/types";
import { refuse, type Refusal } from "@/lib/protocol/types";

/** Lower case, punctuation as spaces, single spaces: the text the patterns below read. */
function normalise(s: string): string {
  return ` ${s
    .toLowerCase()
    .replace(/[’']/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim()} `;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Council bodies that call themselves a "group" but are not party groups (a working group reports to a committee). */
const BODY_GROUPS =
  /\b(working|steering|task and finish|task|project|advisory|reference|liaison|programme|officer|member officer|management|scrutiny) group\b/g;

/** Words that, after "group", make it a party group's own business: its meeting, decision, vote, whip, leader… */
const GROUP_BUSINESS =
  "meeting|meetings|mtg|decision|decisions|decided|resolution|resolved|vote|voted|whip|agreed|agreement|view|position|line|policy|instruction|instructed|caucus|leader|leadership";

/** Party words that make "X group" a party group even when the council has no group by that name. */
const PARTY_WORDS =
  "party|political|labour|conservative|tory|liberal|lib dem|liberal democrat|green|independent|independents|reform|plaid|snp|ukip|majority|minority|ruling|controlling|opposition|administration";

/** True when the text names one of the council's party groups or reads as a party group's decision. */
export function namesPartyGroup(authority: string, groupNames: readonly string[]): boolean {
  const text = normalise(authority).replace(BODY_GROUPS, " body ");
  for (const name of groupNames) {
    const full = normalise(name).trim();
    if (!full) continue;
    if (text.includes(` ${full} `)) return true;
    // "Labour Group" is also named as "Labour group", "the Labour party", "Labour members' meeting"…
    const core = full.replace(/\b(group|party)$/, "").trim();
    if (core && core !== full) {
      const re = new RegExp(
        `\\b${escape(core)} (group|party|caucus|members|councillors|cllrs|${GROUP_BUSINESS})\\b`,
      );
      if (re.test(text)) return true;
    }
  }
  if (new RegExp(`\\b(${PARTY_WORDS}) (party )?group\\b`).test(text)) return true;
  if (/\bparty (meeting|decision|whip|caucus|line|policy|leader)\b/.test(text)) return true;
  if (/\bcaucus\b/.test(text)) return true;
  // "group meeting", "Group X meeting", "group decision": a group's own business, one placeholder word allowed.
  if (new RegExp(`\\bgroups? (\\w+ )?(${GROUP_BUSINESS})\\b`).test(text)) return true;
  return false;
}

/** Offices a councillor holds alone: deciding in that office is a single councillor's decision. */
const SINGLE_OFFICES =
  /\b(vice chair|vice chairman|vice chairwoman|vice chairperson|deputy chair|deputy chairman|chair|chairman|chairwoman|chairperson|chairs|chairmans|mayor|deputy mayor|deputy leader|leader|cabinet member|cabinet members|executive member|portfolio holder|portfolio member|lead member|ward member|ward councillor|councillor|cllr)\b/;

/** Uses of those words that are not a councillor: "Team Leader" (an officer), "Leader of the Opposition's group". */
const OFFICER_LEADERS = /\b(team|service|project|section|unit|operations|site|shift) leader\b/g;

/** True when the text names a single councillor, or a Chair, Leader, Cabinet Member or councillor acting alone. */
export function namesSingleCouncillor(authority: string, memberNames: readonly string[]): boolean {
  const text = normalise(authority);
  for (const name of memberNames) {
    const full = normalise(name).trim();
    if (!full) continue;
    if (text.includes(` ${full} `)) return true;
    const parts = full.split(" ");
    const surname = parts[parts.length - 1];
    if (
      surname &&
      surname.length > 1 &&
      new RegExp(`\\b(cllr|councillor|cllrs|mr|mrs|ms|dr) ${escape(surname)}\\b`).test(text)
    )
      return true;
  }
  return SINGLE_OFFICES.test(text.replace(OFFICER_LEADERS, " officer "));
}

/**
 * The refusal for an authority that the council's protocol does not accept, or null when it is acceptable (or empty,
 * the field being optional). A party group is refused where profile.duties.decisionMakers.noPartyGroup is on (HAL-E5,
 * WIG-E8, HTC-E3, C2007-E5); a single councillor where noSingleCouncillor is on (C2007-E5). "Planning Committee",
 * "Full Council", "Cabinet", "delegated authority", "Director of Place under delegated powers" are all fine.
 */
export function decisionAuthorityRefusal(
  profile: CouncilProfile,
  authority: string,
  facts: { groupNames: string[]; memberNames: string[] },
): Refusal | null {
  if (!authority || !authority.trim()) return null;
  const { noPartyGroup, noSingleCouncillor } = profile.duties.decisionMakers;
  if (noPartyGroup.value && namesPartyGroup(authority, facts.groupNames))
    return refuse(
      noPartyGroup.ruleId,
      "A party group's decision is not a Council decision and cannot be the authority for this. Name the body or delegation it is made under: full Council, a Board or Committee, the Cabinet, or an officer under delegated authority.",
      "authority",
      "FORBIDDEN_BY_RULE",
    );
  if (noSingleCouncillor.value && namesSingleCouncillor(authority, facts.memberNames))
    return refuse(
      noSingleCouncillor.ruleId,
      "No Chairman or other single councillor can take decisions on the Council's functions. Name the body or delegation it is made under: full Council, a Committee, or an officer under delegated authority.",
      "authority",
      "FORBIDDEN_BY_RULE",
    );
  return null;
}
