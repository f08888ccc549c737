/**
 * A reader for the YAML subset metadata.yaml and acceptance-test-config.yml use: block mappings
 * and block sequences by indentation (mappings as sequence items too), plain / single- / double-quoted scalars, comments. No flow collections, anchors,
 * multi-line strings or type tags; anything it does not understand is an error, not a guess.
 * Scalars stay strings except true/false/null, so "0.1.0" and 0.1.0 read the same.
 */
export type YamlValue = string | boolean | null | YamlValue[] | { [key: string]: YamlValue };

interface Line {
  indent: number;
  text: string;
  number: number;
}

function stripComment(text: string): string {
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(text[i - 1] ?? ''))) return text.slice(0, i);
  }
  return text;
}

function scalar(raw: string, line: number): YamlValue {
  const text = raw.trim();
  if (text.startsWith('"')) {
    if (!text.endsWith('"') || text.length < 2) throw new Error(`line ${line}: unterminated string`);
    return JSON.parse(text) as string;
  }
  if (text.startsWith("'")) {
    if (!text.endsWith("'") || text.length < 2) throw new Error(`line ${line}: unterminated string`);
    return text.slice(1, -1).replace(/''/g, "'");
  }
  if (/^[[{&*!|>]/.test(text)) throw new Error(`line ${line}: unsupported YAML: ${text}`);
  if (text === 'true' || text === 'false') return text === 'true';
  if (text === 'null' || text === '~' || text === '') return null;
  return text;
}

const KEY = /^([A-Za-z0-9_.-]+|"[^"]*"|'[^']*'):(?:\s+(.*))?$/;

export function parseYaml(text: string): YamlValue {
  const lines: Line[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    if (raw.includes('\t')) throw new Error(`line ${index + 1}: tab in YAML`);
    const body = stripComment(raw).trimEnd();
    if (body.trim() === '' || body.trim() === '---') return;
    lines.push({ indent: body.length - body.trimStart().length, text: body.trim(), number: index + 1 });
  });
  let position = 0;

  function block(indent: number): YamlValue {
    const first = lines[position];
    if (!first || first.indent < indent) return null;
    return first.text.startsWith('- ') || first.text === '-' ? sequence(first.indent) : mapping(first.indent);
  }

  function sequence(indent: number): YamlValue[] {
    const items: YamlValue[] = [];
    for (let line = lines[position]; line && line.indent === indent; line = lines[position]) {
      if (!(line.text.startsWith('- ') || line.text === '-')) break; // a key after a same-indent sequence
      position++;
      const rest = line.text.slice(1).trim();
      if (rest === '') items.push(block(indent + 1));
      else if (KEY.test(rest)) {
        // "- key: value": a mapping whose first key sits after the dash; its other keys align with it.
        const keyIndent = indent + line.text.length - rest.length;
        lines[--position] = { indent: keyIndent, text: rest, number: line.number };
        items.push(mapping(keyIndent));
      }
      else items.push(scalar(rest, line.number));
    }
    return items;
  }

  function mapping(indent: number): { [key: string]: YamlValue } {
    const map: { [key: string]: YamlValue } = {};
    for (let line = lines[position]; line && line.indent === indent; line = lines[position]) {
      const match = KEY.exec(line.text);
      if (!match) throw new Error(`line ${line.number}: expected "key: value"`);
      position++;
      const key = scalar(match[1] ?? '', line.number);
      if (typeof key !== 'string') throw new Error(`line ${line.number}: non-string key`);
      if (key in map) throw new Error(`line ${line.number}: duplicate key ${key}`);
      const rest = match[2];
      if (rest === undefined || rest.trim() === '') {
        const next = lines[position];
        // A sequence may sit at the key's own indentation (a common YAML style).
        map[key] = next && (next.indent > indent || (next.indent === indent && next.text.startsWith('- '))) ? block(next.indent) : null;
      } else {
        map[key] = scalar(rest, line.number);
      }
    }
    return map;
  }

  const value = block(0);
  const leftover = lines[position];
  if (leftover) throw new Error(`line ${leftover.number}: unexpected indentation`);
  return value;
}
