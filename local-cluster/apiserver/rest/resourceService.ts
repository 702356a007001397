import { isDeepStrictEqual } from 'node:util';
import {
  alreadyExists,
  badRequest,
  conflict,
  forbidden,
  invalid,
  methodNotAllowed,
  notFound,
  StatusError,
} from '../core/statusError';
import type { KubeObject } from '../core/types';
import type { KindRegistry } from '../registry/kindRegistry';
import { storageKey } from '../registry/kindRegistry';
import type { ResourceKind } from '../registry/resourceKind';
import { apiVersionOf } from '../registry/resourceKind';
import type { ObjectStore } from '../storage/objectStore';
import type { FieldRequirement } from '../selectors/fieldSelector';
import { matchesFieldRequirements } from '../selectors/fieldSelector';
import type { LabelRequirement } from '../selectors/labelSelector';
import { matchesLabelRequirements } from '../selectors/labelSelector';
import { schemaFor } from '../validation/schemaStore';
import type { JSONSchemaProps } from '../validation/schemaStore';
import { admitObject } from './admitObject';
import { ListPaging } from './listPaging';
import { isNoop, now, prepareCreate, prepareUpdate } from './objectLifecycle';
import { applyPatchBody } from './patchObject';
import { allocateNodePorts, nodePortsOf } from './serviceNodePorts';
import type { PatchType } from './patchObject';
import type { RequestContext } from './requestContext';
import { recordUpdateManager } from '../patch/applyPatch';
import { mergeKeysFor } from '../patch/mergeKeyTables';

export interface ListOptions {
  labelSelector?: LabelRequirement[];
  fieldSelector?: FieldRequirement[];
  limit?: number;
  continueToken?: string;
}

export interface ListResult {
  items: KubeObject[];
  resourceVersion: string;
  continue?: string;
  remainingItemCount?: number;
}

export type PropagationPolicy = 'Background' | 'Foreground' | 'Orphan';

export interface DeleteOptions {
  propagationPolicy?: PropagationPolicy;
  orphanDependents?: boolean;
  preconditions?: { uid?: string; resourceVersion?: string };
}

const NAMESPACE_KEY = '/namespaces';

/** What a validating admission hook sees: the admitted object, before it is stored. On DELETE,
 * `object` and `oldObject` are both the stored object (kube sends it as oldObject). */
export interface AdmissionRequest {
  operation: 'CREATE' | 'UPDATE' | 'DELETE';
  kind: ResourceKind;
  object: KubeObject;
  oldObject?: KubeObject;
  subresource?: 'status';
  ctx: RequestContext;
}

/** An in-process validating webhook (KubeVirt's virt-api, SSP's template validator): throws a
 * StatusError to deny, may push to `ctx.warnings`. */
export type AdmissionHook = (request: AdmissionRequest) => void;

/**
 * The REST semantics of kube-apiserver for stored kinds, independent of HTTP: create, read, update,
 * patch, delete with their preconditions, admission and side effects. The HTTP layer parses the
 * request; the garbage collector and namespace controller call back in through the same methods.
 */
export class ResourceService {
  /** Validating webhooks registered by the layers above the API server. */
  readonly admissionHooks: AdmissionHook[] = [];

  private runAdmissionHooks(request: AdmissionRequest): void {
    for (const hook of this.admissionHooks) hook(request);
  }

  private readonly paging = new ListPaging();

  /** Services get node ports the way kube's Service storage hands them out (serviceNodePorts.ts). */
  private withNodePorts(kind: ResourceKind, obj: KubeObject, stored?: KubeObject): KubeObject {
    if (kind.group !== '' || kind.plural !== 'services') return obj;
    const taken = new Set(
      this.store
        .list(storageKey(kind), undefined)
        .filter(
          (o) =>
            o.metadata.namespace !== obj.metadata.namespace ||
            o.metadata.name !== obj.metadata.name,
        )
        .flatMap(nodePortsOf),
    );
    return allocateNodePorts(obj, stored, taken);
  }

  constructor(
    readonly store: ObjectStore,
    readonly registry: KindRegistry,
  ) {}

  schemaOf(kind: ResourceKind): JSONSchemaProps | undefined {
    if (kind.source === 'crd') return this.registry.crdSchema(kind) as JSONSchemaProps | undefined;
    return schemaFor(kind.group, kind.version, kind.kind);
  }

  get(kind: ResourceKind, namespace: string | undefined, name: string): KubeObject {
    const obj = this.store.get(storageKey(kind), kind.namespaced ? namespace : undefined, name);
    if (!obj) throw notFound(kind.plural, kind.group, name);
    return this.asVersion(kind, obj);
  }

