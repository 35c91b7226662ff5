import { isValidLocalDateTime, type LocalDateTime } from './local-date-time';

// GSW_DATE_TIME: "MM/DD/YY(YYYY) HH:MM", in the record's time zone.
const GENESYS_DATE_TIME = /^(\d{2})\/(\d{2})\/(\d{2}|\d{4}) (\d{2}):(\d{2})$/;

/** Reads a GSW_DATE_TIME value; two-digit years are in 2000-2099. */
export function parseGenesysDateTime(text: string): LocalDateTime | undefined {
  const match = GENESYS_DATE_TIME.exec(text.trim());
  if (!match) return undefined;
  const [, month, day, year, hour, minute] = match;
  const local = {
    year: year.length === 2 ? 2000 + Number(year) : Number(year),
    month: Number(month),
    day: Number(day),
    hour: Number(hour),
    minute: Number(minute),
    second: 0,
  };
  return isValidLocalDateTime(local) ? local : undefined;
}

/** Writes a GSW_DATE_TIME value with a four-digit year (seconds are dropped). */
export function formatGenesysDateTime(local: LocalDateTime): string {
  const two = (value: number) => String(value).padStart(2, '0');
  return `${two(local.month)}/${two(local.day)}/${String(local.year).padStart(4, '0')} ${two(local.hour)}:${two(local.minute)}`;
}
