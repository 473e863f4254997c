import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { FormatProvider } from "@/components/format-provider";
import { QueryProvider } from "@/components/query-provider";
import { SiteHeader } from "@/components/site-header";
import { getSessionUser } from "@/lib/auth/session";
import { defaultDisplayPreferences } from "@/lib/format";
import { getDisplayPreferences, requestLocale } from "@/lib/preferences";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Pierre Connect", template: "%s · Pierre Connect" },
  description: "All of your fitness data in one place: connect Strava, Garmin, Fitbit, WHOOP, COROS, Polar and more.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

// Every page shows who is signed in, so nothing is prerendered at build time (when secrets may be absent).
export const dynamic = "force-dynamic";

export default async function RootLayout({ children }: { children: ReactNode }) {
  const user = await getSessionUser();
  const [preferences, locale] = await Promise.all([user ? getDisplayPreferences(user.id) : defaultDisplayPreferences, requestLocale()]);
  return (
    <html lang="en">
      <body className="min-h-screen">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:p-2">
          Skip to content
        </a>
        <SiteHeader user={user} />
        <FormatProvider preferences={preferences} locale={locale}>
          <QueryProvider>
            <main id="main" className="mx-auto max-w-6xl px-4 py-6">
              {children}
            </main>
          </QueryProvider>
        </FormatProvider>
      </body>
    </html>
  );
}
