import { describe, expect, it } from "vitest";
import { powerOfTwoChunks } from "./activities";

describe("powerOfTwoChunks", () => {
  it("keeps every row in order, in chunks of a power of two rows, largest first, none above the most", () => {
    for (const count of [0, 1, 2, 3, 255, 256, 257, 500, 1000]) {
      const rows = Array.from({ length: count }, (_, i) => i);
      const chunks = powerOfTwoChunks(rows, 256);
      expect(chunks.flat()).toEqual(rows);
      for (const chunk of chunks) {
        expect(chunk.length & (chunk.length - 1)).toBe(0);
        expect(chunk.length).toBeLessThanOrEqual(256);
      }
      expect(chunks.map((c) => c.length)).toEqual([...chunks.map((c) => c.length)].sort((a, b) => b - a));
    }
    expect(powerOfTwoChunks(Array.from({ length: 500 }, (_, i) => i), 256).map((c) => c.length)).toEqual([256, 128, 64, 32, 16, 4]);
  });
});
