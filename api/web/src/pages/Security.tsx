import { useEffect, useState } from 'react';
import QRCode from 'qrcode';
import { api } from '../lib/api';
import { ErrorBanner } from '../components/Status';

interface Enrolment { secret: string; otpauthUri: string; backupCodes: string[] }

/** Two-factor enrolment: a QR code for the authenticator app, the backup codes (shown once), and the first code to turn it on. */
export function Security() {
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [qr, setQr] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [state, setState] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (enrolment) void QRCode.toDataURL(enrolment.otpauthUri, { margin: 1, width: 200 }).then(setQr);
  }, [enrolment]);

  async function run(action: () => Promise<void>) {
    try {
      await action();
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  return (
    <section className="panel" aria-label="Two-factor authentication">
      <h2>Two-factor authentication</h2>
      <ErrorBanner error={error} />
      {!enrolment && <button onClick={() => void run(async () => setEnrolment(await api<Enrolment>('/api/v1/auth/2fa/enroll', { method: 'POST' })))}>Set up an authenticator app</button>}
      {enrolment && (
        <div className="stack">
          {qr && <img src={qr} alt="QR code for your authenticator app" width={200} height={200} data-testid="totp-qr" />}
          <p>Or enter this key: <code>{enrolment.secret}</code></p>
          <p>Backup codes (each works once; keep them somewhere safe):</p>
          <ul className="codes">{enrolment.backupCodes.map(c => <li key={c}><code>{c}</code></li>)}</ul>
          <form className="row" onSubmit={e => { e.preventDefault(); void run(async () => { await api('/api/v1/auth/2fa/confirm', { body: { code } }); setState('Two-factor authentication is on.'); }); }}>
            <label>Code from the app <input inputMode="numeric" autoComplete="one-time-code" value={code} onChange={e => setCode(e.target.value)} required /></label>
            <button type="submit">Turn on</button>
          </form>
        </div>
      )}
      {state && <p role="status">{state}</p>}
    </section>
  );
}
