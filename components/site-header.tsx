import Link from "next/link";
import type { SessionUser } from "@/lib/auth/accounts";
import { SignOutButton } from "./sign-out-button";

function Mark() {
  return (
    <svg viewBox="0 0 32 32" className="h-7 w-7" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="7" fill="#047857" />
      <path d="M6 20h5l3-8 4 12 3-7h5" fill="none" stroke="#fff" strokeWidth="2.6" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

export function SiteHeader({ user }: { user: SessionUser | null }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-2.5">
        <Link href={user ? "/dashboard" : "/"} className="flex items-center gap-2 text-lg font-semibold tracking-tight text-brand-800">
          <Mark />
          Pierre Connect
        </Link>
        {user ? (
          <nav aria-label="Main" className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
            <Link href="/dashboard" className="hover:underline">
              Feed
            </Link>
            <Link href="/training" className="hover:underline">
              Training
            </Link>
            <Link href="/connections" className="hover:underline">
              Connections
            </Link>
            <Link href="/settings" className="hover:underline">
              Settings
            </Link>
            {user.role === "admin" && (
              <Link href="/admin/providers" className="hover:underline">
                Admin
              </Link>
            )}
            <span className="hidden max-w-[16rem] truncate text-slate-600 md:inline" data-testid="signed-in-user">
              {user.email}
            </span>
            <SignOutButton />
          </nav>
        ) : (
          <nav aria-label="Account" className="flex items-center gap-3 text-sm">
            <Link href="/signin" className="hover:underline">
              Sign in
            </Link>
            <Link href="/signup" className="btn-primary min-h-9 px-3 py-1">
              Create account
            </Link>
          </nav>
        )}
      </div>
    </header>
  );
}
