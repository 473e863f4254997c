/**
 * Runs once when the server starts: a bad configuration stops start-up with a message naming each
 * variable, pending migrations are applied before the first request, and every request is
 * stamped with its peer's address (rate limits must not believe a client's own X-Forwarded-For).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { trackPeerAddresses } = await import("./lib/http/peer-address");
  trackPeerAddresses();
  const { startUp } = await import("./lib/startup");
  await startUp();
}
