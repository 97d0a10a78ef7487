/** A parsed XML element: just enough structure to check a chart by its content. */
export interface XmlElement {
  readonly name: string;
  readonly attributes: Record<string, string>;
  readonly children: XmlElement[];
  text: string;
}

const NAME = '[A-Za-z_][\\w.:-]*';
const TOKEN = new RegExp(`<\\?xml[^?]*\\?>|<!--[\\s\\S]*?-->|<(/?)(${NAME})((?:\\s+${NAME}\\s*=\\s*"[^"<]*")*)\\s*(/?)>|([^<]+)|(<)`, 'g');
const ATTRIBUTE = new RegExp(`(${NAME})\\s*=\\s*"([^"<]*)"`, 'g');
const ENTITY = /&(?!(?:lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);)/;

/**
 * A strict little XML reader for tests (no XML parser is a dependency of the repo): it throws on
 * anything not well-formed — unbalanced or crossed tags, unquoted attributes, a stray `<` or `&`,
 * duplicate attributes, text outside the root — and returns the element tree.
 */
export function parseXml(xml: string): XmlElement {
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  for (const match of xml.matchAll(TOKEN)) {
    const [, closing, name, attributeText, selfClosing, text, stray] = match;
    if (stray) throw new Error(`stray "<" at ${match.index}`);
    if (text !== undefined) {
      if (ENTITY.test(text)) throw new Error(`bad entity in text at ${match.index}`);
      if (stack.length === 0) {
        if (text.trim()) throw new Error(`text outside the root at ${match.index}`);
        continue;
      }
      stack[stack.length - 1].text += decode(text);
      continue;
    }
    if (!name) continue; // declaration or comment
    if (closing) {
      const open = stack.pop();
      if (!open || open.name !== name) throw new Error(`</${name}> closes <${open?.name ?? 'nothing'}>`);
      continue;
    }
    const attributes: Record<string, string> = {};
    for (const [, key, value] of (attributeText ?? '').matchAll(ATTRIBUTE)) {
      if (key in attributes) throw new Error(`duplicate attribute ${key} on <${name}>`);
      if (ENTITY.test(value)) throw new Error(`bad entity in ${key} on <${name}>`);
      attributes[key] = decode(value);
    }
    const element: XmlElement = { name, attributes, children: [], text: '' };
    if (stack.length > 0) stack[stack.length - 1].children.push(element);
    else if (root) throw new Error('more than one root element');
    else root = element;
    if (!selfClosing) stack.push(element);
  }
  if (stack.length > 0) throw new Error(`<${stack[stack.length - 1].name}> is never closed`);
  if (!root) throw new Error('no root element');
  return root;
}

export function descendants(element: XmlElement, predicate: (candidate: XmlElement) => boolean): XmlElement[] {
  return element.children.flatMap((child) => [...(predicate(child) ? [child] : []), ...descendants(child, predicate)]);
}

function decode(text: string): string {
  const characters: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
  return text.replace(/&(lt|gt|amp|quot|apos);/g, (reference, entity: string) => characters[entity] ?? reference);
}