  /** Objects are stored under one version per kind; the apiVersion follows the request's. */
  private asVersion(kind: ResourceKind, obj: KubeObject): KubeObject {
    const apiVersion = apiVersionOf(kind);
    return obj.apiVersion === apiVersion ? obj : { ...obj, apiVersion };
  }

  matches(obj: KubeObject, options: Pick<ListOptions, 'labelSelector' | 'fieldSelector'>): boolean {
    return (
      (!options.labelSelector?.length ||
        matchesLabelRequirements(options.labelSelector, obj.metadata.labels)) &&
      (!options.fieldSelector?.length || matchesFieldRequirements(options.fieldSelector, obj))
    );
  }

  list(kind: ResourceKind, namespace: string | undefined, options: ListOptions): ListResult {
    const revision = this.store.currentRevision;
    // Later pages read the first page's snapshot; reading the store again would cost a full list.
    const matching = options.continueToken
      ? []
      : this.store
          .list(storageKey(kind), kind.namespaced ? namespace : undefined)
          .filter((o) => this.matches(o, options))
          .map((o) => this.asVersion(kind, o));
    const page = this.paging.page(matching, revision, options.limit, options.continueToken);
    return {
      items: page.items,
      resourceVersion: String(page.revision),
      ...(page.continue
        ? { continue: page.continue, remainingItemCount: page.remainingItemCount }
        : {}),
    };
  }

  private checkNamespace(kind: ResourceKind, namespace: string | undefined): void {
    if (!kind.namespaced) return;
    if (!namespace)
      throw badRequest('the server could not find the requested resource: a namespace is required');
    const ns = this.store.get(NAMESPACE_KEY, undefined, namespace);
    if (!ns) throw notFound('namespaces', '', namespace);
    if (ns.metadata.deletionTimestamp) {
      throw forbidden(
        `${kind.plural} is forbidden: unable to create new content in namespace ${namespace} because it is being terminated`,
        {
          kind: kind.plural,
          group: kind.group,
          causes: [
            {
              reason: 'NamespaceTerminating',
              message: `namespace ${namespace} is being terminated`,
              field: 'metadata.namespace',
            },
          ],
        },
      );
    }
  }

  private checkBody(kind: ResourceKind, body: unknown, namespace: string | undefined): KubeObject {
    if (!body || typeof body !== 'object' || Array.isArray(body))
      throw badRequest('the request body must be a JSON object');
    const obj = body as KubeObject;
    if (
      obj.metadata !== undefined &&
      (typeof obj.metadata !== 'object' || obj.metadata === null || Array.isArray(obj.metadata))
    ) {
      throw badRequest(
        `${kind.kind} in version "${kind.version}" cannot be handled as a ${kind.kind}: metadata must be an object`,
      );
    }
    if (obj.kind !== undefined && obj.kind !== kind.kind) {
      throw badRequest(
        `the API version in the data (${String(obj.apiVersion)}) does not match the expected API version (${apiVersionOf(kind)}) or kind ${String(obj.kind)} does not match ${kind.kind}`,
      );
    }
    if (obj.apiVersion !== undefined && obj.apiVersion !== apiVersionOf(kind)) {
      throw badRequest(
        `the API version in the data (${String(obj.apiVersion)}) does not match the expected API version (${apiVersionOf(kind)})`,
      );
    }
    const meta = obj.metadata ?? {};
    if (kind.namespaced && meta.namespace && namespace && meta.namespace !== namespace) {
      throw badRequest(
        'the namespace of the provided object does not match the namespace sent on the request',
      );
    }
    return { ...obj, metadata: { ...meta } };
  }

  create(
    kind: ResourceKind,
    namespace: string | undefined,
    body: unknown,
    ctx: RequestContext,
    options: { keepStatus?: boolean; managedFieldsSet?: boolean } = {},
  ): KubeObject {
    const obj = this.checkBody(kind, body, namespace);
    const ns = kind.namespaced ? (namespace ?? obj.metadata.namespace) : undefined;
    if (!obj.metadata.name && !obj.metadata.generateName) {
      throw invalid(kind.kind, kind.group, '', [
        {
          reason: 'FieldValueRequired',
          message: 'Required value: name or generateName is required',
          field: 'metadata.name',
        },
      ]);
    }
    this.checkNamespace(kind, ns);
    let created = prepareCreate(kind, obj, ns, Boolean(options.keepStatus));
    created = admitObject(
      kind,
      this.schemaOf(kind),
      created,
      true,
      ctx.fieldValidation,
      ctx.warnings,
    );
    created = this.withNodePorts(kind, created);
    this.runAdmissionHooks({ operation: 'CREATE', kind, object: created, ctx });
    const name = created.metadata.name ?? '';
    if (this.store.get(storageKey(kind), ns, name))
      throw alreadyExists(kind.plural, kind.group, name);
    if (!options.managedFieldsSet) {
      created = recordUpdateManager(
        undefined,
        created,
        defaultManager(ctx),
        now(),
        apiVersionOf(kind),
        mergeKeysFor(kind.kind, kind.group),
      );
    }
    if (ctx.dryRun) return created;
    return this.store.put(storageKey(kind), created, 'ADDED');
  }

