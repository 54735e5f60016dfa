"""Smoke test of the generated Python client against the mock, or the drift server (ALBUMS_BASE_URL).

Prints one line per check; an answer the client cannot decode ends it with a traceback.
"""
import os
import sys

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

base_url = os.environ["ALBUMS_BASE_URL"]
api_key = os.environ["ALBUMS_API_KEY"]
token = os.environ["ALBUMS_ACCESS_TOKEN"]
client = AuthenticatedClient(base_url=base_url, token=token, headers={"x-api-key": api_key})


def expect(value, kind):
    if not isinstance(value, kind):
        sys.exit(f"expected {kind.__name__}, got {value!r}")
    return value


album = expect(get_album.sync("B0064UPU4G", client=client), AlbumResponse).data.album
print(f"album: {album.title}")

# openapi-python-client repeats array parameters (ids=A&ids=B) whatever `explode: false` says:
# pass the IDs as one comma-joined item to send the documented ids=A,B.
albums = expect(get_albums.sync(client=client, ids=[",".join(["B0064UPU4G", "B00D3PLC1K"])]), AlbumsResponse)
print("albums: " + ", ".join(f"{a.id} {a.title}" for a in albums.data.albums))
refused = get_albums.sync_detailed(client=client, ids=[",".join(["not-an-id", "B0064UPU4G"])])
print(f"ids: bad first ID refused with {int(refused.status_code)}")

page = expect(get_library_albums.sync(client=client, limit=20), LibraryAlbumsResponse).data.user.library_albums
print("library: " + ", ".join(e.node.id for e in page.edges) + f" (hasNextPage {str(page.page_info.has_next_page).lower()})")

# save_state is an open set: a plain str, so a state Amazon adds later comes through as it is.
saved = expect(save_library_album.sync("B091MTJT3P", client=client), SaveAlbumResponse).data.save_album
print(f"save: {saved.album.id} {saved.save_state}")
removed = expect(remove_library_album.sync("B091MTJT3P", client=client), RemoveAlbumResponse).data.remove_album
print(f"remove: {removed.album.id} {removed.save_state}")

not_found = client.with_headers({"Prefer": "code=404"})
error = expect(get_album.sync("B0064UPU4G", client=not_found), ErrorResponse).error
print(f"404: {error.status} {error.code}")
