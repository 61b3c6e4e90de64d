import { describe, expect, it } from 'vitest';
import { editDistance, parseCommand } from '../../src/flows/parseCommand.js';
import { translator } from '../../src/messages/index.js';
import { catalogOf } from '../../src/systems/catalog.js';
import { createGreenhouse } from '../../src/systems/greenhouse/index.js';

const en = translator('en');

const catalog = catalogOf(
  [createGreenhouse(en)],
  [
    {
      id: 'personio',
      name: 'Personio',
      aliases: ['personio'],
      question: 'Which data?',
      variants: [{ systemId: 'greenhouse', label: 'x', description: 'y' }],
    },
  ],
);

describe('parseCommand', () => {
  it.each([
    ['link greenhouse', { kind: 'link', target: { type: 'system', id: 'greenhouse' } }],
    ['  LINK   Greenhouse ', { kind: 'link', target: { type: 'system', id: 'greenhouse' } }],
    ['link gh', { kind: 'link', target: { type: 'system', id: 'greenhouse' } }],
    ['connect greenhouse', { kind: 'link', target: { type: 'system', id: 'greenhouse' } }],
    ['greenhouse', { kind: 'link', target: { type: 'system', id: 'greenhouse' } }],
    ['link personio', { kind: 'link', target: { type: 'family', id: 'personio' } }],
    ['link', { kind: 'pick' }],
    ['status', { kind: 'status' }],
    ['cancel', { kind: 'cancel' }],
    ['cancel greenhouse', { kind: 'cancel', target: { type: 'system', id: 'greenhouse' } }],
    ['help', { kind: 'help' }],
    ['', { kind: 'help' }],
  ])('%j', (text, expected) => {
    expect(parseCommand(text, catalog)).toEqual(expected);
  });

  it('suggests the system for a misspelling', () => {
    expect(parseCommand('link grenhouse', catalog)).toEqual({
      kind: 'unknown_system',
      input: 'grenhouse',
      suggestion: { type: 'system', id: 'greenhouse' },
    });
    expect(parseCommand('link greenhosue', catalog)).toMatchObject({ suggestion: { id: 'greenhouse' } });
    expect(parseCommand('link persnio', catalog)).toMatchObject({
      suggestion: { type: 'family', id: 'personio' },
    });
  });

  it('suggests the subcommand for a misspelt verb', () => {
    expect(parseCommand('stauts', catalog)).toEqual({
      kind: 'unknown',
      input: 'stauts',
      suggestion: 'status',
    });
    expect(parseCommand('lnik greenhouse', catalog)).toEqual({
      kind: 'unknown',
      input: 'lnik greenhouse',
      suggestion: 'link greenhouse',
    });
  });

  it('does not guess at unrelated words', () => {
    expect(parseCommand('link bamboohr', catalog)).toEqual({
      kind: 'unknown_system',
      input: 'bamboohr',
      suggestion: undefined,
    });
    expect(parseCommand('make coffee', catalog)).toEqual({ kind: 'unknown', input: 'make coffee' });
  });

  it('survives very long and odd input', () => {
    expect(parseCommand(`link ${'x'.repeat(100_000)}`, catalog).kind).toBe('unknown_system');
    expect(parseCommand('\u0000\u202e link \uFEFFgreenhouse', catalog).kind).toBeDefined();
  });
});

describe('editDistance', () => {
  it('counts a swap of two letters as one edit', () => {
    expect(editDistance('greenhouse', 'greenhosue')).toBe(1);
    expect(editDistance('greenhouse', 'grenhouse')).toBe(1);
    expect(editDistance('abc', 'abc')).toBe(0);
    expect(editDistance('', 'abc')).toBe(3);
  });
});
