package dev.filegate.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * A line chart as SVG text, written by hand: a logarithmic x axis (file size or concurrency), a linear y axis from 0,
 * one polyline and legend entry per series.
 */
final class SvgChart {

    record Point(double x, double y) {}

    record Series(String name, List<Point> points) {}

    private static final String[] COLOURS = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b"};
    private static final int W = 720;
    private static final int H = 400;
    private static final int LEFT = 70;
    private static final int RIGHT = 200;
    private static final int TOP = 40;
    private static final int BOTTOM = 50;

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Series> series = new ArrayList<>();

    SvgChart(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    SvgChart add(String name, List<Point> points) {
        List<Point> finite =
                points.stream().filter(p -> Double.isFinite(p.y()) && p.x() > 0).toList();
        if (!finite.isEmpty()) {
            series.add(new Series(name, finite));
        }
        return this;
    }

    /** The chart; {@code xName} names an x value on the axis (e.g. "1 MiB"). */
    String svg(DoubleFunction<String> xName) {
        List<Double> xs = series.stream()
                .flatMap(s -> s.points().stream())
                .map(Point::x)
                .distinct()
                .sorted()
                .toList();
        double yMax = series.stream()
                .flatMap(s -> s.points().stream())
                .mapToDouble(Point::y)
                .max()
                .orElse(1);
        yMax = yMax <= 0 ? 1 : yMax * 1.1;
        double xMin = xs.isEmpty() ? 1 : Math.log(xs.get(0));
        double xMax = xs.isEmpty() ? 10 : Math.log(xs.get(xs.size() - 1));
        double span = xMax - xMin == 0 ? 1 : xMax - xMin;
        int plotW = W - LEFT - RIGHT;
        int plotH = H - TOP - BOTTOM;
        StringBuilder b = new StringBuilder();
        b.append(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" "
                        + "font-size=\"12\">\n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>\n",
                W,
                H));
        b.append(text(W / 2.0, 20, title, "middle", 14));
        b.append(String.format(
                Locale.ROOT,
                "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#999\"/>\n",
                LEFT,
                TOP,
                plotW,
                plotH));
        for (int i = 0; i <= 4; i++) {
            double v = yMax * i / 4;
            double y = TOP + plotH - plotH * i / 4.0;
            b.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#eee\"/>\n",
                    LEFT,
                    y,
                    LEFT + plotW,
                    y));
            b.append(text(LEFT - 6, y + 4, String.format(Locale.ROOT, "%.0f", v), "end", 11));
        }
        for (double x : xs) {
            double px = LEFT + plotW * (Math.log(x) - xMin) / span;
            b.append(text(px, TOP + plotH + 16, xName.apply(x), "middle", 11));
        }
        b.append(text(LEFT + plotW / 2.0, H - 12, xLabel, "middle", 12));
        b.append(String.format(
                Locale.ROOT,
                "<text x=\"16\" y=\"%.1f\" text-anchor=\"middle\" transform=\"rotate(-90 16 %.1f)\">%s</text>\n",
                TOP + plotH / 2.0,
                TOP + plotH / 2.0,
                escape(yLabel)));
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            String colour = COLOURS[i % COLOURS.length];
            StringBuilder pts = new StringBuilder();
            for (Point p : s.points()) {
                double px = LEFT + plotW * (Math.log(p.x()) - xMin) / span;
                double py = TOP + plotH - plotH * p.y() / yMax;
                pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", px, py));
                b.append(String.format(
                        Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>\n", px, py, colour));
            }
            b.append(String.format(
                    Locale.ROOT,
                    "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>\n",
                    pts.toString().strip(),
                    colour));
            double ly = TOP + 10 + i * 18;
            b.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"2\"/>\n",
                    LEFT + plotW + 12,
                    ly,
                    LEFT + plotW + 32,
                    ly,
                    colour));
            b.append(text(LEFT + plotW + 38, ly + 4, s.name(), "start", 11));
        }
        return b.append("</svg>\n").toString();
    }

    private static String text(double x, double y, String s, String anchor, int size) {
        return String.format(
                Locale.ROOT,
                "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\">%s</text>\n",
                x,
                y,
                anchor,
                size,
                escape(s));
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
