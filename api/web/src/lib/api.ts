// The API client: bearer token, JSON, and RFC 7807 problems turned into errors whose message is the problem's title.

export interface Problem {
  title: string;
  status: number;
  detail?: string;
  errors?: Record<string, string[]>;
}

export class ApiError extends Error {
  constructor(public readonly problem: Problem) {
    super(problemMessage(problem));
  }
}

/** The sentence to show for a problem: its title, and the first field error when there is one. */
export function problemMessage(problem: Problem): string {
  const field = problem.errors ? Object.entries(problem.errors)[0] : undefined;
  return field ? `${problem.title} ${field[0]}: ${field[1][0]}` : problem.title;
}

export async function readProblem(response: Response): Promise<Problem> {
  try {
    const body = await response.json();
    if (body && typeof body.title === 'string') return { title: body.title, status: body.status ?? response.status, detail: body.detail, errors: body.errors };
  } catch {
    // not JSON: fall through to the status line
  }
  return { title: `${response.status} ${response.statusText || 'error'}`, status: response.status };
}

let token: string | null = sessionStorage.getItem('nija.token');

export function setToken(value: string | null) {
  token = value;
  if (value) sessionStorage.setItem('nija.token', value);
  else sessionStorage.removeItem('nija.token');
}

export function getToken() {
  return token;
}

export async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const headers: Record<string, string> = {};
  if (token) headers.Authorization = `Bearer ${token}`;
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, { method: init.method ?? (init.body === undefined ? 'GET' : 'POST'), headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
  if (!response.ok) throw new ApiError(await readProblem(response));
  if (response.status === 204 || response.status === 202) return undefined as T;
  return (await response.json()) as T;
}

/** The signed-in user's claims, read from the JWT (for display and routing only; the API decides). */
export function claims(): { sub: string; email: string; role: string; act?: string } | null {
  if (!token) return null;
  try {
    const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(atob(payload));
  } catch {
    return null;
  }
}
