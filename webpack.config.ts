/**
 * Plugin build: ConsoleRemotePlugin turns `package.json#consolePlugin` and
 * `console-extensions.json` into a module federation container under `dist/`, the way the
 * OpenShift console 4.22 loads it. Loaded by webpack-cli through tsx (see the `build` script).
 */
import path from 'node:path';
import { ConsoleRemotePlugin } from '@openshift-console/dynamic-plugin-sdk-webpack';
import CopyWebpackPlugin from 'copy-webpack-plugin';
import type { Configuration } from 'webpack';

const isProduction = process.env.NODE_ENV === 'production';
const root = __dirname;

const config: Configuration = {
  mode: isProduction ? 'production' : 'development',
  // exposedModules paths in package.json are relative to this context.
  context: path.resolve(root, 'src'),
  entry: {},
  output: {
    path: path.resolve(root, 'dist'),
    filename: isProduction ? '[name]-bundle-[contenthash].min.js' : '[name]-bundle.js',
    chunkFilename: isProduction ? '[name]-chunk-[chunkhash].min.js' : '[name]-chunk.js',
    clean: true,
  },
  resolve: {
    extensions: ['.ts', '.tsx', '.js', '.jsx'],
  },
  module: {
    rules: [
      {
        test: /\.tsx?$/,
        exclude: /node_modules/,
        use: [
          {
            loader: 'ts-loader',
            options: {
              // Type checking is `tsc --noEmit`'s job; the build only transpiles.
              transpileOnly: true,
              onlyCompileBundledFiles: true,
              configFile: path.resolve(root, 'tsconfig.json'),
              compilerOptions: {
                noEmit: false,
                module: 'esnext',
                sourceMap: !isProduction,
              },
            },
          },
        ],
      },
      {
        // Stylesheets of bundled libraries (xterm.css) come in as text; the component that needs
        // one adds it to the page (see src/components/consoles/serial/xtermStyles.ts).
        test: /\.css$/,
        type: 'asset/source',
      },
    ],
  },
  // noVNC's ES modules use top-level await (WebCodecs probing); webpack 5 makes them async modules.
  experiments: { topLevelAwait: true },
  plugins: [
    new ConsoleRemotePlugin(),
    new CopyWebpackPlugin({
      patterns: [{ from: path.resolve(root, 'locales'), to: 'locales' }],
    }),
  ],
  devtool: isProduction ? false : 'source-map',
  optimization: {
    chunkIds: isProduction ? 'deterministic' : 'named',
    minimize: isProduction,
  },
  performance: { hints: false },
  watchOptions: { ignored: /node_modules/ },
};

export default config;
