// The sign-in throttle's numbers (docs/decisions/0003). Pure: the sign-in form shows them too.
//
// - one account from one address ("pair"): 5 attempts in 15 minutes, then that address waits 15 minutes for that
//   account (a stranger elsewhere cannot lock the owner out);
// - one account from anywhere ("acct"): 20 attempts in 15 minutes, then a one-minute back-off (a distributed guesser
//   gets a guess a minute at most; the owner waits a minute at worst);
// - one address across accounts ("ip", password spraying): 50 attempts in 15 minutes, then 15 minutes' wait.
export const WINDOW_MINUTES = 15;
export const LIMITS = {
  pair: { attempts: 5, lockMinutes: 15 },
  acct: { attempts: 20, lockMinutes: 1 },
  ip: { attempts: 50, lockMinutes: 15 },
} as const;
export type ThrottleKind = keyof typeof LIMITS;

/** Kept for the messages: how long one account from one address waits. */
export const MAX_FAILURES = LIMITS.pair.attempts;
export const LOCK_MINUTES = LIMITS.pair.lockMinutes;
