// A client of the stateful stack, as a user of its own (each bearer token has its own library)
// and with an API key of its own (each key has its own rate limit), recording every answer.
import { randomUUID } from "node:crypto";
import { inject } from "vitest";
import { createCatalog } from "../../mock/catalog.ts";
import { defaultProviderOptions } from "../../mock/provider.ts";
import { createAlbumsClient, type AlbumsClientOptions } from "../../src/index.ts";

export function stackClient(options: Partial<AlbumsClientOptions> = {}) {
  const statuses: number[] = [];
  const client = createAlbumsClient({
    apiKey: `amzn1.application.${randomUUID()}`,
    accessToken: `user-${randomUUID()}`,
    baseUrl: inject("statefulUrl"),
    fetch: async (request) => {
      const response = await fetch(request);
      statuses.push(response.status);
      return response;
    },
    ...options,
  });
  return { client, statuses };
}

/** The provider's catalog, as its defaults make it: album IDs to save. */
export const catalog = createCatalog({ seed: defaultProviderOptions.seed, generated: defaultProviderOptions.generatedAlbums });
