// Smoke test of the generated Kotlin client. Prints one line per check, the same as every language.
import dev.example.amazonmusic.albums.apis.AlbumsApi
import dev.example.amazonmusic.albums.apis.LibraryApi
import dev.example.amazonmusic.albums.infrastructure.ApiClient
import dev.example.amazonmusic.albums.infrastructure.ClientError
import dev.example.amazonmusic.albums.infrastructure.ClientException
import dev.example.amazonmusic.albums.infrastructure.Serializer
import dev.example.amazonmusic.albums.models.ErrorResponse
import okhttp3.OkHttpClient

/** An HTTP client that adds one header to every request: how to send what an operation does not declare. */
fun withHeader(name: String, value: String): OkHttpClient =
    OkHttpClient.Builder().addInterceptor { chain -> chain.proceed(chain.request().newBuilder().header(name, value).build()) }.build()

/** The error envelope of a 4xx: the generated exception keeps the body as a string. */
fun envelope(error: ClientException): ErrorResponse {
    val body = (error.response as ClientError<*>).body as String
    return Serializer.moshi.adapter(ErrorResponse::class.java).fromJson(body) ?: error("an empty error body")
}

fun main() {
    val baseUrl = System.getenv("ALBUMS_BASE_URL")
    // Both schemes on every request. The generated client keeps credentials in ApiClient's
    // companion object: one set per process.
    ApiClient.apiKey["x-api-key"] = System.getenv("ALBUMS_API_KEY")
    ApiClient.accessToken = System.getenv("ALBUMS_ACCESS_TOKEN")
    val albums = AlbumsApi(baseUrl)
    val library = LibraryApi(baseUrl)

    println("album: " + albums.getAlbum("B0064UPU4G").data.album.title)

    val many = albums.getAlbums(listOf("B0064UPU4G", "B00D3PLC1K")).data.albums
    println("albums: " + many.joinToString(", ") { "${it.id} ${it.title}" })
    try {
        albums.getAlbums(listOf("not-an-id", "B0064UPU4G"))
        println("ids: bad first ID accepted")
    } catch (refused: ClientException) {
        println("ids: bad first ID refused with ${refused.statusCode}")
    }

    val page = library.getLibraryAlbums(20, null).data.user.libraryAlbums
    println("library: " + page.edges.joinToString(", ") { it.node.id } + " (hasNextPage ${page.pageInfo.hasNextPage})")

    val saved = library.saveLibraryAlbum("B091MTJT3P").data.saveAlbum
    println("save: ${saved.album.id} ${saved.saveState}")
    val removed = library.removeLibraryAlbum("B091MTJT3P").data.removeAlbum
    println("remove: ${removed.album.id} ${removed.saveState}")

    try {
        AlbumsApi(baseUrl, withHeader("Prefer", "code=404")).getAlbum("B0064UPU4G")
        println("404: not raised")
    } catch (notFound: ClientException) {
        val error = envelope(notFound).error
        check(notFound.statusCode == 404) { "HTTP ${notFound.statusCode}" }
        println("404: ${error.status} ${error.code}")
    }
}
