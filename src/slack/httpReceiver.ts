import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse } from 'node:querystring';
import type { HTTPReceiverOptions } from '@slack/bolt';
import type { InstallProvider } from '@slack/oauth';
import { HTTPModuleFunctions, HTTPReceiver } from './bolt.js';
import { rejectedRequests } from './rejectedRequests.js';

export { rejectedRequests } from './rejectedRequests.js';

/** A form field named `payload`, each letter as it is or percent-encoded (as `querystring` decodes keys). */
const PAYLOAD_FIELD = /(?:^|&)(?:p|%70)(?:a|%61)(?:y|%79)(?:l|%6c)(?:o|%6f)(?:a|%61)(?:d|%64)(?:=|&|$)/i;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Whether the body Bolt is about to parse (a JSON body, or the `payload` field of a form) is a JSON
 * object, and a view submission or closing names its view. A JSON body is only looked at by its first
 * character (parsing it twice would cost every event); an interactivity payload is small and parsed,
 * since Bolt fails with a 500 on a view it cannot route (no callback id). Anything else malformed Bolt
 * answers 400 on its own.
 */
function wellFormed(rawBody: Buffer, contentType: string | undefined): boolean {
  const text = rawBody.toString();
  if (contentType === 'application/x-www-form-urlencoded') {
    // A button's payload (`payload={…`, the brace URL-encoded) is left to Bolt, which answers 400 to
    // JSON it cannot parse: only views need their callback id looked at, and parsing every click
    // twice costs what a click's own work does.
    if (
      text.startsWith('payload=%7B') &&
      !text.includes('view_submission') &&
      !text.includes('view_closed')
    ) {
      return true;
    }
    // A form without a `payload` field (a slash command) is not parsed here: Bolt parses it twice anyway.
    if (!PAYLOAD_FIELD.test(text)) return true;
    const { payload } = parse(text);
    if (typeof payload !== 'string') return true;
    let body: unknown;
    try {
      body = JSON.parse(payload);
    } catch {
      return false;
    }
    if (!isObject(body)) return false;
    if (body.type !== 'view_submission' && body.type !== 'view_closed') return true;
    const { view } = body;
    return isObject(view) && typeof view.callback_id === 'string';
  }
  // Bolt reads every other content type as JSON.
  return text.trimStart().startsWith('{');
}

/** Answers `GET /slack/install` in multi-workspace mode (see installations/oauth.ts). */
export type InstallLinkAnswer = (
  req: IncomingMessage,
  res: ServerResponse,
  installer: InstallProvider,
) => Promise<void>;

/** Whether a refused request came without Slack's signature headers at all, or with a wrong one. */
const signedOrNot = (req: IncomingMessage) =>
  req.headers['x-slack-signature'] && req.headers['x-slack-request-timestamp'] ? 'bad_signature' : 'unsigned';

const pathOf = (url: string | undefined) => new URL(url ?? '/', 'http://localhost').pathname;

/**
 * Bolt's HTTP receiver, with guards in front. A request whose signature does not check out is
 * answered 401 and counted, without the log line Bolt writes for each. Bolt 5.1 reads
 * `body.ssl_check` on whatever a signed body parses to, outside any try, so a body that parses to
 * `null` (raw `null`, or `payload=null`) is never answered and its rejection goes unhandled; and a
 * view submission without its view fails inside Bolt with a 500. Such bodies are answered 400 here;
 * everything else reaches Bolt untouched (it reuses the buffered body). The signature is checked
 * here, once: Bolt's own check would decode, parse and hash the same body a second time.
 * With `installLinks`, the install path first checks the link Wintro handed out.
 */
export function createHttpReceiver(
  options: HTTPReceiverOptions,
  installLinks?: { path: string; answer: InstallLinkAnswer },
): HTTPReceiver {
  const receiver = new HTTPReceiver({ ...options, signatureVerification: false });
  const bolt = receiver.requestListener;
  receiver.requestListener = (req, res) => {
    const { installer } = receiver;
    if (installLinks && installer && req.method === 'GET' && pathOf(req.url) === installLinks.path) {
      installLinks.answer(req, res, installer).catch((error: unknown) => {
        options.logger?.error(`Could not answer an install link: ${(error as Error).message}`);
        if (!res.headersSent) HTTPModuleFunctions.buildNoBodyResponse(res, 500);
      });
      return;
    }
    if (req.method !== 'POST') return bolt(req, res);
    HTTPModuleFunctions.bufferIncomingMessage(req, HTTPModuleFunctions.defaultBodyLimit).then(
      async (buffered) => {
        if (options.signatureVerification !== false) {
          try {
            await HTTPModuleFunctions.parseAndVerifyHTTPRequest(
              { enabled: true, signingSecret: options.signingSecret },
              buffered,
            );
          } catch {
            rejectedRequests.record((message) => options.logger?.warn(message), signedOrNot(buffered));
            HTTPModuleFunctions.buildNoBodyResponse(res, 401);
            return;
          }
        }
        if (!wellFormed(buffered.rawBody, buffered.headers['content-type'])) {
          rejectedRequests.recordMalformed();
          HTTPModuleFunctions.buildNoBodyResponse(res, 400);
          return;
        }
        bolt(buffered, res);
      },
      (error: unknown) => {
        // The body reader's own errors: 413 over the limit, 400 for a body that broke off.
        const status = HTTPModuleFunctions.isRawBodyError(error) ? error.statusCode : 400;
        HTTPModuleFunctions.buildNoBodyResponse(res, status);
      },
    );
  };
  return receiver;
}
