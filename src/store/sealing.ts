import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const FORMAT = 'v1';
/** GCM's full 16-byte tag: a shorter one would let a forger try far fewer guesses. */
const TAG_BYTES = 16;

export interface Sealer {
  /** Encrypts with the current key; `context` (e.g. team and system) is bound as associated data. */
  seal(plaintext: string, context: string): string;
  open(sealed: string, context: string): string;
  /** The id of the key a value was sealed with, without opening it. */
  keyIdOf(sealed: string): string | undefined;
  readonly currentKeyId: string;
}

export const keyIdOf = (key: Buffer) => createHash('sha256').update(key).digest('hex').slice(0, 8);

/**
 * AES-256-GCM. Each sealed value names the key that sealed it, so older keys can stay listed for
 * opening while new values are sealed with the current one.
 */
export function createSealer(currentKey: Buffer, previousKeys: Buffer[] = []): Sealer {
  const keys = new Map<string, Buffer>();
  for (const key of [currentKey, ...previousKeys]) {
    if (key.length !== 32) throw new Error('An encryption key must be 32 bytes');
    keys.set(keyIdOf(key), key);
  }
  const currentKeyId = keyIdOf(currentKey);
  return {
    currentKeyId,
    keyIdOf: (sealed) => sealed.split('.')[1],
    seal(plaintext, context) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', currentKey, iv);
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [
        FORMAT,
        currentKeyId,
        iv.toString('base64url'),
        tag.toString('base64url'),
        body.toString('base64url'),
      ].join('.');
    },
    open(sealed, context) {
      const [format, keyId, iv, tag, body] = sealed.split('.');
      if (format !== FORMAT || !keyId || !iv || !tag || body === undefined) {
        throw new Error('Sealed value has an unknown format');
      }
      const key = keys.get(keyId);
      if (!key) throw new Error(`Sealed with key ${keyId}, which is not configured`);
      const authTag = Buffer.from(tag, 'base64url');
      if (authTag.length !== TAG_BYTES) throw new Error('Sealed value has a tag of the wrong length');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'), {
        authTagLength: TAG_BYTES,
      });
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(authTag);
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
        'utf8',
      );
    },
  };
}
