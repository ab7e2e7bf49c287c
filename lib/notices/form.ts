// The ward notice form (CWC-A11, WIG-A7): validated with zod, sent to every member for the chosen wards — the
// audience is computed here, never picked by hand, so no member of a tagged ward can be left out.
import "server-only";
import { z } from "zod";
import { ID_PATTERN, requiredLine, requiredText } from "@/lib/validation";
import type { Viewer } from "@/lib/auth/viewer";
import { zodFieldErrors } from "@/lib/requests/schema";
import { errorsFrom } from "@/lib/requests/forms/types";
import { sendSignificantDevelopment, sendWardNotice } from "./service";
import { db } from "@/lib/db";

export const NOTICE_TYPES = {
  MATTER: "A matter affecting the ward",
  PUBLIC_MEETING_INVITATION: "An invitation to a public meeting in the ward",
  CONSULTATION: "A consultation on local issues",
  GENERAL_INTEREST: "Information of public or general interest",
} as const;

export const wardNoticeSchema = z.object({
  wardIds: z
    .array(z.string().regex(ID_PATTERN, "Choose wards from the list"))
    .min(1, "Choose at least one ward")
    .max(50),
  type: z.enum(Object.keys(NOTICE_TYPES) as [keyof typeof NOTICE_TYPES, ...(keyof typeof NOTICE_TYPES)[]], {
    error: "Choose what kind of notice it is",
  }),
  title: requiredLine(150, "Enter a title"),
  body: requiredText(5000, "Enter the notice"),
});

export type NoticeFormState = {
  errors: Record<string, string>;
  values: { wardIds: string[]; type: string; title: string; body: string };
  sent?: number;
};

export async function handleWardNotice(
  viewer: Viewer,
  form: { wardIds: string[]; type: string; title: string; body: string },
): Promise<NoticeFormState> {
  const prisma = db();
  const parsed = wardNoticeSchema.safeParse(form);
  if (!parsed.success) return { errors: zodFieldErrors(parsed.error), values: form };
  const wards = await prisma.ward.findMany({
    where: { councilId: viewer.council.id, retiredAt: null, id: { in: parsed.data.wardIds } },
    select: { id: true },
  });
  if (wards.length !== new Set(parsed.data.wardIds).size)
    return { errors: { wardIds: "Choose wards of your council" }, values: form };
  const audience = await prisma.user.findMany({
    where: {
      councilId: viewer.council.id,
      active: true,
      roles: { has: "MEMBER" },
      wards: { some: { id: { in: parsed.data.wardIds } } },
    },
    select: { id: true },
  });
  if (audience.length === 0)
    return { errors: { wardIds: "No councillor represents the wards you chose" }, values: form };
  try {
    const sent = await sendWardNotice(viewer, { ...parsed.data, audienceIds: audience.map((a) => a.id) });
    return { errors: {}, values: { wardIds: [], type: "", title: "", body: "" }, sent };
  } catch (e) {
    return { errors: errorsFrom(e), values: form };
  }
}

export const developmentSchema = z.object({
  audienceIds: z.array(z.string().regex(ID_PATTERN, "Choose councillors from the list")).max(500),
  title: requiredLine(150, "Enter a title"),
  body: requiredText(5000, "Describe the development"),
});

export type DevelopmentFormState = {
  errors: Record<string, string>;
  values: { audienceIds: string[]; title: string; body: string };
  sent?: number;
};

/** Who reports significant developments (WIG-A12, HTC-A3). */
export const mayReportDevelopments = (viewer: Viewer) =>
  viewer.roles.some((r) => ["CHIEF_OFFICER", "CHIEF_EXECUTIVE", "TOWN_CLERK"].includes(r));

/** A significant-development bulletin: the audience is checked against the protocol (it cannot be narrowed). */
export async function handleSignificantDevelopment(
  viewer: Viewer,
  form: { audienceIds: string[]; title: string; body: string },
): Promise<DevelopmentFormState> {
  const parsed = developmentSchema.safeParse(form);
  if (!parsed.success) return { errors: zodFieldErrors(parsed.error), values: form };
  try {
    const sent = await sendSignificantDevelopment(viewer, parsed.data);
    return { errors: {}, values: { audienceIds: [], title: "", body: "" }, sent };
  } catch (e) {
    return { errors: errorsFrom(e), values: form };
  }
}
