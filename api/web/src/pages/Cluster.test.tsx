import { render, screen, within } from '@testing-library/react';
import { Cluster } from './Cluster';
import type { ClusterReport, SiloReport } from '../lib/cluster';
import { answer } from '../test/answer';

const silo = (name: string, activations: Record<string, number>): SiloReport => ({
  silo: name, status: 'Active', hostName: 'node-1', startedAt: '2026-11-22T00:00:00Z', cpuPercent: 12.5,
  workingSetBytes: 200 * 1048576, managedHeapBytes: 50 * 1048576, reminders: 3, runtime: { activationsByType: activations },
});

const report: ClusterReport = {
  takenAt: '2026-11-22T01:00:00Z',
  membershipVersion: 7,
  silos: [silo('10.0.0.1:11111@1', { user: 4, order: 1 }), silo('10.0.0.2:11111@2', { user: 2 })],
  unreachable: ['10.0.0.3:11111@3'],
  methods: [{ grainType: 'user', method: 'IUserGrain.Get', calls: 90, errors: 9, callsPerSecond: 4.5, p50Ms: 1.189207115002721, p99Ms: 27.554493735033716 }],
  activationsByType: { user: 6, order: 1 },
};

function route(path: string, status: number, body: unknown) {
  return { path, response: answer(status, body) };
}

function serve(...answers: ReturnType<typeof route>[]) {
  vi.stubGlobal('fetch', vi.fn(async (path: string) => answers.find(a => path.startsWith(a.path))!.response.clone()));
}

afterEach(() => vi.unstubAllGlobals());

describe('the cluster page', () => {
  it('lists every silo, the one that did not answer, activations by type and silo, and method figures', async () => {
    serve(route('/api/v1/admin/cluster', 200, report), route('/api/v1/admin/brokers', 200, []));
    render(<Cluster />);

    const rows = await screen.findAllByTestId('silo-row');
    expect(rows.map(r => within(r).getAllByRole('cell')[0].textContent)).toEqual(['10.0.0.1:11111@1', '10.0.0.2:11111@2']);
    expect(within(rows[0]).getByText('1 h 0 min')).toBeTruthy();
    expect(within(rows[0]).getByText('200.0 MiB')).toBeTruthy();
    expect(within(rows[0]).getByText('5')).toBeTruthy();
    expect(screen.getByText('did not answer').closest('tr')!.textContent).toContain('10.0.0.3:11111@3');

    const matrix = screen.getByRole('region', { name: 'Activations by grain type and silo' });
    const user = within(matrix).getByText('user').closest('tr')!;
    expect([...user.querySelectorAll('td')].map(td => td.textContent)).toEqual(['user', '4', '2', '6']);
    const method = within(screen.getByRole('region', { name: 'Grain methods' })).getByText('IUserGrain.Get').closest('tr')!;
    expect([...method.querySelectorAll('td')].map(td => td.textContent)).toEqual(['IUserGrain.Get', '90', '4.5', '10.0%', '1.19', '27.6']);
  });

  it('shows the problem title when the API refuses, not a blank page', async () => {
    serve(route('/api/v1/admin/cluster', 403, { title: 'Forbidden: admins only.', status: 403 }), route('/api/v1/admin/brokers', 403, { title: 'Forbidden: admins only.', status: 403 }));
    render(<Cluster />);

    expect((await screen.findByRole('alert')).textContent).toBe('Forbidden: admins only.');
  });
});
