// Filtering a long list in the extension rather than in VS Code's quick pick: every word typed must
// appear, whatever its case, in an item's label, description or detail, and only the first matches
// are handed to the quick pick. VS Code fuzzy-matches all three fields of every item on each key and
// re-sorts them, which for thousands of items takes longer than a keystroke should. No vscode import.
import type { PickItem } from './pickerItems';

/** What a typed word is looked for in, once per item. */
export function searchTextOf(item: PickItem<unknown>): string {
  return [item.label, item.description, item.detail].filter(Boolean).join(' ').toLowerCase();
}

export interface FilteredItems<T> {
  shown: PickItem<T>[];
  /** How many items match, shown or not. */
  matching: number;
}

/** The items whose text holds every word of `query`, in their order; at most `limit` of them shown. */
export function filterByWords<T>(items: readonly PickItem<T>[], texts: readonly string[], query: string, limit: number): FilteredItems<T> {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const shown: PickItem<T>[] = [];
  let matching = 0;
  for (let i = 0; i < items.length; i++) {
    if (!words.every((word) => texts[i].includes(word))) continue;
    matching++;
    if (shown.length < limit) shown.push(items[i]);
  }
  return { shown, matching };
}
