import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getConfig } from "@/lib/config";
import { verifyCredentials } from "./accounts";
import { SignInThrottle, signInThrottle } from "./sign-in-throttle";

/**
 * A client can send its own X-Forwarded-For (Next only fills it when absent), so failures are also
 * counted per target email, with a higher allowance: rotating addresses does not buy more guesses.
 */
const perAccountThrottle = new SignInThrottle({ freeAttempts: 10, windowMs: 15 * 60_000, baseDelayMs: 1_000, maxDelayMs: 15 * 60_000 });

export const WRONG_CREDENTIALS = "Wrong email or password.";

function clientAddress(headers: Record<string, unknown> | undefined): string {
  const forwarded = headers?.["x-forwarded-for"];
  const first = typeof forwarded === "string" ? forwarded.split(",")[0]?.trim() : undefined;
  return first || "unknown";
}

let cached: NextAuthOptions | undefined;

export function getAuthOptions(): NextAuthOptions {
  if (cached) return cached;
  const config = getConfig();
  // next-auth v4 builds its redirect URLs from NEXTAUTH_URL; PIERRE_BASE_URL is our one public origin.
  process.env.NEXTAUTH_URL ??= config.baseUrl.origin;
  cached = {
    secret: config.authSecret,
    session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
    pages: { signIn: "/signin" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, request) {
          const address = clientAddress(request?.headers as Record<string, unknown> | undefined);
          const account = `email:${(credentials?.email ?? "").trim().toLowerCase()}`;
          const waitMs = Math.max(signInThrottle.waitMs(address), perAccountThrottle.waitMs(account));
          if (waitMs > 0) {
            throw new Error(`Too many failed sign-ins. Try again in ${Math.ceil(waitMs / 1000)} seconds.`);
          }
          const user = credentials?.email && credentials.password ? await verifyCredentials(credentials.email, credentials.password) : null;
          if (!user) {
            signInThrottle.recordFailure(address);
            perAccountThrottle.recordFailure(account);
            throw new Error(WRONG_CREDENTIALS);
          }
          signInThrottle.recordSuccess(address);
          perAccountThrottle.recordSuccess(account);
          return { id: user.id, email: user.email, name: user.name };
        },
      }),
    ],
    callbacks: {
      // The token carries only the user id; role and profile are read from the database per request.
      jwt({ token, user }) {
        if (user) token.sub = user.id;
        return token;
      },
      session({ session, token }) {
        return { ...session, user: { ...session.user, id: token.sub } };
      },
    },
  };
  return cached;
}
