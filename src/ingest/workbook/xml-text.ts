/**
 * The few pieces of XML reading a workbook needs, written for speed over large sheets: attributes of
 * one tag, the text of an element, entity and Excel escape decoding. Tags may carry a namespace prefix
 * (`<x:row>`), as some generators write them.
 */

const ENTITY = /&(?:#(\d+)|#x([0-9a-fA-F]+)|(amp|lt|gt|quot|apos));/g;
const NAMED = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
]);
/** Excel's escape for characters XML cannot hold: _x000D_ is a carriage return. */
const EXCEL_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

export function decodeXmlText(text: string): string {
  let out = text;
  if (out.includes('&')) {
    out = out.replace(ENTITY, (_m, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
      if (name) return NAMED.get(name) ?? '';
      const code = dec !== undefined ? Number(dec) : Number.parseInt(hex ?? '0', 16);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    });
  }
  if (out.includes('_x'))
    out = out.replace(EXCEL_ESCAPE, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  return out;
}

const ATTRIBUTE = /([A-Za-z_][\w.:-]*)\s*=\s*("([^"]*)"|'([^']*)')/g;

/** The attributes of one tag's text (`<c r="A1" t="s">` → r, t), decoded; prefixes dropped from names. */
export function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  ATTRIBUTE.lastIndex = 0;
  for (let m = ATTRIBUTE.exec(tag); m !== null; m = ATTRIBUTE.exec(tag)) {
    const name = m[1] ?? '';
    const local = name.includes(':') && !name.startsWith('xmlns') ? name.slice(name.indexOf(':') + 1) : name;
    out.set(local, decodeXmlText(m[3] ?? m[4] ?? ''));
  }
  return out;
}

/** Every start tag `<name …>` or `<prefix:name …/>` in `xml`, as its attribute text, in order. */
export function startTags(xml: string, name: string): string[] {
  const pattern = new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${name}(?=[\\s/>])([^>]*)>`, 'g');
  return Array.from(xml.matchAll(pattern), (m) => m[1] ?? '');
}

/** The concatenated `<t>` texts of a string item or inline string, phonetic runs (`<rPh>`) left out. */
export function stringItemText(xml: string): string {
  const withoutPhonetic = xml.includes('rPh') ? xml.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, '') : xml;
  let text = '';
  for (const m of withoutPhonetic.matchAll(/<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>/g)) text += m[1] ?? '';
  return decodeXmlText(text);
}
