// Smoke program of the generated Java client (okhttp-gson, the generator's default library),
// against the mock or the drift server (ALBUMS_BASE_URL): the calls of every language's smoke
// program, one line each. An answer the client cannot decode ends it with an exception.
import com.google.gson.JsonParseException;
import dev.example.amazonmusic.albums.ApiClient;
import dev.example.amazonmusic.albums.ApiException;
import dev.example.amazonmusic.albums.api.AlbumsApi;
import dev.example.amazonmusic.albums.api.LibraryApi;
import dev.example.amazonmusic.albums.auth.ApiKeyAuth;
import dev.example.amazonmusic.albums.auth.HttpBearerAuth;
import dev.example.amazonmusic.albums.model.Album;
import dev.example.amazonmusic.albums.model.ErrorResponse;
import dev.example.amazonmusic.albums.model.LibraryAlbumConnection;
import dev.example.amazonmusic.albums.model.RemoveAlbumResult;
import dev.example.amazonmusic.albums.model.SaveAlbumResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

public class Smoke {
  public static void main(String[] args) throws Exception {
    ApiClient client = new ApiClient();
    client.setBasePath(System.getenv("ALBUMS_BASE_URL"));
    // Each scheme by its name in the description: the client sends both on every operation.
    ((ApiKeyAuth) client.getAuthentication("apiKey")).setApiKey(System.getenv("ALBUMS_API_KEY"));
    ((HttpBearerAuth) client.getAuthentication("loginWithAmazon")).setBearerToken(System.getenv("ALBUMS_ACCESS_TOKEN"));
    AlbumsApi albums = new AlbumsApi(client);
    LibraryApi library = new LibraryApi(client);

    Album album = albums.getAlbum("B0064UPU4G").getData().getAlbum();
    System.out.println("album: " + album.getTitle() + ", " + album.getDuration() + " s");

    // `ids` is one string: the caller joins the IDs with commas.
    List<Album> two = albums.getAlbums(String.join(",", "B0064UPU4G", "B00D3PLC1K")).getData().getAlbums();
    System.out.println("albums: " + two.stream().map(one -> one.getId() + " " + one.getTitle()).collect(Collectors.joining(", ")));

    List<SaveAlbumResult> saves = new ArrayList<>();
    for (String id : List.of("B091MTJT3P", "B00D3PLC1K", "B0064UPU4G")) saves.add(library.saveLibraryAlbum(id).getData().getSaveAlbum());
    // saveState is an open set: a plain String, so a state the API adds later comes through as it is.
    System.out.println("save: " + saves.stream().map(saved -> saved.getAlbum().getId() + " " + saved.getSaveState()).collect(Collectors.joining(", ")));

    LibraryAlbumConnection first = library.getLibraryAlbums(2, null).getData().getUser().getLibraryAlbums();
    System.out.println("page 1: " + page(first));
    // The token goes back unchanged: the client encodes it in the query.
    LibraryAlbumConnection second = library.getLibraryAlbums(2, first.getPageInfo().getToken()).getData().getUser().getLibraryAlbums();
    System.out.println("page 2: " + page(second));

    RemoveAlbumResult removed = library.removeLibraryAlbum("B091MTJT3P").getData().getRemoveAlbum();
    System.out.println("remove: " + removed.getAlbum().getId() + " " + removed.getSaveState());

    for (String id : List.of("B000000000", "B00000B502", "B00000B503")) {
      try {
        albums.getAlbum(id);
        System.out.println(id + ": no error");
      } catch (ApiException failed) {
        System.out.println(id + ": " + failed.getCode() + " " + code(failed));
      }
    }
  }

  static String page(LibraryAlbumConnection page) {
    String ids = page.getEdges().stream().map(edge -> edge.getNode().getId()).collect(Collectors.joining(", "));
    return ids + " (hasNextPage " + page.getPageInfo().getHasNextPage() + ")";
  }

  /** The error envelope's code, or "-" when the body is not one (a gateway's HTML page). */
  static String code(ApiException failed) {
    // Every status outside 2xx is an ApiException whose body is the raw text: the model's own
    // fromJson reads it, and checks that it is an envelope.
    try {
      return ErrorResponse.fromJson(failed.getResponseBody()).getError().getCode();
    } catch (IOException | JsonParseException notAnEnvelope) {
      return "-";
    }
  }
}