  update(
    kind: ResourceKind,
    namespace: string | undefined,
    name: string,
    body: unknown,
    ctx: RequestContext,
    subresource?: 'status',
  ): KubeObject {
    const incoming = this.checkBody(kind, body, namespace);
    if (incoming.metadata.name !== undefined && incoming.metadata.name !== name) {
      throw badRequest(
        `the name of the object (${incoming.metadata.name}) does not match the name on the URL (${name})`,
      );
    }
    const stored = this.get(kind, namespace, name);
    const rv = incoming.metadata.resourceVersion;
    if (rv === undefined || rv === '') {
      if (kind.source === 'crd') {
        throw invalid(kind.kind, kind.group, name, [
          {
            reason: 'FieldValueInvalid',
            message: 'Invalid value: 0x0: must be specified for an update',
            field: 'metadata.resourceVersion',
          },
        ]);
      }
    } else if (rv !== stored.metadata.resourceVersion) {
      throw conflict(
        kind.plural,
        kind.group,
        name,
        'the object has been modified; please apply your changes to the latest version and try again',
      );
    }
    if (incoming.metadata.uid && incoming.metadata.uid !== stored.metadata.uid) {
      throw conflict(
        kind.plural,
        kind.group,
        name,
        `Precondition failed: UID in precondition: ${incoming.metadata.uid}, UID in object meta: ${stored.metadata.uid}`,
      );
    }
    return this.write(
      kind,
      stored,
      prepareUpdate(kind, stored, incoming, subresource),
      ctx,
      subresource,
    );
  }

  /** Stores a new state of an existing object after admission; also ends a finished deletion. */
  private write(
    kind: ResourceKind,
    stored: KubeObject,
    next: KubeObject,
    ctx: RequestContext,
    subresource?: 'status',
    recordManager = true,
  ): KubeObject {
    let admitted = admitObject(
      kind,
      this.schemaOf(kind),
      next,
      false,
      ctx.fieldValidation,
      ctx.warnings,
    );
    if (!subresource) admitted = this.withNodePorts(kind, admitted, stored);
    this.runAdmissionHooks({
      operation: 'UPDATE',
      kind,
      object: admitted,
      oldObject: stored,
      subresource,
      ctx,
    });
    if (stored.metadata.deletionTimestamp && !admitted.metadata.deletionTimestamp) {
      admitted = {
        ...admitted,
        metadata: { ...admitted.metadata, deletionTimestamp: stored.metadata.deletionTimestamp },
      };
    }
    if (stored.metadata.deletionTimestamp) {
      const added = (admitted.metadata.finalizers ?? []).filter(
        (f) => !(stored.metadata.finalizers ?? []).includes(f),
      );
      if (added.length) {
        throw forbidden(
          `${kind.plural} "${stored.metadata.name}" is forbidden: no new finalizers can be added if the object is being deleted, found new finalizers ${JSON.stringify(added)}`,
        );
      }
    }
    if (recordManager)
      admitted = recordUpdateManager(
        stored,
        admitted,
        defaultManager(ctx),
        now(),
        apiVersionOf(kind),
        mergeKeysFor(kind.kind, kind.group),
        subresource,
      );
    if (isNoop(stored, admitted)) return stored;
    if (ctx.dryRun) return admitted;
    if (admitted.metadata.deletionTimestamp && !admitted.metadata.finalizers?.length) {
      return this.store.remove(storageKey(kind), admitted);
    }
    return this.store.put(storageKey(kind), admitted, 'MODIFIED');
  }

