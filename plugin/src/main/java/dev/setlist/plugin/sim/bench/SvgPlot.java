package dev.setlist.plugin.sim.bench;

import java.util.List;
import java.util.Locale;

/**
 * Draws a {@link Chart} as a small, self-contained SVG (no scripts, no fonts to fetch): axes with a few
 * ticks, grouped bars or lines with points, and a legend. Enough to read a benchmark at a glance in a
 * Markdown page.
 *
 * <p>Stateless; share freely.
 */
public final class SvgPlot {

    static final int WIDTH = 640;
    static final int HEIGHT = 320;
    private static final int LEFT = 60;
    private static final int RIGHT = 20;
    private static final int TOP = 40;
    private static final int BOTTOM = 60;
    private static final List<String> COLOURS = List.of("#2b6cb0", "#c05621", "#718096", "#2f855a", "#805ad5");

    private SvgPlot() {
    }

    public static String render(Chart chart) {
        double max = chart.series().stream().flatMap(s -> s.values().stream()).mapToDouble(Double::doubleValue)
                .max().orElse(1);
        double top = niceCeiling(max <= 0 ? 1 : max);
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        StringBuilder svg = new StringBuilder(4096);
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"11\">%n", WIDTH, HEIGHT, WIDTH, HEIGHT));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"20\" font-size=\"14\" font-weight=\"bold\">%s</text>%n",
                LEFT, escape(chart.title())));
        for (int tick = 0; tick <= 4; tick++) {
            double value = top * tick / 4;
            double y = TOP + plotHeight - plotHeight * tick / 4.0;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#e2e8f0\"/>%n",
                    LEFT, y, WIDTH - RIGHT, y));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n",
                    LEFT - 6, y + 4, number(value)));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"14\" y=\"%d\" transform=\"rotate(-90 14 %d)\" "
                + "text-anchor=\"middle\">%s</text>%n", TOP + plotHeight / 2, TOP + plotHeight / 2, escape(chart.yLabel())));
        int count = chart.categories().size();
        double slot = plotWidth / (double) Math.max(count, 1);
        int labelEvery = Math.max(1, (int) Math.ceil(count / 15.0));
        for (int c = 0; c < count; c++) {
            if (c % labelEvery == 0) {
                svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                        LEFT + slot * (c + 0.5), TOP + plotHeight + 16, escape(chart.categories().get(c))));
            }
        }
        for (int s = 0; s < chart.series().size(); s++) {
            Chart.Series series = chart.series().get(s);
            String colour = COLOURS.get(s % COLOURS.size());
            if (chart.lines()) {
                StringBuilder points = new StringBuilder();
                for (int c = 0; c < count; c++) {
                    double x = LEFT + slot * (c + 0.5);
                    double y = TOP + plotHeight - plotHeight * series.values().get(c) / top;
                    points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
                    svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"%s\"/>%n",
                            x, y, colour));
                }
                svg.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" "
                        + "stroke-width=\"2\"/>%n", points.toString().trim(), colour));
            } else {
                double barWidth = slot * 0.8 / chart.series().size();
                for (int c = 0; c < count; c++) {
                    double value = series.values().get(c);
                    double height = plotHeight * value / top;
                    double x = LEFT + slot * c + slot * 0.1 + barWidth * s;
                    svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                            + "fill=\"%s\"/>%n", x, TOP + plotHeight - height, barWidth, height, colour));
                    svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" "
                            + "font-size=\"10\">%s</text>%n", x + barWidth / 2, TOP + plotHeight - height - 3, number(value)));
                }
            }
            int legendX = LEFT + 150 * s;
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>%n",
                    legendX, HEIGHT - 22, colour));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>%n", legendX + 14, HEIGHT - 13,
                    escape(series.name())));
        }
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#4a5568\"/>%n",
                LEFT, TOP + plotHeight, WIDTH - RIGHT, TOP + plotHeight));
        svg.append("</svg>\n");
        return svg.toString();
    }

    /** 1, 2 or 5 times a power of ten, at least {@code value}. */
    static double niceCeiling(double value) {
        double power = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 5, 10}) {
            if (step * power >= value - 1e-12) {
                return step * power;
            }
        }
        return 10 * power;
    }

    private static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e6) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        return String.format(Locale.ROOT, Math.abs(value) < 1 ? "%.2f" : "%.1f", value);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
