/** Sending the fuzz test's requests: signed, with node:http, many at once. */
import { request as httpRequest } from 'node:http';
import { SIGNING_SECRET } from './bot.js';
import type { Case } from './fuzzCases.js';
import { signature } from './slackRequests.js';

export interface Outcome {
  testCase: Case;
  status: number | 'no answer';
  text: string;
  ms: number;
}

/** Sends one signed request with node:http (light: the bot runs in this same process). */
export function sendSigned(port: number, body: string | Buffer, contentType: string, timeoutMs = 10_000) {
  const timestamp = Math.floor(Date.now() / 1000);
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  // Bolt checks the signature over the body as it decodes it: UTF-8 text.
  const headers: Record<string, string | number> = {
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': signature(SIGNING_SECRET, timestamp, bytes.toString('utf8')),
    'content-length': bytes.length,
  };
  if (contentType) headers['content-type'] = contentType;
  const started = performance.now();
  return new Promise<{ status: number | 'no answer'; text: string; ms: number }>((resolve) => {
    const done = (status: number | 'no answer', text: string) =>
      resolve({ status, text, ms: performance.now() - started });
    const request = httpRequest(
      { host: '127.0.0.1', port, path: '/slack/events', method: 'POST', headers, agent: false },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(response.statusCode ?? 0, Buffer.concat(chunks).toString('utf8')));
        response.on('error', () => done('no answer', ''));
      },
    );
    request.setTimeout(timeoutMs, () => request.destroy());
    request.on('error', () => done('no answer', ''));
    request.end(bytes);
  });
}

export async function runAll(port: number, cases: Case[], concurrency = 32): Promise<Outcome[]> {
  const outcomes: Outcome[] = new Array(cases.length);
  let next = 0;
  const worker = async () => {
    while (next < cases.length) {
      const index = next++;
      const testCase = cases[index] as Case;
      outcomes[index] = { testCase, ...(await sendSigned(port, testCase.body, testCase.contentType)) };
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return outcomes;
}
