// Runs once when the Next.js server starts. Due-date reminders run inside the app process every 15 minutes
// (idempotent per request, person and day, so several instances may run it); the handling-side issue moves this
// onto a PostgreSQL job queue with a separate worker when scaled out.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.MR_REMINDERS === "0") return;
  const { db } = await import("@/lib/db");
  const { sendDueReminders } = await import("@/lib/notifications/reminders");
  const run = () => sendDueReminders(db(), new Date()).catch((e) => console.error("[members-requests] reminders failed:", e));
  setTimeout(run, 30_000).unref();
  setInterval(run, 15 * 60_000).unref();
}
