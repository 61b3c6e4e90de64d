import { createGreenhouse } from './greenhouse/index.js';

/**
 * @deprecated Moved to `./greenhouse/index.js` (`createGreenhouse()`); kept while the tests and the
 * benchmark that import it move over.
 */
export const greenhouse = createGreenhouse();
