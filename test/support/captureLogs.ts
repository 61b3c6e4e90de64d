/**
 * A Writable that collects everything written to it. Hand `stream` to pino (`pino(opts, stream)`), which
 * writes one JSON document per line (NDJSON).
 */
import { Writable } from 'node:stream';

export interface CapturedStream {
  stream: NodeJS.WritableStream;
  /** Everything written so far, concatenated. */
  text(): string;
  /** Each non-empty line, JSON-parsed when it is JSON, otherwise the raw line string. */
  lines(): any[];
  /** Forget everything written so far. */
  clear(): void;
}

export function captureStream(): CapturedStream {
  let chunks: string[] = [];
  const stream = new Writable({
    decodeStrings: false,
    write(chunk: unknown, _encoding, callback) {
      chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
      callback();
    },
  });
  const text = () => chunks.join('');
  return {
    stream,
    text,
    lines: () =>
      text()
        .split('\n')
        .filter((l) => l.trim().length > 0)
        .map((l) => {
          try {
            return JSON.parse(l);
          } catch {
            return l;
          }
        }),
    clear: () => {
      chunks = [];
    },
  };
}
