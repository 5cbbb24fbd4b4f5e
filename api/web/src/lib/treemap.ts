// A squarified treemap layout (Bruls, Huizing, van Wijk): rectangles whose areas follow the
// values, kept close to square so that small positions stay readable.

export interface Rect { x: number; y: number; w: number; h: number }
export interface Tile<T> extends Rect { item: T }

export function squarify<T>(items: T[], value: (t: T) => number, bounds: Rect): Tile<T>[] {
  const total = items.reduce((s, t) => s + Math.max(0, value(t)), 0);
  if (total <= 0 || bounds.w <= 0 || bounds.h <= 0) return [];
  const scale = (bounds.w * bounds.h) / total;
  const queue = items.filter(t => value(t) > 0).sort((a, b) => value(b) - value(a)).map(item => ({ item, area: value(item) * scale }));
  const tiles: Tile<T>[] = [];
  let free = { ...bounds };
  let row: typeof queue = [];

  const worst = (r: typeof queue, side: number) => {
    const sum = r.reduce((s, x) => s + x.area, 0);
    const max = Math.max(...r.map(x => x.area));
    const min = Math.min(...r.map(x => x.area));
    return Math.max((side * side * max) / (sum * sum), (sum * sum) / (side * side * min));
  };

  const layRow = (r: typeof queue) => {
    const sum = r.reduce((s, x) => s + x.area, 0);
    if (free.w >= free.h) {
      const width = sum / free.h;
      let y = free.y;
      for (const x of r) { const h = x.area / width; tiles.push({ item: x.item, x: free.x, y, w: width, h }); y += h; }
      free = { x: free.x + width, y: free.y, w: free.w - width, h: free.h };
    } else {
      const height = sum / free.w;
      let x0 = free.x;
      for (const x of r) { const w = x.area / height; tiles.push({ item: x.item, x: x0, y: free.y, w, h: height }); x0 += w; }
      free = { x: free.x, y: free.y + height, w: free.w, h: free.h - height };
    }
  };

  for (const next of queue) {
    const side = Math.min(free.w, free.h);
    if (row.length === 0 || worst([...row, next], side) <= worst(row, side)) {
      row.push(next);
    } else {
      layRow(row);
      row = [next];
    }
  }
  if (row.length) layRow(row);
  return tiles;
}
