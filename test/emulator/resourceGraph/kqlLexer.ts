// Splits a Resource Graph query into tokens: words (identifiers, keywords, `project-away`-style
// operator names, `$left`), string literals ('…', "…", @'…' verbatim), numbers and symbols.
// `//` comments are skipped. A character that starts no token is a ParserFailure at its place.
import { placeOf, QueryError } from './kqlSyntax';

export interface Token {
  type: 'word' | 'string' | 'number' | 'symbol' | 'eof';
  /** As written (for symbols and words); the decoded value for strings. */
  text: string;
  at: number;
}

/** Operator names Kusto writes with a hyphen; other hyphens are minus signs. */
const HYPHENATED = new Set([
  'project-away', 'project-keep', 'project-rename', 'project-reorder', 'mv-expand', 'mv-apply', 'make-series', 'parse-where', 'top-nested', 'top-hitters',
]);

const SYMBOLS = ['==', '!=', '=~', '!~', '<=', '>=', '<>', '|', '(', ')', '[', ']', ',', '.', '=', '<', '>', '+', '-', '*', '/', '%', ':', ';', '{', '}'];

/** `!` glued to a word: the negated string and set operators. */
const NEGATED_WORDS = /^!(in~|(in|has_cs|has|contains_cs|contains|startswith_cs|startswith|endswith_cs|endswith)\b)/;

export function parserFailure(text: string, token: Token): QueryError {
  return new QueryError({
    code: 'ParserFailure',
    message: 'ParserFailure',
    ...placeOf(text, token.at),
    token: token.type === 'eof' ? '<EOF>' : token.text,
  });
}

function readString(text: string, start: number): { value: string; end: number } {
  const verbatim = text[start] === '@';
  const quote = text[verbatim ? start + 1 : start];
  let value = '';
  for (let i = verbatim ? start + 2 : start + 1; i < text.length; i++) {
    const c = text[i];
    if (c === quote) return { value, end: i + 1 };
    if (c === '\\' && !verbatim && i + 1 < text.length) {
      const next = text[++i];
      value += ({ n: '\n', t: '\t', r: '\r' } as Record<string, string>)[next] ?? next;
    } else {
      value += c;
    }
  }
  throw parserFailure(text, { type: 'symbol', text: quote, at: start });
}

function readWord(text: string, start: number): string {
  const word = /^[$A-Za-z_][A-Za-z0-9_]*(~)?/.exec(text.slice(start))![0];
  const hyphenated = /^-[a-z]+/.exec(text.slice(start + word.length));
  if (hyphenated && HYPHENATED.has(`${word}${hyphenated[0]}`.toLowerCase())) return `${word}${hyphenated[0]}`;
  // Only `in~` keeps a tilde glued to a word.
  return word.endsWith('~') && word.toLowerCase() !== 'in~' ? word.slice(0, -1) : word;
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i);
    const space = /^(\s+|\/\/[^\n]*)/.exec(rest);
    if (space) {
      i += space[0].length;
      continue;
    }
    const c = text[i];
    if (c === "'" || c === '"' || (c === '@' && (text[i + 1] === "'" || text[i + 1] === '"'))) {
      const { value, end } = readString(text, i);
      tokens.push({ type: 'string', text: value, at: i });
      i = end;
      continue;
    }
    const number = /^\d+(\.\d+)?/.exec(rest);
    if (number) {
      tokens.push({ type: 'number', text: number[0], at: i });
      i += number[0].length;
      continue;
    }
    const negated = NEGATED_WORDS.exec(rest);
    if (negated) {
      tokens.push({ type: 'word', text: negated[0], at: i });
      i += negated[0].length;
      continue;
    }
    if (/[$A-Za-z_]/.test(c)) {
      const word = readWord(text, i);
      tokens.push({ type: 'word', text: word, at: i });
      i += word.length;
      continue;
    }
    const symbol = SYMBOLS.find((s) => rest.startsWith(s));
    if (!symbol) throw parserFailure(text, { type: 'symbol', text: c, at: i });
    tokens.push({ type: 'symbol', text: symbol, at: i });
    i += symbol.length;
  }
  tokens.push({ type: 'eof', text: '', at: text.length });
  return tokens;
}
