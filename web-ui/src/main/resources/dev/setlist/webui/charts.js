// Insights charts, drawn with uPlot (served from its WebJar; no CDN). Each function takes the API's JSON
// and a container, and replaces what the container held. Series names come from the server and reach the
// page only through uPlot's legend, which sets them as text.
"use strict";

const PALETTE = ["#7c7cf0", "#f0a35e", "#5ec8a8", "#e86a8a", "#c9d46a", "#6ab7e8", "#b98ae8", "#e8d36a", "#8a96a8"];
const AXIS = { stroke: "#9aa0b4", grid: { stroke: "#262a38" }, ticks: { stroke: "#262a38" } };

const charts = new Map();

function daySeconds(date) {
  return Date.parse(date + "T00:00:00Z") / 1000;
}

function chartWidth(container) {
  return Math.max(260, Math.floor(container.clientWidth || container.parentElement.clientWidth || 480) - 8);
}

function draw(container, options, data) {
  const previous = charts.get(container.id);
  if (previous) previous.destroy();
  container.replaceChildren();
  const plot = new uPlot(Object.assign({ width: chartWidth(container), height: 220, legend: { live: false } }, options), data, container);
  charts.set(container.id, plot);
  container.dataset.series = String(data.length - 1);
  container.dataset.points = String(data[0].length);
  return plot;
}

function emptyNote(container, text) {
  const previous = charts.get(container.id);
  if (previous) previous.destroy();
  charts.delete(container.id);
  const note = document.createElement("p");
  note.className = "meta empty";
  note.textContent = text;
  container.replaceChildren(note);
  container.dataset.series = "0";
  container.dataset.points = "0";
}

/** Minutes per genre per day, one line per genre (Other last). */
function drawGenres(container, body) {
  if (!body.genres.length) {
    emptyNote(container, "Nothing played in these days.");
    return;
  }
  const x = body.days.map((day) => daySeconds(day.date));
  const data = [x];
  const series = [{}];
  body.genres.forEach((genre, index) => {
    data.push(body.days.map((day) => day.byGenre[genre] || 0));
    series.push({ label: genre, stroke: PALETTE[index % PALETTE.length], width: 2, points: { size: 4 } });
  });
  draw(container, { series, axes: [AXIS, Object.assign({ label: "minutes" }, AXIS)] }, data);
}

/** Wildcards offered, taken and declined per day; the acceptance after each day on its own scale. */
function drawExploration(container, body, note) {
  const x = body.days.map((day) => daySeconds(day.date));
  const data = [
    x,
    body.days.map((day) => day.offered),
    body.days.map((day) => day.taken),
    body.days.map((day) => day.declined),
    body.days.map((day) => (day.acceptance === undefined ? null : day.acceptance)),
  ];
  draw(container, {
    series: [
      {},
      { label: "offered", stroke: PALETTE[0], width: 2 },
      { label: "taken", stroke: PALETTE[2], width: 2 },
      { label: "declined", stroke: PALETTE[3], width: 2 },
      { label: "acceptance", stroke: PALETTE[1], width: 2, dash: [6, 4], scale: "share", spanGaps: true },
    ],
    scales: { share: { range: [0, 1] } },
    axes: [AXIS, Object.assign({ label: "wildcards" }, AXIS), Object.assign({ scale: "share", side: 1, grid: { show: false } }, AXIS)],
  }, data);
  const now = body.now;
  note.textContent = `Exploration now ${pct(now.rate)} (bounds ${pct(now.min)}–${pct(now.max)}), ` +
    `acceptance ${pct(now.acceptance)}.`;
}

/** Mean intra-list diversity and genres per playlist, per day. */
function drawDiversity(container, body) {
  if (!body.served.length) {
    emptyNote(container, "No playlist served in these days yet.");
    return;
  }
  const x = body.days.map((day) => daySeconds(day.date));
  const data = [
    x,
    body.days.map((day) => (day.diversity === undefined ? null : day.diversity)),
    body.days.map((day) => (day.genres === undefined ? null : day.genres)),
  ];
  draw(container, {
    series: [
      {},
      { label: "diversity", stroke: PALETTE[0], width: 2, scale: "share", spanGaps: true, points: { size: 6 } },
      { label: "genres per playlist", stroke: PALETTE[1], width: 2, spanGaps: true, points: { size: 6 } },
    ],
    scales: { share: { range: [0, 1] } },
    axes: [AXIS, Object.assign({ scale: "share", label: "diversity" }, AXIS), Object.assign({ side: 1, grid: { show: false } }, AXIS)],
  }, data);
}

/** Every play's weight over time: plain plays, and discounted ones (asleep, muted, skipped ahead) in red. */
function drawSignals(container, body, note) {
  if (!body.signals.length) {
    emptyNote(container, "No plays in these days.");
    note.textContent = "";
    return;
  }
  const points = body.signals.map((signal) => ({
    t: Date.parse(signal.at) / 1000,
    weight: signal.weight,
    discounted: signal.discounts && signal.discounts.length > 0,
  })).sort((a, b) => a.t - b.t);
  const data = [
    points.map((p) => p.t),
    points.map((p) => (p.discounted ? null : p.weight)),
    points.map((p) => (p.discounted ? p.weight : null)),
  ];
  const dots = (color) => ({ stroke: color, fill: color, paths: () => null, points: { show: true, size: 7, fill: color } });
  draw(container, {
    series: [{}, Object.assign({ label: "play" }, dots(PALETTE[0])), Object.assign({ label: "discounted" }, dots("#ff6b6b"))],
    axes: [AXIS, Object.assign({ label: "weight" }, AXIS)],
  }, data);
  const summary = body.summary;
  const discounts = Object.entries(summary.byDiscount).map(([name, count]) => `${name.replace(/_/g, " ")} ${count}`);
  note.textContent = `${summary.signals} signals, ${summary.discounted} discounted` +
    (discounts.length ? ` (${discounts.join(", ")})` : "") + `, total weight ${summary.weight.toFixed(1)}.`;
}

function pct(value) {
  return Math.round(value * 100) + "%";
}

window.SetlistCharts = { drawGenres, drawExploration, drawDiversity, drawSignals };
