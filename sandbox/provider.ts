import type { ProviderDefinition } from "@/lib/providers/types";
import type { Recording, RecordingProfile } from "./dataset";
import { sandboxCredentials, sandboxPath, type EndpointField, type SandboxCredentials } from "./env";
import type { Handler, RouteKind, Router, SandboxRequest } from "./http";
import { bearerToken, registerOAuth, type OAuthBehaviour } from "./oauth";
import type { ProviderPush } from "./push";
import type { Athlete, SandboxState } from "./state";
import type { ItemReader, Timeline } from "./timeline";

/**
 * What a sandbox module (`sandbox/providers/<id>.ts`) exports: how the provider's API behaves.
 * Where it lives — paths, client credentials, client authentication, scope separator — comes from
 * the provider's definition, so a module never repeats an endpoint.
 */
export interface SandboxModule {
  /** For providers without hand-written recordings in dataset.ts: how they record the athlete's workouts. */
  recordings?: RecordingProfile;
  register(sandbox: ProviderSandbox): void;
}

/** One provider mounted on the sandbox: routes at its definition's endpoints, its credentials and data. */
export class ProviderSandbox {
  readonly id: string;
  readonly credentials: SandboxCredentials;

  constructor(
    readonly definition: ProviderDefinition,
    readonly state: SandboxState,
    private readonly router: Router,
  ) {
    this.id = definition.id;
    this.credentials = sandboxCredentials(definition);
  }

  /** The sandbox path of one of the definition's endpoints, with an optional path below it. */
  path(field: EndpointField, below = ""): string {
    const base = sandboxPath(this.definition, field);
    if (!base) throw new Error(`${this.definition.displayName} declares no ${field}; the sandbox cannot serve it.`);
    const rest = below.replace(/^\/+/, "");
    return rest ? `${base}/${rest}` : base;
  }

  /** An API route below the definition's API base URL. */
  api(method: string, below: string, handler: Handler): void {
    this.router.add(method, this.id, "api", this.path("apiBaseUrl", below), handler);
  }

  /** A route at one of the definition's endpoints (the revoke URL, Terra's widget-session URL). */
  at(field: EndpointField, method: string, kind: RouteKind, handler: Handler): void {
    this.router.add(method, this.id, kind, this.path(field), handler);
  }

  /** A page the real provider serves somewhere unlisted (Terra's hosted widget): under /<id>. */
  page(method: string, below: string, handler: Handler): void {
    this.router.add(method, this.id, "page", `/${this.id}/${below.replace(/^\/+/, "")}`, handler);
  }

  /** The provider's authorization server at the definition's authorize and token URLs. */
  oauth(behaviour: OAuthBehaviour): void {
    registerOAuth(this.router, this.state, this, behaviour);
  }

  /** The provider's webhooks: what they announce and how each request is built and signed. */
  push(spec: ProviderPush): void {
    this.state.pushes.set(this.id, spec);
  }

  timeline(reader: ItemReader): Timeline {
    return this.state.defineTimeline(this.id, reader);
  }

  /** This provider's recordings of the athlete's workouts, oldest first. */
  recordings(): Recording[] {
    return this.state.activitiesOf(this.id);
  }

  /** The account behind an API request's bearer token, if the token is live. */
  athleteOf(req: SandboxRequest, token = bearerToken(req)): Athlete | undefined {
    const record = this.state.validAccessToken(this.id, token);
    return record ? this.state.athletes.get(record.athleteKey) : undefined;
  }
}

/**
 * The sandbox module of a provider, found by convention at `sandbox/providers/<id>.ts` so that a new
 * provider needs no list edited here.
 */
export async function loadSandboxModule(id: string): Promise<SandboxModule> {
  let loaded: { sandbox?: SandboxModule };
  try {
    loaded = (await import(`./providers/${id}.ts`)) as { sandbox?: SandboxModule };
  } catch (error) {
    throw new Error(`The provider sandbox has no module for '${id}': add sandbox/providers/${id}.ts (npm run provider:new writes one).`, { cause: error });
  }
  if (typeof loaded.sandbox?.register !== "function") throw new Error(`sandbox/providers/${id}.ts must export \`sandbox\` (a SandboxModule).`);
  return loaded.sandbox;
}
