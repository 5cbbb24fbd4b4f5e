import { fireEvent, render, screen } from '@testing-library/react';
import { Onboarding } from './Onboarding';
import { answer } from '../test/answer';

const status = (step: string, progressPercent: number, nextStep: string | null) => ({ step, progressPercent, nextStep });

function serve(statuses: unknown[], refuse?: string) {
  const posted: { path: string; body: unknown }[] = [];
  vi.stubGlobal('fetch', vi.fn(async (path: string, init?: RequestInit) => {
    const reply = (code: number, value: unknown) =>
      answer(code, value);
    if (path === '/api/v1/onboarding/status') return reply(200, statuses.length > 1 ? statuses.shift() : statuses[0]);
    posted.push({ path, body: init?.body ? JSON.parse(String(init.body)) : undefined });
    return refuse ? reply(400, { title: refuse, status: 400 }) : new Response(null, { status: 204 });
  }));
  return posted;
}

afterEach(() => vi.unstubAllGlobals());

describe('the onboarding wizard', () => {
  it('shows the step and its progress, and moves on once the e-mail is verified', async () => {
    const posted = serve([status('registered', 20, 'emailVerified'), status('emailVerified', 40, 'brokerConnected')]);
    render(<Onboarding />);

    expect((await screen.findByRole('progressbar', { name: 'Onboarding progress' })).getAttribute('aria-valuenow')).toBe('20');
    fireEvent.change(screen.getByLabelText('Verification code from your e-mail'), { target: { value: '482913' } });
    fireEvent.click(screen.getByRole('button', { name: 'Verify e-mail' }));

    expect(await screen.findByRole('button', { name: 'Connect the paper exchange' })).toBeTruthy();
    expect(screen.getByTestId('onboarding-step').textContent).toBe('emailVerified');
    expect(posted).toEqual([{ path: '/api/v1/onboarding/verify-email', body: { code: '482913' } }]);
  });

  it('keeps the step and shows the problem title when a code is refused', async () => {
    serve([status('registered', 20, 'emailVerified')], 'code: the verification code is wrong or expired.');
    render(<Onboarding />);

    fireEvent.change(await screen.findByLabelText('Verification code from your e-mail'), { target: { value: '000000' } });
    fireEvent.click(screen.getByRole('button', { name: 'Verify e-mail' }));

    expect((await screen.findByRole('alert')).textContent).toBe('code: the verification code is wrong or expired.');
    expect(screen.getByTestId('onboarding-step').textContent).toBe('registered');
  });

  it('ends with a link to the dashboard once active', async () => {
    serve([status('active', 100, null)]);
    render(<Onboarding />);

    expect((await screen.findByRole('link', { name: 'Go to the dashboard' })).getAttribute('href')).toBe('#/dashboard');
  });
});
