// The TypeScript client against the mock: `npm start` in one terminal, `npm run example` in another.
import { AlbumsApiError, createAlbumsClient } from "amazon-music-albums-v1";

const albums = createAlbumsClient({ apiKey: "amzn1.application.example", accessToken: "my-user", baseUrl: "http://127.0.0.1:4010" });

const album = await albums.getAlbum("B0064UPU4G");
console.log(album.title, album.trackCount); // Discovery 14

await albums.saveLibraryAlbum("B00D3PLC1K");
for await (const edge of albums.iterateLibraryAlbums()) console.log("in my library:", edge.node.id, edge.node.title);

try {
  await albums.getAlbum("B000000000");
} catch (error) {
  if (error instanceof AlbumsApiError) console.log(error.status, error.code); // 404 RESOURCE_NOT_FOUND
  else throw error;
}
