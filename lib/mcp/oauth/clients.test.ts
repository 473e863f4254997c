import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { synthetic } from "@/lib/providers/synthetic";
import { createTestApp, type TestApp } from "@/test/test-app";
import { authenticateClient, clientCredentials, findClient, registerClient } from "./clients";
import { handleRegistration } from "./endpoints";

let app: TestApp;
beforeEach(async () => {
  app = await createTestApp({ modules: [synthetic] });
});
afterEach(async () => app.close());

const valid = { client_name: "MCP Inspector", redirect_uris: ["http://localhost:6274/oauth/callback"], token_endpoint_auth_method: "none" };

async function refusal(metadata: unknown) {
  const error = await registerClient(metadata).then(
    () => undefined,
    (e: unknown) => e as { error: string; message: string },
  );
  if (!error) throw new Error("expected a refusal");
  return `${error.error}: ${error.message}`;
}

describe("dynamic client registration (RFC 7591)", () => {
  it("registers a public client and echoes its metadata with an id", async () => {
    const info = await registerClient({ ...valid, client_uri: "https://inspector.example", software_id: "inspector" });
    expect(info).toMatchObject({
      ...valid,
      client_id: expect.stringMatching(/^pcc_/),
      client_id_issued_at: expect.any(Number),
      grant_types: ["authorization_code", "refresh_token"],
      response_types: ["code"],
      software_id: "inspector",
    });
    expect(info).not.toHaveProperty("client_secret");
    expect(await findClient(info.client_id)).toMatchObject({ name: "MCP Inspector", confidential: false, scopes: null, redirectUris: valid.redirect_uris });
  });

  it("names the app after its site, or says it has no name", async () => {
    expect((await registerClient({ ...valid, client_name: undefined, client_uri: "https://app.example/about" })).client_name).toBe("app.example");
    expect((await registerClient({ ...valid, client_name: "  \u0007 " })).client_name).toBe("An unnamed app");
    expect((await registerClient({ ...valid, client_name: "x".repeat(500) })).client_name).toHaveLength(100);
  });

  it("refuses metadata it cannot honour, saying which field", async () => {
    expect(await refusal(null)).toBe("invalid_client_metadata: The body must be a JSON object of client metadata (RFC 7591).");
    expect(await refusal({ client_name: "x" })).toMatch(/^invalid_redirect_uri: Invalid redirect_uris: /);
    expect(await refusal({ ...valid, redirect_uris: [] })).toBe("invalid_redirect_uri: redirect_uris must name at least one URI.");
    expect(await refusal({ ...valid, redirect_uris: ["http://example.com/cb"] })).toBe(
      "invalid_redirect_uri: redirect_uris[0] (http://example.com/cb) may use http only for 127.0.0.1, localhost or [::1]; use https.",
    );
    expect(await refusal({ ...valid, redirect_uris: ["javascript:alert(1)"] })).toMatch(/^invalid_redirect_uri: /);
    expect(await refusal({ ...valid, grant_types: ["client_credentials"] })).toBe(
      "invalid_client_metadata: Invalid grant_types: 'client_credentials' is not supported; use authorization_code and refresh_token.",
    );
    expect(await refusal({ ...valid, grant_types: ["refresh_token"] })).toBe("invalid_client_metadata: Invalid grant_types: authorization_code is required.");
    expect(await refusal({ ...valid, response_types: ["token"] })).toBe("invalid_client_metadata: Invalid response_types: only 'code' is supported.");
    expect(await refusal({ ...valid, token_endpoint_auth_method: "private_key_jwt" })).toMatch(/^invalid_client_metadata: Invalid token_endpoint_auth_method: 'private_key_jwt' is not supported/);
    expect(await refusal({ ...valid, scope: "activities:read admin" })).toBe("invalid_client_metadata: Invalid scope: 'admin' is not a scope of this server.");
  });

  it("gives a confidential client a secret once and keeps only its hash", async () => {
    const info = await registerClient({ ...valid, token_endpoint_auth_method: "client_secret_post" });
    expect(info).toMatchObject({ client_secret: expect.stringMatching(/^pcs_/), client_secret_expires_at: 0 });
    expect(JSON.stringify(await app.sql("SELECT * FROM oauth_clients"))).not.toContain(info.client_secret!);
    expect(await authenticateClient(info.client_id, info.client_secret)).toMatchObject({ confidential: true });
    expect(await authenticateClient(info.client_id, "wrong")).toBeUndefined();
    expect(await authenticateClient(info.client_id, undefined)).toBeUndefined();
  });

  it("answers over HTTP with 201, and 400 with an RFC 7591 error for bad JSON", async () => {
    const post = (body: string) => handleRegistration(new Request("http://localhost:3000/api/oauth/register", { method: "POST", headers: { "content-type": "application/json" }, body }));
    const created = await post(JSON.stringify(valid));
    expect(created.status).toBe(201);
    expect(created.headers.get("access-control-allow-origin")).toBe("*");
    const bad = await post("{not json");
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: "invalid_client_metadata", error_description: "The body must be a JSON object of client metadata (RFC 7591)." });
  });

  it("is rate limited per address", async () => {
    const post = () =>
      handleRegistration(new Request("http://localhost:3000/api/oauth/register", { method: "POST", headers: { "x-pierre-peer-address": "198.51.100.4" }, body: JSON.stringify(valid) }));
    for (let i = 0; i < 20; i++) expect((await post()).status).toBe(201);
    const limited = await post();
    expect(limited.status).toBe(429);
    expect(await limited.json()).toMatchObject({ error: "temporarily_unavailable", error_description: expect.stringMatching(/^Too many client registrations from this address/) });
  });
});

describe("client credentials of a token request", () => {
  it("reads HTTP Basic (form-encoded parts) or the body, never both", () => {
    const basic = (value: string) => new Headers({ authorization: `Basic ${Buffer.from(value).toString("base64")}` });
    expect(clientCredentials(basic("pcc_a:s%3Acret"), new URLSearchParams())).toEqual({ clientId: "pcc_a", secret: "s:cret" });
    expect(clientCredentials(new Headers(), new URLSearchParams("client_id=pcc_b"))).toEqual({ clientId: "pcc_b", secret: undefined });
    expect(() => clientCredentials(basic("a:b"), new URLSearchParams("client_secret=b"))).toThrow("Authenticate the client one way only");
    expect(() => clientCredentials(new Headers({ authorization: "Bearer x" }), new URLSearchParams())).toThrow("Client authentication must use HTTP Basic or the request body.");
    expect(() => clientCredentials(new Headers(), new URLSearchParams())).toThrow("Missing client_id");
  });
});
