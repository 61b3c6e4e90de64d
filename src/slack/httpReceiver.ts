import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse } from 'node:querystring';
import { HTTPModuleFunctions, HTTPReceiver, type HTTPReceiverOptions } from '@slack/bolt';
import type { InstallProvider } from '@slack/oauth';

/**
 * Whether the body Bolt is about to parse (a JSON body, or the `payload` field of a form) is a JSON
 * object. Only the first character is looked at: Bolt parses the body itself, and parsing it twice
 * would cost every request; anything else malformed Bolt answers 400 on its own.
 */
function parsesToObject(rawBody: Buffer, contentType: string | undefined): boolean {
  const text = rawBody.toString();
  if (contentType === 'application/x-www-form-urlencoded') {
    const { payload } = parse(text);
    return typeof payload !== 'string' || payload.trimStart().startsWith('{');
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

const pathOf = (url: string | undefined) => new URL(url ?? '/', 'http://localhost').pathname;

/**
 * Bolt's HTTP receiver, with one guard in front: Bolt 5.1 reads `body.ssl_check` on whatever a
 * signed body parses to, outside any try, so a body that parses to `null` (raw `null`, or
 * `payload=null`) is never answered and its rejection goes unhandled. A body that is not a JSON
 * object is answered 400 here; everything else reaches Bolt untouched (it reuses the buffered body).
 * With `installLinks`, the install path first checks the link Wintro handed out.
 */
export function createHttpReceiver(
  options: HTTPReceiverOptions,
  installLinks?: { path: string; answer: InstallLinkAnswer },
): HTTPReceiver {
  const receiver = new HTTPReceiver(options);
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
      (buffered) => {
        if (!parsesToObject(buffered.rawBody, buffered.headers['content-type'])) {
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
