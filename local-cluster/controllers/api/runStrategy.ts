import type { Vm } from '../handler/kubevirtObjects';

export type RunStrategy = 'Always' | 'RerunOnFailure' | 'Manual' | 'Halted' | 'Once';

const STRATEGIES: ReadonlySet<string> = new Set([
  'Always',
  'RerunOnFailure',
  'Manual',
  'Halted',
  'Once',
]);

/**
 * The VM's run strategy as KubeVirt's `vm.RunStrategy()` reads it: `spec.running` (deprecated)
 * maps to Always/Halted, neither field means Halted, both at once is an error.
 */
export const runStrategyOf = (vm: Vm): RunStrategy => {
  const { running, runStrategy } = vm.spec;
  if (running !== undefined && running !== null && runStrategy !== undefined) {
    throw new Error('running and runstrategy are mutually exclusive');
  }
  if (running !== undefined && running !== null) return running ? 'Always' : 'Halted';
  if (runStrategy === undefined) return 'Halted';
  if (!STRATEGIES.has(runStrategy)) throw new Error(`unknown runStrategy ${runStrategy}`);
  return runStrategy as RunStrategy;
};
