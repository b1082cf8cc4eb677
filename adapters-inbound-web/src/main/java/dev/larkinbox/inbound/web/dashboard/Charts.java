package dev.larkinbox.inbound.web.dashboard;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Charts drawn on the server as SVG: no script, nothing from another host. Each is an image with an accessible
 * name ({@code role="img"}, {@code aria-label} and a {@code <title>}) that says what it shows; its bars carry
 * their numbers as titles too.
 */
final class Charts {
    private static final int WIDTH = 560;
    private static final int BAR_AREA = 180;
    private static final int TOP = 24;
    private static final int LEFT = 36;

    private Charts() {
    }

    /** A bar of a chart: its label and its parts (one for a plain bar, one per series for a stacked one). */
    record Bar(String label, List<Long> parts) {
        long total() {
            return parts.stream().mapToLong(Long::longValue).sum();
        }
    }

    /** Something that happened on a bar's day, drawn as a dashed line over the bar with its label above. */
    record Mark(int bar, String label) {
    }

    /**
     * Vertical bars, stacked by series.
     *
     * @param series the names and colours of the parts, bottom first
     * @param marks  lines over some of the bars; the labels of one bar's marks are written together
     */
    static String columns(String name, List<Bar> bars, Map<String, String> series, List<Mark> marks) {
        long max = Math.max(1, bars.stream().mapToLong(Bar::total).max().orElse(0));
        int height = TOP + BAR_AREA + 44;
        StringBuilder svg = open(name, height);
        axis(svg, max);
        double slot = (WIDTH - LEFT - 8.0) / Math.max(1, bars.size());
        List<String> names = List.copyOf(series.keySet());
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double x = LEFT + i * slot + slot * 0.15;
            double y = TOP + BAR_AREA;
            for (int s = 0; s < bar.parts().size(); s++) {
                long value = bar.parts().get(s);
                if (value == 0) {
                    continue;
                }
                double h = BAR_AREA * (double) value / max;
                y -= h;
                svg.append(String.format(Locale.ROOT,
                        "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s</title></rect>",
                        x, y, slot * 0.7, h, series.get(names.get(s)),
                        escape(bar.label() + ": " + value + " " + names.get(s))));
            }
            if (bars.size() <= 16 || i % 2 == 0) {
                svg.append(String.format(Locale.ROOT,
                        "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>", x + slot * 0.35,
                        TOP + BAR_AREA + 14, escape(bar.label())));
            }
        }
        marks.stream().collect(Collectors.groupingBy(Mark::bar, TreeMap::new,
                Collectors.mapping(Mark::label, Collectors.joining(", "))))
                .forEach((bar, labels) -> {
                    double x = LEFT + bar * slot + slot * 0.5;
                    svg.append(String.format(Locale.ROOT, "<g class=\"mark\"><title>%s</title>"
                                    + "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#6e3fd6\" "
                                    + "stroke-dasharray=\"4 3\"/><text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" "
                                    + "font-size=\"10\" fill=\"#6e3fd6\">%s</text></g>",
                            escape(labels), x, TOP - 4, x, TOP + BAR_AREA, x, TOP - 8, escape(labels)));
                });
        int lx = LEFT;
        for (var entry : series.entrySet()) {
            svg.append(String.format(Locale.ROOT,
                    "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/><text x=\"%d\" y=\"%d\">%s</text>",
                    lx, height - 14, entry.getValue(), lx + 14, height - 5, escape(entry.getKey())));
            lx += 60;
        }
        return svg.append("</svg>").toString();
    }

    /** Horizontal bars, one per label, with their numbers written beside them. */
    static String rows(String name, List<Bar> bars, String colour) {
        long max = Math.max(1, bars.stream().mapToLong(Bar::total).max().orElse(0));
        int rowHeight = 24;
        int labelWidth = 120;
        int height = TOP + Math.max(1, bars.size()) * rowHeight + 8;
        StringBuilder svg = open(name, height);
        if (bars.isEmpty()) {
            svg.append("<text x=\"8\" y=\"").append(TOP + 16).append("\">nothing to show yet</text>");
        }
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            int y = TOP + i * rowHeight;
            double w = (WIDTH - labelWidth - 60.0) * bar.total() / max;
            svg.append(String.format(Locale.ROOT,
                    "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>"
                            + "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"16\" fill=\"%s\"><title>%s</title></rect>"
                            + "<text x=\"%.1f\" y=\"%d\">%d</text>",
                    labelWidth - 6, y + 12, escape(bar.label()), labelWidth, y, w, colour,
                    escape(bar.label() + ": " + bar.total()), labelWidth + w + 4, y + 12, bar.total()));
        }
        return svg.append("</svg>").toString();
    }

    private static StringBuilder open(String name, int height) {
        return new StringBuilder().append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"")
                .append(escape(name)).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\"><title>").append(escape(name)).append("</title>");
    }

    private static void axis(StringBuilder svg, long max) {
        svg.append(String.format(Locale.ROOT,
                "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#8f959e\"/>"
                        + "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%d</text>"
                        + "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">0</text>",
                LEFT, TOP + BAR_AREA, WIDTH - 8, TOP + BAR_AREA, LEFT - 4, TOP + 4, max, LEFT - 4, TOP + BAR_AREA));
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
