import "server-only";
import { getConfig } from "@/lib/config";
import { builtInProviders } from "./builtin";
import { buildProviderCatalog, type ProviderCatalog } from "./catalog";

let cached: ProviderCatalog | undefined;

/** This process's providers, built once from the environment. */
export function getProviderCatalog(): ProviderCatalog {
  cached ??= buildProviderCatalog(builtInProviders, process.env, getConfig());
  return cached;
}

export function getRegistry() {
  return getProviderCatalog().registry;
}

/** Tests swap in a catalog with custom or re-pointed providers. */
export function setProviderCatalogForTests(catalog: ProviderCatalog | undefined): void {
  cached = catalog;
}
