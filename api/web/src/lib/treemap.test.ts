import { squarify } from './treemap';

describe('the squarified treemap', () => {
  it('fills the bounds with areas proportional to the values', () => {
    const tiles = squarify([6, 6, 4, 3, 2, 2, 1], v => v, { x: 0, y: 0, w: 6, h: 4 });

    expect(tiles).toHaveLength(7);
    const area = tiles.reduce((s, t) => s + t.w * t.h, 0);
    expect(area).toBeCloseTo(24, 6);
    for (const t of tiles) expect(t.w * t.h).toBeCloseTo(t.item, 6); // total 24 over 24 units of area: one unit per unit of value
    for (const t of tiles) {
      expect(t.x).toBeGreaterThanOrEqual(-1e-9);
      expect(t.x + t.w).toBeLessThanOrEqual(6 + 1e-9);
      expect(t.y + t.h).toBeLessThanOrEqual(4 + 1e-9);
    }
  });

  it('leaves out zero and negative values and copes with nothing', () => {
    expect(squarify([0, -3], v => v, { x: 0, y: 0, w: 10, h: 10 })).toEqual([]);
    expect(squarify([5, 0], v => v, { x: 0, y: 0, w: 10, h: 10 })).toHaveLength(1);
  });
});
