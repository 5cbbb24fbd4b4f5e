import { fireEvent, render, screen } from '@testing-library/react';
import { Register } from './Register';
import { serveEach as serve } from '../test/answer';

function register() {
  fireEvent.change(screen.getByLabelText('E-mail'), { target: { value: 'ben@example.com' } });
  fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'a long enough password' } });
  fireEvent.change(screen.getByLabelText('Invitation code'), { target: { value: 'INV-7Q2' } });
  fireEvent.click(screen.getByRole('button', { name: 'Register' }));
}

afterEach(() => vi.unstubAllGlobals());

describe('registering with an invitation', () => {
  it('sends the form and points to the verification e-mail', async () => {
    const sent = serve(201, { userId: 'u_2' });
    render(<Register />);

    register();

    expect((await screen.findByRole('status')).textContent).toContain('Check your e-mail for the verification code');
    expect(sent).toEqual([{ email: 'ben@example.com', password: 'a long enough password', invitationCode: 'INV-7Q2' }]);
  });

  it('keeps the form and says why an invitation was refused', async () => {
    serve(400, { title: 'invitationCode: the invitation has expired.', status: 400 });
    render(<Register />);

    register();

    expect((await screen.findByRole('alert')).textContent).toBe('invitationCode: the invitation has expired.');
    expect((screen.getByLabelText('Invitation code') as HTMLInputElement).value).toBe('INV-7Q2');
  });
});
