import { useState, type FormEvent } from 'react';
import { api, ApiError, setToken } from '../lib/api';
import { ErrorBanner } from '../components/Status';

/** Sign in; asks for the authenticator (or backup) code when the account has 2FA. */
export function SignIn({ onSignedIn }: { onSignedIn: () => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [needsTotp, setNeedsTotp] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      const tokens = await api<{ accessToken: string }>('/api/v1/auth/login', { body: { email, password, totpCode: needsTotp ? totp : undefined } });
      setToken(tokens.accessToken);
      onSignedIn();
    } catch (err) {
      if (err instanceof ApiError && err.problem.status === 401 && err.problem.title.includes('second factor')) setNeedsTotp(true);
      setError(err instanceof Error ? err.message : String(err));
    }
  }

  return (
    <form className="panel narrow" onSubmit={submit} aria-label="Sign in">
      <h2>Sign in</h2>
      <ErrorBanner error={error} />
      <label>E-mail <input type="email" autoComplete="username" value={email} onChange={e => setEmail(e.target.value)} required /></label>
      <label>Password <input type="password" autoComplete="current-password" value={password} onChange={e => setPassword(e.target.value)} required /></label>
      {needsTotp && <label>Authenticator or backup code <input inputMode="numeric" autoComplete="one-time-code" value={totp} onChange={e => setTotp(e.target.value)} required /></label>}
      <button type="submit">Sign in</button>
      <p><a href="#/register">Register with an invitation</a></p>
    </form>
  );
}
