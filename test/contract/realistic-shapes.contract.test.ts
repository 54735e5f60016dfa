// The published description no longer promises a UUID per library entry (or any other shape
// only Amazon's examples show), but our own mock is still held to those shapes: a mock that
// sent a non-UUID entry ID would be caught twice, by its own check of every answer and by the
// contract tests' check of what they receive.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAlbumsClient } from "../../src/index.ts";
import { startMock, type RunningMock, mockStartBudgetMs } from "../support/mock.ts";
import { realisticViolations } from "./support.ts";

describe("a mock that sends a non-UUID entry ID", () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock();
    // The provider, broken on purpose: every library entry comes with an ID of another shape.
    const provider = mock.mock.provider;
    if (!provider) throw new Error("the realistic mode has a provider");
    const handle = provider.handle.bind(provider);
    provider.handle = (request) => {
      const answer = handle(request);
      const connection = (answer.body as { data?: { user?: { libraryAlbums?: { edges: Array<{ objectId: string }> } } } }).data?.user?.libraryAlbums;
      for (const edge of connection?.edges ?? []) edge.objectId = "lib-entry-42";
      return answer;
    };
  }, mockStartBudgetMs);
  afterAll(() => mock.close());

  it("is caught by the mock's own check of its answers: a 500 that names the field", async () => {
    const client = createAlbumsClient({ apiKey: "amzn1.application.shapes", accessToken: "shapes-user", baseUrl: mock.url, retry: false });
    await client.saveLibraryAlbum("B0064UPU4G");
    const error = await client.getLibraryAlbums().catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "AlbumsApiError", status: 500, code: "INTERNAL" });
    expect((error as Error).message).toContain('Response body property data.user.libraryAlbums.edges.0.objectId must match format "uuid"');
  });

  it("is caught by the contract tests' check of what they receive", () => {
    const body = { data: { user: { id: "u0", libraryAlbums: { pageInfo: { hasNextPage: false }, edgeCount: 1, edges: [{ purchased: false, uploaded: false, node: { id: "B0064UPU4G" }, objectId: "lib-entry-42" }] } } } };
    expect(realisticViolations("getLibraryAlbums", "200", body)).toEqual(['/data/user/libraryAlbums/edges/0/objectId must match format "uuid" (format: "uuid")']);
    body.data.user.libraryAlbums.edges[0]!.objectId = "15e6a15f-4c2f-4b24-a2fd-286b37ad4fa3";
    expect(realisticViolations("getLibraryAlbums", "200", body)).toEqual([]);
  });
});
