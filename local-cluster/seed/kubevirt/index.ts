import type { SeedContributor } from '../../apiserver/seedLoader';
import { bootSources } from './bootSources';
import { commonTemplates } from './commonTemplates';
import { demoVirtualMachines } from './demoVirtualMachines';
import { clusterInstancetypes } from './instancetypes';
import { clusterPreferences } from './preferences';

/**
 * The KubeVirt content of a fresh OpenShift Virtualization cluster, applied after the YAML seed
 * files in this order: sizes and preferences, templates, boot sources, then the demo VMs that
 * use all of them. Hand-written objects (networks, checkups, user instance types) are YAML files
 * in the seed folder.
 */
export const KUBEVIRT_SEED: SeedContributor[] = [
  clusterInstancetypes,
  clusterPreferences,
  commonTemplates,
  bootSources,
  demoVirtualMachines,
];
