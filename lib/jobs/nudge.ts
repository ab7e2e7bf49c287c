// The job queue this process started, if any, and the email nudge. Kept apart from lib/jobs/index.ts so that the
// services that write notifications do not import pg-boss itself.
export const EMAIL_QUEUE = "send-emails";

type Sender = { send(name: string, data: object, options: object): Promise<string | null> };
const holder = globalThis as unknown as { mrBoss?: Sender | null };

export function setProcessQueue(boss: Sender | null | undefined) {
  holder.mrBoss = boss;
}
export function processQueue(): Sender | null | undefined {
  return holder.mrBoss;
}

/** Asks for the outbox to be sent soon: a few seconds later, so the step that wrote the notifications has committed. */
export async function nudgeEmails(boss: Sender | null | undefined = holder.mrBoss): Promise<void> {
  if (!boss) return;
  await boss
    .send(EMAIL_QUEUE, {}, { startAfter: 2, singletonKey: "nudge", singletonSeconds: 2 })
    .catch(() => undefined);
}
