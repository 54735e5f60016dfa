"""Smoke program of the Python client OpenAPI Generator writes with python (pydantic v2, urllib3).

The calls of test/support/client-smoke.ts, against the mock or the drift server (ALBUMS_BASE_URL).
Prints one line per call; an answer the client cannot decode ends it with a traceback.
"""
import os
from typing import Callable

from amazon_music_albums import AlbumsApi, ApiClient, ApiException, Configuration, ErrorResponse, LibraryAlbumConnection, LibraryApi

# The client's own credentials: the API key under the apiKey scheme's name (sent as x-api-key),
# the token as access_token (sent as `Authorization: Bearer <token>`). retries=0: by default
# urllib3 answers a 503 (or 413, 429) that has Retry-After by sleeping that long and asking again,
# three times, before the client raises; these calls want the first answer.
configuration = Configuration(
    host=os.environ["ALBUMS_BASE_URL"],
    api_key={"apiKey": os.environ["ALBUMS_API_KEY"]},
    access_token=os.environ["ALBUMS_ACCESS_TOKEN"],
    retries=0,
)
client = ApiClient(configuration)
albums = AlbumsApi(client)
library = LibraryApi(client)


def failure(call: Callable[[], object]) -> str:
    """`<status> <code>` of a failed call.

    Any status outside 2xx raises an ApiException (a subclass per status class) whose `data` is the
    ErrorResponse the description gives that status, or `default`; `data` is None when the body
    is not the envelope (a gateway's HTML page: `-`).
    """
    try:
        call()
    except ApiException as error:
        code = error.data.error.code if isinstance(error.data, ErrorResponse) else "-"
        return f"{error.status} {code}"
    return "no ApiException"


def node_ids(page: LibraryAlbumConnection) -> str:
    return ", ".join(edge.node.id for edge in page.edges)


album = albums.get_album("B0064UPU4G").data.album
print(f"album: {album.title}, {album.duration} s")
# `ids` is one string: the IDs joined with commas.
two = albums.get_albums(",".join(["B0064UPU4G", "B00D3PLC1K"])).data.albums
print("albums: " + ", ".join(f"{one.id} {one.title}" for one in two))
saves = [library.save_library_album(id).data.save_album for id in ["B091MTJT3P", "B00D3PLC1K", "B0064UPU4G"]]
print("save: " + ", ".join(f"{saved.album.id} {saved.save_state}" for saved in saves))
first = library.get_library_albums(limit=2).data.user.library_albums
print(f"page 1: {node_ids(first)} (hasNextPage {str(first.page_info.has_next_page).lower()})")
second = library.get_library_albums(limit=2, cursor=first.page_info.token).data.user.library_albums
print(f"page 2: {node_ids(second)} (hasNextPage {str(second.page_info.has_next_page).lower()})")
removed = library.remove_library_album("B091MTJT3P").data.remove_album
print(f"remove: {removed.album.id} {removed.save_state}")
for id in ["B000000000", "B00000B502", "B00000B503"]:
    print(f"{id}: {failure(lambda: albums.get_album(id))}")
