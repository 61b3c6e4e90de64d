import type { FlowState } from '../../src/flows/state.js';

/** A Greenhouse setup started and held by U1 in team T1, on its first guide step; a test overrides what it is about. */
export const aFlow = (changes: Partial<FlowState> = {}): FlowState => ({
  id: 'flow123456',
  teamId: 'T1',
  systemId: 'greenhouse',
  starterId: 'U1',
  holderId: 'U1',
  phase: 'guide',
  stepIndex: 0,
  attempts: 0,
  version: 1,
  createdAt: 0,
  updatedAt: 0,
  ...changes,
});
