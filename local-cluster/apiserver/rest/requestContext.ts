import type { UserInfo } from '../core/types';

export type FieldValidation = 'Strict' | 'Warn' | 'Ignore';

/** What a write needs to know about the request beyond the object: who, and the query options. */
export interface RequestContext {
  user: UserInfo;
  dryRun: boolean;
  fieldManager?: string;
  fieldValidation: FieldValidation;
  /** Collected `Warning` headers (kube sends them for dropped unknown fields, deprecated uses). */
  warnings: string[];
}

export const systemContext = (): RequestContext => ({
  user: { username: 'system:apiserver', groups: ['system:masters', 'system:authenticated'] },
  dryRun: false,
  fieldValidation: 'Ignore',
  warnings: [],
});
