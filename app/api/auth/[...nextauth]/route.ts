import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { refuseEndedSession } from "@/lib/auth/session-endpoint";

const handler = NextAuth(authOptions);

// /api/auth/session would otherwise renew any cookie it can verify, even one whose session was signed out.
async function GET(req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) {
  const ended = await refuseEndedSession(req);
  return ended ?? handler(req, ctx);
}

export { GET, handler as POST };
