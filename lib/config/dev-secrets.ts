import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export interface DevSecrets {
  authSecret: string;
  encryptionKey: string;
}

/**
 * Development and demo only: secrets a newcomer did not set are generated once and kept in
 * `<dataDir>/secrets.json` (mode 0600), so sessions and encrypted tokens survive restarts
 * without a .env. Production never calls this.
 */
export function loadOrCreateDevSecrets(dataDir: string): DevSecrets {
  const file = path.join(dataDir, "secrets.json");
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const fresh: DevSecrets = {
    authSecret: randomBytes(32).toString("base64"),
    encryptionKey: randomBytes(32).toString("base64"),
  };
  try {
    // `wx` fails if another process created the file first; then we read theirs.
    fs.writeFileSync(file, JSON.stringify(fresh, null, 2), { flag: "wx", mode: 0o600 });
    return fresh;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  // A file left readable by others (an older version, a copy) is closed up before it is used.
  if ((fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, 0o600);
  const stored = JSON.parse(fs.readFileSync(file, "utf8")) as Partial<DevSecrets>;
  if (typeof stored.authSecret !== "string" || typeof stored.encryptionKey !== "string") {
    throw new Error(`${file} is damaged: delete it to generate new development secrets (stored provider tokens become unreadable).`);
  }
  return { authSecret: stored.authSecret, encryptionKey: stored.encryptionKey };
}
