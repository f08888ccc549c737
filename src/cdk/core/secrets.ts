// The one set of secrets of a run, and the one scrub every text passes before it leaves the process.
// A secret is masked in each form it can take on the way out: as-is, URL-encoded (query string and
// form body), JSON-escaped (once and twice: a JSON body quoted inside a message), with its line
// breaks collapsed (one-lined messages), line by line, and for the app credentials also as the
// base64 of `client_id:client_secret` and the whole `Basic ...` header value. Callers scrub BEFORE
// they cut, one-line or truncate a text, so no transformation can turn a secret into a form this
// set does not know. The output path scrubs bytes (scrubBytes) and decodes only a chunk with a hit.

/** Forms shorter than this are not masked: they would shred ordinary text. */
const MIN_LENGTH = 4;

export class SecretRegistry {
  private readonly values = new Set<string>();
  /** forms() cache, longest first; rebuilt after an add. */
  private sorted: readonly string[] | undefined;
  /** What scrubBytes looks for, as UTF-8 bytes (see needles), rebuilt after an add. */
  private sortedBytes: readonly Buffer[] | undefined;

  /** Register a secret and its derived forms; non-strings and values under 4 chars are ignored. */
  add(value: unknown): void {
    if (typeof value !== 'string' || value.length < MIN_LENGTH || this.values.has(value)) return;
    for (const form of derivedForms(value)) this.put(form);
  }

  /** Register the app credentials and what HTTP Basic client authentication makes of them (see clientCredentialForms). */
  addClientCredentials(clientId: string, clientSecret: string): void {
    this.add(clientSecret);
    for (const form of clientCredentialForms(clientId, clientSecret)) this.add(form);
  }

  /** How many forms are known (grows with every add). */
  get size(): number {
    return this.values.size;
  }

  /** Every form to mask, longest first (so a longer form is masked before a shorter one inside it). */
  forms(): readonly string[] {
    this.sorted ??= [...this.values].sort((a, b) => b.length - a.length);
    return this.sorted;
  }

  /** Replace every known form in `text` with ****. Scrub before cutting or reshaping a text. */
  scrub(text: string): string {
    if (this.values.size === 0) return text;
    let out = text;
    for (const form of this.forms()) {
      if (out.includes(form)) out = out.split(form).join('****');
    }
    return out;
  }

  /**
   * scrub() for bytes of UTF-8 text (whole lines): the same buffer when no form occurs in it,
   * which is checked on the bytes (the common case costs no decode); else the scrubbed text.
   */
  scrubBytes(bytes: Buffer): Buffer | string {
    if (this.values.size === 0) return bytes;
    this.sortedBytes ??= needles(this.forms()).map((form) => Buffer.from(form, 'utf8'));
    for (const form of this.sortedBytes) {
      if (bytes.indexOf(form) >= 0) return this.scrub(bytes.toString('utf8'));
    }
    return bytes;
  }

  /** Scrub, then cut to at most `max` characters (with … when cut): the only safe order. */
  cut(text: string, max: number): string {
    const clean = this.scrub(text);
    return clean.length > max ? `${clean.slice(0, max)}…` : clean;
  }

  private put(form: string): void {
    if (form.length < MIN_LENGTH || this.values.has(form)) return;
    this.values.add(form);
    this.sorted = undefined;
    this.sortedBytes = undefined;
  }
}

/**
 * The fewest forms whose absence proves every form absent: a form containing another is found
 * whenever it occurs, by looking for the one inside (`Basic <b64>` holds `<b64>`, which holds the
 * unpadded base64). Each needle costs a pass over the bytes, so this keeps scrubBytes to about one
 * pass per secret.
 */
function needles(forms: readonly string[]): string[] {
  const kept: string[] = [];
  for (const form of [...forms].sort((a, b) => a.length - b.length)) {
    if (!kept.some((shorter) => form.includes(shorter))) kept.push(form);
  }
  return kept;
}

/**
 * What HTTP Basic client authentication makes of the app credentials: the base64 of
 * `client_id:client_secret` (raw, and with each part form-encoded first as RFC 6749 2.3.1 says),
 * with and without its padding, and the header value `Basic <base64>`. The client_id alone is not
 * a secret; these are, since they decode to the client_secret.
 */
export function clientCredentialForms(clientId: string, clientSecret: string): string[] {
  const forms: string[] = [];
  for (const pair of new Set([`${clientId}:${clientSecret}`, `${formEncode(clientId)}:${formEncode(clientSecret)}`])) {
    const base64 = Buffer.from(pair).toString('base64');
    forms.push(`Basic ${base64}`, base64, base64.replace(/=+$/, ''));
  }
  return forms;
}

/** The forms a secret string can take in text this process writes. */
function derivedForms(value: string): string[] {
  const json = JSON.stringify(value).slice(1, -1);
  const forms = [value, encodeURIComponent(value), formEncode(value), json, JSON.stringify(json).slice(1, -1)];
  if (/\s/.test(value)) {
    // One-lined messages collapse whitespace runs; a printed piece of a multi-line token is still a secret.
    forms.push(value.replace(/\s+/g, ' ').trim());
    for (const piece of value.split(/[\r\n]+/)) forms.push(piece.trim());
  }
  return forms;
}

/** application/x-www-form-urlencoded, as URLSearchParams writes a token request body. */
function formEncode(value: string): string {
  return new URLSearchParams({ v: value }).toString().slice(2);
}
