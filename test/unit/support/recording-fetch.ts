// A fetch for unit tests: records every request it is given and answers from a function.
export interface RecordingFetch {
  fetch: (request: Request) => Promise<Response>;
  requests: Request[];
}

export function recordingFetch(answer: (request: Request) => Response | Promise<Response>): RecordingFetch {
  const requests: Request[] = [];
  return {
    requests,
    fetch: async (request) => {
      requests.push(request);
      return answer(request);
    },
  };
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });
}

export const credentials = { apiKey: "amzn1.application.0123456789abcdef", accessToken: "Atza|unit-test-token" };

export const album = { id: "B0064UPU4G", title: "Discovery", url: "https://music.amazon.com/albums/B0064UPU4G" };
