export { createAlbumsClient, productionBaseUrl } from "./client.ts";
export type { AlbumsClient, AlbumsClientOptions, CallOptions, LibraryPageOptions } from "./client.ts";
export type { AccessToken } from "./auth.ts";
export { AlbumsApiError, AlbumsError, AlbumsInputError } from "./errors.ts";
export type * from "./types.ts";
