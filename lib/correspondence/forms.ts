// The correspondence pages' form handlers (what app/correspondence/actions.ts calls): each parses what was posted
// with zod — every id checked, every text bounded, dates bounded — calls one use case and returns errors naming the
// rule (with what was typed kept), a question to confirm, or the record to go to.
import "server-only";
import { z } from "zod";
import type { Viewer } from "@/lib/auth/viewer";
import { londonDate } from "@/lib/dates";
import type { ActionState } from "@/lib/requests/action-specs";
import { errorsFrom } from "@/lib/requests/forms/types";
import { zodFieldErrors } from "@/lib/requests/schema";
import {
  EARLIEST_DATE,
  ID_PATTERN,
  optionalDate,
  optionalId,
  optionalText,
  requiredLine,
  requiredText,
} from "@/lib/validation";
import {
  answerConsent,
  copyCorrespondence,
  draftLetter,
  recordCorrespondence,
  recordLetterSent,
  replyToCorrespondence,
} from "./service";

export type FormOutcome = ActionState | { done: string; id: string };

/** A ticked checkbox posts "yes"; anything else (or nothing) is not ticked. */
const ticked = z
  .string()
  .optional()
  .transform((v) => v === "yes");

/** Ids picked with checkboxes, one per line. */
const pickedIds = z
  .string()
  .max(65 * 2000)
  .optional()
  .default("")
  .transform((v) =>
    v
      .split("\n")
      .map((s) => s.trim())
      .filter(Boolean),
  )
  .refine((ids) => ids.every((i) => ID_PATTERN.test(i)), "Choose from the list");

/** The person chosen in a select: "" when none, otherwise an id. */
const pickedId = optionalId("Choose from the list");

function fail(values: Record<string, string>, e: unknown): ActionState {
  return { errors: errorsFrom(e), values };
}

// ---- Recording correspondence -----------------------------------------------------------------------------------

const recordSchema = (now: Date) =>
  z.object({
    fromId: pickedId,
    toId: z
      .string({ error: "Choose who it was sent to" })
      .trim()
      .min(1, "Choose who it was sent to")
      .regex(ID_PATTERN, "Choose who it was sent to"),
    medium: z.enum(["LETTER", "EMAIL"], { error: "Say whether it was a letter or an email" }),
    subject: requiredLine(200, "Enter the subject"),
    body: requiredText(20_000, "Enter the text of the letter or email"),
    sentOn: optionalDate("The date it was sent", () => ({ min: EARLIEST_DATE, max: londonDate(now) })).refine(
      (v) => v !== null,
      "Enter the date it was sent",
    ),
    confidential: ticked,
    aboutOwnEmployment: ticked,
    individualMatter: ticked,
    concernedMemberId: pickedId,
    sharingAgreed: ticked,
  });

/** Record a letter or email between a member and an officer (CWC-E1, C2007-E1, WIG-E3, WIG-E9, WIG-A10). */
export async function handleRecordCorrespondence(
  viewer: Viewer,
  values: Record<string, string>,
  now: Date,
): Promise<FormOutcome> {
  const parsed = recordSchema(now).safeParse(values);
  if (!parsed.success) return { errors: zodFieldErrors(parsed.error), values };
  const d = parsed.data;
  try {
    const filed = await recordCorrespondence(viewer, {
      fromId: d.fromId ?? viewer.id,
      toId: d.toId,
      medium: d.medium,
      subject: d.subject,
      body: d.body,
      sentOn: d.sentOn!,
      confidential: d.confidential,
      aboutOwnEmployment: d.aboutOwnEmployment,
      individualMatter: d.individualMatter,
      concernedMemberId: d.concernedMemberId,
      sharingAgreed: d.sharingAgreed,
    });
    return { done: "RECORD", id: filed.id };
  } catch (e) {
    return fail(values, e);
  }
}

// ---- Official letters -------------------------------------------------------------------------------------------

const letterSchema = z.object({
  addressee: requiredLine(300, "Enter who the letter is addressed to"),
  subject: requiredLine(200, "Enter the subject"),
  body: requiredText(20_000, "Enter the text of the letter"),
  obligations: z.enum(["yes", "no"], {
    error: "Say whether the letter creates obligations or gives instructions on the council's behalf",
  }),
  signatoryId: pickedId,
  signatoryReasons: optionalText(2000),
});

