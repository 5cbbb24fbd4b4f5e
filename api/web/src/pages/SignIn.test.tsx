import { fireEvent, render, screen } from '@testing-library/react';
import { SignIn } from './SignIn';
import { setToken } from '../lib/api';
import { answer } from '../test/answer';

type Reply = { status: number; body: unknown };

function serve(...replies: Reply[]) {
  const sent: unknown[] = [];
  vi.stubGlobal('fetch', vi.fn(async (_path: string, init?: RequestInit) => {
    sent.push(JSON.parse(String(init!.body)));
    const { status, body } = replies.shift()!;
    return answer(status, body);
  }));
  return sent;
}

function signIn(email: string, password: string) {
  fireEvent.change(screen.getByLabelText('E-mail'), { target: { value: email } });
  fireEvent.change(screen.getByLabelText('Password'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
}

afterEach(() => {
  vi.unstubAllGlobals();
  setToken(null);
});

describe('signing in', () => {
  it('asks for the second factor when the account has one, then signs in with it', async () => {
    const sent = serve(
      { status: 401, body: { title: 'A second factor is required: send totpCode.', status: 401 } },
      { status: 200, body: { accessToken: 'header.eyJzdWIiOiJ1XzEifQ.sig', refreshToken: 'r', expiresIn: 900 } },
    );
    const signedIn = vi.fn();
    render(<SignIn onSignedIn={signedIn} />);

    signIn('ana@example.com', 'correct horse battery');
    fireEvent.change(await screen.findByLabelText('Authenticator or backup code'), { target: { value: '123456' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    await vi.waitFor(() => expect(signedIn).toHaveBeenCalledOnce());
    expect(sent).toEqual([
      { email: 'ana@example.com', password: 'correct horse battery' },
      { email: 'ana@example.com', password: 'correct horse battery', totpCode: '123456' },
    ]);
  });

  it('shows why a sign-in failed and asks for nothing more', async () => {
    serve({ status: 401, body: { title: 'The e-mail or password is wrong.', status: 401 } });
    const signedIn = vi.fn();
    render(<SignIn onSignedIn={signedIn} />);

    signIn('ana@example.com', 'wrong');

    expect((await screen.findByRole('alert')).textContent).toBe('The e-mail or password is wrong.');
    expect(screen.queryByLabelText('Authenticator or backup code')).toBeNull();
    expect(signedIn).not.toHaveBeenCalled();
  });
});
