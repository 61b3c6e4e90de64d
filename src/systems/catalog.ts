import { DEFAULT_LANGUAGE, LANGUAGES, type Language, translator } from '../messages/index.js';
import { greenhouseModule } from './greenhouse/index.js';
import { personioModule } from './personio/index.js';
import { recruiteeModule } from './recruitee/index.js';
import { type SettingValues, type SystemSetting, settingReader } from './settings.js';
import type { LinkableSystem, SystemFamily, SystemModule } from './types.js';
import { workableModule } from './workable/index.js';

/** Every vendor the bot can link, in the order the picker shows them. Adding one means adding it here. */
export const SYSTEM_MODULES: readonly SystemModule[] = [
  greenhouseModule,
  personioModule,
  recruiteeModule,
  workableModule,
];

/** Every operator setting the vendors declare; config reads and checks them with the rest. */
export const SYSTEM_SETTINGS: readonly SystemSetting[] = SYSTEM_MODULES.flatMap((module) => module.settings);

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

/**
 * The catalog in every language the bot speaks, each built once. A system's words (guide, fields,
 * the outcomes of its check) are those of the catalog it came from, so a check started for a
 * German reader answers in German even though it finishes after awaits.
 */
export interface Catalogs {
  /** Every system and family with its words in `language`. */
  in(language: Language): Catalog;
  /**
   * What is the same in every language: ids, aliases, link words, operator settings, the number of
   * guide steps. Never for words shown to a person: take `in(reader's language)` for those.
   */
  readonly any: Catalog;
}

/** Every vendor's systems in every language, built from the operator's setting values. */
export function createCatalogs(values: SettingValues = {}): Catalogs {
  const byLanguage = new Map(LANGUAGES.map((language) => [language, createCatalog(values, language)]));
  const inLanguage = (language: Language) =>
    byLanguage.get(language) ?? (byLanguage.get(DEFAULT_LANGUAGE) as Catalog);
  return { in: inLanguage, any: inLanguage(DEFAULT_LANGUAGE) };
}

/** The same catalog for every language (tests and tools that build their own systems). */
export const sameInEveryLanguage = (catalog: Catalog): Catalogs => ({ in: () => catalog, any: catalog });

/** Every vendor's systems in one language, built from the operator's setting values (defaults for any not given). */
export function createCatalog(values: SettingValues = {}, language: Language = DEFAULT_LANGUAGE): Catalog {
  const setting = settingReader(values);
  const tr = translator(language);
  const created = SYSTEM_MODULES.map((module) => module.create(setting, tr, language));
  return catalogOf(
    created.flatMap(({ systems }) => systems),
    created.flatMap((vendor) => vendor.families ?? []),
  );
}

/** A catalog of exactly these systems and families (tests, tools). */
export function catalogOf(
  systems: readonly LinkableSystem[],
  families: readonly SystemFamily[] = [],
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
