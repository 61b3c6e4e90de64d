/** English answers of `GET /metrics`, for whoever sets up the scrape. */
export const metrics = {
  metrics: {
    tokenRequired:
      'This endpoint needs the metrics token: send it as "Authorization: Bearer <token>" (the METRICS_TOKEN setting of the bot).',
    unavailable: 'The metrics could not be collected just now. Try the scrape again.',
  },
} as const;
