import { Agent, request } from 'undici';

export interface VendorRequest {
  method: 'GET' | 'POST';
  url: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface VendorResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export type TransportFailure = 'timeout' | 'unreachable' | 'too_large';

export type VendorResult = { ok: true; response: VendorResponse } | { ok: false; failure: TransportFailure };

export interface VendorHttp {
  send(request: VendorRequest): Promise<VendorResult>;
}

export interface VendorHttpOptions {
  timeoutMs: number;
  /** Vendor answers we need are small; anything larger is cut off rather than buffered. */
  maxBodyBytes?: number;
}

const flattenHeaders = (headers: Record<string, string | string[] | undefined>) =>
  Object.fromEntries(
    Object.entries(headers)
      .filter((entry): entry is [string, string | string[]] => entry[1] !== undefined)
      .map(([name, value]) => [name.toLowerCase(), Array.isArray(value) ? value.join(', ') : value]),
  );

/**
 * Calls vendor APIs with a hard deadline and a size cap. Redirects are never followed, so a
 * vendor answer can never steer a request (and its credentials) to another host: the client has
 * its own dispatcher, so a global dispatcher with a redirect interceptor cannot change that.
 * Failures carry only a category: undici errors can hold request headers, which hold credentials.
 */
export function createVendorHttp({ timeoutMs, maxBodyBytes = 256 * 1024 }: VendorHttpOptions): VendorHttp {
  const dispatcher = new Agent({
    connectTimeout: timeoutMs,
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
  });
  return {
    async send({ method, url, headers, body }) {
      // One deadline for the whole exchange: connecting, headers and every byte of the body.
      const signal = AbortSignal.timeout(timeoutMs);
      try {
        const response = await request(url, {
          method,
          headers,
          body,
          signal,
          dispatcher,
          headersTimeout: timeoutMs,
          bodyTimeout: timeoutMs,
        });
        // An answer that announces more than we accept is refused before a byte of it is read.
        const declared = Number(response.headers['content-length']);
        if (Number.isFinite(declared) && declared > maxBodyBytes) {
          response.body.destroy();
          return { ok: false, failure: 'too_large' };
        }
        const chunks: Buffer[] = [];
        let size = 0;
        for await (const chunk of response.body) {
          size += chunk.length;
          if (size > maxBodyBytes) {
            response.body.destroy();
            return { ok: false, failure: 'too_large' };
          }
          chunks.push(chunk as Buffer);
        }
        return {
          ok: true,
          response: {
            status: response.statusCode,
            headers: flattenHeaders(response.headers),
            body: Buffer.concat(chunks).toString('utf8'),
          },
        };
      } catch (error) {
        const name = (error as { name?: string; code?: string }).name ?? '';
        const code = (error as { code?: string }).code ?? '';
        const timedOut =
          signal.aborted || name === 'TimeoutError' || name === 'AbortError' || code.includes('TIMEOUT');
        return { ok: false, failure: timedOut ? 'timeout' : 'unreachable' };
      }
    },
  };
}

/** Parses a JSON body, or returns undefined when it is not JSON. */
export function jsonBody(response: VendorResponse): unknown {
  try {
    return JSON.parse(response.body);
  } catch {
    return undefined;
  }
}

/** Seconds to wait from a Retry-After header (seconds or HTTP date), bounded to something a person can wait. */
export function retryAfterSeconds(headers: Record<string, string>, fallback = 10): number {
  const raw = headers['retry-after'];
  if (!raw) return fallback;
  const seconds = Number(raw);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(Math.ceil(seconds), 3600);
  const date = Date.parse(raw);
  if (Number.isFinite(date)) return Math.min(Math.max(0, Math.ceil((date - Date.now()) / 1000)), 3600);
  return fallback;
}
