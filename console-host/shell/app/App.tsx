/** Top-level routes: standalone plugin pages without the frame, everything else inside it. */
import { Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { useStandaloneRoutes } from '../routes/pluginRoutes';
import { ContextProviders } from './ContextProviders';
import { FeatureFlags } from './FeatureFlags';
import { Frame } from './Frame';
import { Loading } from './Loading';

export const App = () => {
  const standalone = useStandaloneRoutes();
  return (
    <Suspense fallback={<Loading />}>
      <FeatureFlags />
      <ContextProviders>
        <Routes>
          {standalone}
          <Route path="*" element={<Frame />} />
        </Routes>
      </ContextProviders>
    </Suspense>
  );
};
