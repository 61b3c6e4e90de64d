import type { Translate } from '../messages/index.js';
import type { CredentialField } from './types.js';

/** Values pasted from a browser or a password manager often carry spaces, quotes or line breaks. */
export const tidy = (value: string) =>
  value
    .normalize('NFKC')
    .replace(/[\u200B-\u200D\uFEFF]/g, '')
    .trim()
    .replace(/^["'`]+|["'`]+$/g, '');

interface FieldSpec {
  /** The words of the catalog's language: every error message of the field is in it. */
  tr: Translate;
  id: string;
  label: string;
  hint: string;
  placeholder: string;
  secret?: boolean;
  maxLength?: number;
  /** Describes a valid value, used in every error message for this field. */
  looksLike: string;
  pattern: RegExp;
  normalize?: (value: string) => string;
}

/** A credential field that must be filled in and match a pattern; errors say what a valid value looks like. */
export function field(spec: FieldSpec): CredentialField {
  const maxLength = spec.maxLength ?? 500;
  const normalize = (value: string) => (spec.normalize ? spec.normalize(tidy(value)) : tidy(value));
  return {
    id: spec.id,
    label: spec.label,
    hint: spec.hint,
    placeholder: spec.placeholder,
    secret: spec.secret ?? false,
    maxLength,
    normalize,
    validate(raw) {
      const value = normalize(raw);
      const about = { label: spec.label, looksLike: spec.looksLike };
      const { tr } = spec;
      if (!value) return tr('systems.common.field.empty', about);
      if (/\s/.test(value)) return tr('systems.common.field.spaces', about);
      if (value.length > maxLength) return tr('systems.common.field.tooLong', about);
      if (!spec.pattern.test(value)) return tr('systems.common.field.mismatch', about);
      return undefined;
    },
  };
}
