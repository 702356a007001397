/**
 * The webpack share scope handed to every plugin container (console-runtime.md §2, §6.2): the
 * console-shared singletons, and this host's SDK runtime as `@openshift-console/dynamic-plugin-sdk`.
 */
import React from 'react';
import ReactDOM from 'react-dom';
import * as ReactRouter from 'react-router';
import * as ReactI18next from 'react-i18next';
import * as ReactRedux from 'react-redux';
import * as Redux from 'redux';
import * as ReduxThunk from 'redux-thunk';
import * as OpenShiftDynamicPluginSDK from '@openshift/dynamic-plugin-sdk';
import { sdk } from '../sdk';

declare const __SHARED_VERSIONS__: Record<string, string>;

const versions: Record<string, string> =
  typeof __SHARED_VERSIONS__ === 'undefined' ? {} : __SHARED_VERSIONS__;

type ShareEntry = { get: () => () => unknown; from: string; eager: boolean; loaded: 1 };
export type ShareScope = Record<string, Record<string, ShareEntry>>;

const entry = (name: string, module: unknown, version = versions[name] ?? '0.0.0') => ({
  [version]: { get: () => () => module, from: 'console-host', eager: true, loaded: 1 as const },
});

export const createShareScope = (): ShareScope => {
  const scope: ShareScope = {
    react: entry('react', React),
    'react-dom': entry('react-dom', ReactDOM),
    'react-router': entry('react-router', ReactRouter),
    'react-i18next': entry('react-i18next', ReactI18next),
    'react-redux': entry('react-redux', ReactRedux),
    redux: entry('redux', Redux),
    'redux-thunk': entry('redux-thunk', ReduxThunk),
    '@openshift/dynamic-plugin-sdk': entry(
      '@openshift/dynamic-plugin-sdk',
      OpenShiftDynamicPluginSDK,
    ),
    '@openshift-console/dynamic-plugin-sdk': entry(
      '@openshift-console/dynamic-plugin-sdk',
      sdk,
      '4.22.0',
    ),
  };
  // The console aliases the deprecated router packages to react-router.
  scope['react-router-dom'] = scope['react-router'];
  scope['react-router-dom-v5-compat'] = scope['react-router'];
  return scope;
};
