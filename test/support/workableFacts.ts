/** The expiry choices Workable offers when a token is generated, then the bot's own "A specific date". */
export const WORKABLE_EXPIRY_CHOICES = [
  '30 days',
  '90 days',
  '6 months',
  '1 year',
  '2 years',
  'A specific date',
];
