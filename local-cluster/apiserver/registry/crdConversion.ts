import type { KubeObject } from '../core/types';
import type { CrdEntry } from './crdCatalog';
import type { PrinterColumn, ResourceKind } from './resourceKind';
import { CRUD_VERBS } from './resourceKind';

interface CrdVersion {
  name: string;
  served: boolean;
  storage: boolean;
  schema?: { openAPIV3Schema?: Record<string, unknown> };
  subresources?: {
    status?: object;
    scale?: { specReplicasPath: string; statusReplicasPath: string; labelSelectorPath?: string };
  };
  additionalPrinterColumns?: PrinterColumn[];
  selectableFields?: { jsonPath: string }[];
}

export interface CustomResourceDefinition extends KubeObject {
  spec: {
    group: string;
    scope: 'Namespaced' | 'Cluster';
    names: {
      kind: string;
      plural: string;
      singular?: string;
      listKind?: string;
      shortNames?: string[];
      categories?: string[];
    };
    versions: CrdVersion[];
  };
}

/** The kinds a CRD serves, one per served version, as the apiextensions server derives them. */
export const kindsOfCrd = (crd: CustomResourceDefinition): ResourceKind[] =>
  crd.spec.versions
    .filter((v) => v.served)
    .map((v) => ({
      group: crd.spec.group,
      version: v.name,
      kind: crd.spec.names.kind,
      plural: crd.spec.names.plural,
      singular: crd.spec.names.singular ?? crd.spec.names.kind.toLowerCase(),
      listKind: crd.spec.names.listKind ?? `${crd.spec.names.kind}List`,
      namespaced: crd.spec.scope === 'Namespaced',
      verbs: CRUD_VERBS,
      shortNames: crd.spec.names.shortNames,
      categories: crd.spec.names.categories,
      statusSubresource: Boolean(v.subresources?.status),
      scale: v.subresources?.scale,
      selectableFields: v.selectableFields?.map((f) => f.jsonPath.replace(/^\./, '')),
      printerColumns: v.additionalPrinterColumns,
      strategicMerge: false,
      source: 'crd' as const,
    }));

export const crdSchemaOf = (
  crd: CustomResourceDefinition,
  version: string,
): Record<string, unknown> | undefined =>
  crd.spec.versions.find((v) => v.name === version)?.schema?.openAPIV3Schema;

/** The CustomResourceDefinition object an operator would install for a catalog entry. */
export const crdFromCatalog = (
  entry: CrdEntry,
  schema: Record<string, unknown> | undefined,
): CustomResourceDefinition => ({
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: `${entry.plural}.${entry.group}` },
  spec: {
    group: entry.group,
    scope: entry.namespaced ? 'Namespaced' : 'Cluster',
    names: {
      kind: entry.kind,
      plural: entry.plural,
      singular: entry.kind.toLowerCase(),
      listKind: `${entry.kind}List`,
      ...(entry.shortNames ? { shortNames: entry.shortNames } : {}),
      ...(entry.categories ? { categories: entry.categories } : {}),
    },
    versions: [
      {
        name: entry.version,
        served: true,
        storage: true,
        schema: {
          openAPIV3Schema: schema ?? {
            type: 'object',
            'x-kubernetes-preserve-unknown-fields': true,
          },
        },
        ...(entry.status || entry.scale
          ? {
              subresources: {
                ...(entry.status ? { status: {} } : {}),
                ...(entry.scale ? { scale: entry.scale } : {}),
              },
            }
          : {}),
        ...(entry.printerColumns ? { additionalPrinterColumns: entry.printerColumns } : {}),
      },
    ],
  },
});
