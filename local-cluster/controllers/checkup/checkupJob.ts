import type { KubeObject } from '../../apiserver/core/types';

export type CheckupType = 'latency' | 'storage';

export interface CheckupContainer {
  name: string;
  image: string;
  env?: { name: string; value?: string }[];
}

export interface Job extends KubeObject {
  spec?: {
    suspend?: boolean;
    backoffLimit?: number;
    template?: {
      metadata?: { labels?: Record<string, string> };
      spec?: {
        containers?: CheckupContainer[];
        serviceAccountName?: string;
        restartPolicy?: string;
        [key: string]: unknown;
      };
    };
  };
  status?: {
    startTime?: string;
    completionTime?: string;
    active?: number;
    ready?: number;
    succeeded?: number;
    failed?: number;
    conditions?: { type: string; status: string }[];
  };
}

export interface CheckupJob {
  type: CheckupType;
  configMapNamespace: string;
  configMapName: string;
  container: CheckupContainer;
}

/**
 * The images kiagnose's checkups ship as: upstream `quay.io/kiagnose/kubevirt-vm-latency`
 * (earlier `kubevirt-vm-latency-checkup`) and `quay.io/kiagnose/kubevirt-storage-checkup`,
 * downstream `…/vm-network-latency-checkup-rhel9` and `…/kubevirt-storage-checkup-rhel9`.
 */
export const checkupTypeOfImage = (image: string): CheckupType | undefined => {
  const withoutDigest = image.split('@')[0];
  const lastSegment = withoutDigest.slice(withoutDigest.lastIndexOf('/') + 1);
  const repository = lastSegment.split(':')[0];
  if (/kubevirt-vm-latency|vm-network-latency-checkup/.test(repository)) return 'latency';
  if (/kubevirt-storage-checkup/.test(repository)) return 'storage';
  return undefined;
};

/** A Job is a checkup run when one of its containers runs a checkup image and is told which
 * ConfigMap to read through CONFIGMAP_NAMESPACE / CONFIGMAP_NAME. */
export const recognizeCheckupJob = (job: Job): CheckupJob | undefined => {
  for (const container of job.spec?.template?.spec?.containers ?? []) {
    const type = checkupTypeOfImage(container.image ?? '');
    if (!type) continue;
    const env = new Map((container.env ?? []).map((e) => [e.name, e.value]));
    const configMapName = env.get('CONFIGMAP_NAME');
    if (!configMapName) continue;
    return {
      type,
      configMapNamespace: env.get('CONFIGMAP_NAMESPACE') || job.metadata.namespace || '',
      configMapName,
      container,
    };
  }
  return undefined;
};

export const isJobFinished = (job: Job): boolean =>
  (job.status?.conditions ?? []).some(
    (c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True',
  );
