export { createAlbumsClient, productionBaseUrl } from "./client.ts";
export type {
  AlbumsClient,
  AlbumsClientOptions,
  CallOptions,
  LibraryIterationOptions,
  LibraryPageOptions,
} from "./client.ts";
export type { AccessToken } from "./auth.ts";
export type { RetryOptions } from "./retry.ts";
export {
  AlbumsApiError,
  AlbumsError,
  AlbumsInputError,
  AlbumsNetworkError,
  AlbumsPaginationError,
  AlbumsTimeoutError,
} from "./errors.ts";
export type * from "./types.ts";
