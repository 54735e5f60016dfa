// Names for the generated types that the client's methods take and return. Nothing here is
// typed by hand: every type is the generated one from the description.
import type { components, KnownAudioQuality, KnownErrorCode, operations, paths } from "../generated/schema.gen.js";

export type { components, KnownAudioQuality, KnownErrorCode, operations, paths };

type Schemas = components["schemas"];
export type Album = Schemas["Album"];
export type AlbumReference = Schemas["AlbumReference"];
export type LibraryAlbumsPage = Schemas["LibraryAlbumConnection"];
export type LibraryAlbumEdge = Schemas["LibraryAlbumEdge"];
export type PageInfo = Schemas["PageInfo"];
export type SaveAlbumResult = Schemas["SaveAlbumResult"];
export type RemoveAlbumResult = Schemas["RemoveAlbumResult"];
export type SaveState = Schemas["SaveState"];
/** An error code: one of those the description knows, or one the API added since (`string & {}` keeps the suggestions). */
export type ErrorCode = KnownErrorCode | (string & {});
export type ErrorResponse = Schemas["ErrorResponse"];

export type OperationId = keyof operations;
