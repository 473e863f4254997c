import { parse } from "lossless-json";

/**
 * Provider JSON with ids above 2^53 kept exact: Fitbit's logId, Strava's upload_id and COROS's
 * labelId overflow a double, and `JSON.parse` would silently change their last digits.
 * Integers that are not safe become strings; every other number stays a number.
 */
export function parseProviderJson(text: string): unknown {
  // Almost every answer has no such number: the native parser is many times faster.
  if (!/\d{16}/.test(text)) return JSON.parse(text);
  return parse(text, null, (digits) => (/^-?\d+$/.test(digits) && !Number.isSafeInteger(Number(digits)) ? digits : Number(digits)));
}
