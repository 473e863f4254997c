import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret, randomToken, sha256Hex } from "./crypto";

const key = randomBytes(32);

describe("token encryption", () => {
  it("round-trips and never contains the plaintext", () => {
    const envelope = encryptSecret(key, "strava-access-token-123", "conn-1:access");
    expect(envelope).not.toContain("strava-access-token-123");
    expect(decryptSecret(key, envelope, "conn-1:access")).toBe("strava-access-token-123");
  });

  it("uses a fresh IV each time", () => {
    expect(encryptSecret(key, "same", "x")).not.toBe(encryptSecret(key, "same", "x"));
  });

  it("refuses another row's envelope, a wrong key and tampering", () => {
    const envelope = encryptSecret(key, "secret", "conn-1:access");
    expect(() => decryptSecret(key, envelope, "conn-2:access")).toThrow();
    expect(() => decryptSecret(randomBytes(32), envelope, "conn-1:access")).toThrow();
    const parts = envelope.split(".");
    parts[2] = Buffer.from("tampered").toString("base64url");
    expect(() => decryptSecret(key, parts.join("."), "conn-1:access")).toThrow();
    expect(() => decryptSecret(key, "plain-text", "conn-1:access")).toThrow("not an encrypted secret");
  });
});

describe("hashing and random tokens", () => {
  it("hashes deterministically and makes unguessable tokens", () => {
    expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    const a = randomToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(randomToken()).not.toBe(a);
  });
});
