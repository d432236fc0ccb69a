// The IKE security associations of a connection. Azure returns them as JSON inside a string, in more
// than one shape over time: `{"Status","Data":[…]}` (what Azure PowerShell reads), a bare list, the
// string encoded twice, or wrapped in quotes that were never escaped (the spec's own example). Field
// names vary in case (`elapsedTimeInseconds`). Whatever cannot be read is left out, never guessed.
import * as l10n from '@vscode/l10n';

export interface QuickModeSa {
  localEndpoint?: string;
  remoteEndpoint?: string;
  encryption?: string;
  integrity?: string;
  pfsGroup?: string;
  localTrafficSelectors: string[];
  remoteTrafficSelectors: string[];
  lifetimeSeconds?: number;
  lifetimeKilobytes?: number;
  elapsedSeconds?: number;
}

export interface MainModeSa {
  localEndpoint?: string;
  remoteEndpoint?: string;
  encryption?: string;
  integrity?: string;
  dhGroup?: string;
  lifetimeSeconds?: number;
  elapsedSeconds?: number;
  /** True when the gateway started the negotiation. */
  initiator?: boolean;
  quickModeSas: QuickModeSa[];
}

type Json = Record<string, unknown>;

/** JSON.parse that keeps going while the result is itself a JSON text. */
function parseNested(text: string): unknown {
  let value: unknown = text;
  for (let depth = 0; typeof value === 'string' && depth < 3; depth++) {
    const trimmed = value.trim();
    try {
      value = JSON.parse(trimmed);
    } catch {
      // `"{"Status":…}"`: quotes around a JSON text that were never escaped.
      if (trimmed.length > 1 && trimmed.startsWith('"') && trimmed.endsWith('"')) value = trimmed.slice(1, -1);
      else throw new Error(l10n.t('Azure returned IKE security associations that are not JSON.'));
    }
  }
  return value;
}

/** A field whatever the case of its name. */
function field(object: Json, name: string): unknown {
  const lower = name.toLowerCase();
  const key = Object.keys(object).find((candidate) => candidate.toLowerCase() === lower);
  return key === undefined ? undefined : object[key];
}

const text = (object: Json, name: string) => (typeof field(object, name) === 'string' ? (field(object, name) as string) : undefined);
const number = (object: Json, name: string) => (typeof field(object, name) === 'number' ? (field(object, name) as number) : undefined);
const strings = (object: Json, name: string) => (Array.isArray(field(object, name)) ? (field(object, name) as unknown[]).filter((s): s is string => typeof s === 'string') : []);
const objects = (value: unknown): Json[] => (Array.isArray(value) ? value.filter((item): item is Json => !!item && typeof item === 'object') : []);

function quickModeSa(sa: Json): QuickModeSa {
  return {
    localEndpoint: text(sa, 'localEndpoint'),
    remoteEndpoint: text(sa, 'remoteEndpoint'),
    encryption: text(sa, 'encryption'),
    integrity: text(sa, 'integrity'),
    pfsGroup: text(sa, 'pfsGroupId') ?? text(sa, 'pfsGroup'),
    localTrafficSelectors: strings(sa, 'localTrafficSelectors'),
    remoteTrafficSelectors: strings(sa, 'remoteTrafficSelectors'),
    lifetimeSeconds: number(sa, 'lifeTimeSeconds'),
    lifetimeKilobytes: number(sa, 'lifetimeKilobytes'),
    elapsedSeconds: number(sa, 'elapsedTimeInSeconds'),
  };
}

function mainModeSa(sa: Json): MainModeSa {
  const initiator = field(sa, 'isSaInitiator');
  return {
    localEndpoint: text(sa, 'localEndpoint'),
    remoteEndpoint: text(sa, 'remoteEndpoint'),
    encryption: text(sa, 'encryption'),
    integrity: text(sa, 'integrity'),
    dhGroup: text(sa, 'dhGroup'),
    lifetimeSeconds: number(sa, 'lifeTimeSeconds'),
    elapsedSeconds: number(sa, 'elapsedTimeInSeconds'),
    initiator: typeof initiator === 'boolean' ? initiator : undefined,
    quickModeSas: objects(field(sa, 'quickModeSa')).map(quickModeSa),
  };
}

/** The main-mode SAs in Azure's answer (none while the tunnel is down); throws only when it is not JSON at all. */
export function parseIkeSas(answer: string | undefined): MainModeSa[] {
  if (answer === undefined || answer.trim() === '') return [];
  const value = parseNested(answer);
  if (Array.isArray(value)) return objects(value).map(mainModeSa);
  const wrapped = value && typeof value === 'object' ? (value as Json) : {};
  const status = text(wrapped, 'Status');
  const sas = objects(field(wrapped, 'Data')).map(mainModeSa);
  if (sas.length === 0 && status && !/^success/i.test(status)) throw new Error(l10n.t('Azure could not read the IKE security associations (status {0}).', status));
  return sas;
}
