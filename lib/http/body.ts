import type { ZodType } from "zod";
import { AppError } from "@/lib/errors";

/** No JSON body this app accepts comes near this; anything larger is refused before it is read whole. */
export const MAX_BODY_BYTES = 64 * 1024;

const tooLarge = () => new AppError("payload_too_large", `The request body is larger than ${MAX_BODY_BYTES / 1024} KiB.`);

/** The body as text, read only up to the limit (a declared or an actual larger body answers 413). */
export async function readBodyText(request: Request, maxBytes = MAX_BODY_BYTES): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw tooLarge();
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** An optional JSON body: empty gives undefined, anything but JSON a 400 that says what is expected. */
export async function readOptionalJson(request: Request, expected: string): Promise<unknown> {
  const text = await readBodyText(request);
  if (!text.trim()) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("bad_request", `The body must be JSON, ${expected}.`);
  }
}

/** A required JSON body of the given shape; a missing, malformed or wrong-shaped body is a 400 that says what is expected. */
export async function readJson<T>(request: Request, schema: ZodType<T>, expected: string): Promise<T> {
  const json = await readOptionalJson(request, expected);
  if (json === undefined) throw new AppError("bad_request", `A JSON body is required, ${expected}.`);
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length > 0 ? `"${issue.path.join(".")}"` : "body";
    throw new AppError("bad_request", `Invalid ${where}: ${issue.message}. Expected ${expected}.`);
  }
  return parsed.data;
}
