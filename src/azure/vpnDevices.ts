// The VPN devices Azure has configuration scripts for: `supportedVpnDevices` answers XML
// (<RpVpnDeviceList><Vendor name><DeviceFamily name><FirmwareVersion name/>…), read with
// fast-xml-parser in its lenient mode: an element Azure misspells (the spec's example has
// `<FirmwareVersionname=…/>`, which a strict parser refuses) is skipped, the rest is kept.
import * as l10n from '@vscode/l10n';
import type { X2jOptions } from 'fast-xml-parser';

export interface VpnDeviceFamily {
  name: string;
  firmwareVersions: string[];
}

export interface VpnDeviceVendor {
  name: string;
  families: VpnDeviceFamily[];
}

/** The device a configuration script is asked for. */
export interface VpnDevice {
  vendor: string;
  deviceFamily: string;
  firmwareVersion: string;
}

type Element = Record<string, unknown>;

const options: Partial<X2jOptions> = {
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  // Every element as a list, so one vendor and several read the same way.
  isArray: (_name, _path, _isLeaf, isAttribute) => !isAttribute,
  processEntities: true,
};

function children(element: Element | undefined, name: string): Element[] {
  const value = element?.[name];
  return Array.isArray(value) ? value.filter((child): child is Element => !!child && typeof child === 'object') : [];
}

function nameOf(element: Element): string | undefined {
  const name = element['@name'];
  return typeof name === 'string' && name.trim() ? name : undefined;
}

function named<T>(elements: Element[], build: (element: Element, name: string) => T): T[] {
  return elements.flatMap((element) => {
    const name = nameOf(element);
    return name === undefined ? [] : [build(element, name)];
  });
}

/** Vendors → device families → firmware versions, as Azure lists them. Throws when there is no device list in the text. */
export function parseSupportedVpnDevices(xml: string): VpnDeviceVendor[] {
  // Loaded on first use, from the bundle that holds the Azure SDK (see esbuild.js).
  const { XMLParser } = require('fast-xml-parser') as typeof import('fast-xml-parser');
  const list = children(new XMLParser(options).parse(xml) as Element, 'RpVpnDeviceList')[0];
  if (!list) throw new Error(l10n.t('Azure answered something other than a list of VPN devices.'));
  return named(children(list, 'Vendor'), (vendor, name) => ({
    name,
    families: named(children(vendor, 'DeviceFamily'), (family, familyName) => ({
      name: familyName,
      firmwareVersions: named(children(family, 'FirmwareVersion'), (_firmware, version) => version),
    })).filter((family) => family.firmwareVersions.length > 0),
  })).filter((vendor) => vendor.families.length > 0);
}
