import Link from "next/link";
import type { SessionUser } from "@/lib/auth/accounts";
import { SignOutButton } from "./sign-out-button";

export function SiteHeader({ user }: { user: SessionUser | null }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link href={user ? "/dashboard" : "/"} className="text-lg font-semibold tracking-tight text-brand-800">
          Pierre Connect
        </Link>
        {user ? (
          <nav aria-label="Main" className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
            <Link href="/dashboard" className="hover:underline">
              Dashboard
            </Link>
            <Link href="/settings" className="hover:underline">
              Settings
            </Link>
            {user.role === "admin" && (
              <Link href="/admin/providers" className="hover:underline">
                Admin
              </Link>
            )}
            <span className="max-w-[16rem] truncate text-slate-600" data-testid="signed-in-user">
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
