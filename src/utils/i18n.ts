/** The i18next namespace of every string the plugin shows (console convention: `plugin__<name>`). */
export const I18N_NAMESPACE = 'plugin__virt-console-plugin';

/**
 * Marks a fully qualified key (`plugin__virt-console-plugin~Text`) for extraction without
 * translating it: the console translates model `labelKey`s and `%ns~key%` extension strings
 * itself. `scripts/check-locales.mjs` collects every `i18nKey('...')` call.
 */
export const i18nKey = <K extends `${typeof I18N_NAMESPACE}~${string}`>(key: K): K => key;
