/** Top-level routes: standalone plugin pages without the frame, everything else inside it. */
import { Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { ModalProvider, OverlayProvider } from '../../sdk/pure';
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
        {/* The SDK's useModal/useOverlay need these, from the same module the plugin gets. */}
        <ModalProvider>
          <OverlayProvider>
            <Routes>
              {standalone}
              <Route path="*" element={<Frame />} />
            </Routes>
          </OverlayProvider>
        </ModalProvider>
      </ContextProviders>
    </Suspense>
  );
};
