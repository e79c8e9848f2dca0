/** Text for a CSS string: quotes, backslashes and line ends escaped, so a page footer is only ever text. */
export function cssString(text: string): string {
  return `"${text
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/[\r\n]+/g, ' ')
    // Never the end of a <style> element.
    .replace(/</g, '\\3c ')}"`;
}
