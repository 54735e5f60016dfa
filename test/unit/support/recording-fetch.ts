// A fetch for unit tests: records every request it is given (and when, by Date.now(), which a
// fake clock controls) and answers from a function.
export interface RecordingFetch {
  fetch: (request: Request) => Promise<Response>;
  requests: Request[];
  /** Date.now() at each request. */
  sentAt: number[];
  /** Resolves once the fetch has been called `count` times: a test awaits the request instead of guessing how long it takes. */
  requested(count?: number): Promise<void>;
}

export function recordingFetch(answer: (request: Request) => Response | Promise<Response>): RecordingFetch {
  const requests: Request[] = [];
  const sentAt: number[] = [];
  const waiting: Array<{ count: number; resolve: () => void }> = [];
  return {
    requests,
    sentAt,
    requested: (count = 1) =>
      new Promise((resolve) => {
        if (requests.length >= count) resolve();
        else waiting.push({ count, resolve });
      }),
    fetch: async (request) => {
      requests.push(request);
      sentAt.push(Date.now());
      for (const waiter of waiting.filter(({ count }) => requests.length >= count)) waiter.resolve();
      return answer(request);
    },
  };
}

/** Answers with each function in turn, the last one for every request after. */
export function inTurn(...answers: Array<(request: Request) => Response | Promise<Response>>): (request: Request) => Response | Promise<Response> {
  let next = 0;
  return (request) => (answers[Math.min(next++, answers.length - 1)] as (request: Request) => Response | Promise<Response>)(request);
}

/** Never answers: rejects with the signal's reason once the request's signal aborts, as fetch does. */
export function untilAborted(request: Request): Promise<Response> {
  return new Promise((_, reject) => {
    if (request.signal.aborted) reject(request.signal.reason);
    request.signal.addEventListener("abort", () => reject(request.signal.reason), { once: true });
  });
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });
}

/** The API's error envelope. */
export function apiError(status: number, code: string, headers: Record<string, string> = {}): Response {
  return json({ error: { status: String(status), code, message: `${code} from the test.` } }, status, headers);
}

export const credentials = { apiKey: "amzn1.application.0123456789abcdef", accessToken: "Atza|unit-test-token" };

export const album = { id: "B0064UPU4G", title: "Discovery", url: "https://music.amazon.com/albums/B0064UPU4G" };
