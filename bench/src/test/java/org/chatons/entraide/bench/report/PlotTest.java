package org.chatons.entraide.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntPredicate;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlotTest {

    @Test
    void writesAPngAPersonCanOpen(@TempDir Path dir) throws Exception {
        double[] x = {0, 1, 2, 3};
        Path file = dir.resolve("plot.png");
        Plot.write(file, "title", "ratio", x,
                List.of(new Plot.Line("flat", new double[] {1.0, 1.0, 1.1, Double.NaN}, true, Color.BLUE),
                        new Plot.Line("off the scale", new double[] {9, 9, 9, 9}, false, Color.RED)),
                1.0, 1.3, "fill", new double[] {0, 0.5, 0.9, 0.6}, 1, List.of(new Plot.Marker(2, "event")));

        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image.getWidth()).isEqualTo(960);
        assertThat(image.getHeight()).isGreaterThan(500);
        // Not a blank picture: the blue line is drawn, among the axes' and texts' colours.
        assertThat(pixels(image, rgb -> blue(rgb) > 200 && red(rgb) < 80 && green(rgb) < 80)).as("blue pixels")
                .isGreaterThan(100);
        assertThat(pixels(image, rgb -> rgb != image.getRGB(0, 0))).as("pixels other than the background")
                .isGreaterThan(5_000);
    }

    static long pixels(BufferedImage image, IntPredicate matching) {
        long n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                n += matching.test(image.getRGB(x, y)) ? 1 : 0;
            }
        }
        return n;
    }

    static int red(int rgb) {
        return (rgb >> 16) & 0xFF;
    }

    static int green(int rgb) {
        return (rgb >> 8) & 0xFF;
    }

    static int blue(int rgb) {
        return rgb & 0xFF;
    }

    @Test
    void gridStepsAreRound() {
        assertThat(Plot.niceStep(0.3)).isEqualTo(0.05);
        assertThat(Plot.niceStep(4.5)).isEqualTo(1.0);
        assertThat(Plot.niceStep(1.0)).isEqualTo(0.2);
    }
}
