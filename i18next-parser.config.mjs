// i18next-parser configuration: `npx i18next -c i18next-parser.config.mjs` rewrites the locale
// catalogs; `npm run check:locales` (scripts/check-locales.mjs) uses the same lexers to check them.
import { EventEmitter } from 'node:events';

export const NAMESPACE = 'plugin__virt-console-plugin';

/** `%plugin__virt-console-plugin~Text%` strings in console-extensions.json, translated by the console. */
export class ConsoleExtensionsLexer extends EventEmitter {
  extract(content) {
    const keys = [];
    for (const match of content.matchAll(/"%([^%"~]+)~([^%"]+)%"/g)) {
      keys.push({ namespace: match[1], key: match[2] });
    }
    return keys;
  }
}

const PLURAL_ORDER = ['zero', 'one', 'two', 'few', 'many', 'other'];
const pluralParts = (key) => {
  const match = /^(.*)_(zero|one|two|few|many|other)$/s.exec(key);
  return match ? [match[1], PLURAL_ORDER.indexOf(match[2])] : [key, -1];
};

/** Catalog key order (the parser's default): by singular key, English collation, then plural form. */
export const compareKeys = (a, b) => {
  const [baseA, formA] = pluralParts(a);
  const [baseB, formB] = pluralParts(b);
  return baseA === baseB ? formA - formB : baseA.localeCompare(baseB, 'en');
};

// `t` is react-i18next's; `i18nKey` marks fully qualified keys (model labels) in src/utils/i18n.ts.
const functions = ['t', 'i18nKey'];

export default {
  input: ['src/**/*.{ts,tsx}', '!src/**/*.test.{ts,tsx}', 'console-extensions.json'],
  output: 'locales/$LOCALE/$NAMESPACE.json',
  locales: ['en', 'ja'],
  defaultNamespace: NAMESPACE,
  namespaceSeparator: '~',
  keySeparator: false,
  contextSeparator: '_',
  pluralSeparator: '_',
  // English keys are the English strings; other languages start empty so the check flags them.
  defaultValue: (locale, _namespace, key) => (locale === 'en' ? key : ''),
  createOldCatalogs: false,
  keepRemoved: false,
  sort: compareKeys,
  indentation: 2,
  lineEnding: 'lf',
  lexers: {
    ts: [{ lexer: 'JavascriptLexer', functions }],
    tsx: [{ lexer: 'JsxLexer', functions }],
    json: [ConsoleExtensionsLexer],
    default: [{ lexer: 'JavascriptLexer', functions }],
  },
};
