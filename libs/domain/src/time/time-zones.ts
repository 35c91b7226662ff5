/**
 * Configuration Server time zone names (GSW_TZ_NAME, "usually a standard three-letter
 * abbreviation") and the IANA zones used to compute them.
 *
 * The three-letter names are the legacy short ids that Java also uses (GSW_TZ_JAVA_NAME), so ACT is
 * Australia/Darwin, AST is Alaska and BST is Bangladesh. Where a US name is ambiguous between a
 * fixed offset and a region (EST, MST, HST), the region is used: a contact center dialing "EST"
 * customers expects their clocks, daylight saving time included. AKST and AEST are accepted as
 * common alternatives to AST and AET. GMT and UTC never change.
 */
export interface GenesysTimeZone {
  readonly name: string;
  readonly ianaName: string;
  readonly description: string;
}

export const GENESYS_TIME_ZONES: readonly GenesysTimeZone[] = [
  { name: 'ACT', ianaName: 'Australia/Darwin', description: 'Australia Central Time (Darwin)' },
  { name: 'AEST', ianaName: 'Australia/Sydney', description: 'Australia Eastern Time (Sydney)' },
  { name: 'AET', ianaName: 'Australia/Sydney', description: 'Australia Eastern Time (Sydney)' },
  { name: 'AGT', ianaName: 'America/Argentina/Buenos_Aires', description: 'Argentina Time' },
  { name: 'AKST', ianaName: 'America/Anchorage', description: 'Alaska Time' },
  { name: 'ART', ianaName: 'Africa/Cairo', description: 'Egypt Time (Cairo)' },
  { name: 'AST', ianaName: 'America/Anchorage', description: 'Alaska Time' },
  { name: 'BET', ianaName: 'America/Sao_Paulo', description: 'Brazil Eastern Time (Sao Paulo)' },
  { name: 'BST', ianaName: 'Asia/Dhaka', description: 'Bangladesh Time' },
  { name: 'CAT', ianaName: 'Africa/Harare', description: 'Central Africa Time' },
  { name: 'CET', ianaName: 'Europe/Berlin', description: 'Central European Time' },
  { name: 'CNT', ianaName: 'America/St_Johns', description: 'Newfoundland Time' },
  { name: 'CST', ianaName: 'America/Chicago', description: 'US Central Time' },
  { name: 'CTT', ianaName: 'Asia/Shanghai', description: 'China Time' },
  { name: 'EAT', ianaName: 'Africa/Nairobi', description: 'East Africa Time' },
  { name: 'ECT', ianaName: 'Europe/Paris', description: 'European Central Time (Paris)' },
  { name: 'EET', ianaName: 'Europe/Athens', description: 'Eastern European Time' },
  { name: 'EST', ianaName: 'America/New_York', description: 'US Eastern Time' },
  { name: 'GMT', ianaName: 'Etc/GMT', description: 'Greenwich Mean Time' },
  { name: 'HST', ianaName: 'Pacific/Honolulu', description: 'Hawaii Time' },
  { name: 'IET', ianaName: 'America/Indiana/Indianapolis', description: 'US Eastern Time (Indiana)' },
  { name: 'IST', ianaName: 'Asia/Kolkata', description: 'India Time' },
  { name: 'JST', ianaName: 'Asia/Tokyo', description: 'Japan Time' },
  { name: 'MIT', ianaName: 'Pacific/Apia', description: 'West Samoa Time' },
  { name: 'MST', ianaName: 'America/Denver', description: 'US Mountain Time' },
  { name: 'NET', ianaName: 'Asia/Yerevan', description: 'Near East Time (Yerevan)' },
  { name: 'NST', ianaName: 'Pacific/Auckland', description: 'New Zealand Time' },
  { name: 'PLT', ianaName: 'Asia/Karachi', description: 'Pakistan Time' },
  { name: 'PNT', ianaName: 'America/Phoenix', description: 'US Mountain Time (Arizona)' },
  { name: 'PRT', ianaName: 'America/Puerto_Rico', description: 'Atlantic Time (Puerto Rico)' },
  { name: 'PST', ianaName: 'America/Los_Angeles', description: 'US Pacific Time' },
  { name: 'SST', ianaName: 'Pacific/Guadalcanal', description: 'Solomon Islands Time' },
  { name: 'UTC', ianaName: 'Etc/UTC', description: 'Coordinated Universal Time' },
  { name: 'VST', ianaName: 'Asia/Ho_Chi_Minh', description: 'Vietnam Time' },
];

const byName = new Map(GENESYS_TIME_ZONES.map((zone) => [zone.name, zone]));

/** The catalogue entry for a Genesys time zone name (exact, upper case), if known. */
export function findGenesysTimeZone(name: string): GenesysTimeZone | undefined {
  return byName.get(name);
}
