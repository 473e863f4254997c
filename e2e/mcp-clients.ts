import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { OAuthClientProvider } from "@modelcontextprotocol/sdk/client/auth.js";
import type { OAuthClientInformationMixed, OAuthClientMetadata, OAuthTokens } from "@modelcontextprotocol/sdk/shared/auth.js";

/**
 * The client side of MCP authorization as an assistant runs it, for the browser tests: the SDK's
 * own OAuth flow with its state in memory. The "browser" the SDK opens is the test's Playwright
 * page, so `redirectToAuthorization` only records where to go.
 */
export class RecordingOAuthProvider implements OAuthClientProvider {
  authorizationUrl?: URL;
  private client?: OAuthClientInformationMixed;
  private saved?: OAuthTokens;
  private verifier?: string;

  constructor(
    readonly redirectUrl: string,
    private readonly metadata: Omit<OAuthClientMetadata, "redirect_uris">,
  ) {}

  get clientMetadata(): OAuthClientMetadata {
    return { ...this.metadata, redirect_uris: [this.redirectUrl] };
  }
  clientInformation() {
    return this.client;
  }
  saveClientInformation(info: OAuthClientInformationMixed) {
    this.client = info;
  }
  tokens() {
    return this.saved;
  }
  saveTokens(tokens: OAuthTokens) {
    this.saved = tokens;
  }
  redirectToAuthorization(url: URL) {
    this.authorizationUrl = url;
  }
  saveCodeVerifier(verifier: string) {
    this.verifier = verifier;
  }
  codeVerifier() {
    if (!this.verifier) throw new Error("no code verifier saved");
    return this.verifier;
  }
}

type JsonRpcAnswer = { jsonrpc: "2.0"; id: number; result?: Record<string, unknown>; error?: { code: number; message: string } };

/**
 * `mcp-remote` (the stdio bridge desktop assistants use for remote servers) as a child process,
 * spoken to in newline-delimited JSON-RPC over its stdin and stdout.
 */
export class McpRemote {
  private buffer = "";
  private readonly waiting = new Map<number, (answer: JsonRpcAnswer) => void>();
  private nextId = 1;
  readonly stderr: string[] = [];

  private constructor(private readonly child: ChildProcessWithoutNullStreams, private readonly configDir: string) {
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => {
      this.buffer += chunk;
      let newline: number;
      while ((newline = this.buffer.indexOf("\n")) >= 0) {
        const line = this.buffer.slice(0, newline).trim();
        this.buffer = this.buffer.slice(newline + 1);
        if (!line) continue;
        const message = JSON.parse(line) as JsonRpcAnswer;
        this.waiting.get(message.id)?.(message);
        this.waiting.delete(message.id);
      }
    });
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (chunk: string) => this.stderr.push(chunk));
  }

  static start(url: string, args: string[] = []): McpRemote {
    // Its own folder for what it remembers, so the test leaves nothing in the home directory.
    const configDir = fs.mkdtempSync(path.join(os.tmpdir(), "mcp-remote-"));
    const child = spawn("npx", ["--no-install", "mcp-remote", url, ...args], {
      env: { ...process.env, MCP_REMOTE_CONFIG_DIR: configDir },
      stdio: ["pipe", "pipe", "pipe"],
      // Its own process group: npx starts the bridge as a child, and stopping must reach both.
      detached: true,
    });
    return new McpRemote(child, configDir);
  }

  request(method: string, params: Record<string, unknown> = {}, timeoutMs = 10_000): Promise<JsonRpcAnswer> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`mcp-remote did not answer ${method} in ${timeoutMs} ms:\n${this.stderr.join("")}`)), timeoutMs);
      this.waiting.set(id, (answer) => {
        clearTimeout(timer);
        resolve(answer);
      });
      this.child.stdin.write(`${JSON.stringify({ jsonrpc: "2.0", id, method, params })}\n`);
    });
  }

  notify(method: string): void {
    this.child.stdin.write(`${JSON.stringify({ jsonrpc: "2.0", method })}\n`);
  }

  async stop(): Promise<void> {
    this.child.stdin.end();
    if (this.child.exitCode === null) {
      const exited = new Promise((resolve) => this.child.once("exit", resolve));
      process.kill(-this.child.pid!, "SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3000))]);
    }
    fs.rmSync(this.configDir, { recursive: true, force: true });
  }
}
