// The Azure regions the emulator's providers say they serve: ARM names them in lower case without
// spaces in errors and by display name in provider metadata.

const REGIONS: Array<[name: string, displayName: string]> = [
  ['eastus', 'East US'], ['eastus2', 'East US 2'], ['southcentralus', 'South Central US'], ['westus2', 'West US 2'],
  ['westus3', 'West US 3'], ['australiaeast', 'Australia East'], ['southeastasia', 'Southeast Asia'],
  ['northeurope', 'North Europe'], ['swedencentral', 'Sweden Central'], ['uksouth', 'UK South'],
  ['westeurope', 'West Europe'], ['centralus', 'Central US'], ['southafricanorth', 'South Africa North'],
  ['centralindia', 'Central India'], ['eastasia', 'East Asia'], ['japaneast', 'Japan East'], ['koreacentral', 'Korea Central'],
  ['canadacentral', 'Canada Central'], ['francecentral', 'France Central'], ['germanywestcentral', 'Germany West Central'],
  ['italynorth', 'Italy North'], ['norwayeast', 'Norway East'], ['polandcentral', 'Poland Central'],
  ['switzerlandnorth', 'Switzerland North'], ['uaenorth', 'UAE North'], ['brazilsouth', 'Brazil South'],
  ['northcentralus', 'North Central US'], ['westus', 'West US'], ['westcentralus', 'West Central US'],
  ['switzerlandwest', 'Switzerland West'], ['ukwest', 'UK West'], ['francesouth', 'France South'], ['japanwest', 'Japan West'],
  ['australiasoutheast', 'Australia Southeast'], ['canadaeast', 'Canada East'],
];

export function locationNames(): string[] {
  return REGIONS.map(([name]) => name);
}

export function locationDisplayNames(): string[] {
  return REGIONS.map(([, displayName]) => displayName);
}
