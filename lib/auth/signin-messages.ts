// Plain-English messages for the sign-in form (shared by the form and its tests).
import { LOCK_MINUTES } from "./throttle-policy";

export function signInErrorMessage(error: string): string {
  if (error.startsWith("LOCKED")) {
    const minutes = Number(error.split(":")[1]) || LOCK_MINUTES;
    return `Too many wrong passwords have been entered for this account. Wait ${minutes} minute${minutes === 1 ? "" : "s"} and try again, or ask your council's user administrator for help.`;
  }
  if (error === "UNAVAILABLE") return "Sign-in is not available just now. Try again in a few minutes.";
  return "Enter a correct email address and password. If you have forgotten your password, ask your council's user administrator.";
}

export function validateSignInFields(
  email: string,
  password: string,
): { field: "email" | "password"; message: string }[] {
  const errors: { field: "email" | "password"; message: string }[] = [];
  if (!email.trim()) errors.push({ field: "email", message: "Enter your email address" });
  else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim()))
    errors.push({
      field: "email",
      message: "Enter an email address in the correct format, like name@council.gov.uk",
    });
  if (!password) errors.push({ field: "password", message: "Enter your password" });
  return errors;
}
