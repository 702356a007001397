/** Renders a plugin component from a `$codeRef`, lazily, inside Suspense and an error boundary. */
import { createElement, lazy, Suspense, type ComponentType } from 'react';
import type { CodeRef } from '@openshift/dynamic-plugin-sdk';
import { ErrorBoundary } from '../app/ErrorBoundary';
import { Loading } from '../app/Loading';

type AnyProps = Record<string, unknown>;
const lazies = new WeakMap<CodeRef, ComponentType<AnyProps>>();

const lazyFor = (codeRef: CodeRef): ComponentType<AnyProps> => {
  let component = lazies.get(codeRef);
  if (!component) {
    component = lazy(async () => ({ default: (await codeRef()) as ComponentType<AnyProps> }));
    lazies.set(codeRef, component);
  }
  return component;
};

export const PluginPage = ({
  component,
  props = {},
  resetKey,
}: {
  component: CodeRef;
  props?: AnyProps;
  resetKey?: string;
}) => {
  return (
    <ErrorBoundary resetKey={resetKey}>
      <Suspense fallback={<Loading />}>{createElement(lazyFor(component), props)}</Suspense>
    </ErrorBoundary>
  );
};
