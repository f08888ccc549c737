// Recursive-descent parser for
//   SELECT * | COUNT(*) FROM Entity [WHERE cond [AND cond]*] [ORDERBY path [ASC|DESC][, ...]]
//   [STARTPOSITION n] [MAXRESULTS n]
// Keywords are case-insensitive; STARTPOSITION and MAXRESULTS may come in either order; ORDER BY is accepted too.
import { parseFault, queryFault } from '../faults.js';
import type { Condition, Literal, Operator, OrderTerm, Query } from './ast.js';
import { tokenize, type Token } from './tokenizer.js';

export function parseQuery(source: string): Query {
  return new Parser(tokenize(source)).query();
}

class Parser {
  private pos = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    return this.tokens[this.pos] ?? (this.tokens[this.tokens.length - 1] as Token);
  }
  private next(): Token {
    const t = this.peek();
    if (this.pos < this.tokens.length - 1) this.pos++;
    return t;
  }
  private isKeyword(word: string): boolean {
    const t = this.peek();
    return t.kind === 'ident' && t.text.toUpperCase() === word;
  }
  private fail(expected: string): never {
    const t = this.peek();
    const shown = t.kind === 'eof' ? '<EOF>' : `" ${t.text} "`;
    throw parseFault(`Encountered ${shown} at line 1, column ${t.column}.\nWas expecting:\n    ${expected} ...`);
  }
  private keyword(word: string): void {
    if (!this.isKeyword(word)) this.fail(`"${word}"`);
    this.next();
  }
  private punct(p: string): void {
    const t = this.peek();
    if (t.kind !== 'punct' || t.text !== p) this.fail(`"${p}"`);
    this.next();
  }

  query(): Query {
    this.keyword('SELECT');
    let count = false;
    if (this.peek().kind === 'star') {
      this.next();
    } else if (this.isKeyword('COUNT')) {
      this.next();
      this.punct('(');
      if (this.peek().kind !== 'star') this.fail('"*"');
      this.next();
      this.punct(')');
      count = true;
    } else {
      // QBO has no projections: "SELECT Id FROM ..." is rejected.
      this.fail('"*" or "count"');
    }
    this.keyword('FROM');
    const entityTok = this.next();
    if (entityTok.kind !== 'ident') this.fail('<IDENTIFIER>');
    const q: Query = { count, entity: entityTok.text, where: [], orderBy: [], startPosition: undefined, maxResults: undefined };
    if (this.isKeyword('WHERE')) {
      this.next();
      q.where.push(this.condition());
      while (this.isKeyword('AND')) {
        this.next();
        q.where.push(this.condition());
      }
      if (this.isKeyword('OR')) throw parseFault(`Encountered " <OR> "OR "" at line 1, column ${this.peek().column}.\nOR is not supported.`);
    }
    if (this.isKeyword('ORDERBY') || this.isKeyword('ORDER')) {
      if (this.next().text.toUpperCase() === 'ORDER') this.keyword('BY');
      q.orderBy.push(this.orderTerm());
      while (this.peek().kind === 'punct' && this.peek().text === ',') {
        this.next();
        q.orderBy.push(this.orderTerm());
      }
    }
    for (;;) {
      if (this.isKeyword('STARTPOSITION') && q.startPosition === undefined) {
        this.next();
        q.startPosition = this.integer();
      } else if (this.isKeyword('MAXRESULTS') && q.maxResults === undefined) {
        this.next();
        q.maxResults = this.integer();
      } else break;
    }
    if (this.peek().kind !== 'eof') this.fail('<EOF>');
    return q;
  }

  private path(): string[] {
    const t = this.next();
    if (t.kind !== 'ident' || t.text.endsWith('.') || t.text.includes('..')) {
      this.pos--;
      this.fail('<IDENTIFIER>');
    }
    return t.text.split('.');
  }

  private condition(): Condition {
    const path = this.path();
    const t = this.peek();
    let op: Operator;
    if (t.kind === 'op') {
      if (t.text === '!=' || t.text === '<>') {
        throw parseFault(`Encountered " "${t.text}" "${t.text} "" at line 1, column ${t.column}.\nOperator ${t.text} is not supported.`);
      }
      op = t.text as Operator;
    } else if (t.kind === 'ident' && (t.text.toUpperCase() === 'IN' || t.text.toUpperCase() === 'LIKE')) {
      op = t.text.toUpperCase() as Operator;
    } else {
      this.fail('"=" | "<" | ">" | "<=" | ">=" | "IN" | "LIKE"');
    }
    this.next();
    if (op === 'IN') {
      this.punct('(');
      const values = [this.literal()];
      while (this.peek().kind === 'punct' && this.peek().text === ',') {
        this.next();
        values.push(this.literal());
      }
      this.punct(')');
      return { path, op, values };
    }
    const value = this.literal();
    if (op === 'LIKE' && value.kind !== 'string') this.fail('<STRING>');
    return { path, op, values: [value] };
  }

  private literal(): Literal {
    const t = this.next();
    if (t.kind === 'string') return { kind: 'string', value: t.text };
    if (t.kind === 'number') {
      const value = Number(t.text);
      if (Number.isNaN(value)) throw parseFault(`Invalid number ${t.text} at line 1, column ${t.column}.`);
      return { kind: 'number', value, text: t.text };
    }
    if (t.kind === 'ident' && (t.text.toLowerCase() === 'true' || t.text.toLowerCase() === 'false')) {
      return { kind: 'bool', value: t.text.toLowerCase() === 'true' };
    }
    this.pos--;
    this.fail('<STRING> | <NUMBER> | "true" | "false"');
  }

  private orderTerm(): OrderTerm {
    const path = this.path();
    let desc = false;
    if (this.isKeyword('ASC')) this.next();
    else if (this.isKeyword('DESC')) {
      this.next();
      desc = true;
    }
    return { path, desc };
  }

  private integer(): number {
    const t = this.next();
    const text = t.kind === 'string' ? t.text : t.kind === 'number' ? t.text : undefined;
    if (text === undefined || !/^[+-]?\d+$/.test(text)) {
      this.pos--;
      this.fail('<INTEGER>');
    }
    const value = Number(text);
    if (value < 0) throw queryFault(`value ${value} is too small. Min allowed value is 1`);
    return value;
  }
}
