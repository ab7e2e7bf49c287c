// The five profiles load and route every case; a sixth council is one more profile object, with no engine change.
import { describe, expect, it } from "vitest";
import { PROFILES } from "@/lib/protocol/profiles";
import {
  defaultBriefing,
  defaultComplaints,
  defaultInformation,
  defaultDuties,
} from "@/lib/protocol/profiles/defaults";
import type { CouncilProfile, Party, Subject } from "@/lib/protocol/profiles/types";
import { setting } from "@/lib/protocol/types";
import { submitBriefingRequest } from "@/lib/workflow/briefing";
import { complaintLadder } from "@/lib/workflow/complaint";
import { decideInformation, submitInformationRequest } from "@/lib/workflow/information";
import {
  briefingCtx,
  briefingInput,
  chiefOfficer,
  infoCtx,
  infoRequest,
  leader,
  member,
  NOW,
  submission,
} from "./fixtures";

const PARTIES: Party[] = ["MEMBER", "OFFICER"];
const SUBJECTS: Subject[] = ["OFFICER", "CHIEF_OFFICER", "CHIEF_EXECUTIVE", "TOWN_CLERK", "MEMBER", "ISSUE"];

describe("council profiles", () => {
  for (const p of Object.values(PROFILES)) {
    it(`${p.key}: every complainant × subject × Code / grievance case has a ladder, and none starts with the complaint's own subject's office`, () => {
      for (const complainant of PARTIES)
        for (const subject of SUBJECTS)
          for (const codeOfConduct of [false, true])
            for (const grievance of [false, true]) {
              const ladder = complaintLadder(p, {
                complainant,
                subject,
                codeOfConduct,
                grievance,
                hasLeaderOfCouncil: true,
              });
              expect(ladder.ruleId).toMatch(/^(HAL|CWC|C2007|WIG|HTC|DEF)-[A-DG]\d+$/);
              if (subject === "CHIEF_EXECUTIVE")
                expect(ladder.stages.map((s) => s.handler)).not.toContain("CHIEF_EXECUTIVE");
              if (subject === "TOWN_CLERK")
                expect(ladder.stages.map((s) => s.handler)).not.toContain("TOWN_CLERK");
            }
    });

    it(`${p.key}: an ordinary information request and a Group Leader's briefing request route somewhere`, () => {
      const info = submitInformationRequest(
        p,
        member({ committeeIds: [] }),
        submission({
          needToKnowGrounds: "Ward casework",
          classification: "GENERAL_ENQUIRY",
          capacity: "AS_MEMBER",
        }),
        infoCtx,
      );
      expect(info.ok && info.routing.deciderId).toBeTruthy();
      const brief = submitBriefingRequest(
        p,
        leader({ groupOffices: [{ kind: "LEADER", portfolio: "" }] }),
        briefingInput(),
        briefingCtx(),
        NOW,
      );
      expect(brief.ok && brief.routing.recipientIds.length).toBeGreaterThan(0);
    });
  }

  it("a sixth council is one profile object built from the defaults, and the engine routes it unchanged", () => {
    const sixth: CouncilProfile = {
      key: "SIX",
      title: "Member/Officer Protocol",
      source: "(a new council's protocol)",
      roleLabels: { CHIEF_OFFICER: "Executive Director" },
      rolesUsed: ["MEMBER", "OFFICER", "CHIEF_OFFICER", "CHIEF_EXECUTIVE", "MONITORING_OFFICER"],
      townClerkGate: false,
      information: { ...defaultInformation, targetWorkingDays: setting(15, "DEF-A1") },
      briefing: { ...defaultBriefing },
      complaints: { ...defaultComplaints },
      duties: { ...defaultDuties },
      townCouncil: null,
    };
    const filed = submitInformationRequest(sixth, member(), submission(), infoCtx);
    expect(filed.ok && filed.routing.deciderId).toBe("co-housing");
    const refused = decideInformation(sixth, infoRequest(), chiefOfficer(), {
      type: "REFUSE",
      ground: "OTHER",
      reasons: "",
    });
    expect(refused.ok).toBe(false);
    expect(
      complaintLadder(sixth, {
        complainant: "MEMBER",
        subject: "CHIEF_EXECUTIVE",
        codeOfConduct: false,
        grievance: false,
        hasLeaderOfCouncil: true,
      }).stages[0]?.handler,
    ).toBe("LEADER_OF_COUNCIL");
  });
});
