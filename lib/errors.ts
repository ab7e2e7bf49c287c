// Errors are values (docs/decisions/0004): services return or throw AppError; pages turn it into an error summary.
export type AppErrorCode = "NOT_FOUND" | "FORBIDDEN_BY_RULE" | "CONFLICT" | "VALIDATION";

export type FieldErrors = Record<string, string>;

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly fields: FieldErrors = {},
    readonly ruleId?: string,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const notFound = (what = "That record") => new AppError("NOT_FOUND", `${what} was not found.`);
