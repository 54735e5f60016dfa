// Smoke program of the generated Kotlin client, against the mock or the drift server
// (ALBUMS_BASE_URL): the calls of every language's smoke program, one line each. An answer the
// client cannot decode ends it with an exception.
import com.squareup.moshi.JsonDataException
import dev.example.amazonmusic.albums.apis.AlbumsApi
import dev.example.amazonmusic.albums.apis.LibraryApi
import dev.example.amazonmusic.albums.infrastructure.ApiClient
import dev.example.amazonmusic.albums.infrastructure.ClientError
import dev.example.amazonmusic.albums.infrastructure.ClientException
import dev.example.amazonmusic.albums.infrastructure.ServerError
import dev.example.amazonmusic.albums.infrastructure.ServerException
import dev.example.amazonmusic.albums.infrastructure.Serializer
import dev.example.amazonmusic.albums.models.ErrorResponse
import dev.example.amazonmusic.albums.models.LibraryAlbumConnection
import java.io.IOException

fun page(page: LibraryAlbumConnection): String =
    page.edges.joinToString(", ") { it.node.id } + " (hasNextPage ${page.pageInfo.hasNextPage})"

/**
 * The error envelope's code, or "-" when the body is not one (a gateway's HTML page). A 4xx is a
 * ClientException, a 5xx a ServerException; both keep the body as a string.
 */
fun code(body: Any?): String = try {
    Serializer.moshi.adapter(ErrorResponse::class.java).fromJson(body as String)?.error?.code ?: "-"
} catch (notJson: IOException) {
    "-"
} catch (notAnEnvelope: JsonDataException) {
    "-"
}

fun failure(call: () -> Any): String = try {
    call()
    "no error"
} catch (failed: ClientException) {
    "${failed.statusCode} ${code((failed.response as ClientError<*>).body)}"
} catch (failed: ServerException) {
    "${failed.statusCode} ${code((failed.response as ServerError<*>).body)}"
}

fun main() {
    val baseUrl = System.getenv("ALBUMS_BASE_URL")
    // Both schemes on every request. The generated client keeps credentials in ApiClient's
    // companion object: one set per process.
    ApiClient.apiKey["x-api-key"] = System.getenv("ALBUMS_API_KEY")
    ApiClient.accessToken = System.getenv("ALBUMS_ACCESS_TOKEN")
    val albums = AlbumsApi(baseUrl)
    val library = LibraryApi(baseUrl)

    val album = albums.getAlbum("B0064UPU4G").data.album
    println("album: ${album.title}, ${album.duration} s")

    // `ids` is one string: the caller joins the IDs with commas.
    val two = albums.getAlbums(listOf("B0064UPU4G", "B00D3PLC1K").joinToString(",")).data.albums
    println("albums: " + two.joinToString(", ") { "${it.id} ${it.title}" })

    // saveState is an open set: a plain String, so a state the API adds later comes through as it is.
    val saves = listOf("B091MTJT3P", "B00D3PLC1K", "B0064UPU4G").map { library.saveLibraryAlbum(it).data.saveAlbum }
    println("save: " + saves.joinToString(", ") { "${it.album.id} ${it.saveState}" })

    val first = library.getLibraryAlbums(2, null).data.user.libraryAlbums
    println("page 1: " + page(first))
    // The token goes back unchanged: the client encodes it in the query.
    val second = library.getLibraryAlbums(2, first.pageInfo.token).data.user.libraryAlbums
    println("page 2: " + page(second))

    val removed = library.removeLibraryAlbum("B091MTJT3P").data.removeAlbum
    println("remove: ${removed.album.id} ${removed.saveState}")

    for (id in listOf("B000000000", "B00000B502", "B00000B503")) println("$id: " + failure { albums.getAlbum(id) })
}
