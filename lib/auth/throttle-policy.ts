// The sign-in throttle's numbers (docs/decisions/0003). Pure: the sign-in form shows them too.
export const MAX_FAILURES = 5;
export const WINDOW_MINUTES = 15;
export const LOCK_MINUTES = 15;
