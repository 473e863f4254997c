import fs from "node:fs";

/**
 * Playwright cannot download its own browsers here; we drive the system Chromium instead.
 * PLAYWRIGHT_CHROMIUM_PATH wins; otherwise the usual Debian/Ubuntu locations are tried.
 */
export function findChromium(): string {
  const candidates = [process.env.PLAYWRIGHT_CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].filter(
    (path): path is string => Boolean(path),
  );
  const found = candidates.find((path) => fs.existsSync(path));
  if (!found) {
    throw new Error(
      "No Chromium found for the browser tests. Install one with `sudo apt-get install -y chromium` " +
        "(or set PLAYWRIGHT_CHROMIUM_PATH to a Chromium/Chrome binary). Looked in: " +
        candidates.join(", "),
    );
  }
  return found;
}

/** Flags for a headless Chromium on a machine without network or a user namespace sandbox. */
export function chromiumArgs(): string[] {
  const args = ["--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
  if (process.getuid?.() === 0) args.push("--no-sandbox");
  return args;
}
