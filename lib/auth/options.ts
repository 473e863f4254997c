import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getConfig } from "@/lib/config";
import { isAppError } from "@/lib/errors";
import { clientAddress } from "@/lib/http/client-address";
import { UnverifiedEmailError, verifyCredentials } from "./accounts";
import { createSession, revokeSession, SESSION_MAX_AGE_SECONDS } from "./sessions";
import { afterFailedSignIn, afterSignIn, beforeSignIn } from "./throttle";

export const WRONG_CREDENTIALS = "Wrong email or password.";

let cached: NextAuthOptions | undefined;

export function getAuthOptions(): NextAuthOptions {
  if (cached) return cached;
  const config = getConfig();
  // next-auth v4 builds its redirect URLs from NEXTAUTH_URL; PIERRE_BASE_URL is our one public origin.
  // It also marks the session cookie Secure when that origin is https.
  process.env.NEXTAUTH_URL ??= config.baseUrl.origin;
  cached = {
    secret: config.authSecret,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/signin" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, request) {
          const raw = (request?.headers ?? {}) as Record<string, string | string[] | undefined>;
          const headers = new Headers(Object.entries(raw).flatMap(([name, value]): [string, string][] => (typeof value === "string" ? [[name, value]] : [])));
          const address = clientAddress(headers, config.trustedProxies);
          const email = (credentials?.email ?? "").trim().toLowerCase();
          try {
            await beforeSignIn(email, address);
          } catch (error) {
            if (isAppError(error)) throw new Error(error.message);
            throw error;
          }
          let user;
          try {
            user = email && credentials?.password ? await verifyCredentials(email, credentials.password) : null;
          } catch (error) {
            if (error instanceof UnverifiedEmailError) throw new Error(error.message);
            throw error;
          }
          if (!user) {
            await afterFailedSignIn(email, address);
            throw new Error(WRONG_CREDENTIALS);
          }
          await afterSignIn(email, address);
          return { id: user.id, email: user.email, name: user.name, sid: await createSession(user.id) };
        },
      }),
    ],
    callbacks: {
      // The cookie carries the person's id and a session id; everything else is read per request.
      jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.sid = (user as { sid?: string }).sid;
        }
        return token;
      },
      session({ session, token }) {
        return { ...session, user: { ...session.user, id: token.sub }, sid: token.sid };
      },
    },
    events: {
      async signOut({ token }) {
        if (typeof token?.sid === "string") await revokeSession(token.sid);
      },
    },
  };
  return cached;
}
