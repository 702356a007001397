/**
 * The console host's runtime of `@openshift-console/dynamic-plugin-sdk`: what the share scope
 * provides to plugins under that name (version 4.22.0). `satisfies` keeps every signature equal to
 * the 4.22 declarations.
 */
import type * as ConsoleSDK from '@openshift-console/dynamic-plugin-sdk';
import * as pure from './pure';
import { consoleFetch, consoleFetchJSON, consoleFetchText } from './k8s/fetch';
import {
  k8sCreate,
  k8sDelete,
  k8sGet,
  k8sList,
  k8sListItems,
  k8sPatch,
  k8sUpdate,
} from './k8s/crud';
import { useK8sModel, useK8sModels } from './k8s/useK8sModels';
import { useK8sWatchResource, useK8sWatchResources } from './k8s/useK8sWatchResources';
import { useActiveNamespace } from './hooks/useActiveNamespace';
import { useActivePerspective } from './hooks/useActivePerspective';
import { checkAccess, useAccessReview, useAccessReviewAllowed } from './hooks/accessReview';
import { useFlag } from './hooks/useFlag';
import { useResolvedExtensions } from './hooks/useResolvedExtensions';
import { useUserSettings } from './hooks/useUserSettings';
import { ActionServiceProvider } from './actions/ActionServiceProvider';
import { CodeEditor } from './components/CodeEditor';
import { DocumentTitle } from './components/DocumentTitle';
import { ListPageCreate, ListPageCreateLink } from './components/ListPageCreate';
import { ListPageCreateButton, ListPageCreateDropdown } from './components/ListPageCreateButton';
import { HorizontalNav } from './components/HorizontalNav';
import { usePrometheusPoll } from './hooks/usePrometheusPoll';
import { ListPageFilter } from './components/ListPageFilter';
import { ListPageHeader } from './components/ListPageHeader';
import { NamespaceBar } from './components/NamespaceBar';
import { ResourceIcon } from './components/ResourceIcon';
import { ResourceLink } from './components/ResourceLink';
import { ResourceYAMLEditor } from './components/ResourceYAMLEditor';
import { TableData } from './components/TableData';
import { Timestamp } from './components/Timestamp';
import { useListPageFilter } from './components/useListPageFilter';
import { VirtualizedTable } from './components/VirtualizedTable';

export const sdk = {
  ...pure,
  consoleFetch,
  consoleFetchJSON,
  consoleFetchText,
  k8sGet,
  k8sCreate,
  k8sUpdate,
  k8sPatch,
  k8sDelete,
  k8sList,
  k8sListItems,
  useK8sModel,
  useK8sModels,
  useK8sWatchResource,
  useK8sWatchResources,
  useActiveNamespace,
  useActivePerspective,
  checkAccess,
  useAccessReview,
  useAccessReviewAllowed,
  useFlag,
  useResolvedExtensions,
  useUserSettings,
  useUserPreference: useUserSettings,
  ActionServiceProvider,
  CodeEditor,
  DocumentTitle,
  ListPageCreate,
  ListPageCreateLink,
  ListPageCreateButton,
  ListPageCreateDropdown,
  HorizontalNav,
  usePrometheusPoll,
  ListPageFilter,
  ListPageHeader,
  NamespaceBar,
  ResourceIcon,
  ResourceLink,
  ResourceYAMLEditor,
  TableData,
  Timestamp,
  useListPageFilter,
  VirtualizedTable,
} satisfies Partial<typeof ConsoleSDK>;

/** Names of the value exports this runtime provides (the plugin-import test compares against it). */
export const SDK_EXPORT_NAMES: readonly string[] = Object.keys(sdk);
