import { describe, expect, it } from 'vitest';
import { markdownTable, TableShapeError } from './markdownTable';
import { barChart, ChartSpecError, lineChart, logTicks, niceTicks } from './svg';

describe('SVG chart writer', () => {
  it('places line points on nice linear ticks', () => {
    expect(niceTicks(0, 9.3)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(logTicks(200, 10000)).toEqual([200, 500, 1000, 2000, 5000, 10000]);
    const svg = lineChart({
      title: 'cost <ms>',
      xLabel: 'frames',
      yLabel: 'ms',
      width: 200,
      height: 200,
      series: [
        {
          name: 'a & b',
          points: [
            [10, 10],
            [0, 0],
          ],
        },
      ],
    });
    // Plot area: x 64..184, y 168 (bottom = 200 + one 16 px legend row − 48) .. 68 (top = 52 + 16); ticks 0..10.
    expect(svg).toContain('<path d="M64 168 L184 68"');
    expect(svg).toContain('cost &lt;ms&gt;');
    expect(svg).toContain('a &amp; b');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(() =>
      lineChart({ title: 't', xLabel: 'x', yLabel: 'y', series: [{ name: 's', points: [[1, NaN]] }] }),
    ).toThrow(ChartSpecError);
  });

  it('draws one bar per non-null value, heights proportional to the value', () => {
    const svg = barChart({
      title: 't',
      yLabel: 'score',
      width: 200,
      height: 200,
      categories: ['x', 'y'],
      series: [
        { name: 's1', values: [50, 100] },
        { name: 's2', values: [null, 25] },
      ],
    });
    const heights = [
      ...svg.matchAll(/<rect x="[\d.]+" y="[\d.]+" width="[\d.]+" height="([\d.]+)" fill="#/g),
    ].map((m) => Number(m[1]));
    // Legend swatches are 10 high; ticks 0..100 over 100 px (168 − 68): a bar is as high as its value.
    expect(heights.filter((h) => h !== 10)).toEqual([50, 100, 25]);
  });
});

describe('markdownTable', () => {
  it('aligns, formats numbers, escapes pipes and marks missing values', () => {
    const md = markdownTable(
      [
        { header: 'name' },
        { header: 'ms', align: 'right', digits: 2 },
        { header: 'n', align: 'right', digits: 0 },
      ],
      [
        ['a|b', 1.234, 3],
        ['c', null, NaN],
      ],
    );
    expect(md).toBe('| name | ms | n |\n| --- | ---: | ---: |\n| a\\|b | 1.23 | 3 |\n| c | — | — |\n');
    expect(() => markdownTable(['a', 'b'], [['only one']])).toThrow(TableShapeError);
  });
});
