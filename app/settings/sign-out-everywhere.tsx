"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";
import { signOutEverywhereAction } from "./actions";

export function SignOutEverywhere() {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      className="btn-secondary"
      disabled={pending}
      onClick={async () => {
        if (!window.confirm("Sign out on every device, this one included?")) return;
        setPending(true);
        await signOutEverywhereAction();
        await signOut({ callbackUrl: "/signin" });
      }}
    >
      {pending ? "Signing out…" : "Sign out everywhere"}
    </button>
  );
}
