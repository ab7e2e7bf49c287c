import { describe, expect, it } from "vitest";
import { safeReturnPath } from "@/lib/auth/redirects";
import { signInErrorMessage, validateSignInFields } from "@/lib/auth/signin-messages";
import { changePasswordSchema, fieldErrors, userListSchema } from "@/lib/users/schema";

describe("sign-in form", () => {
  it("asks for each missing field, in order", () => {
    expect(validateSignInFields("", "")).toEqual([
      { field: "email", message: "Enter your email address" },
      { field: "password", message: "Enter your password" },
    ]);
    expect(validateSignInFields("not-an-email", "x")[0]?.message).toMatch(/correct format/);
    expect(validateSignInFields("a@b.example", "x")).toEqual([]);
  });
  it("explains a lock with the minutes left, and a wrong password without saying which part was wrong", () => {
    expect(signInErrorMessage("LOCKED:15")).toMatch(/Too many wrong passwords.*Wait 15 minutes/);
    expect(signInErrorMessage("LOCKED:1")).toMatch(/Wait 1 minute and/);
    expect(signInErrorMessage("INVALID")).toMatch(/^Enter a correct email address and password/);
  });
  it("returns only to same-site paths after sign-in", () => {
    expect(safeReturnPath("/people?x=1")).toBe("/people?x=1");
    expect(safeReturnPath("https://evil.example/")).toBe("/");
    expect(safeReturnPath("//evil.example/path")).toBe("/");
    expect(safeReturnPath("/signin")).toBe("/");
    expect(safeReturnPath(undefined)).toBe("/");
  });
});

describe("change-password schema", () => {
  it("requires a long new password that matches its confirmation and differs from the old one", () => {
    const bad = changePasswordSchema.safeParse({
      currentPassword: "",
      newPassword: "short",
      confirmPassword: "other",
    });
    expect(bad.success).toBe(false);
    expect(fieldErrors(bad.error!)).toMatchObject({
      currentPassword: "Enter your current password",
      newPassword: expect.stringMatching(/at least 12/),
    });
    const mismatch = changePasswordSchema.safeParse({
      currentPassword: "old-password-1",
      newPassword: "new-password-12",
      confirmPassword: "new-password-13",
    });
    expect(fieldErrors(mismatch.error!)).toEqual({ confirmPassword: "The passwords you entered do not match" });
    const same = changePasswordSchema.safeParse({
      currentPassword: "same-password-1",
      newPassword: "same-password-1",
      confirmPassword: "same-password-1",
    });
    expect(fieldErrors(same.error!).newPassword).toMatch(/different/);
  });
  it("reads list filters forgivingly: a bad page number is page 1", () => {
    expect(userListSchema.parse({ q: " kerr ", page: "abc" })).toEqual({ q: "kerr", page: 1 });
    expect(userListSchema.parse({ page: "3" })).toEqual({ q: "", page: 3 });
  });
});
