import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  resolve: { alias: { "@": root } },
  test: {
    include: ["lib/**/*.test.ts", "components/**/*.test.ts", "sandbox/**/*.test.ts", "scripts/**/*.test.ts", "test/**/*.test.ts"],
    environment: "node",
    // `server-only` throws outside a React Server environment; unit tests run server code directly.
    alias: { "server-only": path.join(root, "test/server-only-stub.ts") },
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
