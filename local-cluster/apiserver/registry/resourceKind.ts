/** What the server knows about one served resource: the same facts an APIResource in discovery
 * and a CustomResourceDefinition carry, plus how the server stores and selects it. */

export type Verb =
  'get' | 'list' | 'watch' | 'create' | 'update' | 'patch' | 'delete' | 'deletecollection';

export interface PrinterColumn {
  name: string;
  type: 'string' | 'integer' | 'number' | 'boolean' | 'date';
  jsonPath: string;
  description?: string;
  priority?: number;
  /** Built-in columns whose value is derived, not read from one path (a node's roles). */
  compute?: (obj: { metadata: { labels?: Record<string, string> } }) => string;
}

export interface ScaleSubresource {
  specReplicasPath: string;
  statusReplicasPath: string;
  labelSelectorPath?: string;
}

export interface ResourceKind {
  group: string;
  version: string;
  kind: string;
  plural: string;
  singular: string;
  listKind: string;
  namespaced: boolean;
  verbs: Verb[];
  shortNames?: string[];
  categories?: string[];
  /** `status` splits spec and status writes, as for every kind that declares it in kube. */
  statusSubresource: boolean;
  scale?: ScaleSubresource;
  /** Field selectors served beyond metadata.name and metadata.namespace. */
  selectableFields?: string[];
  printerColumns?: PrinterColumn[];
  /** Built-in kinds accept strategic merge patches; custom resources answer 415 as in kube. */
  strategicMerge: boolean;
  /** Where it comes from: compiled in, or a CustomResourceDefinition object in the store. */
  source: 'builtin' | 'crd';
  /** Virtual kinds are answered by a handler (reviews, projects, processed templates), never stored
   * under their own name. */
  virtual?: boolean;
}

export const CRUD_VERBS: Verb[] = [
  'create',
  'delete',
  'deletecollection',
  'get',
  'list',
  'patch',
  'update',
  'watch',
];

export const apiVersionOf = (k: Pick<ResourceKind, 'group' | 'version'>): string =>
  k.group ? `${k.group}/${k.version}` : k.version;

/** The name a CRD for this kind would carry, also used as the registry key. */
export const resourceKey = (group: string, version: string, plural: string): string =>
  `${group}/${version}/${plural}`;
