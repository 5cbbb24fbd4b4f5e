/** What the API answers: JSON, or problem+json from 400 up (the shape every page must handle). */
export function answer(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': status < 400 ? 'application/json' : 'application/problem+json' } });
}

/** Answers every request with `status` and `body`, and returns the JSON bodies the page sent, in order. */
export function serveEach(status: number, body: unknown): unknown[] {
  const sent: unknown[] = [];
  vi.stubGlobal('fetch', vi.fn(async (_path: string, init?: RequestInit) => {
    sent.push(JSON.parse(String(init!.body)));
    return answer(status, body);
  }));
  return sent;
}
