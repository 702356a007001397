import { dump } from 'js-yaml';
import { buildExampleVirtualMachine } from './vmTemplate';

/**
 * Exposed module for `console.yaml-template` extensions: each export is the YAML text the
 * console's editor starts from when creating that kind "With YAML".
 */
export const defaultVirtualMachineYAML: string = dump(buildExampleVirtualMachine(), {
  lineWidth: -1,
  noRefs: true,
});
