import { useEffect, useState, type ReactElement } from 'react';
import { claims, setToken } from './lib/api';
import { SignIn } from './pages/SignIn';
import { Register } from './pages/Register';
import { Onboarding } from './pages/Onboarding';
import { Dashboard } from './pages/Dashboard';
import { Billing } from './pages/Billing';
import { Admin } from './pages/Admin';
import { Cluster } from './pages/Cluster';
import { SettingsPage } from './pages/Settings';
import { Security } from './pages/Security';
import { Risk } from './pages/Risk';
import { Backtests } from './pages/Backtests';
import { FounderRecords } from './pages/FounderRecords';

const pages: Record<string, { title: string; admin?: boolean; render: () => ReactElement }> = {
  dashboard: { title: 'Dashboard', render: () => <Dashboard /> },
  onboarding: { title: 'Getting started', render: () => <Onboarding /> },
  risk: { title: 'Risk', render: () => <Risk /> },
  backtests: { title: 'Backtests', render: () => <Backtests /> },
  settings: { title: 'Settings', render: () => <SettingsPage /> },
  security: { title: 'Security', render: () => <Security /> },
  billing: { title: 'Billing', render: () => <Billing /> },
  admin: { title: 'Founder', admin: true, render: () => <Admin /> },
  records: { title: 'Records', admin: true, render: () => <FounderRecords /> },
  cluster: { title: 'Cluster', admin: true, render: () => <Cluster /> },
};

function useHash() {
  const [hash, setHash] = useState(window.location.hash);
  useEffect(() => {
    const on = () => setHash(window.location.hash);
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return hash.replace(/^#\/?/, '');
}

/** The shell: navigation by hash, the theme switch, and the signed-in pages. */
export function App() {
  const route = useHash();
  const [, rerender] = useState(0);
  const [theme, setTheme] = useState(() => localStorage.getItem('nija.theme') ?? (window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'));
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    localStorage.setItem('nija.theme', theme);
  }, [theme]);

  const me = claims();
  const isAdmin = me?.role === 'Admin';
  const page = pages[route] ?? pages.dashboard;
  return (
    <>
      <a className="skip" href="#main">Skip to content</a>
      <header className="top">
        <strong>Nija</strong>
        {me && (
          <nav aria-label="Main">
            {Object.entries(pages).filter(([, p]) => !p.admin || isAdmin).map(([key, p]) => (
              <a key={key} href={`#/${key}`} aria-current={page === p ? 'page' : undefined}>{p.title}</a>
            ))}
          </nav>
        )}
        <span className="spacer" />
        <button onClick={() => setTheme(theme === 'dark' ? 'light' : 'dark')} aria-label={`Switch to ${theme === 'dark' ? 'light' : 'dark'} theme`}>{theme === 'dark' ? '☀' : '☾'}</button>
        {me && <span className="muted">{me.email}{me.act && ' (read-only)'}</span>}
        {me?.act && <button onClick={() => { setToken(sessionStorage.getItem('nija.founderToken')); sessionStorage.removeItem('nija.founderToken'); window.location.hash = '#/admin'; rerender(n => n + 1); }}>Back to founder</button>}
        {me && <button onClick={() => { setToken(null); window.location.hash = '#/'; rerender(n => n + 1); }}>Sign out</button>}
      </header>
      <main id="main">
        {!me ? (route === 'register' ? <Register /> : <SignIn onSignedIn={() => { window.location.hash = '#/dashboard'; rerender(n => n + 1); }} />)
          : page.admin && !isAdmin ? <p role="alert">This page is for the founder.</p>
          : <><h1>{page.title}</h1>{page.render()}</>}
      </main>
    </>
  );
}
