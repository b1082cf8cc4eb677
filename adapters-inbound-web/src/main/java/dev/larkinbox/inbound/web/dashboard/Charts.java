package dev.larkinbox.inbound.web.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Charts as the shapes of an SVG, which {@code dashboard.html} draws: no script, nothing from another host, and
 * every text escaped by the template like any other. Each is an image with an accessible name ({@code role="img"},
 * {@code aria-label} and a {@code <title>}) that says what it shows; its bars carry their numbers as titles too.
 * Public, with its shapes, for the template engine to read them.
 */
public final class Charts {
    private static final int WIDTH = 560;
    private static final int BAR_AREA = 180;
    private static final int TOP = 24;
    private static final int LEFT = 36;
    private static final String AXIS = "#8f959e";

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

    /** What the template draws: an SVG of {@value #WIDTH} by {@code height}. */
    public record Chart(String name, int height, List<Line> lines, List<Box> boxes, List<Text> texts,
                 List<MarkLine> marks) {
        public String viewBox() {
            return "0 0 " + WIDTH + " " + height;
        }
    }

    /** @param title what a pointer over the box shows, or null */
    public record Box(double x, double y, double width, double height, String fill, String title) {
    }

    /** @param anchor SVG's text-anchor: start, middle or end */
    public record Text(double x, double y, String anchor, String text) {
    }

    public record Line(double x1, double y1, double x2, double y2, String stroke) {
    }

    /** A dashed line from {@code top} to {@code bottom} at {@code x}, its label written above it at {@code labelY}. */
    public record MarkLine(double x, int top, int bottom, int labelY, String label) {
    }

    /**
     * Vertical bars, stacked by series.
     *
     * @param series the names and colours of the parts, bottom first
     * @param marks  lines over some of the bars; the labels of one bar's marks are written together
     */
    static Chart columns(String name, List<Bar> bars, Map<String, String> series, List<Mark> marks) {
        long max = Math.max(1, bars.stream().mapToLong(Bar::total).max().orElse(0));
        int height = TOP + BAR_AREA + 44;
        List<Box> boxes = new ArrayList<>();
        List<Text> texts = new ArrayList<>(axisTexts(max));
        double slot = (WIDTH - LEFT - 8.0) / Math.max(1, bars.size());
        List<String> names = List.copyOf(series.keySet());
        // at most 16 day labels fit under the chart: a longer range labels every second, sixth... bar
        int labelEvery = (bars.size() + 15) / 16;
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
                boxes.add(new Box(round(x), round(y), round(slot * 0.7), round(h), series.get(names.get(s)),
                        bar.label() + ": " + value + " " + names.get(s)));
            }
            if (i % labelEvery == 0) {
                texts.add(new Text(round(x + slot * 0.35), TOP + BAR_AREA + 14, "middle", bar.label()));
            }
        }
        List<MarkLine> lines = marks.stream().collect(Collectors.groupingBy(Mark::bar, TreeMap::new,
                        Collectors.mapping(Mark::label, Collectors.joining(", "))))
                .entrySet().stream()
                .map(e -> new MarkLine(round(LEFT + e.getKey() * slot + slot * 0.5), TOP - 4, TOP + BAR_AREA,
                        TOP - 8, e.getValue()))
                .toList();
        int lx = LEFT;
        for (var entry : series.entrySet()) {
            boxes.add(new Box(lx, height - 14, 10, 10, entry.getValue(), null));
            texts.add(new Text(lx + 14, height - 5, "start", entry.getKey()));
            lx += 60;
        }
        Line axis = new Line(LEFT, TOP + BAR_AREA, WIDTH - 8, TOP + BAR_AREA, AXIS);
        return new Chart(name, height, List.of(axis), boxes, texts, lines);
    }

    /**
     * Horizontal bars, one per label, with their numbers written beside them.
     *
     * @param empty what the chart says when it has no bar
     */
    static Chart rows(String name, List<Bar> bars, String colour, String empty) {
        long max = Math.max(1, bars.stream().mapToLong(Bar::total).max().orElse(0));
        int rowHeight = 24;
        int labelWidth = 120;
        int height = TOP + Math.max(1, bars.size()) * rowHeight + 8;
        List<Box> boxes = new ArrayList<>();
        List<Text> texts = new ArrayList<>();
        if (bars.isEmpty()) {
            texts.add(new Text(8, TOP + 16, "start", empty));
        }
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            int y = TOP + i * rowHeight;
            double w = round((WIDTH - labelWidth - 60.0) * bar.total() / max);
            texts.add(new Text(labelWidth - 6, y + 12, "end", bar.label()));
            boxes.add(new Box(labelWidth, y, w, 16, colour, bar.label() + ": " + bar.total()));
            texts.add(new Text(round(labelWidth + w + 4), y + 12, "start", Long.toString(bar.total())));
        }
        return new Chart(name, height, List.of(), boxes, texts, List.of());
    }

    private static List<Text> axisTexts(long max) {
        return List.of(new Text(LEFT - 4, TOP + 4, "end", Long.toString(max)),
                new Text(LEFT - 4, TOP + BAR_AREA, "end", "0"));
    }

    /** One decimal is finer than a pixel: shorter attributes. */
    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
