import type { Messages } from './index.js';

/**
 * The shape of a message catalog: the same ids as `T`, each text any string. Another language's
 * catalog `satisfies` the shape of the English one, so an id missing or extra there fails to compile.
 */
export type CatalogShape<T> = {
  readonly [K in keyof T]: T[K] extends string ? string : CatalogShape<T[K]>;
};

/** The shape every language's whole catalog has: that of the English one. */
export type Catalog = CatalogShape<Messages>;
