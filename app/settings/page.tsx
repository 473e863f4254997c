import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser } from "@/lib/auth/session";
import { getSourcePriority } from "@/lib/feed/corrections";
import { getDisplayPreferences } from "@/lib/preferences";
import { getRegistry } from "@/lib/providers";
import { DisplayPreferencesForm } from "./display-preferences";
import { SignOutEverywhere } from "./sign-out-everywhere";
import { SourceOrder } from "./source-order";

export const metadata: Metadata = { title: "Settings" };
export const dynamic = "force-dynamic";

export default async function SettingsPage() {
  const user = await requirePageUser("/settings");
  const registry = getRegistry();
  const { order, own } = await getSourcePriority(user.id);
  const display = await getDisplayPreferences(user.id);
  const zones = Intl.supportedValuesOf("timeZone");
  const names = Object.fromEntries(registry.listDefinitions().map((d) => [d.id, d.displayName]));
  return (
    <section className="space-y-8">
      <h1 className="text-2xl font-bold">Settings</h1>
      <div className="space-y-2">
        <h2 className="text-lg font-semibold">Sessions</h2>
        <p className="text-sm text-slate-700">
          You are signed in as <strong>{user.email}</strong>. Signing out ends this browser&apos;s session; signing out everywhere also ends the
          sessions on your other devices, and a copied session cookie stops working at once.
        </p>
        <SignOutEverywhere />
      </div>
      <div className="space-y-2">
        <h2 className="text-lg font-semibold">Units and time</h2>
        <p className="text-sm text-slate-700">
          How distances, paces and elevation are shown, which day your weeks start on (for totals), and whether times are those where each workout
          happened or all in one time zone.
        </p>
        <DisplayPreferencesForm initial={display} zones={zones} />
      </div>
      <div className="space-y-2">
        <h2 className="text-lg font-semibold">Which version is shown first</h2>
        <p className="text-sm text-slate-700">
          When several sources recorded the same workout, your feed shows one of them and fills its gaps from the others. The first source in this
          list that has the workout is the one shown.
        </p>
        <SourceOrder initial={order.filter((id) => names[id])} own={own} names={names} />
      </div>
      <div className="space-y-2">
        <h2 className="text-lg font-semibold">Assistants and scripts</h2>
        <p className="text-sm text-slate-700">
          <Link href="/settings/tokens" className="text-brand-700 underline">
            Personal API tokens
          </Link>{" "}
          let AI assistants and your scripts act as you; the same page lists the apps you authorized by URL and can revoke them.
        </p>
      </div>
    </section>
  );
}
