/** i18next with the console's settings (console-runtime.md §3.1) and a tiny HTTP backend. */
import i18n, { type BackendModule, type ReadCallback } from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';
import ja from './locales/ja.json';

export const LANGUAGES = ['en', 'ja'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'console-host.language';

/** Loads `<basePath>locales/resource.json?lng=<lng>&ns=<ns>`; failures give an empty bundle. */
const httpBackend = (basePath: string): BackendModule => ({
  type: 'backend',
  init: () => undefined,
  read: (lng: string, ns: string, callback: ReadCallback) => {
    const url = `${basePath}locales/resource.json?lng=${encodeURIComponent(lng)}&ns=${encodeURIComponent(ns)}`;
    fetch(url, { credentials: 'same-origin' })
      .then((r) => (r.ok ? r.json() : {}))
      .then(
        (data: Record<string, string>) => callback(null, data),
        () => callback(null, {}),
      );
  },
});

export const initialLanguage = (): Language => {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (stored && (LANGUAGES as readonly string[]).includes(stored)) return stored as Language;
  return navigator.language?.toLowerCase().startsWith('ja') ? 'ja' : 'en';
};

export const setLanguage = async (lng: Language): Promise<void> => {
  localStorage.setItem(STORAGE_KEY, lng);
  document.documentElement.lang = lng;
  await i18n.changeLanguage(lng);
};

export const initI18n = async (basePath: string, namespaces: string[]): Promise<void> => {
  const lng = initialLanguage();
  document.documentElement.lang = lng;
  await i18n
    .use(httpBackend(basePath))
    .use(initReactI18next)
    .init({
      lng,
      fallbackLng: 'en',
      load: 'languageOnly',
      ns: ['console-host', ...namespaces],
      defaultNS: 'console-host',
      nsSeparator: '~',
      keySeparator: false,
      contextSeparator: '~',
      partialBundledLanguages: true,
      resources: { en: { 'console-host': en }, ja: { 'console-host': ja } },
      interpolation: { escapeValue: false },
      react: { useSuspense: true, transSupportBasicHtmlNodes: true },
    });
};

export { i18n };
