// The $filter of the generic resources list and of the resource-group list, as resources.json
// documents it: `eq` / `ne` on location, resourceType, name and resourceGroup; substringof(value,
// name|resourceGroup); tagName eq … [and tagValue eq …]; startswith(tagName, …); `and` / `or` and
// parentheses. Hand-written: ARM speaks OData v3 (substringof), which no maintained npm parser reads.
import { ArmError } from './armErrors';

/** What a filter looks at in one resource or group. */
export interface FilterSubject {
  name: string;
  resourceType: string;
  resourceGroup: string;
  location: string;
  tags?: Record<string, string>;
}

export type FilterScope = 'resources' | 'resourceGroups';

export interface ParsedFilter {
  matches(subject: FilterSubject): boolean;
  /** Filtered by tag: ARM then leaves the resources' tags out of the answer. */
  byTag: boolean;
}

type Predicate = (s: FilterSubject) => boolean;
type Token = { kind: 'word' | 'string' | 'punct'; text: string };

/** Properties `eq` / `ne` compare, besides the tag pair. */
const COMPARABLE: Record<FilterScope, string[]> = {
  resources: ['location', 'resourcetype', 'name', 'resourcegroup'],
  resourceGroups: [],
};

export function invalidFilter(filter: string): ArmError {
  return new ArmError(400, 'InvalidFilterInQueryString', `Invalid $filter '${filter}' specified in the query string.`);
}

function tokenize(filter: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /\s*(?:'((?:[^']|'')*)'|([A-Za-z][\w/]*)|([(),]))/y;
  let at = 0;
  while (at < filter.length) {
    if (/^\s*$/.test(filter.slice(at))) break;
    pattern.lastIndex = at;
    const m = pattern.exec(filter);
    if (!m) throw invalidFilter(filter);
    if (m[1] !== undefined) tokens.push({ kind: 'string', text: m[1].replace(/''/g, "'") });
    else if (m[2] !== undefined) tokens.push({ kind: 'word', text: m[2] });
    else tokens.push({ kind: 'punct', text: m[3] });
    at = pattern.lastIndex;
  }
  return tokens;
}

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** A property's value; tag names compare case-insensitively, tag values exactly (as ARM documents). */
function property(s: FilterSubject, name: string): string {
  const key = name.toLowerCase() as 'name' | 'resourcetype' | 'resourcegroup' | 'location';
  return { name: s.name, resourcetype: s.resourceType, resourcegroup: s.resourceGroup, location: s.location }[key];
}

const hasTag = (s: FilterSubject, name: string, value?: string): boolean =>
  Object.entries(s.tags ?? {}).some(([k, v]) => same(k, name) && (value === undefined || v === value));

class Parser {
  private at = 0;
  byTag = false;

  constructor(private readonly tokens: Token[], private readonly scope: FilterScope, private readonly filter: string) {}

  parse(): Predicate {
    const predicate = this.or();
    if (this.at !== this.tokens.length) throw invalidFilter(this.filter);
    return predicate;
  }

  private peekWord(word: string): boolean {
    const t = this.tokens[this.at];
    return t?.kind === 'word' && same(t.text, word);
  }

  private take(kind: Token['kind'], text?: string): string {
    const t = this.tokens[this.at++];
    if (!t || t.kind !== kind || (text !== undefined && !same(t.text, text))) throw invalidFilter(this.filter);
    return t.text;
  }

  private or(): Predicate {
    const terms = [this.and()];
    while (this.peekWord('or')) {
      this.take('word');
      terms.push(this.and());
    }
    return (s) => terms.some((t) => t(s));
  }

  /** A tagValue comparison pairs with the tagName comparison of the same `and`. */
  private and(): Predicate {
    const terms: Predicate[] = [];
    let tagName: string | undefined;
    let tagValue: string | undefined;
    for (;;) {
      const comparison = this.tagComparison();
      if (comparison?.name !== undefined && tagName === undefined) tagName = comparison.name;
      else if (comparison?.value !== undefined && tagValue === undefined) tagValue = comparison.value;
      else if (comparison) throw invalidFilter(this.filter);
      else terms.push(this.primary());
      if (!this.peekWord('and')) break;
      this.take('word');
    }
    if (tagValue !== undefined && tagName === undefined) throw invalidFilter(this.filter);
    if (tagName !== undefined) {
      const [name, value] = [tagName, tagValue];
      this.byTag = true;
      terms.push((s) => hasTag(s, name, value));
    }
    return (s) => terms.every((t) => t(s));
  }

  /** `tagName eq '…'` or `tagValue eq '…'`, which only mean something together. */
  private tagComparison(): { name?: string; value?: string } | undefined {
    if (!this.peekWord('tagName') && !this.peekWord('tagValue')) return undefined;
    const which = this.take('word');
    this.take('word', 'eq');
    const text = this.take('string');
    return same(which, 'tagName') ? { name: text } : { value: text };
  }

  private primary(): Predicate {
    if (this.tokens[this.at]?.text === '(') {
      this.take('punct', '(');
      const inner = this.or();
      this.take('punct', ')');
      return inner;
    }
    if (this.peekWord('substringof')) return this.substringOf();
    if (this.peekWord('startswith')) return this.startsWith();
    const name = this.take('word');
    if (!COMPARABLE[this.scope].includes(name.toLowerCase())) throw invalidFilter(this.filter);
    const op = this.take('word').toLowerCase();
    const value = this.take('string');
    if (op === 'eq') return (s) => same(property(s, name), value);
    if (op === 'ne') return (s) => !same(property(s, name), value);
    throw invalidFilter(this.filter);
  }

  private call(): [string, string] {
    this.take('word');
    this.take('punct', '(');
    const first = this.tokens[this.at]?.kind === 'string' ? this.take('string') : this.take('word');
    this.take('punct', ',');
    const second = this.tokens[this.at]?.kind === 'string' ? this.take('string') : this.take('word');
    this.take('punct', ')');
    return [first, second];
  }

  /** substringof('demo', name): case-insensitive, on name or resourceGroup. */
  private substringOf(): Predicate {
    const [value, name] = this.call();
    if (this.scope !== 'resources' || !['name', 'resourcegroup'].includes(name.toLowerCase())) throw invalidFilter(this.filter);
    return (s) => property(s, name).toLowerCase().includes(value.toLowerCase());
  }

  /** startswith(tagName, 'depart'): resources with a tag whose name starts so. */
  private startsWith(): Predicate {
    const [name, prefix] = this.call();
    if (this.scope !== 'resources' || !same(name, 'tagName')) throw invalidFilter(this.filter);
    this.byTag = true;
    return (s) => Object.keys(s.tags ?? {}).some((k) => k.toLowerCase().startsWith(prefix.toLowerCase()));
  }
}

/** The filter as a predicate, or ARM's 400 for one it does not document. No filter matches everything. */
export function parseFilter(filter: string | null, scope: FilterScope): ParsedFilter {
  if (filter === null || filter.trim() === '') return { matches: () => true, byTag: false };
  const parser = new Parser(tokenize(filter), scope, filter);
  const predicate = parser.parse();
  return { matches: predicate, byTag: parser.byTag };
}
