// What Edit Connection lets be typed, checked as it is typed against the ranges Azure documents (VPN
// Gateway: DPD timeout, routing weight, the IPsec/IKE policy's SA lifetime and size). Each returns the
// reason shown under the input box, or undefined. No vscode import: unit-tested in plain Node.

export interface WholeNumberRange {
  /** In words, for the reason: "The DPD timeout". */
  what: string;
  min: number;
  max: number;
  /** "seconds", "kilobytes", or none. */
  unit?: string;
}

export const dpdTimeout: WholeNumberRange = { what: 'The DPD timeout', min: 9, max: 3600, unit: 'seconds' };
export const routingWeight: WholeNumberRange = { what: 'The routing weight', min: 0, max: 32_000 };
export const saLifetime: WholeNumberRange = { what: 'The SA lifetime', min: 300, max: 172_799, unit: 'seconds' };
export const saDataSize: WholeNumberRange = { what: 'The SA data size', min: 1024, max: 2_147_483_647, unit: 'kilobytes' };

function withUnit(value: number, range: WholeNumberRange): string {
  const number = value.toLocaleString('en-US');
  return range.unit ? `${number} ${range.unit}` : number;
}

/** A whole number within the range; digits may be grouped with commas or spaces, as they are shown. */
export function validateWholeNumber(value: string, range: WholeNumberRange): string | undefined {
  const text = value.trim().replace(/[,\s]/g, '');
  const span = `from ${withUnit(range.min, range)} to ${withUnit(range.max, range)}`;
  if (text === '') return `Enter a whole number ${span}.`;
  if (/^[+-]?\d*\.\d+$/.test(text)) return `${range.what} must be a whole number.`;
  if (!/^[+-]?\d+$/.test(text)) return `${range.what} must be a number ${span}.`;
  const number = Number(text);
  if (number < range.min) return `${range.what} must be at least ${withUnit(range.min, range)}.`;
  if (number > range.max) return `${range.what} can be at most ${withUnit(range.max, range)}.`;
  return undefined;
}

export function parseWholeNumber(value: string): number {
  return Number(value.trim().replace(/[,\s]/g, ''));
}
