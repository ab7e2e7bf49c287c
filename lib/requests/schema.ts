// zod schemas shared by the request forms (client) and their server actions.
import { z } from "zod";
import { londonDate } from "@/lib/dates";
import {
  EARLIEST_DATE,
  FUTURE_EVENT_YEARS,
  ID_PATTERN,
  optionalDate,
  optionalId as idOrNull,
  optionalText,
  requiredLine,
  requiredText,
  shiftYears,
} from "@/lib/validation";

const text = requiredText;
const line = requiredLine;
const optionalId = idOrNull();
const idList = z.array(z.string().regex(ID_PATTERN, "Choose from the list")).max(20).optional().default([]);

export const CATEGORIES = [
  { value: "GENERAL", label: "General information" },
  { value: "COMMITTEE_PAPERS", label: "Committee papers" },
  { value: "PUBLISHED", label: "Published reports or data" },
  { value: "CORRESPONDENCE", label: "Correspondence" },
  { value: "PERSONAL_CASEWORK", label: "A constituent's casework" },
  { value: "DRAFT_CABINET_REPORT", label: "A draft Cabinet report" },
  { value: "WORKING_PAPERS", label: "Working papers" },
] as const;

export const CLASSIFICATIONS = [
  {
    value: "CASEWORK_OR_ROUTINE",
    label: "Routine casework",
    hint: "Detailed or ongoing casework, or a routine matter",
  },
  { value: "GENERAL_ENQUIRY", label: "A general enquiry" },
  { value: "POLICY_OR_NON_ROUTINE", label: "A policy or non-routine matter" },
  { value: "MAJOR_CONCERN", label: "A major concern" },
] as const;

export const informationFormSchema = z.object({
  kind: z.enum(["INFORMATION", "GROUP_BACKGROUND", "INDIVIDUAL_BRIEFING"]).optional().default("INFORMATION"),
  groupId: optionalId,
  subject: line(200, "Enter a subject for your request"),
  details: text(5000, "Say what information you need"),
  serviceId: optionalId,
  classification: z
    .enum(["CASEWORK_OR_ROUTINE", "GENERAL_ENQUIRY", "POLICY_OR_NON_ROUTINE", "MAJOR_CONCERN", ""])
    .optional()
    .transform((v) => (v ? v : null)),
  addresseeId: optionalId,
  needToKnowGrounds: optionalText(3000),
  presumedCommitteeId: optionalId,
  capacity: z
    .enum(["AS_MEMBER", "AS_WARD_REPRESENTATIVE", ""])
    .optional()
    .transform((v) => (v ? v : null)),
  wardId: optionalId,
  category: z.enum(
    [
      "GENERAL",
      "COMMITTEE_PAPERS",
      "PUBLISHED",
      "CORRESPONDENCE",
      "PERSONAL_CASEWORK",
      "DRAFT_CABINET_REPORT",
      "WORKING_PAPERS",
    ],
    { error: "Choose what kind of information you need" },
  ),
  thirdPartyData: z.enum(["yes", "no"], {
    error: "Say whether the information includes other people's personal details",
  }),
  thirdPartyJustification: optionalText(3000),
  councilRoleDeclared: z.boolean().optional().default(false),
  concernsAnotherMember: z.enum(["yes", "no"]).optional().default("no"),
  concernedMemberIds: idList,
  sharingAgreed: z.boolean().optional().default(false),
  coRequesterIds: idList,
});

export type InformationFormValues = z.input<typeof informationFormSchema>;

export function toInformationInput(v: z.output<typeof informationFormSchema>) {
  return {
    kind: v.kind,
    groupId: v.groupId,
    subject: v.subject,
    details: v.details,
    serviceId: v.serviceId,
    addresseeId: v.addresseeId,
    classification: v.classification,
    needToKnowGrounds: v.needToKnowGrounds,
    presumedCommitteeId: v.presumedCommitteeId,
    capacity: v.capacity,
    wardId: v.wardId,
    category: v.category,
    thirdPartyData: v.thirdPartyData === "yes",
    thirdPartyJustification: v.thirdPartyJustification,
    councilRoleDeclared: v.councilRoleDeclared,
    concernsAnotherMember: v.concernsAnotherMember === "yes",
    concernedMemberIds: v.concernedMemberIds,
    sharingAgreed: v.sharingAgreed,
    coRequesterIds: v.coRequesterIds,
  };
}

