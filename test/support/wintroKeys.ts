/** Wintro's side of the hand-over, for tests: a key pair and a webhook secret, made fresh per run. */
import { randomBytes } from 'node:crypto';
import { type CryptoKey, exportJWK, generateKeyPair, type JWK } from 'jose';

export interface WintroKeys {
  /** What the bot is given (WINTRO_CONNECTION_PUBLIC_KEY). */
  publicJwk: JWK;
  /** What only Wintro's backend holds. */
  privateKey: CryptoKey;
  privateJwk: JWK;
}

export async function wintroKeys(
  kind: 'RSA' | 'EC' = 'RSA',
  kid = `wintro-${kind.toLowerCase()}-1`,
): Promise<WintroKeys> {
  const alg = kind === 'RSA' ? 'RSA-OAEP-256' : 'ECDH-ES+A256KW';
  const { publicKey, privateKey } = await generateKeyPair(alg, { extractable: true });
  const publicJwk = { ...(await exportJWK(publicKey)), kid, use: 'enc' };
  const privateJwk = { ...(await exportJWK(privateKey)), kid };
  return { publicJwk, privateKey, privateJwk };
}

/** A fresh Standard Webhooks secret. */
export const webhookSecret = () => `whsec_${randomBytes(32).toString('base64')}`;
