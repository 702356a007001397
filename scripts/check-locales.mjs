#!/usr/bin/env node
// Checks the plugin's locale catalogs against the keys the code uses: every `t('...')` and
// `i18nKey('...')` in src (test files excluded) and every `%plugin__virt-console-plugin~...%`
// string in console-extensions.json, extracted with i18next-parser's lexers as configured in
// i18next-parser.config.mjs. Fails on a missing or stale key in any locale, an English value that
// differs from its key, an empty translation, a key in a foreign namespace, or unsorted keys.
//   node scripts/check-locales.mjs           check (exit 1 on problems)
//   node scripts/check-locales.mjs --write   also add missing keys (en = key, others empty), drop stale ones, sort
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parser as Parser } from 'i18next-parser';
import config, { compareKeys, NAMESPACE } from '../i18next-parser.config.mjs';

const started = performance.now();
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const write = process.argv.includes('--write');
const NS_SEP = config.namespaceSeparator;
const PLURAL_SEP = config.pluralSeparator;
const CONTEXT_SEP = config.contextSeparator;
/** Plural suffixes each locale needs (CLDR categories in use). */
const PLURAL_FORMS = { en: ['one', 'other'], ja: ['other'] };

const sourceFiles = () => [
  ...readdirSync(path.join(root, 'src'), { recursive: true })
    .map(String)
    .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f))
    .map((f) => path.join('src', f)),
  'console-extensions.json',
];

/** Base keys (without plural suffix) the code uses, with whether each is plural, and problems. */
const extractKeys = () => {
  const lexerParser = new Parser({ lexers: config.lexers });
  const problems = [];
  lexerParser.on('warning', (w) => problems.push(`lexer warning: ${w}`));
  const keys = new Map();
  for (const file of sourceFiles()) {
    const content = readFileSync(path.join(root, file), 'utf8');
    for (const entry of lexerParser.parse(content, file)) {
      let { key } = entry;
      let namespace = entry.namespace ?? config.defaultNamespace;
      // A fully qualified key (`ns~Text`) names its namespace, as i18next reads it.
      const sep = key.indexOf(NS_SEP);
      if (sep > 0 && !/\s/.test(key.slice(0, sep))) {
        namespace = key.slice(0, sep);
        key = key.slice(sep + NS_SEP.length);
      }
      if (namespace !== NAMESPACE) {
        problems.push(
          `${file}: key "${entry.key}" is in namespace "${namespace}", not ${NAMESPACE}`,
        );
        continue;
      }
      if (entry.context) key = `${key}${CONTEXT_SEP}${entry.context}`;
      const plural = 'count' in entry;
      keys.set(key, (keys.get(key) ?? false) || plural);
    }
  }
  return { keys, problems };
};

const expectedFor = (locale, keys) => {
  const expected = new Map();
  for (const [key, plural] of keys) {
    if (!plural) expected.set(key, { base: key, plural: false });
    else
      for (const form of PLURAL_FORMS[locale])
        expected.set(`${key}${PLURAL_SEP}${form}`, { base: key, plural: true });
  }
  return expected;
};

const { keys, problems } = extractKeys();
for (const locale of config.locales) {
  const file = path.join('locales', locale, `${NAMESPACE}.json`);
  let catalog;
  try {
    catalog = JSON.parse(readFileSync(path.join(root, file), 'utf8'));
  } catch (error) {
    problems.push(`${file}: cannot read (${error.message})`);
    catalog = {};
  }
  const expected = expectedFor(locale, keys);
  for (const [key, { base, plural }] of expected) {
    if (!Object.hasOwn(catalog, key)) {
      problems.push(`${file}: missing key "${key}"`);
      if (write) catalog[key] = locale === 'en' && !plural ? key : locale === 'en' ? base : '';
      continue;
    }
    const value = catalog[key];
    if (typeof value !== 'string' || value.trim() === '')
      problems.push(`${file}: empty value for "${key}"`);
    else if (locale === 'en' && !plural && value !== key)
      problems.push(`${file}: English value of "${key}" differs from its key: "${value}"`);
  }
  for (const key of Object.keys(catalog)) {
    if (!expected.has(key)) {
      problems.push(`${file}: stale key "${key}" (not used in src or console-extensions.json)`);
    }
  }
  if (write)
    catalog = Object.fromEntries(Object.entries(catalog).filter(([key]) => expected.has(key)));
  const catalogKeys = Object.keys(catalog);
  const sortedKeys = [...catalogKeys].sort(compareKeys);
  if (sortedKeys.some((key, i) => key !== catalogKeys[i]))
    problems.push(`${file}: keys are not sorted`);
  if (write) {
    const sorted = Object.fromEntries(sortedKeys.map((k) => [k, catalog[k]]));
    writeFileSync(path.join(root, file), `${JSON.stringify(sorted, null, 2)}\n`);
  }
}

const ms = Math.round(performance.now() - started);
if (problems.length) {
  console.error(problems.map((p) => `  ${p}`).join('\n'));
  console.error(
    `check-locales: ${problems.length} problem(s) in ${config.locales.join(', ')} (${keys.size} keys, ${ms} ms)${write ? '; catalogs rewritten' : ''}`,
  );
  process.exit(1);
}
console.log(`check-locales: ${keys.size} keys complete in ${config.locales.join(', ')} (${ms} ms)`);
