// Smoke program of the Go client OpenAPI Generator writes with go: the calls of
// test/support/client-smoke.ts, against the mock or the drift server (ALBUMS_BASE_URL). Prints one
// line per call; an answer the client cannot decode ends it with the error.
package main

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"strings"

	"example.dev/amazonmusic/albums"
)

func main() {
	configuration := albums.NewConfiguration()
	configuration.Servers = albums.ServerConfigurations{{URL: os.Getenv("ALBUMS_BASE_URL")}}
	client := albums.NewAPIClient(configuration)
	// The client's own credentials, in the context of each call: the API key under the apiKey
	// scheme's name (sent as x-api-key), the token as ContextAccessToken (`Authorization: Bearer`).
	ctx := context.WithValue(context.Background(), albums.ContextAPIKeys, map[string]albums.APIKey{"apiKey": {Key: os.Getenv("ALBUMS_API_KEY")}})
	ctx = context.WithValue(ctx, albums.ContextAccessToken, os.Getenv("ALBUMS_ACCESS_TOKEN"))

	album, _, err := client.AlbumsAPI.GetAlbum(ctx, "B0064UPU4G").Execute()
	check(err)
	fmt.Printf("album: %s, %d s\n", album.Data.Album.Title, album.Data.Album.GetDuration())

	// `ids` is one string: the IDs joined with commas.
	two, _, err := client.AlbumsAPI.GetAlbums(ctx).Ids(strings.Join([]string{"B0064UPU4G", "B00D3PLC1K"}, ",")).Execute()
	check(err)
	var listed []string
	for _, one := range two.Data.Albums {
		listed = append(listed, one.Id+" "+one.Title)
	}
	fmt.Printf("albums: %s\n", strings.Join(listed, ", "))

	var saves []string
	for _, id := range []string{"B091MTJT3P", "B00D3PLC1K", "B0064UPU4G"} {
		saved, _, err := client.LibraryAPI.SaveLibraryAlbum(ctx, id).Execute()
		check(err)
		saves = append(saves, saved.Data.SaveAlbum.Album.Id+" "+saved.Data.SaveAlbum.SaveState)
	}
	fmt.Printf("save: %s\n", strings.Join(saves, ", "))

	first, _, err := client.LibraryAPI.GetLibraryAlbums(ctx).Limit(2).Execute()
	check(err)
	page := first.Data.User.LibraryAlbums
	fmt.Printf("page 1: %s (hasNextPage %t)\n", nodeIDs(page), page.PageInfo.HasNextPage)
	next := client.LibraryAPI.GetLibraryAlbums(ctx).Limit(2)
	if token, ok := page.PageInfo.GetTokenOk(); ok {
		next = next.Cursor(*token)
	}
	second, _, err := next.Execute()
	check(err)
	page = second.Data.User.LibraryAlbums
	fmt.Printf("page 2: %s (hasNextPage %t)\n", nodeIDs(page), page.PageInfo.HasNextPage)

	removed, _, err := client.LibraryAPI.RemoveLibraryAlbum(ctx, "B091MTJT3P").Execute()
	check(err)
	fmt.Printf("remove: %s %s\n", removed.Data.RemoveAlbum.Album.Id, removed.Data.RemoveAlbum.SaveState)

	for _, id := range []string{"B000000000", "B00000B502", "B00000B503"} {
		_, response, err := client.AlbumsAPI.GetAlbum(ctx, id).Execute()
		fmt.Printf("%s: %s\n", id, failure(response, err))
	}
}

// failure says `<status> <code>` of a failed call. Any status outside 2xx is a
// *GenericOpenAPIError whose Model() is the decoded ErrorResponse, for every listed status and
// for `default`; it is nil when the body is not the envelope (a gateway's HTML page: `-`).
func failure(response *http.Response, err error) string {
	var apiError *albums.GenericOpenAPIError
	if response == nil || !errors.As(err, &apiError) {
		return fmt.Sprintf("not a GenericOpenAPIError with a response: %v", err)
	}
	if envelope, ok := apiError.Model().(albums.ErrorResponse); ok {
		return fmt.Sprintf("%d %s", response.StatusCode, envelope.Error.Code)
	}
	return fmt.Sprintf("%d -", response.StatusCode)
}

func nodeIDs(page albums.LibraryAlbumConnection) string {
	var ids []string
	for _, edge := range page.Edges {
		ids = append(ids, edge.Node.Id)
	}
	return strings.Join(ids, ", ")
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
