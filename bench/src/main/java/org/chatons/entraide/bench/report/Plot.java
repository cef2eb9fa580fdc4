package org.chatons.entraide.bench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * A line chart drawn with plain Java2D: one line per contender over time, above a strip that shows how full the
 * federation is, with the warm-up shaded and the events marked. No plotting library: a PNG a person can open.
 */
public final class Plot {

    /** One line: its label, its values at the shared x positions, and its colour. */
    public record Line(String label, double[] values, boolean bold, Color color) {
    }

    /** A vertical marker, such as "flash crowd" at its time. */
    public record Marker(double x, String label) {
    }

    private static final int WIDTH = 960;
    private static final int HEIGHT = 610;
    private static final int LEFT = 70;
    private static final int RIGHT = 20;
    private static final int TOP = 50;
    private static final int MAIN_HEIGHT = 330;
    private static final int GAP = 30;
    private static final int STRIP_HEIGHT = 70;

    private Plot() {
    }

    /**
     * @param title   above the chart
     * @param yLabel  what the lines measure
     * @param x       the shared x values (hours)
     * @param lines   the contenders, drawn in order (the last on top)
     * @param yMin    bottom of the main chart; values above yMax are drawn at the top edge
     * @param strip   a second series shown below in [0, 1] (the federation's fill), or null
     * @param shadeTo x up to which the chart is shaded (the warm-up)
     */
    public static void write(Path file, String title, String yLabel, double[] x, List<Line> lines, double yMin,
                             double yMax, String stripLabel, double[] strip, double shadeTo, List<Marker> markers)
            throws IOException {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        // Crisp lines keep the PNG to a few colours, so a few tens of KiB; text stays smooth.
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.setColor(Color.BLACK);
        g.drawString(title, LEFT, 25);

        double xMin = x[0];
        double xMax = x[x.length - 1];
        Frame main = new Frame(LEFT, TOP, WIDTH - LEFT - RIGHT, MAIN_HEIGHT, xMin, xMax, yMin, yMax);
        Frame below = new Frame(LEFT, TOP + MAIN_HEIGHT + GAP, WIDTH - LEFT - RIGHT, STRIP_HEIGHT, xMin, xMax, 0, 1);
        shade(g, main, shadeTo);
        shade(g, below, shadeTo);
        grid(g, main, yLabel, niceStep(yMax - yMin), false);
        if (strip != null) {
            grid(g, below, stripLabel, 0.5, true);
            g.setColor(new Color(0x607D8B));
            g.setStroke(new BasicStroke(1.5f));
            g.draw(path(below, x, strip));
            g.setColor(new Color(0xC62828));
            float[] dash = {4f, 4f};
            g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, dash, 0f));
            g.drawLine(below.x, below.py(0.85), below.x + below.w, below.py(0.85));
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
            g.drawString("85 %", below.x + below.w - 30, below.py(0.85) - 3);
        }
        xAxis(g, below);
        markers(g, main, below, markers);

        g.setClip(main.x, main.y - 1, main.w + 1, main.h + 2);
        for (Line line : lines) {
            g.setColor(line.color());
            g.setStroke(new BasicStroke(line.bold() ? 2.2f : 1.2f));
            g.draw(path(main, x, line.values()));
        }
        g.setClip(null);
        legend(g, below.y + below.h + 34, lines, yMax);
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    /** A plotting area and the data range it shows. */
    private record Frame(int x, int y, int w, int h, double x0, double x1, double y0, double y1) {
        double px(double v) {
            return x + (v - x0) / (x1 - x0) * w;
        }

        int py(double v) {
            double clamped = Math.max(y0, Math.min(y1, v));
            return (int) Math.round(y + h - (clamped - y0) / (y1 - y0) * h);
        }
    }

    private static Path2D path(Frame f, double[] x, double[] values) {
        Path2D.Double p = new Path2D.Double();
        boolean pen = false;
        for (int i = 0; i < x.length; i++) {
            if (Double.isNaN(values[i])) {
                pen = false;
                continue;
            }
            double px = f.px(x[i]);
            double py = f.py(values[i]);
            if (pen) {
                p.lineTo(px, py);
            } else {
                p.moveTo(px, py);
                pen = true;
            }
        }
        return p;
    }

    private static void shade(Graphics2D g, Frame f, double shadeTo) {
        g.setColor(new Color(0xF2F2F2));
        g.fillRect(f.x, f.y, (int) Math.round(f.px(shadeTo)) - f.x, f.h);
    }

    private static void grid(Graphics2D g, Frame f, String label, double step, boolean labelWarmUp) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (double v = Math.ceil(f.y0 / step) * step; v <= f.y1 + 1e-9; v += step) {
            int py = f.py(v);
            g.setColor(new Color(0xDDDDDD));
            g.drawLine(f.x, py, f.x + f.w, py);
            g.setColor(Color.DARK_GRAY);
            String text = step < 0.1 ? String.format(Locale.ROOT, "%.2f", v) : String.format(Locale.ROOT, "%.1f", v);
            g.drawString(text, f.x - 8 - g.getFontMetrics().stringWidth(text), py + 4);
        }
        g.setColor(Color.GRAY);
        g.drawRect(f.x, f.y, f.w, f.h);
        Graphics2D r = (Graphics2D) g.create();
        r.setColor(Color.BLACK);
        r.rotate(-Math.PI / 2);
        r.drawString(label, -(f.y + f.h / 2 + r.getFontMetrics().stringWidth(label) / 2), 16);
        r.dispose();
        if (labelWarmUp) {
            g.setColor(Color.GRAY);
            g.drawString("warm-up (not measured)", f.x + 6, f.y + f.h - 6);
        }
    }

    private static void xAxis(Graphics2D g, Frame f) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.setColor(Color.DARK_GRAY);
        double step = niceStep(f.x1 - f.x0);
        for (double v = Math.ceil(f.x0 / step) * step; v <= f.x1 + 1e-9; v += step) {
            int px = (int) Math.round(f.px(v));
            g.drawLine(px, f.y + f.h, px, f.y + f.h + 4);
            String text = String.format(Locale.ROOT, "%.1f h", v);
            g.drawString(text, px - g.getFontMetrics().stringWidth(text) / 2, f.y + f.h + 17);
        }
    }

    private static void markers(Graphics2D g, Frame main, Frame below, List<Marker> markers) {
        float[] dash = {6f, 4f};
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (Marker m : markers) {
            int px = (int) Math.round(main.px(m.x()));
            g.setColor(Color.DARK_GRAY);
            g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, dash, 0f));
            g.drawLine(px, main.y, px, below.y + below.h);
            g.drawString(m.label(), px + 4, main.y + 12);
        }
        g.setStroke(new BasicStroke(1f));
    }

    /** Below the chart, in three columns; a line mostly above the scale says so. */
    private static void legend(Graphics2D g, int top, List<Line> lines, double yMax) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        int column = (WIDTH - LEFT - RIGHT) / 3;
        for (int k = 0; k < lines.size(); k++) {
            Line line = lines.get(k);
            int x = LEFT + (k % 3) * column;
            int y = top + (k / 3) * 18;
            g.setColor(line.color());
            g.setStroke(new BasicStroke(line.bold() ? 3f : 2f));
            g.drawLine(x, y - 4, x + 20, y - 4);
            g.setColor(Color.BLACK);
            g.drawString(line.label() + (median(line.values()) > yMax ? " (above the scale)" : ""), x + 26, y);
        }
        g.setStroke(new BasicStroke(1f));
    }

    private static double median(double[] values) {
        double[] sorted = java.util.Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length / 2];
    }

    /** A round grid step that gives four to ten lines over the range. */
    static double niceStep(double range) {
        double raw = range / 5;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double normalised = raw / magnitude;
        double nice = normalised < 1.5 ? 1 : normalised < 3.5 ? 2 : normalised < 7.5 ? 5 : 10;
        return nice * magnitude;
    }
}
