/** English messages of the flows area, by id. */
export const flows = {} as const;
