import { useState, type FormEvent } from 'react';
import { api } from '../lib/api';
import { ErrorBanner } from '../components/Status';

/** Registration with an invitation code; then the user signs in. */
export function Register() {
  const [form, setForm] = useState({ email: '', password: '', invitationCode: '' });
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      await api('/api/v1/auth/register', { body: form });
      setDone(true);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }

  if (done) return <div className="panel narrow" role="status"><h2>Registered</h2><p>Check your e-mail for the verification code, then <a href="#/">sign in</a>.</p></div>;
  return (
    <form className="panel narrow" onSubmit={submit} aria-label="Register">
      <h2>Register</h2>
      <ErrorBanner error={error} />
      <label>E-mail <input type="email" value={form.email} onChange={e => setForm({ ...form, email: e.target.value })} required /></label>
      <label>Password <input type="password" autoComplete="new-password" value={form.password} onChange={e => setForm({ ...form, password: e.target.value })} required /></label>
      <label>Invitation code <input value={form.invitationCode} onChange={e => setForm({ ...form, invitationCode: e.target.value })} required /></label>
      <button type="submit">Register</button>
    </form>
  );
}
