import "server-only";
import { getConfig } from "@/lib/config";
import { claimOAuthState, insertOAuthState } from "@/lib/db/queries";
import { AppError } from "@/lib/errors";
import { decryptSecret, encryptSecret, randomToken, sha256Hex } from "@/lib/security/crypto";
import { generateCodeVerifier } from "./client";

/** How long a person has to finish the provider's consent page. */
export const STATE_TTL_MS = 10 * 60_000;

export interface IssuedState {
  state: string;
  codeVerifier?: string;
}

/** A single-use state (256 random bits) bound to this user and provider; only its hash is stored. */
export async function issueState(input: { userId: string; provider: string; redirectUri: string; pkce: boolean }): Promise<IssuedState> {
  const state = randomToken(32);
  const stateHash = sha256Hex(state);
  const codeVerifier = input.pkce ? generateCodeVerifier() : undefined;
  await insertOAuthState({
    stateHash,
    userId: input.userId,
    provider: input.provider,
    redirectUri: input.redirectUri,
    codeVerifierEnc: codeVerifier ? encryptSecret(getConfig().encryptionKey, codeVerifier, `oauth_state:${stateHash}`) : null,
    expiresAt: new Date(Date.now() + STATE_TTL_MS),
  });
  return { state, codeVerifier };
}

export interface ClaimedState {
  redirectUri: string;
  codeVerifier?: string;
}

const retry = "Start again from Connections.";

/** Checks and uses up a state from a callback; every failure says what happened, nothing is changed. */
export async function claimState(input: { state: string | null; userId: string; provider: string; providerName: string }): Promise<ClaimedState> {
  if (!input.state) throw new AppError("oauth_state_invalid", `The answer from ${input.providerName} had no state, so it cannot be trusted. ${retry}`);
  const stateHash = sha256Hex(input.state);
  const now = Date.now();
  const result = await claimOAuthState(stateHash, (row) => row.userId === input.userId && row.provider === input.provider && row.expiresAt.getTime() > now);
  if (!result) throw new AppError("oauth_state_invalid", `This ${input.providerName} connection link is not one we issued. ${retry}`);
  const { row, claimed } = result;
  if (!claimed) {
    if (row.usedAt) throw new AppError("oauth_state_invalid", `This ${input.providerName} connection link was already used. ${retry}`);
    if (row.userId !== input.userId) throw new AppError("oauth_state_invalid", `This ${input.providerName} connection link was started by another account. ${retry}`);
    if (row.provider !== input.provider) throw new AppError("oauth_state_invalid", `This connection link was issued for another provider. ${retry}`);
    throw new AppError("oauth_state_invalid", `This ${input.providerName} connection link expired (links last 10 minutes). ${retry}`);
  }
  return {
    redirectUri: row.redirectUri,
    codeVerifier: row.codeVerifierEnc ? decryptSecret(getConfig().encryptionKey, row.codeVerifierEnc, `oauth_state:${stateHash}`) : undefined,
  };
}
