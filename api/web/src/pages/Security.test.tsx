import { fireEvent, render, screen } from '@testing-library/react';
import { Security } from './Security';
import { answer } from '../test/answer';

// The QR image is the library's business; the page must hand it the provisioning URI.
vi.mock('qrcode', () => ({ default: { toDataURL: vi.fn(async (text: string) => `data:text/plain,${encodeURIComponent(text)}`) } }));

const enrolment = {
  secret: 'JBSWY3DPEHPK3PXP',
  otpauthUri: 'otpauth://totp/Nija:ana%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=Nija',
  backupCodes: Array.from({ length: 10 }, (_, i) => `bk${i}-7f3a`),
};

function serve(confirm: { status: number; body: unknown }) {
  const posted: { path: string; body: unknown }[] = [];
  vi.stubGlobal('fetch', vi.fn(async (path: string, init?: RequestInit) => {
    posted.push({ path, body: init?.body ? JSON.parse(String(init.body)) : undefined });
    const { status, body } = path.endsWith('/enroll') ? { status: 200, body: enrolment } : confirm;
    return status === 204 ? new Response(null, { status })
      : answer(status, body);
  }));
  return posted;
}

async function enrolAndConfirm(code: string) {
  fireEvent.click(screen.getByRole('button', { name: 'Set up an authenticator app' }));
  fireEvent.change(await screen.findByLabelText('Code from the app'), { target: { value: code } });
  fireEvent.click(screen.getByRole('button', { name: 'Turn on' }));
}

afterEach(() => vi.unstubAllGlobals());

describe('two-factor enrolment', () => {
  it('shows the QR code of the provisioning URI, the key and the backup codes, and turns on with a code', async () => {
    const posted = serve({ status: 204, body: null });
    render(<Security />);

    await enrolAndConfirm('287082');

    expect((await screen.findByRole('status')).textContent).toBe('Two-factor authentication is on.');
    expect(decodeURIComponent((await screen.findByTestId('totp-qr')).getAttribute('src')!.slice('data:text/plain,'.length))).toBe(enrolment.otpauthUri);
    expect(screen.getByText('JBSWY3DPEHPK3PXP')).toBeTruthy();
    expect(screen.getAllByRole('listitem').map(li => li.textContent)).toEqual(enrolment.backupCodes);
    expect(posted).toEqual([{ path: '/api/v1/auth/2fa/enroll', body: undefined }, { path: '/api/v1/auth/2fa/confirm', body: { code: '287082' } }]);
  });

  it('says why a code was refused and stays off', async () => {
    serve({ status: 400, body: { title: 'code: the code does not match; check the device clock.', status: 400 } });
    render(<Security />);

    await enrolAndConfirm('000000');

    expect((await screen.findByRole('alert')).textContent).toBe('code: the code does not match; check the device clock.');
    expect(screen.queryByRole('status')).toBeNull();
  });
});
