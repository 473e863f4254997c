import "server-only";
import { RateLimiterRes } from "rate-limiter-flexible";
import { DatabaseRateLimiter } from "@/lib/db/rate-limiter";
import { AppError } from "@/lib/errors";

/**
 * Limits on sign-in and sign-up, counted in the database so every app process shares them. An
 * attacker slows themselves: failures are counted per account and address (strict) and per
 * address; the per-account count over every address is gentle, so strangers cannot lock the owner
 * out; and a flood of attempts of any kind is slowed as a whole.
 */
const limits = {
  accountAndAddress: new DatabaseRateLimiter({ keyPrefix: "signin-account-address", points: 5, duration: 15 * 60, blockDuration: 15 * 60 }),
  address: new DatabaseRateLimiter({ keyPrefix: "signin-address", points: 50, duration: 60 * 60, blockDuration: 60 * 60 }),
  account: new DatabaseRateLimiter({ keyPrefix: "signin-account", points: 200, duration: 60 * 60, blockDuration: 5 * 60 }),
  signUpAddress: new DatabaseRateLimiter({ keyPrefix: "signup-address", points: 10, duration: 60 * 60 }),
  everyone: new DatabaseRateLimiter({ keyPrefix: "auth-attempts", points: 50, duration: 10 }),
};

function waitMessage(res: RateLimiterRes, what: string): AppError {
  const seconds = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
  const wait = seconds >= 120 ? `${Math.ceil(seconds / 60)} minutes` : `${seconds} seconds`;
  return new AppError("rate_limited", `${what} Try again in ${wait}.`, { retryAt: new Date(Date.now() + seconds * 1000) });
}

async function remaining(limiter: DatabaseRateLimiter, key: string): Promise<RateLimiterRes | null> {
  const res = await limiter.get(key);
  return res && res.remainingPoints <= 0 && res.msBeforeNext > 0 ? res : null;
}

/** Before checking a password: refuses (429) when this attempt is over a limit. Counts the attempt. */
export async function beforeSignIn(email: string, address: string): Promise<void> {
  const account = email.trim().toLowerCase();
  try {
    await limits.everyone.consume("all");
  } catch (error) {
    if (error instanceof RateLimiterRes) throw waitMessage(error, "There are too many sign-in attempts right now.");
    throw error;
  }
  for (const [limiter, key] of [
    [limits.accountAndAddress, `${account}|${address}`],
    [limits.address, address],
    [limits.account, account],
  ] as const) {
    const blocked = await remaining(limiter, key);
    if (blocked) throw waitMessage(blocked, "Too many failed sign-ins.");
  }
}

/** After a wrong password: every limit it belongs to counts one failure. */
export async function afterFailedSignIn(email: string, address: string): Promise<void> {
  const account = email.trim().toLowerCase();
  await Promise.all([
    limits.accountAndAddress.consume(`${account}|${address}`).catch(() => undefined),
    limits.address.consume(address).catch(() => undefined),
    limits.account.consume(account).catch(() => undefined),
  ]);
}

/** After a right password: this address's failures on the account are forgotten. */
export async function afterSignIn(email: string, address: string): Promise<void> {
  await limits.accountAndAddress.delete(`${email.trim().toLowerCase()}|${address}`);
}

export async function beforeSignUp(address: string): Promise<void> {
  try {
    await limits.everyone.consume("all");
    await limits.signUpAddress.consume(address);
  } catch (error) {
    if (error instanceof RateLimiterRes) throw waitMessage(error, "Too many sign-ups from here right now.");
    throw error;
  }
}
