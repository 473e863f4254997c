import { describe, expect, it } from "vitest";
import { z } from "zod";
import { MAX_BODY_BYTES, readJson, readOptionalJson } from "./body";

const post = (body: string, headers: Record<string, string> = {}) => new Request("http://localhost/api/x", { method: "POST", body, headers });
const shape = z.object({ ids: z.array(z.string()).min(2) }).strict();

describe("request bodies", () => {
  it("reads an optional body: empty is undefined, JSON is parsed, anything else says what is expected", async () => {
    await expect(readOptionalJson(post(""), "an object")).resolves.toBeUndefined();
    await expect(readOptionalJson(post('{"a":1}'), "an object")).resolves.toEqual({ a: 1 });
    await expect(readOptionalJson(post("{nope"), "an object")).rejects.toThrow("The body must be JSON, an object.");
  });

  it("requires a body of the declared shape and names the field that is wrong", async () => {
    await expect(readJson(post('{"ids":["a","b"]}'), shape, "ids")).resolves.toEqual({ ids: ["a", "b"] });
    await expect(readJson(post(""), shape, '{"ids": […]}')).rejects.toThrow('A JSON body is required, {"ids": […]}.');
    await expect(readJson(post('{"ids":["a"]}'), shape, "two ids")).rejects.toThrow(/^Invalid "ids": .*Expected two ids\.$/);
    await expect(readJson(post('{"ids":["a","b"],"extra":1}'), shape, "ids")).rejects.toThrow(/^Invalid body: Unrecognized key.*"extra"/);
  });

  it("refuses a body over the limit, declared or not", async () => {
    const big = "x".repeat(MAX_BODY_BYTES + 1);
    await expect(readOptionalJson(post(big), "anything")).rejects.toMatchObject({ code: "payload_too_large" });
    await expect(readOptionalJson(post("{}", { "content-length": String(MAX_BODY_BYTES + 1) }), "anything")).rejects.toMatchObject({ code: "payload_too_large" });
  });
});
