// Runs once when the Next.js server starts: the background jobs (due-date reminders every 15 minutes, the email
// outbox every minute and on demand) run on the PostgreSQL job queue inside the app process by default. When the
// app is scaled out, set MR_JOBS=off on the app instances and run `npm run worker` once (docs/decisions/0007).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.MR_JOBS === "none") return;
  const { startJobsForProcess } = await import("@/lib/jobs");
  await startJobsForProcess();
}
