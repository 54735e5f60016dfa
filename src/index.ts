export { createAlbumsClient, productionBaseUrl } from "./client.js";
export type {
  AlbumsClient,
  AlbumsClientOptions,
  CallOptions,
  LibraryIterationOptions,
  LibraryPageOptions,
} from "./client.js";
export type { AccessToken } from "./auth.js";
export type { RetryOptions } from "./retry.js";
export {
  AlbumsApiError,
  AlbumsError,
  AlbumsInputError,
  AlbumsNetworkError,
  AlbumsPaginationError,
  AlbumsTimeoutError,
} from "./errors.js";
export type * from "./types.js";
