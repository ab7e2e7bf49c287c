// npm run worker — the background jobs (reminders, email) as a separate process, for deployments that run several
// app instances with MR_JOBS=off. Needs DATABASE_URL (and SMTP_URL to send email). Stop with Ctrl-C.
import { db } from "@/lib/db";
import { startJobs } from "@/lib/jobs";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("worker: set DATABASE_URL to the app's PostgreSQL database.");
  process.exit(2);
}
const boss = await startJobs({
  connectionString: url,
  work: true,
  log: (m) => console.log(`[worker] ${m}`),
});
console.log("[worker] running; Ctrl-C to stop.");
const stop = async () => {
  await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
  await db().$disconnect();
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
