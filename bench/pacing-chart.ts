/** Occupancy against abandon rate, one panel per N, one marker per algorithm: a hand-written SVG. */
import { ALGORITHMS } from './pacing-grid';
import type { CellResult } from './pacing-report';
import { CAP } from './pacing-stats';

const COLORS: Record<string, string> = {
  progressive: '#7f7f7f',
  vicidial: '#d62728',
  'vicidial-2.5%': '#ff9896',
  'ours-overdial': '#1f77b4',
  'ours-busy': '#17becf',
  'ours-wait': '#2ca02c',
  oracle: '#000000',
};
const PANEL = { width: 240, height: 200, left: 46, top: 30, columns: 4 };
const X_MAX = 0.08;

export function chart(results: readonly CellResult[], title: string): string {
  const base = results.filter((r) => r.cell.variant === 'base');
  const occupancies = base.flatMap((r) => ALGORITHMS.map((a) => r.figures[a.name].occupancy));
  const yMin = Math.floor(Math.min(...occupancies) * 20) / 20;
  const yMax = 1;
  const rows = Math.ceil(base.length / PANEL.columns);
  const width = PANEL.columns * (PANEL.width + PANEL.left) + 20;
  const height = rows * (PANEL.height + PANEL.top + 30) + 80;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="11">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="10" y="18" font-size="14">${title}</text>`,
  ];
  base.forEach((r, i) => {
    const ox = (i % PANEL.columns) * (PANEL.width + PANEL.left) + PANEL.left;
    const oy = Math.floor(i / PANEL.columns) * (PANEL.height + PANEL.top + 30) + PANEL.top + 20;
    const x = (v: number) => ox + (Math.min(v, X_MAX) / X_MAX) * PANEL.width;
    const y = (v: number) => oy + PANEL.height - ((v - yMin) / (yMax - yMin)) * PANEL.height;
    out.push(
      `<rect x="${ox}" y="${oy}" width="${PANEL.width}" height="${PANEL.height}" fill="none" stroke="#999"/>`,
      `<text x="${ox + 4}" y="${oy - 4}" font-weight="bold">N = ${r.cell.scenario.agents}</text>`,
      `<line x1="${x(CAP)}" y1="${oy}" x2="${x(CAP)}" y2="${oy + PANEL.height}" stroke="#d62728" stroke-dasharray="4 3"/>`,
    );
    for (let t = 0; t <= X_MAX + 1e-9; t += 0.02) {
      out.push(
        `<text x="${x(t)}" y="${oy + PANEL.height + 13}" text-anchor="middle">${Math.round(t * 100)}%</text>`,
      );
    }
    for (let v = yMin; v <= yMax + 1e-9; v += 0.1) {
      out.push(`<text x="${ox - 4}" y="${y(v) + 4}" text-anchor="end">${v.toFixed(1)}</text>`);
    }
    // Progressive, ours and the oracle joined: the gap ours closes is the segment's share.
    const path = ['progressive', 'ours-overdial', 'oracle'].map((a) => {
      const f = r.figures[a];
      return `${x(f.abandonUs.rate).toFixed(1)},${y(f.occupancy).toFixed(1)}`;
    });
    out.push(`<polyline points="${path.join(' ')}" fill="none" stroke="#1f77b4" stroke-opacity="0.4"/>`);
    for (const { name } of ALGORITHMS) {
      const f = r.figures[name];
      const off = f.abandonUs.rate > X_MAX;
      out.push(
        `<circle cx="${x(f.abandonUs.rate).toFixed(1)}" cy="${y(f.occupancy).toFixed(1)}" r="4" fill="${
          off ? 'white' : COLORS[name]
        }" stroke="${COLORS[name]}"><title>${name}: occupancy ${f.occupancy.toFixed(3)}, abandon ${(
          100 * f.abandonUs.rate
        ).toFixed(2)}%</title></circle>`,
      );
    }
  });
  const legendY = height - 40;
  ALGORITHMS.forEach(({ name }, i) => {
    const lx = 20 + i * 130;
    out.push(
      `<circle cx="${lx}" cy="${legendY}" r="4" fill="${COLORS[name]}"/>`,
      `<text x="${lx + 8}" y="${legendY + 4}">${name}</text>`,
    );
  });
  out.push(
    `<text x="20" y="${legendY + 22}">x: abandon rate (US), dashed line 3%; y: occupancy. Hollow markers: abandon rate beyond ${
      X_MAX * 100
    }%.</text>`,
    '</svg>',
    '',
  );
  return out.join('\n');
}
