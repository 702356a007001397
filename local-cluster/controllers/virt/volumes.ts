import type { V1Volume } from '@kubevirt-ui-ext/kubevirt-api/kubevirt';

/** The claim a VM volume mounts: a DataVolume's PVC has the DataVolume's name. */
export const claimNameOf = (volume: V1Volume): string | undefined =>
  volume.dataVolume?.name ??
  volume.persistentVolumeClaim?.claimName ??
  volume.memoryDump?.claimName ??
  undefined;

export const isHotplugVolume = (volume: V1Volume | undefined): boolean =>
  Boolean(
    volume?.persistentVolumeClaim?.hotpluggable ||
    volume?.dataVolume?.hotpluggable ||
    volume?.memoryDump?.hotpluggable,
  );
