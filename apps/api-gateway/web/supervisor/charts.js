// The live charts of the selected campaign group, drawn with uPlot (the global of its browser
// build). Each series is the sliding-window figure at each reading, so the lines are smooth.

/* global uPlot */

const percent = (value) => (value === null || value === undefined ? null : Math.round(value * 1000) / 10);

function size(element) {
  return { width: Math.max(element.clientWidth, 300), height: 220 };
}

export class GroupCharts {
  constructor(dialsElement, ratesElement) {
    this.dialsElement = dialsElement;
    this.ratesElement = ratesElement;
    this.dials = new uPlot(
      {
        ...size(dialsElement),
        scales: { y: { range: (_u, _min, max) => [0, Math.max(5, Math.ceil(max * 1.2))] } },
        series: [{}, { label: 'Calls / min', stroke: '#0b5cab', width: 2, fill: 'rgba(11, 92, 171, 0.08)' }],
        axes: [{}, { label: 'calls/min' }],
      },
      [[], []],
      dialsElement,
    );
    this.rates = new uPlot(
      {
        ...size(ratesElement),
        scales: { y: { range: [0, 100] } },
        series: [
          {},
          { label: 'Answer %', stroke: '#1f7a3a', width: 2 },
          { label: 'Abandon %', stroke: '#b3261e', width: 2 },
          { label: 'Occupancy %', stroke: '#7b4fc4', width: 2 },
        ],
        axes: [{}, { label: '%' }],
      },
      [[], [], [], []],
      ratesElement,
    );
    new ResizeObserver(() => {
      this.dials.setSize(size(this.dialsElement));
      this.rates.setSize(size(this.ratesElement));
    }).observe(dialsElement);
  }

  /** Draws `snapshots` (oldest first). */
  show(snapshots) {
    const times = snapshots.map((snapshot) => snapshot.at / 1000);
    this.dials.setData([times, snapshots.map((snapshot) => snapshot.dialsPerMinute)]);
    this.rates.setData([
      times,
      snapshots.map((snapshot) => percent(snapshot.answerRate)),
      snapshots.map((snapshot) => percent(snapshot.abandonRate)),
      snapshots.map((snapshot) => percent(snapshot.occupancy)),
    ]);
  }
}

export function formatPercent(value) {
  return value === null || value === undefined ? '–' : `${percent(value).toFixed(1)} %`;
}
