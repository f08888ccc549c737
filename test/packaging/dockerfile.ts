/** A small Dockerfile reader for packaging tests: stages, instructions, ARG substitution in FROM. */

export interface Instruction {
  keyword: string; // upper case
  args: string;
  line: number;
}

export interface Stage {
  name: string | undefined;
  /** The image after ARG substitution, e.g. node:22-bookworm-slim. */
  base: string;
  instructions: Instruction[];
}

export interface Dockerfile {
  stages: Stage[];
}

/** Logical lines: comments and blanks dropped, `\` continuations joined. */
function logicalLines(text: string): { text: string; line: number }[] {
  const out: { text: string; line: number }[] = [];
  let pending: { text: string; line: number } | undefined;
  text.split(/\r?\n/).forEach((raw, index) => {
    const trimmed = raw.trim();
    if (trimmed.startsWith('#') || (trimmed === '' && pending === undefined)) return;
    const continued = trimmed.endsWith('\\');
    const part = continued ? trimmed.slice(0, -1).trim() : trimmed;
    pending = pending ? { text: `${pending.text} ${part}`.trim(), line: pending.line } : { text: part, line: index + 1 };
    if (!continued) {
      if (pending.text !== '') out.push(pending);
      pending = undefined;
    }
  });
  if (pending) out.push(pending);
  return out;
}

function substitute(text: string, args: Map<string, string>): string {
  return text.replace(/\$\{(\w+)\}|\$(\w+)/g, (whole, braced: string | undefined, bare: string | undefined) => {
    const value = args.get(braced ?? bare ?? '');
    return value ?? whole;
  });
}

export function parseDockerfile(text: string): Dockerfile {
  const globalArgs = new Map<string, string>();
  const stages: Stage[] = [];
  for (const { text: lineText, line } of logicalLines(text)) {
    const match = /^(\S+)\s*(.*)$/.exec(lineText);
    if (!match) continue;
    const keyword = (match[1] ?? '').toUpperCase();
    const args = match[2] ?? '';
    const current = stages.at(-1);
    if (keyword === 'FROM') {
      const [image = '', as, name] = tokens(substitute(args, globalArgs)).filter((t) => !t.startsWith('--platform='));
      stages.push({ base: image, name: as?.toUpperCase() === 'AS' ? name : undefined, instructions: [] });
    } else if (keyword === 'ARG' && current === undefined) {
      const [key = '', value = ''] = args.split('=', 2);
      globalArgs.set(key.trim(), unquote(value.trim()));
    } else if (current) {
      current.instructions.push({ keyword, args, line });
    } else {
      throw new Error(`line ${line}: ${keyword} before the first FROM`);
    }
  }
  return { stages };
}

/** Split on whitespace, honouring double and single quotes (quotes removed). */
export function tokens(text: string): string[] {
  const out: string[] = [];
  const pattern = /"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    out.push(m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : (m[2] ?? m[3] ?? ''));
  }
  return out;
}

function unquote(value: string): string {
  return /^(["']).*\1$/.test(value) ? value.slice(1, -1) : value;
}

/** ENV/LABEL arguments: `K=V K2="v 2"` or the legacy single `K V` form. */
export function keyValues(args: string): Map<string, string> {
  const map = new Map<string, string>();
  const pattern = /([^\s=]+)=("(?:[^"\\]|\\.)*"|'[^']*'|\S*)/g;
  if (/^[^\s=]+=/.test(args)) {
    for (let m = pattern.exec(args); m !== null; m = pattern.exec(args)) {
      const raw = m[2] ?? '';
      map.set(m[1] ?? '', raw.startsWith('"') ? (JSON.parse(raw) as string) : unquote(raw));
    }
  } else {
    const [key = '', ...rest] = args.split(/\s+/);
    map.set(key, unquote(rest.join(' ')));
  }
  return map;
}

/** ENTRYPOINT/CMD: the exec (JSON) form as a list; the shell form is returned as ['/bin/sh', '-c', text]. */
export function execForm(args: string): string[] {
  const trimmed = args.trim();
  if (trimmed.startsWith('[')) return JSON.parse(trimmed) as string[];
  return ['/bin/sh', '-c', trimmed];
}

export interface Copy {
  from: string | undefined;
  sources: string[];
  destination: string;
}

export function parseCopy(args: string): Copy {
  const parts = args.trim().startsWith('[') ? (JSON.parse(args) as string[]) : tokens(args);
  let from: string | undefined;
  const paths: string[] = [];
  for (const part of parts) {
    if (part.startsWith('--from=')) from = part.slice('--from='.length);
    else if (!part.startsWith('--')) paths.push(part);
  }
  const destination = paths.pop();
  if (destination === undefined || paths.length === 0) throw new Error(`COPY ${args}: needs a source and a destination`);
  return { from, sources: paths, destination };
}

/** Values of every instruction of a kind in a stage, merged for ENV/LABEL. */
export function stageKeyValues(stage: Stage, keyword: 'ENV' | 'LABEL'): Map<string, string> {
  const map = new Map<string, string>();
  for (const instruction of stage.instructions) {
    if (instruction.keyword === keyword) for (const [k, v] of keyValues(instruction.args)) map.set(k, v);
  }
  return map;
}
