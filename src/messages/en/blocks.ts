/** English messages of the blocks area, by id. */
export const blocks = {} as const;
