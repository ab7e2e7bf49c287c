// Session helpers for server components and server actions. Every page that reads data calls
// requireViewer() itself (not only a layout), so no data is read without a live session.
import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { cache } from "react";
import { authOptions } from "./options";
import { loadViewer, type Viewer } from "./viewer";

type SessionState = { viewer: Viewer } | { viewer: null; ended: boolean };

const sessionState = cache(async (): Promise<SessionState> => {
  const session = await getServerSession(authOptions);
  if (!session?.uid) return { viewer: null, ended: false };
  // A cookie without a server-side session id (issued before sessions were recorded) has ended too.
  const viewer = session.sid ? await loadViewer(session.uid, session.sv, session.sid) : null;
  return viewer ? { viewer } : { viewer: null, ended: true };
});

export async function getViewer(): Promise<Viewer | null> {
  return (await sessionState()).viewer;
}

/** The signed-in viewer, or a redirect to sign-in (saying so when a session was ended by revocation). */
export async function requireViewer(returnTo?: string): Promise<Viewer> {
  const state = await sessionState();
  if (state.viewer) return state.viewer;
  const params = new URLSearchParams();
  if (state.ended) params.set("ended", "1");
  if (returnTo) params.set("callbackUrl", returnTo);
  const qs = params.toString();
  redirect(`/signin${qs ? `?${qs}` : ""}`);
}
