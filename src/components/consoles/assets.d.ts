/** Stylesheets imported as text (webpack `asset/source`, see webpack.config.ts). */
declare module '*.css' {
  const text: string;
  export default text;
}
