import { createPublicKey, type JsonWebKey } from 'node:crypto';
import * as z from 'zod/mini';

/** Key algorithms the credentials may be encrypted with, by key type. */
export const JWE_ALGORITHMS = { RSA: 'RSA-OAEP-256', EC: 'ECDH-ES+A256KW' } as const;
export const JWE_ENCRYPTION = 'A256GCM';

/** Members only a private key has: such a key is a secret and must never reach the bot. */
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'] as const;

const MIN_RSA_MODULUS_BYTES = 256;

export interface WintroPublicKey {
  kty: 'RSA' | 'EC';
  kid?: string;
  alg?: string;
  use?: string;
  crv?: string;
  n?: string;
  e?: string;
  x?: string;
  y?: string;
}

const base64urlBytes = (value: unknown) =>
  typeof value === 'string' && /^[A-Za-z0-9_-]+$/.test(value) ? Buffer.from(value, 'base64url').length : 0;

/** Whether Node can build a public key from it (an EC point off the curve, a broken modulus: not). */
function unusable(key: Record<string, unknown>): string | undefined {
  try {
    createPublicKey({ key: key as JsonWebKey, format: 'jwk' });
    return undefined;
  } catch {
    return 'is not a usable public key (check that it was copied whole)';
  }
}

/**
 * Why a JWK cannot be Wintro's public key, or undefined when it can. The messages never quote the
 * value: it may be a private key pasted by mistake.
 */
export function publicKeyProblem(jwk: unknown): string | undefined {
  if (typeof jwk !== 'object' || jwk === null || Array.isArray(jwk)) return 'must be a JWK: one JSON object';
  const key = jwk as Record<string, unknown>;
  if (PRIVATE_MEMBERS.some((member) => member in key)) {
    return 'holds a private key: set the public key only (the private key is a secret that stays with Wintro’s backend; treat this one as leaked)';
  }
  if (key.use !== undefined && key.use !== 'enc') return 'must be an encryption key ("use": "enc")';
  if (key.kid !== undefined && (typeof key.kid !== 'string' || key.kid === '')) return 'has an invalid "kid"';
  if (key.kty === 'RSA') {
    if (key.alg !== undefined && key.alg !== JWE_ALGORITHMS.RSA)
      return `must be for ${JWE_ALGORITHMS.RSA} ("alg")`;
    if (base64urlBytes(key.e) === 0) return 'is an RSA key without its exponent "e"';
    if (base64urlBytes(key.n) < MIN_RSA_MODULUS_BYTES) return 'must be an RSA key of at least 2048 bits';
    return unusable(key);
  }
  if (key.kty === 'EC') {
    if (key.crv !== 'P-256') return 'must be an EC key on the P-256 curve';
    if (key.alg !== undefined && key.alg !== JWE_ALGORITHMS.EC)
      return `must be for ${JWE_ALGORITHMS.EC} ("alg")`;
    if (base64urlBytes(key.x) !== 32 || base64urlBytes(key.y) !== 32)
      return 'is an EC key without valid "x" and "y"';
    return unusable(key);
  }
  return 'must be an RSA or an EC (P-256) key ("kty")';
}

/** The environment variable's schema: JSON text of a public JWK, checked. */
export const publicKeySetting = z.pipe(
  z.string().check(z.trim()),
  z.transform((text: string, context): WintroPublicKey => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      context.issues.push({
        code: 'custom',
        message: 'must be a JWK as JSON (it is not valid JSON)',
        input: text,
      });
      return z.NEVER;
    }
    const problem = publicKeyProblem(parsed);
    if (problem) {
      context.issues.push({ code: 'custom', message: problem, input: text });
      return z.NEVER;
    }
    return parsed as WintroPublicKey;
  }),
);
