/** Shapes of GET /api/v1/admin/cluster and the small calculations the cluster page shows. */
export interface SiloReport {
  silo: string;
  status: string;
  hostName: string;
  startedAt: string;
  cpuPercent: number;
  workingSetBytes: number;
  managedHeapBytes: number;
  reminders: number;
  runtime: { activationsByType: Record<string, number> };
}

export interface ClusterMethod { grainType: string; method: string; calls: number; errors: number; callsPerSecond: number; p50Ms: number; p99Ms: number }

export interface ClusterReport {
  takenAt: string;
  membershipVersion: number;
  silos: SiloReport[];
  unreachable: string[];
  methods: ClusterMethod[];
  activationsByType: Record<string, number>;
}

/** "3 h 12 min", "45 s": how long a silo has been up. */
export function uptime(startedAt: string, now: Date): string {
  const seconds = Math.max(0, Math.floor((now.getTime() - new Date(startedAt).getTime()) / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return hours < 48 ? `${hours} h ${minutes % 60} min` : `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

/** Bytes as MiB with one decimal. */
export function mebibytes(bytes: number): string {
  return `${(bytes / 1048576).toFixed(1)} MiB`;
}

/** Activations per grain type and silo: one row per type, one column per silo, busiest types first. */
export function activationMatrix(silos: SiloReport[]): { type: string; counts: number[]; total: number }[] {
  const types = new Set(silos.flatMap(s => Object.keys(s.runtime.activationsByType)));
  return [...types]
    .map(type => {
      const counts = silos.map(s => s.runtime.activationsByType[type] ?? 0);
      return { type, counts, total: counts.reduce((a, b) => a + b, 0) };
    })
    .sort((a, b) => b.total - a.total || a.type.localeCompare(b.type));
}

export function totalActivations(silo: SiloReport): number {
  return Object.values(silo.runtime.activationsByType).reduce((a, b) => a + b, 0);
}

/** A latency in milliseconds to three significant figures or so (histogram bucket bounds are not round numbers). */
export function latency(ms: number): string {
  return ms < 10 ? ms.toFixed(2) : ms < 100 ? ms.toFixed(1) : ms.toFixed(0);
}
