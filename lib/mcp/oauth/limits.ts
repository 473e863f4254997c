import "server-only";
import { RateLimiterRes } from "rate-limiter-flexible";
import { DatabaseRateLimiter } from "@/lib/db/rate-limiter";
import { OAuthProtocolError } from "@/lib/errors";

/**
 * Limits on the OAuth endpoints that anyone may call, counted in the database so every process
 * shares them: registrations are rare for an honest client (once per install), token requests a
 * few an hour.
 */
const limits = {
  registration: new DatabaseRateLimiter({ keyPrefix: "oauth-register-address", points: 20, duration: 60 * 60 }),
  token: new DatabaseRateLimiter({ keyPrefix: "oauth-token-address", points: 60, duration: 60 }),
};

async function take(limiter: DatabaseRateLimiter, key: string, what: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    const seconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
    throw new OAuthProtocolError("temporarily_unavailable", `Too many ${what} from this address. Try again in ${seconds} seconds.`, {
      retryAt: new Date(Date.now() + seconds * 1000),
    });
  }
}

export function limitRegistration(address: string): Promise<void> {
  return take(limits.registration, address, "client registrations");
}

/** Token and revocation requests share one allowance. */
export function limitTokenRequests(address: string): Promise<void> {
  return take(limits.token, address, "token requests");
}
