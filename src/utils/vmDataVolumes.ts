import type { VirtualMachine } from '../models/types';

/** The DataVolumes a VM uses: those its templates create and those its volumes name. */
export const vmDataVolumeNames = (vm: VirtualMachine): string[] => [
  ...new Set(
    [
      ...(vm.spec?.dataVolumeTemplates ?? []).map((t) => t.metadata?.name),
      ...(vm.spec?.template?.spec?.volumes ?? []).map((v) => v.dataVolume?.name),
    ].filter((n): n is string => Boolean(n)),
  ),
];

type DataVolumeCondition = { type?: string; status?: string; reason?: string; message?: string };

/** A DataVolume as far as Diagnostics reads it. */
export type DataVolumeLike = {
  metadata?: { name?: string };
  status?: {
    phase?: string;
    progress?: string;
    restartCount?: number;
    conditions?: DataVolumeCondition[];
  };
};

/** One row of the DataVolume status table. */
export type DataVolumeRow = {
  name: string;
  /** CDI's phase; undefined while the DataVolume does not exist yet. */
  phase?: string;
  /** Percent done of an import, upload or clone (CDI writes "45.10%"; "N/A" is none). */
  progress?: number;
  /** Why it is not ready: the first condition that is not True and says something. */
  message?: string;
  restarts: number;
};

const parseProgress = (text: string | undefined): number | undefined => {
  const m = /^(\d+(?:\.\d+)?)%$/.exec(text?.trim() ?? '');
  return m ? Math.min(100, Number(m[1])) : undefined;
};

/** The row of a DataVolume the VM uses (`dv` undefined: not created yet). */
export const dataVolumeRow = (name: string, dv: DataVolumeLike | undefined): DataVolumeRow => {
  // A populated DataVolume is done; its Running=False "Import Complete" is no problem to show.
  const done = dv?.status?.phase === 'Succeeded';
  const waiting = done
    ? undefined
    : (dv?.status?.conditions ?? []).find((c) => c.status !== 'True' && (c.message || c.reason));
  return {
    name,
    phase: dv?.status?.phase,
    progress: dv?.status?.phase === 'Succeeded' ? 100 : parseProgress(dv?.status?.progress),
    message: waiting ? (waiting.message ?? waiting.reason) : undefined,
    restarts: dv?.status?.restartCount ?? 0,
  };
};
