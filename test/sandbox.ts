import { sandboxProviderEnv } from "@/sandbox/env";
import { startSandbox, type Sandbox } from "@/sandbox/server";
import { builtInProviders } from "@/lib/providers/builtin";
import { createTestApp, type TestApp } from "./test-app";

/** The app's services wired to a sandbox on a free loopback port, as the demo and CI run them. */
export async function createSandboxedApp(env: Record<string, string> = {}): Promise<{ app: TestApp; sandbox: Sandbox; close(): Promise<void> }> {
  const sandbox = await startSandbox({ port: 0 });
  const app = await createTestApp({ modules: builtInProviders, env: { ...sandboxProviderEnv(sandbox.url), PIERRE_DEFAULT_PROVIDER: "synthetic", ...env } });
  return {
    app,
    sandbox,
    async close() {
      await app.close();
      await sandbox.close();
    },
  };
}

/**
 * What a person does on the provider's consent page (or Terra's widget): the page is fetched, then
 * its form is submitted with their decision. Returns where the provider redirects back to.
 */
export async function decideConsent(consentUrl: URL, decision: "authorize" | "deny", extra: Record<string, string> = {}): Promise<URL> {
  const page = await fetch(consentUrl);
  if (page.status !== 200) throw new Error(`consent page answered ${page.status}: ${await page.text()}`);
  const form = new URLSearchParams({ ...Object.fromEntries(consentUrl.searchParams), decision, ...extra });
  const answer = await fetch(consentUrl.origin + consentUrl.pathname, { method: "POST", body: form, redirect: "manual" });
  const location = answer.headers.get("location");
  if (answer.status !== 302 || !location) throw new Error(`consent answered ${answer.status} without a redirect`);
  return new URL(location);
}
