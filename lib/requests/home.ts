// The home page: what needs this person now, whatever their role — each number a link to the list behind it.
import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { canUse } from "@/lib/auth/permissions";
import { listRequests, type RequestListItem } from "./queries";
import { listQueue, type QueueItem } from "./queue";

export type HomeSection = {
  key: string;
  title: string;
  /** null when not counted (more than the cap, or not asked). */
  total: number | null;
  href: string;
  items: (QueueItem | RequestListItem)[];
  empty: string;
};

const FIRST = 5;

/** A handler's sections: what is waiting on them (most urgent first), overdue, and due this week. */
async function handlerSections(viewer: Viewer, now: Date): Promise<HomeSection[]> {
  const [open, overdue, week] = await Promise.all([
    listQueue(viewer, { status: "open", sort: "due" }, now),
    listQueue(viewer, { status: "open", due: "overdue", sort: "due" }, now),
    listQueue(viewer, { status: "open", due: "week", sort: "due" }, now),
  ]);
  return [
    {
      key: "needs-action",
      title: "Needs your action",
      total: open.total,
      href: "/queue",
      items: open.items.slice(0, FIRST),
      empty: "Nothing is waiting for you.",
    },
    {
      key: "overdue",
      title: "Overdue",
      total: overdue.total,
      href: "/queue?due=overdue",
      items: overdue.items.slice(0, FIRST),
      empty: "Nothing is overdue.",
    },
    {
      key: "due-week",
      title: "Due this week",
      total: week.total,
      href: "/queue?due=week",
      items: week.items.slice(0, FIRST),
      empty: "Nothing else is due this week.",
    },
  ];
}

/** A member's sections: what waits on them, their open requests, and the latest answered. */
async function memberSections(viewer: Viewer): Promise<HomeSection[]> {
  const [waiting, open, answered] = await Promise.all([
    listRequests(viewer, { page: 1, mine: true, awaitingMember: true }),
    listRequests(viewer, { page: 1, mine: true, status: "open" }),
    listRequests(viewer, { page: 1, mine: true, status: "closed" }),
  ]);
  return [
    {
      key: "waiting-on-you",
      title: "Waiting for your answer",
      total: waiting.total,
      href: "/requests?show=waiting",
      items: waiting.items.slice(0, FIRST),
      empty: "No officer is waiting for an answer from you.",
    },
    {
      key: "open",
      title: "Your open requests",
      total: open.total,
      href: "/requests?show=mine&status=open",
      items: open.items.slice(0, FIRST),
      empty: "You have no open requests.",
    },
    {
      key: "answered",
      title: "Recently answered",
      total: answered.total,
      href: "/requests?show=mine&status=closed",
      items: answered.items.slice(0, FIRST),
      empty: "None of your requests has been answered yet.",
    },
  ];
}

export async function loadHome(viewer: Viewer, now: Date): Promise<HomeSection[]> {
  const sections: HomeSection[] = [];
  if (canUse(viewer.roles, "queue")) sections.push(...(await handlerSections(viewer, now)));
  if (viewer.roles.includes("MEMBER")) sections.push(...(await memberSections(viewer)));
  return sections;
}
