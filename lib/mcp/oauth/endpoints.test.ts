import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { synthetic } from "@/lib/providers/synthetic";
import { createTestApp, type TestApp } from "@/test/test-app";
import { authorizationServerMetadataResponse, protectedResourceMetadataResponse } from "./endpoints";

let app: TestApp;
beforeEach(async () => {
  app = await createTestApp({ modules: [synthetic] });
});
afterEach(async () => app.close());

describe("the well-known documents over HTTP", () => {
  it("serve the resource metadata at the root and for the MCP endpoint, readable from any origin", async () => {
    for (const suffix of [[], ["api", "mcp"]]) {
      const response = protectedResourceMetadataResponse(suffix);
      expect(response.status).toBe(200);
      expect(response.headers.get("access-control-allow-origin")).toBe("*");
      expect(await response.json()).toMatchObject({ resource: "http://localhost:3000/api/mcp", authorization_servers: ["http://localhost:3000"] });
    }
  });

  it("answer 404 for a resource we do not have", async () => {
    const response = protectedResourceMetadataResponse(["api", "activities"]);
    expect(response.status).toBe(404);
  });

  it("serve the authorization server metadata from PIERRE_BASE_URL", async () => {
    const response = authorizationServerMetadataResponse();
    expect(await response.json()).toMatchObject({ issuer: "http://localhost:3000", token_endpoint: "http://localhost:3000/api/oauth/token" });
  });
});
