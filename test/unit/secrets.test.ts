// No error the client produces may show the API key or the token, however it is printed.
import { describe, expect, it } from "vitest";
import { createAlbumsClient } from "../../src/index.ts";
import { json, recordingFetch } from "./support/recording-fetch.ts";

const apiKey = "amzn1.application.secret0key0that0must0not0leak";
const accessToken = "Atza|secret-token-that-must-not-leak";

function printed(error: unknown): string {
  const e = error as Error;
  return [e.message, String(e), JSON.stringify(e), e.stack ?? "", JSON.stringify(Object.entries(e))].join("\n");
}

describe("errors never contain the credentials", () => {
  it.each([
    ["an API error", () => json({ error: { status: "401", code: "INVALID_ACCESS_TOKEN", message: "Expired." } }, 401)],
    ["an HTML error page", () => new Response("<html>502</html>", { status: 502, headers: { "content-type": "text/html" } })],
    ["a network failure", () => Promise.reject(new TypeError("fetch failed"))],
  ] as const)("%s", async (_, answer) => {
    const { fetch } = recordingFetch(answer);
    const client = createAlbumsClient({ apiKey, accessToken, fetch });
    const errors = await Promise.all([
      client.getAlbum("B0064UPU4G").catch((e: unknown) => e),
      client.getLibraryAlbums({ limit: 5 }).catch((e: unknown) => e),
    ]);
    for (const error of errors) {
      expect(error).toBeInstanceOf(Error);
      expect(printed(error)).not.toContain(apiKey);
      expect(printed(error)).not.toContain(accessToken);
    }
  });

  it("bad input", async () => {
    const { fetch } = recordingFetch(() => json({}));
    const client = createAlbumsClient({ apiKey, accessToken, fetch });
    const error = await client.getAlbum("bad").catch((e: unknown) => e);
    expect(printed(error)).not.toContain(apiKey);
    expect(printed(error)).not.toContain(accessToken);
  });
});
