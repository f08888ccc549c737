// Tokenizer of the QBO query language: identifiers (with dots), keywords, quoted strings with backslash
// escapes, numbers, operators and punctuation. Positions are kept for QBO-like parser messages.
import { parseFault } from '../faults.js';

export type TokenKind = 'ident' | 'string' | 'number' | 'op' | 'punct' | 'star' | 'eof';

export interface Token {
  kind: TokenKind;
  /** Identifier or operator text as written; string/number value text (unescaped for strings). */
  text: string;
  /** 1-based column, as QBO reports it. */
  column: number;
}

const IDENT_START = /[A-Za-z_]/;
const IDENT_PART = /[A-Za-z0-9_.]/;

export function tokenize(source: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const n = source.length;
  while (i < n) {
    const c = source[i] as string;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    const column = i + 1;
    if (IDENT_START.test(c)) {
      let j = i + 1;
      while (j < n && IDENT_PART.test(source[j] as string)) j++;
      out.push({ kind: 'ident', text: source.slice(i, j), column });
      i = j;
    } else if (c === "'" || c === '"') {
      // QBO escapes an apostrophe inside a quoted value with a backslash: 'Amy\'s Bird Sanctuary'.
      let j = i + 1;
      let text = '';
      for (;;) {
        if (j >= n) throw parseFault(`Lexical error at line 1, column ${n + 1}.  Encountered: <EOF> after : "${source.slice(i)}"`);
        const d = source[j] as string;
        if (d === '\\' && j + 1 < n) {
          text += source[j + 1];
          j += 2;
        } else if (d === c) {
          j++;
          break;
        } else {
          text += d;
          j++;
        }
      }
      out.push({ kind: 'string', text, column });
      i = j;
    } else if (/[0-9]/.test(c) || ((c === '-' || c === '+') && /[0-9.]/.test(source[i + 1] ?? ''))) {
      let j = i + 1;
      while (j < n && /[0-9.eE]/.test(source[j] as string)) j++;
      out.push({ kind: 'number', text: source.slice(i, j), column });
      i = j;
    } else if (c === '<' || c === '>' || c === '=' || c === '!') {
      const two = source.slice(i, i + 2);
      const op = two === '<=' || two === '>=' || two === '!=' || two === '<>' ? two : c;
      out.push({ kind: 'op', text: op, column });
      i += op.length;
    } else if (c === '(' || c === ')' || c === ',') {
      out.push({ kind: 'punct', text: c, column });
      i++;
    } else if (c === '*') {
      out.push({ kind: 'star', text: c, column });
      i++;
    } else {
      throw parseFault(`Lexical error at line 1, column ${column}.  Encountered: "${c}" (${c.charCodeAt(0)}), after : ""`);
    }
  }
  out.push({ kind: 'eof', text: '<EOF>', column: n + 1 });
  return out;
}
