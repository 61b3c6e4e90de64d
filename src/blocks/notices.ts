/** What a person is told when Redis (where every setup lives) does not answer. */
export const UNAVAILABLE_TEXT =
  'Wintro is briefly unavailable. Your progress is saved: try again in a minute and you will continue from the same step.';
