import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";

/**
 * Password hashes: scrypt from node:crypto (nodejs_compat), memory-hard, not capped the way
 * WebCrypto PBKDF2 is in Workers (100,000 iterations). The algorithm and its parameters
 * are stored with each hash so they can be raised later; needsRehash() tells login to
 * upgrade old hashes. Format: scrypt$N=32768,r=8,p=3$<salt b64>$<key b64>.
 */
export interface ScryptParams {
  N: number;
  r: number;
  p: number;
  keyLength: number;
}

export const CURRENT_PARAMS: ScryptParams = { N: 32768, r: 8, p: 3, keyLength: 32 };

function derive(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(
      password.normalize("NFKC"),
      salt,
      params.keyLength,
      { N: params.N, r: params.r, p: params.p, maxmem: 128 * params.N * params.r * 2 },
      (err, key) => (err ? reject(err) : resolve(key)),
    );
  });
}

export async function hashPassword(password: string, params: ScryptParams = CURRENT_PARAMS): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, params);
  return `scrypt$N=${params.N},r=${params.r},p=${params.p}$${salt.toString("base64")}$${key.toString("base64")}`;
}

interface ParsedHash {
  params: ScryptParams;
  salt: Buffer;
  key: Buffer;
}

export function parseHash(stored: string): ParsedHash | null {
  const parts = stored.split("$");
  if (parts.length !== 4 || parts[0] !== "scrypt") return null;
  const m = /^N=(\d+),r=(\d+),p=(\d+)$/.exec(parts[1] ?? "");
  if (!m) return null;
  const key = Buffer.from(parts[3] ?? "", "base64");
  const salt = Buffer.from(parts[2] ?? "", "base64");
  if (key.length < 16 || salt.length < 8) return null;
  return { params: { N: Number(m[1]), r: Number(m[2]), p: Number(m[3]), keyLength: key.length }, salt, key };
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed) return false;
  const key = await derive(password, parsed.salt, parsed.params);
  return key.length === parsed.key.length && timingSafeEqual(key, parsed.key);
}

export function needsRehash(stored: string, params: ScryptParams = CURRENT_PARAMS): boolean {
  const parsed = parseHash(stored);
  if (!parsed) return true;
  const p = parsed.params;
  return p.N < params.N || p.r !== params.r || p.p < params.p || p.keyLength < params.keyLength;
}

/** A hash of a random password, verified against when the email is unknown so timing matches. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(crypto.randomUUID());
  return dummyHash;
}