  patch(
    kind: ResourceKind,
    namespace: string | undefined,
    name: string,
    patchType: PatchType,
    patch: unknown,
    ctx: RequestContext,
    options: { subresource?: 'status'; force?: boolean } = {},
  ): { object: KubeObject; created: boolean } {
    if (patchType === 'strategic' && !kind.strategicMerge) {
      throw new StatusError(
        415,
        'UnsupportedMediaType',
        'the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml',
      );
    }
    const existing = this.store.get(
      storageKey(kind),
      kind.namespaced ? namespace : undefined,
      name,
    );
    if (!existing) {
      if (patchType !== 'apply') throw notFound(kind.plural, kind.group, name);
      const applied = applyPatchBody(
        kind,
        undefined,
        patchType,
        patch,
        ctx,
        Boolean(options.force),
      );
      const obj = this.checkBody(kind, applied, namespace);
      if (obj.metadata.name !== name)
        throw badRequest(
          `the name of the object (${String(obj.metadata.name)}) does not match the name on the URL (${name})`,
        );
      return {
        object: this.create(kind, namespace, obj, ctx, { managedFieldsSet: true }),
        created: true,
      };
    }
    const stored = this.asVersion(kind, existing);
    const patched = applyPatchBody(kind, stored, patchType, patch, ctx, Boolean(options.force));
    const obj = this.checkBody(kind, patched, namespace);
    const rv = obj.metadata.resourceVersion;
    if (rv !== undefined && rv !== stored.metadata.resourceVersion) {
      throw conflict(
        kind.plural,
        kind.group,
        name,
        'the object has been modified; please apply your changes to the latest version and try again',
      );
    }
    if (obj.metadata.name !== undefined && obj.metadata.name !== name) {
      throw badRequest(`metadata.name: Invalid value: "${obj.metadata.name}": field is immutable`);
    }
    const next = prepareUpdate(kind, stored, obj, options.subresource);
    // Server-side apply has already recorded its own managedFields entry.
    const written = this.write(kind, stored, next, ctx, options.subresource, patchType !== 'apply');
    return { object: written, created: false };
  }

  delete(
    kind: ResourceKind,
    namespace: string | undefined,
    name: string,
    options: DeleteOptions,
    ctx: RequestContext,
  ): KubeObject {
    const stored = this.get(kind, namespace, name);
    const pre = options.preconditions;
    if (pre?.uid && pre.uid !== stored.metadata.uid) {
      throw conflict(
        kind.plural,
        kind.group,
        name,
        `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${stored.metadata.uid}`,
      );
    }
    if (pre?.resourceVersion && pre.resourceVersion !== stored.metadata.resourceVersion) {
      throw conflict(
        kind.plural,
        kind.group,
        name,
        `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in object meta: ${stored.metadata.resourceVersion}`,
      );
    }
    this.runAdmissionHooks({ operation: 'DELETE', kind, object: stored, oldObject: stored, ctx });
    const policy =
      options.propagationPolicy ?? (options.orphanDependents ? 'Orphan' : 'Background');
    const finalizers = [...(stored.metadata.finalizers ?? [])];
    if (policy === 'Orphan' && !finalizers.includes('orphan')) finalizers.push('orphan');
    if (policy === 'Foreground' && !finalizers.includes('foregroundDeletion'))
      finalizers.push('foregroundDeletion');
    if (kind.group === '' && kind.plural === 'namespaces')
      return this.beginNamespaceDeletion(stored, ctx);
    if (!finalizers.length) {
      if (ctx.dryRun) return stored;
      return this.store.remove(storageKey(kind), stored);
    }
    if (
      stored.metadata.deletionTimestamp &&
      isDeepStrictEqual(finalizers, stored.metadata.finalizers)
    )
      return stored;
    const marked: KubeObject = {
      ...stored,
      metadata: {
        ...stored.metadata,
        finalizers,
        deletionTimestamp: stored.metadata.deletionTimestamp ?? now(),
        deletionGracePeriodSeconds: 0,
        generation: (stored.metadata.generation ?? 0) + (stored.metadata.deletionTimestamp ? 0 : 1),
      },
    };
    if (ctx.dryRun) return marked;
    return this.store.put(storageKey(kind), marked, 'MODIFIED');
  }

  /** Namespaces go Terminating first; the namespace controller empties them, then removes them. */
  private beginNamespaceDeletion(stored: KubeObject, ctx: RequestContext): KubeObject {
    if (stored.metadata.deletionTimestamp) return stored;
    const spec = (stored.spec ?? {}) as Record<string, unknown>;
    const terminating: KubeObject = {
      ...stored,
      spec: { ...spec, finalizers: ['kubernetes'] },
      status: { phase: 'Terminating' },
      metadata: { ...stored.metadata, deletionTimestamp: now(), deletionGracePeriodSeconds: 0 },
    };
    if (ctx.dryRun) return terminating;
    return this.store.put(NAMESPACE_KEY, terminating, 'MODIFIED');
  }

  deleteCollection(
    kind: ResourceKind,
    namespace: string | undefined,
    selectors: Pick<ListOptions, 'labelSelector' | 'fieldSelector'>,
    options: DeleteOptions,
    ctx: RequestContext,
  ): KubeObject[] {
    if (!kind.verbs.includes('deletecollection'))
      throw methodNotAllowed(`deletecollection is not supported on ${kind.plural}`);
    return this.list(kind, namespace, selectors).items.map((o) =>
      this.delete(kind, o.metadata.namespace, o.metadata.name ?? '', options, ctx),
    );
  }
}

/** kube names the manager after the client's user agent; without one, after the operation. */
const defaultManager = (ctx: RequestContext): string => ctx.fieldManager ?? 'unknown';
