/** @deprecated Moved to `./personio/index.js`; kept while the tests that import it move over. */
export { PERSONIO_REQUIRED_ATTRIBUTES } from './personio/index.js';
