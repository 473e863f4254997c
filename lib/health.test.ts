import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { synthetic } from "@/lib/providers/synthetic";
import { createTestApp, type TestApp } from "@/test/test-app";
import { checkHealth } from "./health";

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp({ modules: [synthetic] });
});
afterAll(async () => app.close());

describe("the health check", () => {
  it("reports the engine, the database and the job queue", async () => {
    expect(await checkHealth()).toEqual({ status: "ok", engine: app.engine, database: "ok", queue: "ok" });
  });

  it("says which part is unreachable, and logs why without failing the request", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const broken = { ...app.store, ping: async () => Promise.reject(new Error("connection refused")), query: async () => Promise.reject(new Error("connection refused")) };
    app.useStore(broken);
    try {
      const health = await checkHealth();
      expect(health).toMatchObject({ status: "error", database: "unreachable" });
      expect(error.mock.calls.some((call) => String(call[0]).includes("database is unreachable"))).toBe(true);
    } finally {
      app.useStore(app.store);
      error.mockRestore();
    }
  });
});
