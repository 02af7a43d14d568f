import type { MarkerShape } from "./patterns";

/** A point's shape, so lines are told apart without colour. */
export function Marker({ shape, x, y, size = 5, className }: { shape: MarkerShape; x: number; y: number; size?: number; className: string }) {
  switch (shape) {
    case "circle":
      return <circle className={className} cx={x} cy={y} r={size} />;
    case "square":
      return <rect className={className} x={x - size} y={y - size} width={size * 2} height={size * 2} />;
    case "triangle":
      return <path className={className} d={`M${x},${y - size * 1.2} L${x + size * 1.1},${y + size * 0.8} L${x - size * 1.1},${y + size * 0.8} Z`} />;
    case "triangleDown":
      return <path className={className} d={`M${x},${y + size * 1.2} L${x + size * 1.1},${y - size * 0.8} L${x - size * 1.1},${y - size * 0.8} Z`} />;
    case "diamond":
      return <path className={className} d={`M${x},${y - size * 1.3} L${x + size * 1.3},${y} L${x},${y + size * 1.3} L${x - size * 1.3},${y} Z`} />;
    case "cross":
      return (
        <path
          className={`${className} marker--cross`}
          d={`M${x - size},${y - size} L${x + size},${y + size} M${x - size},${y + size} L${x + size},${y - size}`}
        />
      );
  }
}
