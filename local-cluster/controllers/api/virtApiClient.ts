import type { KubeObject } from '../../apiserver/core/types';
import type { ApiClient } from '../runtime/apiClient';
import { ApiError, isNotFound } from '../runtime/apiClient';
import type { ResourceRef } from '../runtime/resources';
import { collectionPath, objectPath, POD, VM, VMI, VMIM } from '../runtime/resources';
import type { FieldChange } from '../handler/guardedPatch';
import { guardedPatch, isFailedTest } from '../handler/guardedPatch';
import type { Vm, Vmi } from '../handler/kubevirtObjects';
import type { KubevirtResource } from './subresourceErrors';
import { subresourceInternalError, vmConflict, vmNotFound } from './subresourceErrors';

const errorText = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/**
 * virt-api's reads and writes, with the errors KubeVirt turns them into: a missing object is a
 * 404 on the singular resource, a write that lost a race is a 409, anything else a 500.
 * Writes carry a resourceVersion precondition where KubeVirt uses a JSON-patch `test`.
 */
export class VirtApiClient {
  constructor(private readonly client: ApiClient) {}

  private async fetch<T extends KubeObject>(
    ref: ResourceRef,
    resource: KubevirtResource,
    namespace: string,
    name: string,
  ): Promise<T> {
    try {
      return await this.client.get<T>(ref, namespace, name);
    } catch (err) {
      if (isNotFound(err)) throw vmNotFound(resource, name);
      throw subresourceInternalError(
        `unable to retrieve ${resource === 'virtualmachine' ? 'vm' : 'vmi'} [${name}]: ${errorText(err)}`,
      );
    }
  }

  fetchVm(namespace: string, name: string): Promise<Vm> {
    return this.fetch<Vm>(VM, 'virtualmachine', namespace, name);
  }

  fetchVmi(namespace: string, name: string): Promise<Vmi> {
    return this.fetch<Vmi>(VMI, 'virtualmachineinstance', namespace, name);
  }

  /** The VMI, or undefined when there is none. */
  async findVmi(namespace: string, name: string): Promise<Vmi | undefined> {
    try {
      return await this.client.get<Vmi>(VMI, namespace, name);
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw subresourceInternalError(errorText(err));
    }
  }

  /**
   * Writes `changes` with a JSON patch that tests each field's old value (KubeVirt's `test` ops):
   * a field changed meanwhile makes it a 409 on `conflictOn`; other failures are 500s.
   */
  async patchFields(
    ref: ResourceRef,
    obj: KubeObject,
    changes: FieldChange[],
    options: { subresource?: 'status'; dryRun?: boolean; conflictOn: KubevirtResource },
  ): Promise<void> {
    const ops = guardedPatch(obj, changes);
    if (!ops.length) return;
    const { namespace, name = '' } = obj.metadata;
    const query = new URLSearchParams({ fieldManager: this.client.fieldManager });
    if (options.dryRun) query.set('dryRun', 'All');
    try {
      await this.client.request(
        'PATCH',
        `${objectPath(ref, namespace, name, options.subresource)}?${query.toString()}`,
        ops,
        'application/json-patch+json',
      );
    } catch (err) {
      if (err instanceof ApiError && (err.code === 409 || isFailedTest(err))) {
        throw vmConflict(
          options.conflictOn,
          name,
          `jsonpatch test operation does not apply: ${errorText(err)}`,
        );
      }
      throw subresourceInternalError(errorText(err));
    }
  }

  /** Creates the migration virt-api asks for; any refusal is a 500, as KubeVirt wraps it. */
  async createMigration(
    namespace: string,
    vmiName: string,
    addedNodeSelector: Record<string, string> | undefined,
    dryRun: boolean,
  ): Promise<void> {
    const query = new URLSearchParams({ fieldManager: this.client.fieldManager });
    if (dryRun) query.set('dryRun', 'All');
    try {
      await this.client.request('POST', `${collectionPath(VMIM, namespace)}?${query.toString()}`, {
        apiVersion: VMIM.apiVersion,
        kind: VMIM.kind,
        metadata: { generateName: 'kubevirt-migrate-vm-', namespace },
        spec: { vmiName, ...(addedNodeSelector ? { addedNodeSelector } : {}) },
      });
    } catch (err) {
      throw subresourceInternalError(errorText(err));
    }
  }

  /** The VMI's running virt-launcher pod (the migration target once a migration completed). */
  async findLauncherPod(vmi: Vmi): Promise<string | undefined> {
    const pods = await this.client.list(POD, vmi.metadata.namespace, {
      labelSelector: `kubevirt.io=virt-launcher,kubevirt.io/created-by=${vmi.metadata.uid ?? ''}`,
    });
    const running = pods.items.filter(
      (p) => (p.status as { phase?: string } | undefined)?.phase === 'Running',
    );
    if (running.length > 1 && vmi.status?.migrationState?.completed) {
      const target = vmi.status.migrationState.targetPod;
      return running.find((p) => p.metadata.name === target)?.metadata.name;
    }
    return running[0]?.metadata.name;
  }

  async deletePod(namespace: string, name: string, gracePeriodSeconds: number): Promise<void> {
    try {
      await this.client.delete(POD, namespace, name, { gracePeriodSeconds });
    } catch (err) {
      throw subresourceInternalError(errorText(err));
    }
  }

  /** Any object, or undefined when it does not exist. */
  async find<T extends KubeObject>(
    ref: ResourceRef,
    namespace: string | undefined,
    name: string,
  ): Promise<T | undefined> {
    try {
      return await this.client.get<T>(ref, ref.namespaced ? namespace : undefined, name);
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw subresourceInternalError(errorText(err));
    }
  }

  list<T extends KubeObject>(ref: ResourceRef, namespace?: string): Promise<T[]> {
    return this.client.list<T>(ref, namespace).then((l) => l.items);
  }
}
