import { StatusError } from '../../apiserver/core/statusError';
import type { AdmissionHook } from '../../apiserver/rest/resourceService';
import type { Informer } from '../runtime/informer';
import { admissionDenial } from './migrationRules';
import type { Vmi, Vmim } from './migrationTypes';

export const MIGRATION_CREATE_WEBHOOK = 'migration-create-validator.kubevirt.io';

/**
 * virt-api's validating webhook for new VirtualMachineInstanceMigrations, answered as
 * kube-apiserver words a webhook denial (400, `admission webhook "…" denied the request: …`). It
 * reads the VMI and the migrations from the controller's informers, as virt-api reads its caches.
 */
export const migrationCreateAdmission =
  (vmis: Informer<Vmi>, vmims: Informer<Vmim>): AdmissionHook =>
  (request) => {
    if (request.operation !== 'CREATE' || request.subresource) return;
    if (
      request.kind.group !== 'kubevirt.io' ||
      request.kind.kind !== 'VirtualMachineInstanceMigration'
    )
      return;
    const vmim = request.object as Vmim;
    const namespace = vmim.metadata.namespace;
    const vmi = vmim.spec?.vmiName ? vmis.get(namespace, vmim.spec.vmiName) : undefined;
    const denial = admissionDenial(vmim, vmi, vmims.list(namespace));
    if (denial) {
      throw new StatusError(
        400,
        '',
        `admission webhook "${MIGRATION_CREATE_WEBHOOK}" denied the request: ${denial}`,
      );
    }
  };
