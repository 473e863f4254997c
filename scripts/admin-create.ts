/**
 * `npm run admin:create -- --email you@example.com` (the password is read from
 * PIERRE_ADMIN_PASSWORD or asked for): creates or promotes an administrator on DATABASE_URL.
 */
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { createAdmin } from "../lib/auth/admins";
import { ConfigError } from "../lib/config/core";
import { getStore } from "../lib/db";

async function main() {
  const { values } = parseArgs({ options: { email: { type: "string" }, name: { type: "string" }, password: { type: "string" } } });
  if (!values.email) throw new Error("Give the address: npm run admin:create -- --email you@example.com");
  let password = values.password ?? process.env.PIERRE_ADMIN_PASSWORD;
  if (!password) {
    const prompt = createInterface({ input: process.stdin, output: process.stdout });
    password = await prompt.question("Password (at least 12 characters): ");
    prompt.close();
  }
  const result = await createAdmin({ email: values.email, password, name: values.name });
  await getStore().close();
  console.log(`${result.created ? "Created" : "Promoted"} administrator ${result.email}.`);
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error instanceof Error ? error.message : error);
  process.exit(1);
});
