package dev.filegate.bench;

import java.util.List;

/** The results file as it is written: Markdown headings, paragraphs and tables, in order. */
final class Report {

    private final StringBuilder text = new StringBuilder();

    Report heading(String title) {
        text.append("\n## ").append(title).append("\n\n");
        return this;
    }

    Report paragraph(String line) {
        text.append(line).append("\n\n");
        return this;
    }

    Report bullet(String line) {
        text.append("- ").append(line).append("\n");
        return this;
    }

    Report end() {
        text.append("\n");
        return this;
    }

    Report table(List<String> header, List<List<String>> rows) {
        row(header);
        text.append("|");
        header.forEach(h -> text.append("---|"));
        text.append("\n");
        rows.forEach(this::row);
        text.append("\n");
        return this;
    }

    private void row(List<String> cells) {
        text.append("|");
        cells.forEach(c -> text.append(' ').append(c).append(" |"));
        text.append("\n");
    }

    Report raw(String markdown) {
        text.append(markdown);
        return this;
    }

    static String mib(long bytes) {
        return bytes < 0 ? "n/a" : String.format("%.1f", bytes / 1024.0 / 1024.0);
    }

    static String num(double v, int decimals) {
        return Double.isNaN(v) ? "n/a" : String.format("%." + decimals + "f", v);
    }

    static String verdict(boolean met) {
        return met ? "met" : "**missed**";
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
