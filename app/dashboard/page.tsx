import type { Metadata } from "next";
import { ActivityFeed } from "@/components/dashboard/activity-feed";
import { ProviderStrip } from "@/components/dashboard/provider-strip";
import { ThisWeek } from "@/components/dashboard/this-week";
import { LiveUpdates } from "@/components/live-updates";
import { NoticeBanner } from "@/components/notice-banner";
import { requirePageUser } from "@/lib/auth/session";
import { getConfig } from "@/lib/config";
import { listProviderStatuses } from "@/lib/connections/service";
import { readNotice } from "@/lib/notice";
import { getRegistry } from "@/lib/providers";

export const metadata: Metadata = { title: "Dashboard" };
export const dynamic = "force-dynamic";

/** Training first: this week, the sources in one line, then the feed. Connections have their own page. */
export default async function DashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("/dashboard");
  const notice = readNotice(getConfig().authSecret, await searchParams);
  const statuses = await listProviderStatuses(getRegistry(), user.id);
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-bold sm:text-2xl">Welcome{user.name ? `, ${user.name}` : ""}</h1>
      <LiveUpdates />
      {notice && <NoticeBanner notice={notice} />}
      <ThisWeek />
      <ProviderStrip initial={Object.fromEntries(statuses.map(({ id, ...status }) => [id, status]))} />
      <ActivityFeed providers={statuses.map((s) => ({ id: s.id, displayName: s.displayName }))} hasConnections={statuses.some((s) => s.connected)} />
    </div>
  );
}
