// zod schemas shared by the account and user-administration forms and their server actions.
import { z } from "zod";
import { ID_PATTERN, searchText } from "@/lib/validation";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password";

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password"),
    newPassword: z
      .string()
      .min(MIN_PASSWORD_LENGTH, `Enter a new password of at least ${MIN_PASSWORD_LENGTH} characters`)
      .max(200, "Enter a new password of 200 characters or fewer"),
    confirmPassword: z.string().min(1, "Confirm your new password"),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "The passwords you entered do not match",
  })
  .refine((v) => v.newPassword !== v.currentPassword, {
    path: ["newPassword"],
    message: "Enter a new password that is different from your current one",
  });

export const setActiveSchema = z.object({
  userId: z.string().regex(ID_PATTERN),
  active: z.enum(["true", "false"]).transform((v) => v === "true"),
  /** Deactivating asks first (GOV.UK confirmation step): without "yes" the page asks. */
  confirmed: z.literal("yes").optional(),
});

export const userListSchema = z.object({
  q: searchText,
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});

/** First message per field, in the order the fields appear. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    out[key] ??= issue.message;
  }
  return out;
}
