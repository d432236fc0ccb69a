// What Edit Connection lets be typed, checked as it is typed against the ranges Azure documents (VPN
// Gateway: DPD timeout, routing weight, the IPsec/IKE policy's SA lifetime and size). Each returns the
// reason shown under the input box, or undefined. No vscode import: unit-tested in plain Node.
import * as l10n from '@vscode/l10n';

export interface WholeNumberRange {
  /** In words, for the reason: "The DPD timeout". */
  what: string;
  min: number;
  max: number;
  /** "seconds", "kilobytes", or none. */
  unit?: string;
}

// Getters: the words are looked up when read, once activate has configured l10n (never at import).
const seconds = () => l10n.t({ message: 'seconds', comment: ['A unit, after a number: "3,600 seconds"'] });

export const dpdTimeout: WholeNumberRange = {
  get what() {
    return l10n.t({ message: 'The DPD timeout', comment: ['The subject of "{0} must be a whole number."'] });
  },
  min: 9,
  max: 3600,
  get unit() {
    return seconds();
  },
};
export const routingWeight: WholeNumberRange = {
  get what() {
    return l10n.t({ message: 'The routing weight', comment: ['The subject of "{0} must be a whole number."'] });
  },
  min: 0,
  max: 32_000,
};
export const saLifetime: WholeNumberRange = {
  get what() {
    return l10n.t({ message: 'The SA lifetime', comment: ['The subject of "{0} must be a whole number."'] });
  },
  min: 300,
  max: 172_799,
  get unit() {
    return seconds();
  },
};
export const saDataSize: WholeNumberRange = {
  get what() {
    return l10n.t({ message: 'The SA data size', comment: ['The subject of "{0} must be a whole number."'] });
  },
  min: 1024,
  max: 2_147_483_647,
  get unit() {
    return l10n.t({ message: 'kilobytes', comment: ['A unit, after a number: "1,024 kilobytes"'] });
  },
};

function withUnit(value: number, range: WholeNumberRange): string {
  const number = value.toLocaleString('en-US');
  return range.unit ? `${number} ${range.unit}` : number;
}

/** A whole number within the range; digits may be grouped with commas or spaces, as they are shown. */
export function validateWholeNumber(value: string, range: WholeNumberRange): string | undefined {
  const text = value.trim().replace(/[,\s]/g, '');
  const span = l10n.t({ message: 'from {0} to {1}', args: [withUnit(range.min, range), withUnit(range.max, range)], comment: ['A range, completing "Enter a whole number {0}." and "The DPD timeout must be a number {0}."'] });
  if (text === '') return l10n.t({ message: 'Enter a whole number {0}.', args: [span], comment: ['{0} is a range: "from 9 seconds to 3,600 seconds"'] });
  if (/^[+-]?\d*\.\d+$/.test(text)) return l10n.t('{0} must be a whole number.', range.what);
  if (!/^[+-]?\d+$/.test(text)) return l10n.t({ message: '{0} must be a number {1}.', args: [range.what, span], comment: ['{1} is a range: "from 9 seconds to 3,600 seconds"'] });
  const number = Number(text);
  if (number < range.min) return l10n.t('{0} must be at least {1}.', range.what, withUnit(range.min, range));
  if (number > range.max) return l10n.t('{0} can be at most {1}.', range.what, withUnit(range.max, range));
  return undefined;
}

export function parseWholeNumber(value: string): number {
  return Number(value.trim().replace(/[,\s]/g, ''));
}
