// The inbound SMTP listener for replies by email (lib/email/inbound.ts), run by the process that runs the jobs.
// Off by default; configured by environment (README "Replies by email"):
//   INBOUND_SMTP_PORT    the port to listen on (unset: off)
//   INBOUND_SMTP_HOST    the address to listen on (default 127.0.0.1: put the council's mail relay in front)
//   INBOUND_EMAIL_DOMAIN the domain of the reply addresses (also what outgoing emails' Reply-To use)
// A recipient that is not a valid reply address is refused at RCPT TO; a message that cannot be accepted is refused
// at the end of DATA with a 550 and the reason, which the sender's mail system returns to them as a bounce.
import "server-only";
import { SMTPServer } from "smtp-server";
import { acceptInboundEmail, isReplyAddress } from "./inbound";
import { replyDomain } from "./reply-address";

const MAX_BYTES = 12 * 1024 * 1024;

const smtpError = (message: string, code = 550) => Object.assign(new Error(message), { responseCode: code });

export function createInboundServer(domain: string, log: (m: string) => void = () => {}): SMTPServer {
  return new SMTPServer({
    name: domain,
    banner: "Members' Requests: replies to notifications only",
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    size: MAX_BYTES,
    onRcptTo(address, _session, callback) {
      if (!isReplyAddress(address.address, domain))
        return callback(smtpError("No such reply address: reply to a notification from the service."));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        if ((stream as unknown as { sizeExceeded?: boolean }).sizeExceeded)
          return callback(smtpError("The message is too big: 12 MB at most.", 552));
        const to = session.envelope.rcptTo.map((r) => r.address);
        acceptInboundEmail(Buffer.concat(chunks), { to }, domain, new Date())
          .then((r) => {
            if (r.ok) {
              log(`reply by email added to request ${r.requestId} (${r.added})`);
              callback();
            } else callback(smtpError(r.reason));
          })
          .catch((e: unknown) => {
            console.error("[members-requests] inbound email failed:", e);
            callback(smtpError("The service could not take the message just now: try again later.", 451));
          });
      });
    },
  });
}

/** Starts the listener when INBOUND_SMTP_PORT and INBOUND_EMAIL_DOMAIN are set; returns it, or null when off. */
export async function startInboundFromEnv(
  env: Record<string, string | undefined> = process.env,
  log: (m: string) => void = () => {},
): Promise<SMTPServer | null> {
  const port = Number(env.INBOUND_SMTP_PORT);
  const domain = replyDomain(env);
  if (!port || !domain) return null;
  const server = createInboundServer(domain, log);
  const host = env.INBOUND_SMTP_HOST?.trim() || "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  server.on("error", (e: unknown) => console.error("[members-requests] inbound SMTP error:", e));
  log(`accepting replies by email for ${domain} on ${host}:${port}`);
  return server;
}
