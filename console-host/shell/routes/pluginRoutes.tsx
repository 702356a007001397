/** `console.page/route` (and `/standalone`) extensions as react-router routes (console-runtime.md §3 step 8). */
import { Route } from 'react-router';
import { useExtensions, type CodeRef } from '@openshift/dynamic-plugin-sdk';
import {
  isRoutePage,
  isStandaloneRoutePage,
} from '@openshift-console/dynamic-plugin-sdk/lib/extensions';
import { InPerspective } from '../perspectives/InPerspective';
import { PluginPage } from './PluginPage';

type RouteExtension = {
  uid: string;
  properties: {
    path: string | string[];
    exact?: boolean;
    perspective?: string;
    component: unknown;
  };
};

const toRoutes = (extensions: RouteExtension[]) =>
  extensions.flatMap((e) =>
    (Array.isArray(e.properties.path) ? e.properties.path : [e.properties.path]).map((path) => (
      <Route
        key={`${e.uid}:${path}`}
        path={e.properties.exact ? path : `${path.replace(/\/$/, '')}/*`}
        element={
          <InPerspective perspective={e.properties.perspective}>
            <PluginPage component={e.properties.component as CodeRef} resetKey={e.uid} />
          </InPerspective>
        }
      />
    )),
  );

export const usePluginRoutes = () =>
  toRoutes(useExtensions(isRoutePage) as unknown as RouteExtension[]);

export const useStandaloneRoutes = () =>
  toRoutes(useExtensions(isStandaloneRoutePage) as unknown as RouteExtension[]);
