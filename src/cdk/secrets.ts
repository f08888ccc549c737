/** Knows every secret value of a run and removes them from any text before it leaves the process. */
export class SecretRegistry {
  private readonly values = new Set<string>();

  /** Register a secret; short values (under 4 chars) are ignored, they would shred ordinary text. */
  add(value: unknown): void {
    if (typeof value !== 'string' || value.length < 4) return;
    this.values.add(value);
    const encoded = encodeURIComponent(value);
    if (encoded !== value) this.values.add(encoded);
    const json = JSON.stringify(value).slice(1, -1);
    if (json !== value) this.values.add(json);
  }

  get size(): number {
    return this.values.size;
  }

  /** Replace every registered secret in `text` with ****. */
  scrub(text: string): string {
    if (this.values.size === 0) return text;
    let out = text;
    for (const secret of this.values) {
      if (out.includes(secret)) out = out.split(secret).join('****');
    }
    return out;
  }
}
