"""Smoke test of the generated Python client against the mock, or the drift server (ALBUMS_BASE_URL).

Makes the calls of test/support/client-smoke.ts and prints the same lines; an answer the client
cannot decode ends it with a traceback.
"""
import os
import sys

import httpx

from amazon_music_albums import AuthenticatedClient
from amazon_music_albums.api.albums import get_album, get_albums
from amazon_music_albums.api.library import get_library_albums, remove_library_album, save_library_album
from amazon_music_albums.models import (
    AlbumResponse,
    AlbumsResponse,
    ErrorResponse,
    LibraryAlbumsResponse,
    RemoveAlbumResponse,
    SaveAlbumResponse,
)


class NotJson(Exception):
    """An answer whose body is not JSON, such as a gateway's HTML 502."""

    def __init__(self, status: int):
        super().__init__(f"HTTP {status} without a JSON body")
        self.status = status


def refuse_bodies_that_are_not_json(response: httpx.Response) -> None:
    # The generated parser calls response.json() on every status, `default` included, whatever the
    # Content-Type: an HTML 502 would end in a JSONDecodeError that has lost the status
    # (generators/WARNINGS.md). Checked here, before the parser runs.
    if "json" not in response.headers.get("content-type", "").lower():
        raise NotJson(response.status_code)


# The bearer token through the client's own support; the client has none for an API key header.
client = AuthenticatedClient(
    base_url=os.environ["ALBUMS_BASE_URL"],
    token=os.environ["ALBUMS_ACCESS_TOKEN"],
    headers={"x-api-key": os.environ["ALBUMS_API_KEY"]},
    httpx_args={"event_hooks": {"response": [refuse_bodies_that_are_not_json]}},
)


def expect(value, kind):
    if not isinstance(value, kind):
        sys.exit(f"expected {kind.__name__}, got {value!r}")
    return value


def failure(album_id: str) -> str:
    """`<status> <code>` of a failed getAlbum, `-` for the code when the body is not the envelope."""
    try:
        answer = get_album.sync_detailed(album_id, client=client)
    except NotJson as error:
        return f"{error.status} -"
    # Every listed status and `default` are an ErrorResponse, so a 503 is one too.
    return f"{int(answer.status_code)} {expect(answer.parsed, ErrorResponse).error.code}"


album = expect(get_album.sync("B0064UPU4G", client=client), AlbumResponse).data.album
print(f"album: {album.title}, {album.duration} s")

# `ids` is one string: the IDs joined with commas.
albums = expect(get_albums.sync(client=client, ids=",".join(["B0064UPU4G", "B00D3PLC1K"])), AlbumsResponse).data.albums
print("albums: " + ", ".join(f"{a.id} {a.title}" for a in albums))

# save_state is an open set: a plain str, so a state Amazon adds later comes through as it is.
saves = [expect(save_library_album.sync(album_id, client=client), SaveAlbumResponse).data.save_album for album_id in ["B091MTJT3P", "B00D3PLC1K", "B0064UPU4G"]]
print("save: " + ", ".join(f"{s.album.id} {s.save_state}" for s in saves))

first = expect(get_library_albums.sync(client=client, limit=2), LibraryAlbumsResponse).data.user.library_albums
print("page 1: " + ", ".join(e.node.id for e in first.edges) + f" (hasNextPage {str(first.page_info.has_next_page).lower()})")
# The token goes back unchanged (an absent one is UNSET, and then no cursor is sent).
second = expect(get_library_albums.sync(client=client, limit=2, cursor=first.page_info.token), LibraryAlbumsResponse).data.user.library_albums
print("page 2: " + ", ".join(e.node.id for e in second.edges) + f" (hasNextPage {str(second.page_info.has_next_page).lower()})")

removed = expect(remove_library_album.sync("B091MTJT3P", client=client), RemoveAlbumResponse).data.remove_album
print(f"remove: {removed.album.id} {removed.save_state}")

for album_id in ["B000000000", "B00000B502", "B00000B503"]:
    print(f"{album_id}: {failure(album_id)}")
