import { randomBytes } from 'node:crypto';
import { compactDecrypt, exportJWK, generateKeyPair } from 'jose';
import { Webhook } from 'standardwebhooks';

/**
 * Wintro's backend, as small as it can be: receives the bot's hand-over webhooks, verifies each
 * Standard Webhooks signature and opens the credentials JWE with a private key made for this run.
 * The page is shown what arrived and which credential fields opened, never their values.
 */
export interface Arrival {
  id: string;
  type: string;
  system: string;
  verified: boolean;
  /** The credential fields the JWE opened to (names only), when it carried one. */
  openedFields: string[] | null;
  at: number;
}

const KEPT = 200;

export interface WintroReceiver {
  arrivals: Arrival[];
  /** The bot's settings for handing over to this receiver at `url`. */
  botEnv(url: string): Record<string, string>;
  /** Answers one POST; the status the bot gets. */
  receive(raw: string, headers: Record<string, string | string[] | undefined>): Promise<number>;
  /** The webhook secret, which must show nowhere. */
  secret: string;
}

export async function wintroReceiver(): Promise<WintroReceiver> {
  const { publicKey, privateKey } = await generateKeyPair('RSA-OAEP-256', { extractable: true });
  const publicJwk = { ...(await exportJWK(publicKey)), kid: 'wintro-demo-1', use: 'enc' };
  const secret = `whsec_${randomBytes(32).toString('base64')}`;
  const verifier = new Webhook(secret);
  const arrivals: Arrival[] = [];

  const open = async (jwe: unknown): Promise<string[] | null> => {
    if (typeof jwe !== 'string') return null;
    try {
      const { plaintext } = await compactDecrypt(jwe, privateKey);
      return Object.keys(JSON.parse(new TextDecoder().decode(plaintext)) as Record<string, unknown>);
    } catch {
      return [];
    }
  };

  return {
    arrivals,
    secret,
    botEnv: (url) => ({
      WINTRO_WEBHOOK_URL: url,
      WINTRO_WEBHOOK_SECRET: secret,
      WINTRO_CONNECTION_PUBLIC_KEY: JSON.stringify(publicJwk),
    }),
    async receive(raw, headers) {
      const header = (name: string) => String(headers[name] ?? '');
      let verified = true;
      try {
        verifier.verify(raw, {
          'webhook-id': header('webhook-id'),
          'webhook-timestamp': header('webhook-timestamp'),
          'webhook-signature': header('webhook-signature'),
        });
      } catch {
        verified = false;
      }
      let event: { type?: unknown; data?: { system?: unknown; credentials?: unknown } } = {};
      try {
        event = JSON.parse(raw);
      } catch {
        verified = false;
      }
      arrivals.push({
        id: header('webhook-id'),
        type: String(event.type ?? 'unknown'),
        system: String(event.data?.system ?? ''),
        verified,
        openedFields: verified ? await open(event.data?.credentials) : null,
        at: Date.now(),
      });
      if (arrivals.length > KEPT) arrivals.shift();
      return verified ? 200 : 401;
    },
  };
}
