/**
 * Sandbox vendors: small, in-memory stand-ins for the vendor APIs the bot checks credentials
 * against, answering the calls the bot makes the way the real APIs document them. Each holds one
 * demo account, and a switch per kind of credentials makes its check fail in a documented way.
 */

/** How the next checks of one kind of credentials go. */
export type Failure = 'none' | 'wrong_secret' | 'missing_scope' | 'down';

export const FAILURES: readonly Failure[] = ['none', 'wrong_secret', 'missing_scope', 'down'];

export interface VendorRequest {
  method: string;
  /** The path below the vendor's own base, e.g. `/token` or `/v3/users`. */
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | undefined>;
  body: string;
}

export interface VendorReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** One kind of credentials a person can link (Personio has two). */
export interface SandboxKind {
  /** The bot's system id, e.g. `personio-recruiting`. */
  id: string;
  name: string;
  /** What "Use demo credentials" fills in, by the form's field (block) id. */
  credentials(now: Date): Record<string, string>;
}

export interface SandboxVendor {
  /** The path segment the vendor is served under: `/sandbox/<id>/…`. */
  id: string;
  kinds: readonly SandboxKind[];
  /** Tokens the vendor handed out, which must stay as secret as the credentials. */
  issued?(): string[];
  /** Answers one request; `failure` reads the switch of a kind. */
  handle(request: VendorRequest, failure: (kindId: string) => Failure): VendorReply;
}

export const json = (status: number, body?: unknown, headers: Record<string, string> = {}): VendorReply => ({
  status,
  body,
  headers,
});

export const bearer = (request: VendorRequest): string | undefined =>
  /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '')?.[1];

export const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};
