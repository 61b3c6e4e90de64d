import { ConnectionStore } from '../store/connectionStore.js';
import { keyScheme } from '../store/keys.js';
import { createSealer } from '../store/sealing.js';
import { runRedisTool } from './redisTool.js';

/**
 * `npm run reseal`: seals every stored connection again with the current WINTRO_ENCRYPTION_KEY,
 * opening old ones with WINTRO_ENCRYPTION_KEY_PREVIOUS, so a previous key can then be dropped.
 * It reads the bot's own environment (and .env) and is safe to run while the bot runs.
 */
runRedisTool(
  'Resealing',
  (config) => config.encryptionKey,
  'Resealing needs REDIS_URL (or REDIS_CLUSTER_URLS) and WINTRO_ENCRYPTION_KEY: without Redis nothing is stored.',
  async ({ config, need: encryptionKey, redis, logger }) => {
    const store = new ConnectionStore(
      redis,
      keyScheme(),
      createSealer(encryptionKey, config.previousEncryptionKeys),
    );
    const total = { teams: 0, resealed: 0, current: 0, unreadable: 0 };
    for await (const teamId of store.teams()) {
      const counts = await store.reseal(teamId);
      total.teams += 1;
      total.resealed += counts.resealed;
      total.current += counts.current;
      total.unreadable += counts.unreadable;
    }
    logger.info(total, 'Resealed stored connections');
    if (total.unreadable > 0) {
      logger.warn(
        { unreadable: total.unreadable },
        'Some connections are sealed with a key that is not configured: keep that key in WINTRO_ENCRYPTION_KEY_PREVIOUS, or have them linked again',
      );
      process.exitCode = 2;
    }
  },
);
