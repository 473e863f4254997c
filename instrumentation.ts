/**
 * Runs once when the server starts: a bad configuration stops start-up with a message naming each
 * variable, and pending migrations are applied before the first request.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startUp } = await import("./lib/startup");
  await startUp();
}
