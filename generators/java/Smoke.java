// Smoke test of the generated Java client against the mock, or the drift server (ALBUMS_BASE_URL).
// Prints one line per check; any answer the client cannot decode ends it with an exception.
import dev.example.amazonmusic.albums.ApiClient;
import dev.example.amazonmusic.albums.ApiException;
import dev.example.amazonmusic.albums.api.AlbumsApi;
import dev.example.amazonmusic.albums.api.LibraryApi;
import dev.example.amazonmusic.albums.model.Album;
import dev.example.amazonmusic.albums.model.ErrorResponse;
import dev.example.amazonmusic.albums.model.LibraryAlbumConnection;
import dev.example.amazonmusic.albums.model.LibraryAlbumEdge;
import dev.example.amazonmusic.albums.model.RemoveAlbumResult;
import dev.example.amazonmusic.albums.model.SaveAlbumResult;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

public class Smoke {
  public static void main(String[] args) throws Exception {
    ApiClient client = new ApiClient();
    client.updateBaseUri(System.getenv("ALBUMS_BASE_URL"));
    client.setRequestInterceptor(request -> request
        .header("x-api-key", System.getenv("ALBUMS_API_KEY"))
        .header("Authorization", "Bearer " + System.getenv("ALBUMS_ACCESS_TOKEN")));
    AlbumsApi albums = new AlbumsApi(client);
    LibraryApi library = new LibraryApi(client);

    System.out.println("album: " + albums.getAlbum("B0064UPU4G").getData().getAlbum().getTitle());

    List<Album> many = albums.getAlbums(List.of("B0064UPU4G", "B00D3PLC1K")).getData().getAlbums();
    System.out.println("albums: " + many.stream().map(a -> a.getId() + " " + a.getTitle()).collect(Collectors.joining(", ")));
    try {
      albums.getAlbums(List.of("not-an-id", "B0064UPU4G"));
      System.out.println("ids: bad first ID accepted");
    } catch (ApiException refused) {
      System.out.println("ids: bad first ID refused with " + refused.getCode());
    }

    LibraryAlbumConnection page = library.getLibraryAlbums(20, null).getData().getUser().getLibraryAlbums();
    String ids = page.getEdges().stream().map(LibraryAlbumEdge::getNode).map(n -> n.getId()).collect(Collectors.joining(", "));
    System.out.println("library: " + ids + " (hasNextPage " + page.getPageInfo().getHasNextPage() + ")");

    // saveState is an open set: a plain String, so a state Amazon adds later comes through as it is.
    SaveAlbumResult saved = library.saveLibraryAlbum("B091MTJT3P").getData().getSaveAlbum();
    System.out.println("save: " + saved.getAlbum().getId() + " " + saved.getSaveState());
    RemoveAlbumResult removed = library.removeLibraryAlbum("B091MTJT3P").getData().getRemoveAlbum();
    System.out.println("remove: " + removed.getAlbum().getId() + " " + removed.getSaveState());

    try {
      albums.getAlbum("B0064UPU4G", Map.of("Prefer", "code=404"));
      System.out.println("404: not raised");
    } catch (ApiException notFound) {
      ErrorResponse error = client.getObjectMapper().readValue(notFound.getResponseBody(), ErrorResponse.class);
      System.out.println("404: " + error.getError().getStatus() + " " + error.getError().getCode());
    }
  }
}
