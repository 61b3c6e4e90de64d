import { HTTPModuleFunctions, HTTPReceiver, type HTTPReceiverOptions } from '@slack/bolt';

/**
 * Bolt's HTTP receiver, with one guard in front: Bolt 5.1 reads `body.ssl_check` on whatever a
 * signed body parses to, outside any try, so a body that parses to `null` (raw `null`, or
 * `payload=null`) is never answered and its rejection goes unhandled. A body that is not a JSON
 * object is answered 400 here; everything else reaches Bolt untouched (it reuses the buffered body).
 */
export function createHttpReceiver(options: HTTPReceiverOptions): HTTPReceiver {
  const receiver = new HTTPReceiver(options);
  const bolt = receiver.requestListener;
  receiver.requestListener = (req, res) => {
    if (req.method !== 'POST') return bolt(req, res);
    HTTPModuleFunctions.bufferIncomingMessage(req, HTTPModuleFunctions.defaultBodyLimit).then(
      (buffered) => {
        let body: unknown = {};
        try {
          body = HTTPModuleFunctions.parseHTTPRequestBody(buffered);
        } catch {
          // Bolt answers what it cannot parse itself (400, or 401 when the signature is wrong).
        }
        if (body === null || typeof body !== 'object' || Array.isArray(body)) {
          HTTPModuleFunctions.buildNoBodyResponse(res, 400);
          return;
        }
        bolt(buffered, res);
      },
      (error: unknown) => {
        // The body reader's own errors: 413 over the limit, 400 for a body that broke off.
        const status = HTTPModuleFunctions.isRawBodyError(error)
          ? (error as unknown as { statusCode: number }).statusCode
          : 400;
        HTTPModuleFunctions.buildNoBodyResponse(res, status);
      },
    );
  };
  return receiver;
}
