import type { Metadata } from "next";
import { ProviderPanel } from "@/components/dashboard/provider-panel";
import { LiveUpdates } from "@/components/live-updates";
import { NoticeBanner } from "@/components/notice-banner";
import { requirePageUser } from "@/lib/auth/session";
import { getConfig } from "@/lib/config";
import { listProviderStatuses } from "@/lib/connections/service";
import { readNotice } from "@/lib/notice";
import { getRegistry } from "@/lib/providers";

export const metadata: Metadata = { title: "Connections" };
export const dynamic = "force-dynamic";

export default async function ConnectionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("/connections");
  const notice = readNotice(getConfig().authSecret, await searchParams);
  const statuses = await listProviderStatuses(getRegistry(), user.id);
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold">Connections</h1>
        <p className="text-sm text-slate-700">Connect the services that record your workouts. Pierre merges what they send into one feed.</p>
      </div>
      <LiveUpdates />
      {notice && <NoticeBanner notice={notice} />}
      <ProviderPanel initial={Object.fromEntries(statuses.map(({ id, ...status }) => [id, status]))} />
    </div>
  );
}
