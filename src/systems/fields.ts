import type { CredentialField } from './types.js';

/** Values pasted from a browser or a password manager often carry spaces, quotes or line breaks. */
export const tidy = (value: string) =>
  value
    .normalize('NFKC')
    .replace(/[\u200B-\u200D\uFEFF]/g, '')
    .trim()
    .replace(/^["'`]+|["'`]+$/g, '');

interface FieldSpec {
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
      if (!value) return `Paste the ${spec.label} here. It ${spec.looksLike}.`;
      if (/\s/.test(value)) return `The ${spec.label} has no spaces or line breaks. It ${spec.looksLike}.`;
      if (value.length > maxLength) return `That is too long for a ${spec.label}. It ${spec.looksLike}.`;
      if (!spec.pattern.test(value)) return `That doesn't look like a ${spec.label}. It ${spec.looksLike}.`;
      return undefined;
    },
  };
}
