/** English messages of the systems area, by id. */
export const systems = {} as const;
