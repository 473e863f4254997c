import { describe, expect, it } from "vitest";
import { acme, acmeDefinition } from "@/test/custom-provider";
import { testConfig } from "@/test/fake-fetch";
import { ProviderRegistry } from "./registry";
import { strava } from "./strava";

describe("ProviderRegistry", () => {
  it("lists providers in registration order and creates clients from their default config", () => {
    const registry = new ProviderRegistry();
    registry.register(strava, testConfig(strava.definition));
    registry.register(acme, testConfig(acmeDefinition));
    expect(registry.supportedProviders()).toEqual(["strava", "acme"]);
    expect(registry.isSupported("acme")).toBe(true);
    const client = registry.createProvider("acme");
    expect(client?.name).toBe("acme");
    expect(client?.config.clientId).toBe("test-client");
    expect(registry.listDefinitions().map((d) => d.displayName)).toEqual(["Strava", "Acme Fitness"]);
  });

  it("supports the seed's two-step API: registerFactory then setDefaultConfig", () => {
    const registry = new ProviderRegistry();
    registry.registerFactory("acme", acme.factory);
    expect(registry.createProvider("acme")).toBeUndefined(); // no config yet
    registry.setDefaultConfig("acme", testConfig(acmeDefinition));
    expect(registry.getDefinition("acme")?.displayName).toBe("Acme Fitness");
    expect(acme.factory.supportedProviders()).toEqual(["acme"]);
  });

  it("links to a provider's own activity page only when its API is the real one", () => {
    const real = new ProviderRegistry();
    real.register(strava, testConfig(strava.definition, { apiBaseUrl: strava.definition.endpoints.apiBaseUrl }));
    expect(real.activityUrl("strava", "123")).toBe("https://www.strava.com/activities/123");
    const sandboxed = new ProviderRegistry();
    sandboxed.register(strava, testConfig(strava.definition, { apiBaseUrl: "http://127.0.0.1:4010/strava/api/v3" }));
    expect(sandboxed.activityUrl("strava", "123")).toBeNull();
    expect(sandboxed.activityUrl("nope", "123")).toBeNull();
  });

  it("refuses to register the same name twice instead of overwriting", () => {
    const registry = new ProviderRegistry();
    registry.register(strava, testConfig(strava.definition));
    expect(() => registry.registerFactory("strava", acme.factory)).toThrow("Provider 'strava' is already registered.");
    expect(registry.getDefinition("strava")?.displayName).toBe("Strava");
  });

  it("refuses names that cannot be URL segments or env names, and configs without a factory", () => {
    const registry = new ProviderRegistry();
    expect(() => registry.registerFactory("Not Valid", acme.factory)).toThrow();
    expect(() => registry.setDefaultConfig("ghost", testConfig(acmeDefinition))).toThrow("no factory");
  });

  it("answers unknown names with the seed's message listing what is registered", () => {
    const registry = new ProviderRegistry();
    registry.register(strava, testConfig(strava.definition));
    registry.register(acme, testConfig(acmeDefinition));
    expect(registry.createProvider("nope")).toBeUndefined();
    expect(registry.getDefinition("nope")).toBeUndefined();
    const error = registry.unsupportedError("nope");
    expect(error.status).toBe(404);
    expect(error.toJSON()).toEqual({ success: false, error: "Provider 'nope' is not supported. Supported providers: strava, acme" });
    expect(() => registry.require("nope")).toThrow(error.message);
    expect(() => registry.requireProvider("nope")).toThrow(error.message);
  });

  it("is configured only with both client credentials, unless the provider needs none", () => {
    const registry = new ProviderRegistry();
    registry.register(strava, testConfig(strava.definition, { clientId: undefined, clientSecret: undefined }));
    registry.register(acme, testConfig(acmeDefinition));
    expect(registry.isConfigured("strava")).toBe(false);
    expect(registry.isConfigured("acme")).toBe(true);
    expect(registry.isConfigured("nope")).toBe(false);
  });
});
