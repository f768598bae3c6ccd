// 卡片里的图表：把消息模型里的中性图表（card.chart）画成内联 SVG（柱状图或折线图）。
// Draws a card's neutral chart ({ kind, title, categories, series: [{ name, values }], unit }) as
// inline SVG; each bar or point carries data-series / data-category / data-value for tests.
const SVG = "http://www.w3.org/2000/svg";
const COLORS = ["#3370ff", "#f5a623", "#34c724", "#f54a45", "#7f3bf5", "#14c0ff"];
const W = 560;
const H = 260;
const PAD = { left: 44, right: 12, top: 34, bottom: 44 };
/** Above this many categories their labels are slanted so they do not run into each other. */
const SLANT_AFTER = 8;
/** Above this many values their labels would overlap (as on the server-drawn charts); the axis reads them. */
const MAX_VALUE_LABELS = 40;

function s(tag, attrs, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * A round top for the axis, four grid steps of 1/2/2.5/5 × 10ⁿ; 100 for rates. When every value is
 * a whole number (counts of incidents) the steps are whole too, as the Feishu and WeChat charts do
 * (src/bot/adapters/common/value-axis.ts): no axis reads 0.5 of an incident.
 */
function axisMax(max, unit, whole) {
  if (unit === "%" && max <= 100) return 100;
  if (max <= 0) return 4;
  const raw = max / 4;
  const power = 10 ** Math.floor(Math.log10(raw));
  const steps = [1, 2, 2.5, 5, 10].map((m) => m * power).filter((v) => !whole || Number.isInteger(v));
  const step = steps.find((v) => v >= raw) ?? raw;
  return step * 4;
}

const fmt = (value, unit) => `${Math.round(value * 10) / 10}${unit}`;

export function chartNode(chart) {
  const categories = Array.isArray(chart.categories) ? chart.categories.map(String) : [];
  const series = Array.isArray(chart.series) ? chart.series : [];
  const unit = typeof chart.unit === "string" ? chart.unit : "";
  const numbers = series.flatMap((x) => (Array.isArray(x.values) ? x.values : [])).filter(Number.isFinite);
  const top = axisMax(Math.max(0, ...numbers), unit, numbers.every(Number.isInteger));
  const plotW = W - PAD.left - PAD.right;
  const slanted = categories.length > SLANT_AFTER;
  const bottom = slanted ? PAD.bottom + 30 : PAD.bottom;
  const plotH = H - PAD.top - bottom;
  const y = (v) => PAD.top + plotH - (v / top) * plotH;
  const slot = plotW / Math.max(1, categories.length);
  const svg = s("svg", {
    class: "card-chart",
    viewBox: `0 0 ${W} ${H}`,
    role: "img",
    "aria-label": chart.title ?? "",
  });
  svg.append(
    s("text", { x: W / 2, y: 18, "text-anchor": "middle", class: "chart-title" }, chart.title ?? ""),
  );
  for (let i = 0; i <= 4; i++) {
    const v = (top * i) / 4;
    svg.append(s("line", { x1: PAD.left, x2: W - PAD.right, y1: y(v), y2: y(v), class: "chart-grid" }));
    svg.append(
      s("text", { x: PAD.left - 6, y: y(v) + 4, "text-anchor": "end", class: "chart-axis" }, fmt(v, unit)),
    );
  }
  categories.forEach((c, i) => {
    const x = PAD.left + slot * (i + 0.5);
    const y0 = H - bottom + 16;
    const place = slanted
      ? { x, y: y0, "text-anchor": "end", transform: `rotate(-40 ${x} ${y0})` }
      : { x, y: y0, "text-anchor": "middle" };
    svg.append(s("text", { ...place, class: "chart-axis" }, c));
  });
  const barW = (slot * 0.7) / Math.max(1, series.length);
  series.forEach((x, k) => {
    const color = COLORS[k % COLORS.length];
    const values = Array.isArray(x.values) ? x.values : [];
    const points = [];
    values.forEach((v, i) => {
      if (!Number.isFinite(v) || i >= categories.length) return;
      const data = { "data-series": x.name, "data-category": categories[i], "data-value": v };
      const cx =
        chart.kind === "line" ? PAD.left + slot * (i + 0.5) : PAD.left + slot * (i + 0.15) + barW * (k + 0.5);
      if (chart.kind === "line") {
        points.push(`${cx},${y(v)}`);
        svg.append(s("circle", { cx, cy: y(v), r: 3.5, fill: color, class: "chart-mark", ...data }));
      } else {
        svg.append(
          s("rect", {
            x: cx - barW / 2,
            y: y(v),
            width: barW * 0.9,
            height: Math.max(0, y(0) - y(v)),
            fill: color,
            class: "chart-mark",
            ...data,
          }),
        );
      }
      if (categories.length * series.length <= MAX_VALUE_LABELS)
        svg.append(
          s(
            "text",
            {
              x: cx,
              y: y(v) - (chart.kind === "line" ? 8 : 4),
              "text-anchor": "middle",
              class: "chart-value",
            },
            fmt(v, unit),
          ),
        );
    });
    if (points.length > 1)
      svg.prepend(
        s("polyline", { points: points.join(" "), fill: "none", stroke: color, "stroke-width": 2 }),
      );
    if (series.length > 1) {
      const lx = PAD.left + k * 130;
      svg.append(s("rect", { x: lx, y: H - 16, width: 10, height: 10, fill: color }));
      svg.append(s("text", { x: lx + 14, y: H - 7, class: "chart-axis" }, x.name));
    }
  });
  return svg;
}
