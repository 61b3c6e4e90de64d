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

export interface Catalog {
  systems: readonly LinkableSystem[];
  families: readonly SystemFamily[];
  system(id: string): LinkableSystem | undefined;
  family(id: string): SystemFamily | undefined;
}

export function createCatalog(
  systems: readonly LinkableSystem[] = defaultSystems(),
  families: readonly SystemFamily[] = FAMILIES,
): Catalog {
  const byId = new Map(systems.map((system) => [system.id, system]));
  const familyById = new Map(families.map((family) => [family.id, family]));
  return {
    systems,
    families,
    system: (id) => byId.get(id),
    family: (id) => familyById.get(id),
  };
}
