import vi from './vi.js';

const dictionaries = { vi };

/**
 * A bpmn-js module replacing the `translate` service: Vietnamese unless `language` is 'en'.
 * Templates missing from the dictionary stay English, so a newer bpmn-js string never disappears.
 */
export function translateModule(language) {
  const dictionary = dictionaries[normalize(language)] || {};

  function translate(template, replacements = {}) {
    const text = dictionary[template] || template;
    return text.replace(/{([^}]+)}/g, (_, key) => (key in replacements ? replacements[key] : `{${key}}`));
  }

  return { translate: [ 'value', translate ] };
}

/** 'vi' unless the caller asks for English ('en', 'en-US', ...). */
export function normalize(language) {
  return typeof language === 'string' && language.toLowerCase().startsWith('en') ? 'en' : 'vi';
}
