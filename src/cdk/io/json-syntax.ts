/**
 * The offset of the first JSON syntax error in `text` (text.length when it ends too early), or
 * undefined when it is valid. V8's JSON.parse messages don't always carry a position, and users
 * editing a config by hand need a line and column.
 */
export function jsonErrorOffset(text: string): number | undefined {
  let i = 0;
  const space = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const literal = (word: string): boolean => {
    if (text.startsWith(word, i)) {
      i += word.length;
      return true;
    }
    return false;
  };
  const string = (): boolean => {
    if (text[i] !== '"') return false;
    i++;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return true;
      }
      if (c < 0x20) return false;
      if (c === 0x5c) {
        const next = text[i + 1];
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return false;
          i += 6;
        } else if (next !== undefined && '"\\/bfnrt'.includes(next)) i += 2;
        else return false;
      } else i++;
    }
    return false;
  };
  const number = (): boolean => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!match) return false;
    i += match[0].length;
    return true;
  };
  const value = (depth: number): boolean => {
    space();
    const c = text[i];
    if (c === '{' || c === '[') {
      if (depth > 500) return false;
      const close = c === '{' ? '}' : ']';
      i++;
      space();
      if (text[i] === close) {
        i++;
        return true;
      }
      for (;;) {
        if (c === '{') {
          space();
          if (!string()) return false;
          space();
          if (text[i] !== ':') return false;
          i++;
        }
        if (!value(depth + 1)) return false;
        space();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] !== close) return false;
        i++;
        return true;
      }
    }
    if (c === '"') return string();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    return number();
  };
  if (!value(0)) return i;
  space();
  return i < text.length ? i : undefined;
}

/**
 * JSON.parse's message without the piece of the text V8 quotes ('Unexpected token, "…" is not
 * valid JSON'): that piece is cut at an arbitrary place, so it could print part of a secret that no
 * scrub recognises (a config or an answer that failed to parse has registered nothing yet).
 */
export function jsonParseReason(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.message.replace(/, ".*"(\.\.\.)? is not valid JSON$/s, ' (not valid JSON)');
}
