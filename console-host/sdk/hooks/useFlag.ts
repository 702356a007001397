/** useFlag: the PluginStore's feature flags (set by the shell from console.flag* extensions). */
import { useFeatureFlag } from '@openshift/dynamic-plugin-sdk';

export const useFlag = (flag: string): boolean => !!useFeatureFlag(flag)[0];
