// Background jobs on PostgreSQL with pg-boss 10 (docs/decisions/0007): due-date reminders every 15 minutes and the
// email outbox every minute, plus a nudge whenever a step writes notifications so email goes out within seconds.
//
//   MR_JOBS=app     (default) the app process runs the workers and the schedules
//   MR_JOBS=off     this process only nudges; run `npm run worker` (MR_JOBS=worker) once for the whole deployment
//   MR_JOBS=worker  set by scripts/worker.ts
//
// Every job is idempotent (reminders once per request, person and day; emails claimed with SKIP LOCKED), so two
// workers at once are safe. A job's `now` can be injected through its data ({ now: ISO string }) for tests.
import "server-only";
import { PgBoss } from "./pgboss";
import { dispatchEmails } from "@/lib/email/dispatch";
import { dispatchDigests } from "@/lib/email/digest";
import { startInboundFromEnv } from "@/lib/email/inbound-server";
import { mailerFromEnv, type Mailer } from "@/lib/email/mailer";
import { sendAcknowledgementReminders, sendDueReminders } from "@/lib/notifications/reminders";
import { runMaintenance } from "./maintenance";
import { EMAIL_QUEUE, nudgeEmails, processQueue, setProcessQueue } from "./nudge";

export const QUEUES = {
  reminders: "due-reminders",
  emails: EMAIL_QUEUE,
  maintenance: "maintenance",
  digests: "email-digests",
} as const;
/** `now` and `councilId` let tests (and an operator) run a job for a given time and one council. */
export type JobData = { now?: string; councilId?: string };

const jobNow = (data: JobData | undefined) => (data?.now ? new Date(data.now) : new Date());

export type StartOptions = {
  connectionString: string;
  work: boolean;
  mailer?: Mailer | null;
  log?: (msg: string) => void;
  pollingIntervalSeconds?: number;
  schedule?: boolean;
};

export async function startJobs(o: StartOptions): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: o.connectionString,
    schema: "pgboss",
    max: 3,
    schedule: o.work && o.schedule !== false,
    supervise: true,
    application_name: "members-requests-jobs",
  });
  boss.on("error", (e: unknown) => console.error("[members-requests] job queue error:", e));
  await boss.start();
  for (const name of Object.values(QUEUES))
    await boss.createQueue(name, { name, retryLimit: 3, retryDelay: 30, expireInSeconds: 600 });
  if (o.work) {
    const mailer = o.mailer === undefined ? mailerFromEnv() : o.mailer;
    const poll = o.pollingIntervalSeconds ?? 2;
    if (o.schedule !== false) {
      await boss.schedule(QUEUES.reminders, "*/15 * * * *", {}, { tz: "Europe/London" });
      await boss.schedule(QUEUES.emails, "* * * * *", {});
      await boss.schedule(QUEUES.maintenance, "17 3 * * *", {}, { tz: "Europe/London" });
      await boss.schedule(QUEUES.digests, "0 7 * * *", {}, { tz: "Europe/London" });
    }
    await boss.work<JobData>(QUEUES.reminders, { pollingIntervalSeconds: poll }, async (jobs) => {
      for (const job of jobs) {
        const scope = job.data?.councilId ? { councilId: job.data.councilId } : {};
        const n =
          (await sendDueReminders(jobNow(job.data), scope)) +
          (await sendAcknowledgementReminders(jobNow(job.data), scope));
        if (n) await nudgeEmails(boss);
      }
    });
    await boss.work<JobData>(QUEUES.emails, { pollingIntervalSeconds: poll }, async (jobs) => {
      for (const job of jobs) {
        let r;
        // Drain the outbox in batches: a burst of notifications goes out in one job.
        do r = await dispatchEmails(mailer, jobNow(job.data), { councilId: job.data?.councilId });
        while (r.sent + r.held + r.failed + r.retried + r.skipped >= 50);
      }
    });
    await boss.work<JobData>(QUEUES.digests, { pollingIntervalSeconds: poll }, async (jobs) => {
      for (const job of jobs) await dispatchDigests(mailer, jobNow(job.data), { councilId: job.data?.councilId });
    });
    await boss.work<JobData>(QUEUES.maintenance, { pollingIntervalSeconds: poll }, async (jobs) => {
      for (const job of jobs) await runMaintenance(jobNow(job.data));
    });
    o.log?.(
      `Jobs: reminders every 15 minutes; email ${mailer ? `via ${mailer.describe}` : "held in the outbox (no SMTP_URL)"}.`,
    );
  }
  return boss;
}

/** Starts the jobs once per process, as MR_JOBS says (called from instrumentation.ts). */
export async function startJobsForProcess(): Promise<void> {
  const mode = process.env.MR_JOBS ?? "app";
  if (processQueue() !== undefined || !process.env.DATABASE_URL) return;
  setProcessQueue(null);
  try {
    const boss = await startJobs({
      connectionString: process.env.DATABASE_URL,
      work: mode === "app" || mode === "worker",
      log: (m) => console.log(`[members-requests] ${m}`),
    });
    setProcessQueue(boss);
    // Replies by email: the listener runs where the workers run (off unless configured).
    if (mode === "app" || mode === "worker")
      await startInboundFromEnv(process.env, (m) => console.log(`[members-requests] ${m}`)).catch((e: unknown) =>
        console.error("[members-requests] the inbound SMTP listener did not start:", e),
      );
  } catch (e) {
    console.error("[members-requests] the job queue did not start; reminders and email wait until it does:", e);
  }
}

export async function stopJobs(): Promise<void> {
  const boss = processQueue() as PgBoss | null | undefined;
  setProcessQueue(undefined);
  if (boss) await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
}
