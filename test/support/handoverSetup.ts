import { type E2eSetup, greenhouseSetup } from './e2e.js';
import type { FakeGreenhouse, GreenhouseAccount } from './fakeGreenhouse.js';
import { expectReceiverTrafficClean, wintroSecrets } from './handoverGuards.js';
import { startWebhookReceiver, type WebhookReceiver } from './webhookReceiver.js';

export type GreenhouseAndWintro = { greenhouse: FakeGreenhouse; wintro: WebhookReceiver };

/**
 * Greenhouse's fake and Wintro's receiver, the bot told of both. The receiver's traffic is scanned
 * like everything else: the credentials only ever as a JWE.
 */
export function greenhouseAndWintroSetup(
  account: GreenhouseAccount,
): Required<Pick<E2eSetup<GreenhouseAndWintro>, 'vendors' | 'reset' | 'env' | 'secrets' | 'after'>> {
  const greenhouse = greenhouseSetup(account);
  return {
    vendors: async () =>
      ({ ...(await greenhouse.vendors?.()), wintro: await startWebhookReceiver() }) as never,
    reset: (vendors) => {
      greenhouse.reset?.(vendors);
      vendors.wintro.reset();
    },
    env: (vendors) => ({ ...greenhouse.env?.(vendors), ...vendors.wintro.env() }),
    secrets: (vendors) => [...(greenhouse.secrets?.(vendors) ?? []), ...wintroSecrets(vendors.wintro)],
    after: ({ wintro }) => expectReceiverTrafficClean(wintro, [account.secret]),
  };
}
