import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(__dirname) } },
  test: {
    include: ["lib/**/*.test.ts", "components/**/*.test.ts", "e2e/sandbox/**/*.test.ts", "scripts/**/*.test.ts"],
    environment: "node",
    // `server-only` throws outside a React Server environment; unit tests run server code directly.
    alias: { "server-only": path.resolve(__dirname, "lib/testing/server-only-stub.ts") },
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
