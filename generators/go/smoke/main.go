// Smoke test of the generated Go client against the mock, or the drift server (ALBUMS_BASE_URL).
// Prints one line per check; an answer the client cannot decode ends it with the error.
package main

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"strings"

	"smoke/albums"
)

func main() {
	ctx := context.Background()
	credentials := func(_ context.Context, req *http.Request) error {
		req.Header.Set("x-api-key", os.Getenv("ALBUMS_API_KEY"))
		req.Header.Set("Authorization", "Bearer "+os.Getenv("ALBUMS_ACCESS_TOKEN"))
		return nil
	}
	client, err := albums.NewClientWithResponses(os.Getenv("ALBUMS_BASE_URL"), albums.WithRequestEditorFn(credentials))
	check(err)

	album, err := client.GetAlbumWithResponse(ctx, "B0064UPU4G")
	check(err)
	fmt.Printf("album: %s\n", album.JSON200.Data.Album.Title)

	many, err := client.GetAlbumsWithResponse(ctx, &albums.GetAlbumsParams{Ids: []string{"B0064UPU4G", "B00D3PLC1K"}})
	check(err)
	var listed []string
	for _, a := range many.JSON200.Data.Albums {
		listed = append(listed, a.Id+" "+a.Title)
	}
	fmt.Printf("albums: %s\n", strings.Join(listed, ", "))
	refused, err := client.GetAlbumsWithResponse(ctx, &albums.GetAlbumsParams{Ids: []string{"not-an-id", "B0064UPU4G"}})
	check(err)
	fmt.Printf("ids: bad first ID refused with %d\n", refused.StatusCode())

	limit := 20
	library, err := client.GetLibraryAlbumsWithResponse(ctx, &albums.GetLibraryAlbumsParams{Limit: &limit})
	check(err)
	page := library.JSON200.Data.User.LibraryAlbums
	var ids []string
	for _, edge := range page.Edges {
		ids = append(ids, edge.Node.Id)
	}
	fmt.Printf("library: %s (hasNextPage %t)\n", strings.Join(ids, ", "), page.PageInfo.HasNextPage)

	// SaveState is an open set: an alias of string, so a state Amazon adds later comes through as it is.
	saved, err := client.SaveLibraryAlbumWithResponse(ctx, "B091MTJT3P")
	check(err)
	fmt.Printf("save: %s %s\n", saved.JSON200.Data.SaveAlbum.Album.Id, saved.JSON200.Data.SaveAlbum.SaveState)
	removed, err := client.RemoveLibraryAlbumWithResponse(ctx, "B091MTJT3P")
	check(err)
	fmt.Printf("remove: %s %s\n", removed.JSON200.Data.RemoveAlbum.Album.Id, removed.JSON200.Data.RemoveAlbum.SaveState)

	prefer404 := func(_ context.Context, req *http.Request) error {
		req.Header.Set("Prefer", "code=404")
		return nil
	}
	missing, err := client.GetAlbumWithResponse(ctx, "B0064UPU4G", prefer404)
	check(err)
	if missing.JSON404 == nil {
		fail("expected a 404 ErrorResponse, got status %d", missing.StatusCode())
	}
	fmt.Printf("404: %s %s\n", missing.JSON404.Error.Status, missing.JSON404.Error.Code)
}

func check(err error) {
	if err != nil {
		fail("%v", err)
	}
}

func fail(format string, args ...any) {
	fmt.Fprintf(os.Stderr, format+"\n", args...)
	os.Exit(1)
}