/** First message per field, in field order. */
export function zodFieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) out[String(issue.path[0] ?? "form")] ??= issue.message;
  return out;
}

const yesNo = (message: string) => z.enum(["yes", "no"], { error: message });
/** A meeting's date: today to two years ahead (a far-future date is refused, never computed with). */
const meetingDate = optionalDate("The meeting date", () => {
  const today = londonDate(new Date());
  return { min: today, max: shiftYears(today, FUTURE_EVENT_YEARS) };
});

/** CWC-B10: a proposed start time ("18:30") and expected length in minutes, both optional. */
export const startTime = z
  .string()
  .trim()
  .optional()
  .default("")
  .refine(
    (v) => v === "" || /^([01]\d|2[0-3]):[0-5]\d$/.test(v),
    "Enter the start time as hours and minutes, like 18:30",
  )
  .transform((v) => v || null);
export const durationMinutes = z
  .string()
  .trim()
  .optional()
  .default("")
  .refine(
    (v) => v === "" || (/^\d{1,3}$/.test(v) && Number(v) >= 5 && Number(v) <= 480),
    "Enter the expected length in minutes, from 5 to 480, like 45",
  )
  .transform((v) => (v === "" ? null : Number(v)));

export const briefingFormSchema = z.object({
  subject: line(200, "Enter the subject of the briefing"),
  subjectKey: line(120, "Name the decision, agenda item, report or topic the briefing is about"),
  councilBusiness: text(2000, "Say which council business the briefing concerns"),
  serviceId: optionalId,
  committeeId: optionalId,
  meetingDate,
  startTime,
  durationMinutes,
  onePartyMeeting: yesNo("Say whether the meeting is for one party only"),
  item: optionalText(300),
  majorIssue: optionalText(1000),
  kind: z.enum(["GROUP", "ROLE"]).optional().default("GROUP"),
});

export const complaintFormSchema = z.object({
  subjectUserId: optionalId,
  summary: line(200, "Say in a few words what the complaint is about"),
  details: text(5000, "Describe what happened"),
  codeOfConduct: yesNo("Say whether this is about a breach of the Code of Conduct"),
  grievance: z.enum(["yes", "no"]).optional().default("no"),
  statementOfFacts: optionalText(5000),
  codeProvision: optionalText(300),
  category: optionalText(40),
  chosenHandler: z
    .enum(["CHIEF_EXECUTIVE", "DIRECTOR_OF_GOVERNANCE", ""])
    .optional()
    .transform((v) => (v ? v : null)),
});

export const assistanceFormSchema = z.object({
  subject: line(200, "Say what you need help with"),
  details: text(5000, "Describe the help you need"),
  preferredOfficerId: optionalId,
  estimatedHours: z
    .string()
    .trim()
    .optional()
    .default("")
    .refine(
      (v) => v === "" || (/^\d{1,3}(\.\d)?$/.test(v) && Number(v) <= 500),
      "Enter the hours as a number from 0 to 500, like 2 or 1.5",
    )
    .transform((v) => (v === "" ? null : Number(v))),
});

export const agendaFormSchema = z.object({
  title: line(200, "Enter a title for the agenda item"),
  details: text(5000, "Describe the item"),
});

/** HTC-D7: an officer's report of a suspected Code of Conduct breach by a councillor, to the Town Clerk. */
export const codeBreachFormSchema = z.object({
  memberId: idOrNull("Choose the councillor concerned"),
  awareOn: optionalDate("The date you became aware of it", () => ({
    min: EARLIEST_DATE,
    max: londonDate(new Date()),
  })),
  facts: text(5000, "Describe what happened"),
});

/** WIG-B6: a Chief Officer's briefing offered to the spokesperson of every group for their service. */
export const offerFormSchema = z.object({
  subject: line(200, "Enter the subject of the briefing"),
  councilBusiness: text(3000, "Say which council business the briefing is about"),
  serviceId: idOrNull("Choose your service"),
  reasonsForOmission: optionalText(3000),
});
