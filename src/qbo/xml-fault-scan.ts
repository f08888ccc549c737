// Reading a Fault out of an XML (or HTML) error body in linear time, whatever the body holds. Lazy
// regexes over `<Fault ...>...</Fault>` retry from every opening tag to the end of the text: one
// 1.6 MB reply with 100,000 unclosed tags kept the process busy for most of a minute, with no timer
// able to fire. Here each tag is found with indexOf from where the last one ended, only the first
// MAX_SCAN_CHARS of a body are looked at (a real Fault is a few hundred bytes), and every text
// taken out is capped before it is decoded.

/** How much of a body the scan looks at. */
export const MAX_SCAN_CHARS = 64 * 1024;
/** Longest text (a Message, a Detail, a title) taken out of a body. */
export const MAX_FIELD_CHARS = 2000;

export interface ScannedElement {
  /** The opening tag's attributes text. */
  attrs: string;
  /** What lies between the opening and the closing tag (to the end of `text` when unclosed). */
  inner: string;
  /** Where scanning for a following element goes on. */
  next: number;
}

/** The head of a body that the scan looks at. */
export function scanHead(text: string): string {
  return text.length > MAX_SCAN_CHARS ? text.slice(0, MAX_SCAN_CHARS) : text;
}

/**
 * The first element named `name` (any namespace prefix) in `text` from `from`, found in one pass:
 * each `<` is visited once, and the end of its tag is found by a forward-only search.
 */
export function firstElement(text: string, name: string, from = 0, caseInsensitive = false): ScannedElement | undefined {
  const wanted = caseInsensitive ? name.toLowerCase() : name;
  let gt = -1;
  for (let lt = text.indexOf('<', from); lt !== -1; lt = text.indexOf('<', lt + 1)) {
    if (gt < lt) gt = text.indexOf('>', lt);
    if (gt === -1) return undefined; // no tag ends after here: nothing can follow
    const tag = tagName(text, lt + 1, gt);
    if (tag === undefined || (caseInsensitive ? tag.local.toLowerCase() : tag.local) !== wanted) continue;
    const attrs = text.slice(tag.end, gt).replace(/\/$/, '');
    const close = text.indexOf(`</${tag.qualified}`, gt + 1);
    if (close === -1) return { attrs, inner: text.slice(gt + 1), next: text.length };
    return { attrs, inner: text.slice(gt + 1, close), next: close + 2 + tag.qualified.length };
  }
  return undefined;
}

/** Every element named `name` in `text`, in order, each searched for after the previous one ended: linear. */
export function allElements(text: string, name: string, limit = 50): ScannedElement[] {
  const out: ScannedElement[] = [];
  for (let from = 0; out.length < limit && from < text.length; ) {
    const found = firstElement(text, name, from);
    if (found === undefined) break;
    out.push(found);
    from = found.next;
  }
  return out;
}

/** A child element's text (CDATA and entities decoded, capped), or ''. */
export function childText(xml: string, name: string): string {
  const found = firstElement(xml, name);
  return found === undefined ? '' : decodeXml(capped(found.inner)).trim();
}

/** An attribute's decoded value, or undefined. */
export function attrValue(attrs: string, name: string): string | undefined {
  const m = new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]{0,${MAX_FIELD_CHARS}})"|'([^']{0,${MAX_FIELD_CHARS}})')`).exec(capped(attrs));
  return m ? decodeXml(m[1] ?? m[2] ?? '') : undefined;
}

export function capped(text: string): string {
  return text.length > MAX_FIELD_CHARS ? text.slice(0, MAX_FIELD_CHARS) : text;
}

/** Entities and CDATA sections decoded; the input is capped, so the CDATA pattern stays cheap. */
export function decodeXml(text: string): string {
  return capped(text)
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d{1,7});/g, (_, n: string) => (Number(n) <= 0x10ffff ? String.fromCodePoint(Number(n)) : ''))
    .replace(/&amp;/g, '&');
}

/** `prefix:Local` at text[start..end): the qualified and local name, and where the name ends. */
function tagName(text: string, start: number, end: number): { qualified: string; local: string; end: number } | undefined {
  let i = start;
  while (i < end && /[\w:.-]/.test(text[i] as string)) i++;
  if (i === start) return undefined;
  const qualified = text.slice(start, i);
  const colon = qualified.lastIndexOf(':');
  return { qualified, local: colon === -1 ? qualified : qualified.slice(colon + 1), end: i };
}
