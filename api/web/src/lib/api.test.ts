import { problemMessage, readProblem } from './api';

describe('API errors show the problem, never a blank page', () => {
  it('uses the problem title and the first field error', () => {
    expect(problemMessage({ title: 'The request is not valid.', status: 400, errors: { sizeUsd: ['sizeUsd must be positive.'] } }))
      .toBe('The request is not valid. sizeUsd: sizeUsd must be positive.');
    expect(problemMessage({ title: 'The order was rejected by the MaxPositionSize rule.', status: 422 })).toBe('The order was rejected by the MaxPositionSize rule.');
  });

  it('reads an RFC 7807 body, and falls back to the status line when the body is not one', async () => {
    const problem = new Response(JSON.stringify({ title: 'Not found.', status: 404 }), { status: 404, headers: { 'Content-Type': 'application/problem+json' } });
    const html = new Response('<html>oops</html>', { status: 502, statusText: 'Bad Gateway' });

    expect(await readProblem(problem)).toMatchObject({ title: 'Not found.', status: 404 });
    expect(await readProblem(html)).toMatchObject({ title: '502 Bad Gateway', status: 502 });
  });
});
