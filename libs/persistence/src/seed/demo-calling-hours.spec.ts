import { type DailyWindow, findGenesysTimeZone, isWithinDailyWindow } from '@ocs/domain';
import { DEMO_CALLING_LISTS, DEMO_ZONES } from './demo-config';
import { generateDemoLists } from './demo-records';
import { DEFAULT_DEMO_RECORD_COUNT } from './seed-demo';

// Someone may try the demo at any hour: if no seeded record is inside its calling window then,
// every preview request answers "No Records Available".

const QUARTER_HOUR_MS = 15 * 60 * 1000;
/** Share of the default demo records that must be callable at every moment. */
const MIN_CALLABLE_SHARE = 0.1;

/**
 * The quarter hours of 2026 as [start, end] pairs; the year holds both the US and the EU daylight
 * saving changes, which fall on different weekends. The demo zones are whole or half hours from
 * UTC and the windows open and close on whole local hours, so within a quarter hour no window
 * opens or closes: a window is open throughout a quarter hour when it is open at both its ends.
 */
function quarterHoursOf2026(): [Date, Date][] {
  const start = Date.UTC(2026, 0, 1);
  const end = Date.UTC(2027, 0, 1);
  const quarters: [Date, Date][] = [];
  for (let time = start; time < end; time += QUARTER_HOUR_MS)
    quarters.push([new Date(time), new Date(time + QUARTER_HOUR_MS)]);
  return quarters;
}

function ianaName(zone: string): string {
  const known = findGenesysTimeZone(zone);
  if (!known) throw new Error(`${zone} is not a Genesys time zone`);
  return known.ianaName;
}

const openThroughout = (window: DailyWindow, zone: string, [start, end]: [Date, Date]) =>
  isWithinDailyWindow(window, zone, start) && isWithinDailyWindow(window, zone, end);

/** The first few quarter hours that fail, for a readable failure message. */
const firstFailures = (quarters: [Date, Date][], passes: (quarter: [Date, Date]) => boolean) =>
  quarters
    .filter((quarter) => !passes(quarter))
    .slice(0, 5)
    .map(([start]) => start.toISOString());

describe('demo calling hours', () => {
  const quarters = quarterHoursOf2026();

  it('has a demo zone inside the home phone window at every moment of the year', () => {
    const [residential] = DEMO_CALLING_LISTS;
    const home = residential.chainContacts[0];
    const zones = DEMO_ZONES.map(({ zone }) => ianaName(zone));
    const someZoneOpen = (quarter: [Date, Date]) => zones.some((zone) => openThroughout(home, zone, quarter));
    expect(firstFailures(quarters, someZoneOpen)).toEqual([]);
  });

  it(`keeps at least ${MIN_CALLABLE_SHARE * 100}% of the default demo records callable at every moment`, () => {
    const records = generateDemoLists(DEFAULT_DEMO_RECORD_COUNT).flat();
    // Records differ here only by zone and window; counting each combination once keeps the
    // year's walk fast.
    const groups = new Map<string, { zone: string; window: DailyWindow; count: number }>();
    for (const { zone, dailyFrom, dailyTill } of records) {
      const key = `${zone} ${dailyFrom} ${dailyTill}`;
      const group = groups.get(key) ?? { zone: ianaName(zone), window: { dailyFrom, dailyTill }, count: 0 };
      group.count++;
      groups.set(key, group);
    }
    const callable = (quarter: [Date, Date]) =>
      [...groups.values()]
        .filter(({ zone, window }) => openThroughout(window, zone, quarter))
        .reduce((sum, group) => sum + group.count, 0);
    expect(
      firstFailures(quarters, (quarter) => callable(quarter) >= MIN_CALLABLE_SHARE * records.length),
    ).toEqual([]);
  });
});
