/** What the API answers: JSON, or problem+json from 400 up (the shape every page must handle). */
export function answer(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': status < 400 ? 'application/json' : 'application/problem+json' } });
}
