package org.chatons.entraide.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
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
    }

    @Test
    void gridStepsAreRound() {
        assertThat(Plot.niceStep(0.3)).isEqualTo(0.05);
        assertThat(Plot.niceStep(4.5)).isEqualTo(1.0);
        assertThat(Plot.niceStep(1.0)).isEqualTo(0.2);
    }
}
