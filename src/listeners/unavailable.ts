export const UNAVAILABLE_TEXT =
  'Wintro is briefly unavailable. Your progress is saved: try again in a minute and you will continue from the same step.';