/** Draft an official letter (CWC-E3, C2007-E2; DEF-G1 for a councillor signatory). */
export async function handleDraftLetter(
  viewer: Viewer,
  values: Record<string, string>,
  now: Date,
): Promise<FormOutcome> {
  const parsed = letterSchema.safeParse(values);
  if (!parsed.success) return { errors: zodFieldErrors(parsed.error), values };
  const d = parsed.data;
  try {
    const filed = await draftLetter(viewer, {
      addressee: d.addressee,
      subject: d.subject,
      body: d.body,
      obligations: d.obligations === "yes",
      signatoryId: d.signatoryId ?? viewer.id,
      signatoryReasons: d.signatoryReasons,
      draftedOn: londonDate(now),
    });
    return { done: "DRAFT", id: filed.id };
  } catch (e) {
    return fail(values, e);
  }
}

// ---- Steps on a record ------------------------------------------------------------------------------------------

export const CORRESPONDENCE_ACTIONS = [
  "COPY",
  "COPY_DIRECTOR",
  "GIVE_CONSENT",
  "REFUSE_CONSENT",
  "REPLY",
  "RECORD_SENT",
] as const;

const actionSchema = z.object({
  requestId: z.string().regex(ID_PATTERN, "That record was not found"),
  action: z.enum(CORRESPONDENCE_ACTIONS, { error: "Choose what you want to do" }),
  confirmed: ticked,
  recipientIds: pickedIds,
  allMembers: ticked,
  reasons: optionalText(5000),
  copyId: pickedId,
  reply: optionalText(20_000),
  asCabinetMember: ticked,
  leaveLeaderOff: ticked,
  breachOfConfidence: ticked,
  confidenceExplanation: optionalText(5000),
});

/** A field that would make a blind, hidden or silent copy. The forms have none: only a forged post sends one. */
const HIDDEN_COPY = /bcc|blind|hidden|silent/i;

/** Copy, consent, reply, record a letter as sent: the record page's forms. */
export async function handleCorrespondenceAction(
  viewer: Viewer,
  values: Record<string, string>,
  now: Date,
): Promise<FormOutcome> {
  const parsed = actionSchema.safeParse(values);
  if (!parsed.success) return { errors: zodFieldErrors(parsed.error), values };
  const d = parsed.data;
  try {
    switch (d.action) {
      case "COPY":
      case "COPY_DIRECTOR": {
        const hiddenRequested = Object.entries(values).some(([k, v]) => HIDDEN_COPY.test(k) && v.trim() !== "");
        const out = await copyCorrespondence(viewer, d.requestId, {
          recipientIds: d.action === "COPY" ? d.recipientIds : [],
          allMembers: d.action === "COPY" && d.allMembers,
          reasons: d.reasons,
          hiddenRequested,
          confirmed: d.confirmed,
          director: d.action === "COPY_DIRECTOR",
        });
        if ("confirm" in out) {
          // The confirmation sends these values again (with the record's id and `confirmed`).
          const again = Object.fromEntries(
            Object.entries(values).filter(([k]) => k !== "requestId" && k !== "confirmed"),
          );
          return { errors: {}, values: again, confirm: out.confirm };
        }
        const waits = out.copies.some((c) => c.status === "AWAITING_CONSENT");
        const made = out.copies.some((c) => c.status === "COPIED");
        return { done: waits ? (made ? "COPY_PARTLY_AWAITING" : "COPY_AWAITING") : "COPY", id: d.requestId };
      }
      case "GIVE_CONSENT":
      case "REFUSE_CONSENT":
        await answerConsent(viewer, d.requestId, { copyId: d.copyId, give: d.action === "GIVE_CONSENT" }, now);
        return { done: d.action, id: d.requestId };
      case "REPLY":
        await replyToCorrespondence(viewer, d.requestId, {
          text: d.reply,
          asCabinetMember: d.asCabinetMember,
          leaveLeaderOff: d.leaveLeaderOff,
          breachOfConfidence: d.breachOfConfidence,
          confidenceExplanation: d.confidenceExplanation,
        });
        return { done: "REPLY", id: d.requestId };
      case "RECORD_SENT":
        await recordLetterSent(viewer, d.requestId, now);
        return { done: "RECORD_SENT", id: d.requestId };
    }
  } catch (e) {
    return fail(values, e);
  }
}
