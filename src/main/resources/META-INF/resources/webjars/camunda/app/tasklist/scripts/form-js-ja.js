/*
 * Japanese for the Camunda Forms (form-js) that Tasklist renders.
 *
 * Tasklist 7.24 creates the form-js viewer without a translation module, and form-js
 * writes its validation messages ("Field is required.") and a few labels ("Select",
 * "Search") as fixed English text. This script, loaded through `customScripts` in
 * config.js, rewrites exactly those texts inside form containers when Tasklist itself
 * shows Japanese (same rule as Tasklist: the browser's first preferred language), and
 * sets the date picker (flatpickr) to Japanese. Labels and values of the forms are
 * never touched.
 */

const FORM = '.fjs-container';

// Texts that form-js itself writes, exactly as it writes them.
const FIXED = {
  'Select': '選択してください',
  'Search': '検索',
  'No results': '該当するものはありません',
  'All values selected': 'すべて選択済みです',
  'Add new': '追加',
  'Collapse': '折りたたむ',
  'Nothing to show.': '表示する内容はありません。',
  'No content to show.': '表示する内容はありません。',
  "External content couldn't be loaded.": '外部のコンテンツを読み込めませんでした。',
  'Remove tag': '削除',
  'Next page': '次のページ',
  'Previous page': '前のページ',
  'Field is required.': 'この項目は必須です。',
  'Field must be a valid email.': 'メールアドレスの形式で入力してください。',
  'Field must be a valid  international phone number. (e.g. +4930664040900)':
    '国際電話番号の形式（例：+81312345678）で入力してください。',
  'Value is not a number.': '数値を入力してください。',
  'Value is expected to be an integer.': '整数を入力してください。',
  'Date and time must both be entered.': '日付と時刻の両方を入力してください。',
  'A number is required.': '数値を入力してください。'
};

// Texts with a value in them.
const PATTERNS = [
  [/^Field must have minimum length of (\S+)\.$/, (n) => `${n}文字以上で入力してください。`],
  [/^Field must have maximum length of (\S+)\.$/, (n) => `${n}文字以内で入力してください。`],
  [/^Field must have minimum value of (\S+)\.$/, (n) => `${n}以上の値を入力してください。`],
  [/^Field must have maximum value of (\S+)\.$/, (n) => `${n}以下の値を入力してください。`],
  [/^Field must match pattern .*\.$/s, () => '入力の形式が正しくありません。'],
  [/^Value is expected to have at most (\d+) decimal digits?\.$/, (n) => `小数点以下${n}桁以内で入力してください。`],
  [
    /^Please select a valid value, the two nearest valid values are (\S+) and (\S+)\.$/,
    (a, b) => `有効な値を入力してください（近い値：${a}、${b}）。`
  ],
  [/^Expand all \((\d+)\)$/, (n) => `すべて表示（${n}件）`]
];

// Parts of a form that show the form's own content, never form-js texts.
const CONTENT = 'label, .fjs-form-field-description, .fjs-form-field-text, .fjs-form-field-html, '
  + '.fjs-taglist-tag-label, .fjs-table-td, .fjs-dropdownlist-item, .fjs-select-display:not(.fjs-select-placeholder)';

const FLATPICKR_JA = {
  weekdays: {
    shorthand: ['日', '月', '火', '水', '木', '金', '土'],
    longhand: ['日曜日', '月曜日', '火曜日', '水曜日', '木曜日', '金曜日', '土曜日']
  },
  months: {
    shorthand: ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月'],
    longhand: ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月']
  },
  firstDayOfWeek: 0,
  rangeSeparator: '～',
  time_24hr: true,
  yearAriaLabel: '年',
  monthAriaLabel: '月',
  hourAriaLabel: '時',
  minuteAriaLabel: '分',
  toggleTitle: 'クリックで切り替え'
};

function prefersJapanese() {
  const nav = window.navigator;
  const first = (Array.isArray(nav.languages) && nav.languages.length ? nav.languages[0] : nav.language) || '';
  return first.split('-')[0].toLowerCase() === 'ja';
}

/** The Japanese for a text form-js wrote, or null. */
export function translate(text) {
  const trimmed = text.trim();
  if (!trimmed) {
    return null;
  }
  if (Object.prototype.hasOwnProperty.call(FIXED, trimmed)) {
    return text.replace(trimmed, FIXED[trimmed]);
  }
  for (const [pattern, render] of PATTERNS) {
    const match = pattern.exec(trimmed);
    if (match) {
      return text.replace(trimmed, render(...match.slice(1)));
    }
  }
  return null;
}

function translateTextNode(node) {
  const parent = node.parentElement;
  if (!parent || !parent.closest(FORM) || parent.closest(CONTENT)) {
    return;
  }
  const japanese = translate(node.data);
  if (japanese !== null && japanese !== node.data) {
    node.data = japanese;
  }
}

function translateAttributes(element) {
  for (const attribute of ['placeholder', 'title', 'aria-label']) {
    const value = element.getAttribute(attribute);
    if (value) {
      const japanese = translate(value);
      if (japanese !== null && japanese !== value) {
        element.setAttribute(attribute, japanese);
      }
    }
  }
}

function translateTree(root) {
  if (root.nodeType === Node.TEXT_NODE) {
    translateTextNode(root);
    return;
  }
  if (root.nodeType !== Node.ELEMENT_NODE) {
    return;
  }
  if (root.closest(FORM)) {
    translateAttributes(root);
  }
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === Node.TEXT_NODE) {
      translateTextNode(node);
    }
    else if (node.closest(FORM)) {
      translateAttributes(node);
    }
  }
}

function localizeDatePicker() {
  const flatpickr = window.flatpickr;
  if (flatpickr && typeof flatpickr.localize === 'function' && !flatpickr.__casework_ja) {
    flatpickr.localize(FLATPICKR_JA);
    flatpickr.__casework_ja = true;
  }
}

function start() {
  localizeDatePicker();
  translateTree(document.body);
  new MutationObserver((mutations) => {
    localizeDatePicker();
    for (const mutation of mutations) {
      if (mutation.type === 'characterData') {
        translateTextNode(mutation.target);
      }
      else if (mutation.type === 'attributes') {
        if (mutation.target.closest(FORM)) {
          translateAttributes(mutation.target);
        }
      }
      else {
        mutation.addedNodes.forEach(translateTree);
      }
    }
  }).observe(document.body, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['placeholder', 'title', 'aria-label']
  });
}

if (prefersJapanese()) {
  if (document.body) {
    start();
  }
  else {
    document.addEventListener('DOMContentLoaded', start);
  }
}
