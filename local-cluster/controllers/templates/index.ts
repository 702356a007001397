import type { KubeObject } from '../../apiserver/core/types';
import type { ControllerRuntime, Stoppable } from '../runtime/runtime';
import { TEMPLATE } from '../runtime/resources';
import { admitAgainstTemplate } from './templateValidator';

/**
 * SSP's template validator, a validating webhook on VirtualMachines: the parent template comes
 * from an informer cache, as the real webhook reads it; warning-only rules become `Warning` headers.
 */
export const registerTemplateValidator = (runtime: ControllerRuntime): Stoppable => {
  const templates = runtime.informers.for<KubeObject>(TEMPLATE);
  const hook = runtime.server.admissionHooks;
  const validate: (typeof hook)[number] = ({ operation, kind, object, subresource, ctx }) => {
    if (operation === 'DELETE') return;
    if (kind.group !== 'kubevirt.io' || kind.kind !== 'VirtualMachine' || subresource) return;
    ctx.warnings.push(
      ...admitAgainstTemplate(object, (ref) => templates.get(ref.namespace, ref.name)),
    );
  };
  hook.push(validate);
  return {
    stop: () => {
      const i = hook.indexOf(validate);
      if (i >= 0) hook.splice(i, 1);
    },
  };
};
