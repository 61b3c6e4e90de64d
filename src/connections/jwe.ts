import { JWE_ALGORITHMS, JWE_ENCRYPTION, type WintroPublicKey } from './publicKey.js';

/** Turns a JSON-able value into a compact JWE only Wintro's backend can open. */
export type CredentialSealer = (value: unknown) => Promise<string>;

/**
 * Encrypts to Wintro's public key: RSA-OAEP-256 for RSA keys, ECDH-ES+A256KW for P-256 keys, with
 * A256GCM, and the key's `kid` in the protected header (its RFC 7638 thumbprint if the JWK has none),
 * so Wintro can rotate keys and know which one to open a JWE with.
 */
export async function createCredentialSealer(jwk: WintroPublicKey): Promise<CredentialSealer> {
  // Loaded only where hand-overs are sealed (WINTRO_WEBHOOK_URL set), once at start.
  const { CompactEncrypt, calculateJwkThumbprint, importJWK } = await import('jose');
  const alg = JWE_ALGORITHMS[jwk.kty];
  const key = await importJWK({ ...jwk, alg }, alg);
  const kid = jwk.kid ?? (await calculateJwkThumbprint(jwk));
  const encoder = new TextEncoder();
  return (value) =>
    new CompactEncrypt(encoder.encode(JSON.stringify(value)))
      .setProtectedHeader({ alg, enc: JWE_ENCRYPTION, kid, cty: 'application/json' })
      .encrypt(key);
}
