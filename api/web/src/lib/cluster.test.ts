import { describe, expect, it } from 'vitest';
import { activationMatrix, latency, mebibytes, totalActivations, uptime, type SiloReport } from './cluster';

const silo = (name: string, activations: Record<string, number>): SiloReport => ({
  silo: name, status: 'Active', hostName: 'h', startedAt: '2026-11-22T00:00:00Z', cpuPercent: 0,
  workingSetBytes: 0, managedHeapBytes: 0, reminders: 0, runtime: { activationsByType: activations },
});

describe('cluster figures', () => {
  it('lays activations out by type and silo, busiest type first, zero where a silo has none', () => {
    const rows = activationMatrix([silo('a', { user: 3, order: 1 }), silo('b', { user: 2, bot: 7 })]);
    expect(rows.map(r => r.type)).toEqual(['bot', 'user', 'order']);
    expect(rows.find(r => r.type === 'user')).toEqual({ type: 'user', counts: [3, 2], total: 5 });
    expect(rows.find(r => r.type === 'bot')!.counts).toEqual([0, 7]);
  });

  it('totals a silo and formats uptime and memory', () => {
    expect(totalActivations(silo('a', { user: 3, order: 4 }))).toBe(7);
    expect(uptime('2026-11-22T00:00:00Z', new Date('2026-11-22T00:00:42Z'))).toBe('42 s');
    expect(uptime('2026-11-22T00:00:00Z', new Date('2026-11-22T03:12:00Z'))).toBe('3 h 12 min');
    expect(uptime('2026-11-20T00:00:00Z', new Date('2026-11-22T05:00:00Z'))).toBe('2 d 5 h');
    expect(mebibytes(3 * 1048576)).toBe('3.0 MiB');
  });

  it('shows a latency to about three significant figures', () => {
    expect([latency(0.8408964152537145), latency(6.888623433758429), latency(27.554493735033716), latency(155.8329)]).toEqual(['0.84', '6.89', '27.6', '156']);
  });
});
