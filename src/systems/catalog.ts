import { greenhouse } from './greenhouse.js';
import { personioEmployees, personioFamily, personioRecruiting } from './personio.js';
import { recruitee } from './recruitee.js';
import type { LinkableSystem, SystemFamily } from './types.js';
import { createWorkable } from './workable.js';

/** Operator settings some systems' guides and checks need. */
export interface SystemSettings {
  /** The external recruiter Wintro asks Workable admins to add. */
  workableRecruiter: { name: string; email: string };
}

export const DEFAULT_SYSTEM_SETTINGS: SystemSettings = {
  workableRecruiter: { name: 'Wintro Integration', email: 'integration@wintro.com' },
};

/** Every system the bot can link. Adding one means adding its module here. */
export function defaultSystems(settings: SystemSettings = DEFAULT_SYSTEM_SETTINGS): LinkableSystem[] {
  return [
    greenhouse,
    personioRecruiting,
    personioEmployees,
    recruitee,
    createWorkable(settings.workableRecruiter),
  ];
}

/** Vendors that offer several kinds of credentials and ask which one first. */
export const FAMILIES: readonly SystemFamily[] = [personioFamily];

/**
 * How precisely `linkWord` names a system: 'family' sends a family's systems to the family's
 * question; 'exact' names the very system (e.g. `personio employees`) to link it again directly.
 */
export type LinkWordPrecision = 'family' | 'exact';

export interface Catalog {
  systems: readonly LinkableSystem[];
  families: readonly SystemFamily[];
  system(id: string): LinkableSystem | undefined;
  family(id: string): SystemFamily | undefined;
  /** The name of a system or family, for people; the id when neither is known. */
  name(id: string): string;
  /** The word after `/wintro link` that leads to this system or family; the id when neither is known. */
  linkWord(id: string, precision?: LinkWordPrecision): string;
}

export function createCatalog(
  systems: readonly LinkableSystem[] = defaultSystems(),
  families: readonly SystemFamily[] = FAMILIES,
): Catalog {
  const byId = new Map(systems.map((system) => [system.id, system]));
  const familyById = new Map(families.map((family) => [family.id, family]));
  const familyOf = (systemId: string) =>
    families.find((family) => family.variants.some((variant) => variant.systemId === systemId));
  return {
    systems,
    families,
    system: (id) => byId.get(id),
    family: (id) => familyById.get(id),
    name: (id) => byId.get(id)?.name ?? familyById.get(id)?.name ?? id,
    linkWord(id, precision = 'family') {
      const system = byId.get(id);
      const family = familyById.get(id) ?? familyOf(id);
      if (precision === 'exact') {
        const spelledOut = system?.aliases.find((alias) => alias.includes(' '));
        return spelledOut ?? family?.aliases[0] ?? system?.aliases[0] ?? id;
      }
      return family?.aliases[0] ?? system?.aliases[0] ?? id;
    },
  };
}
