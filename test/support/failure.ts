/** What a promise rejects with, or undefined if it resolves: for asserting on errors. */
export const failure = (promise: Promise<unknown>): Promise<unknown> => promise.then(() => undefined, (error: unknown) => error);
