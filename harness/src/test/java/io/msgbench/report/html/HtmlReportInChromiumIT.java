package io.msgbench.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import io.msgbench.report.jmh.JmhBenchmarkResult;
import io.msgbench.report.jmh.JmhJsonReader;
import io.msgbench.testing.Chromium;
import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report opened in a real browser, Debian's Chromium, headless and with its network off: the DOM holds
 * the nine charts as SVG elements and the screenshot shows them (coloured series on a white page whose tables are
 * black and grey). Skipped where Chromium is not installed, failed so in CI; {@code .ci/run} installs it.
 */
class HtmlReportInChromiumIT {
    private static final Path CHROMIUM = Chromium.PATH;

    @Test
    void theChartsRenderOfflineInHeadlessChromium(@TempDir Path dir) throws Exception {
        Chromium.require();
        List<JmhBenchmarkResult> results;
        try (InputStream in = getClass().getResourceAsStream("/msgbench-examples/latency-two-forks.json")) {
            results = JmhJsonReader.parse(in.readAllBytes(), "latency-two-forks.json");
        }
        String source = HtmlReport.of(results);
        Path html = Files.writeString(dir.resolve("report.html"), source);

        String dom = chromium(dir, "--dump-dom", html.toUri().toString());
        assertThat(count(dom, "<svg")).isEqualTo(9);
        assertThat(count(dom, "<path")).as("every drawing parsed as SVG").isEqualTo(count(source, "<path"))
                .isGreaterThan(100);
        assertThat(dom).contains("<td class=\"n\">500</td>");

        Path png = dir.resolve("report.png");
        chromium(dir, "--window-size=1000,6000", "--screenshot=" + png, html.toUri().toString());
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getHeight()).isEqualTo(6000);
        assertThat(colouredPixels(image)).as("pixels of chart series").isGreaterThan(20_000);
    }

    /** Runs headless Chromium with its network features off and a fresh profile; returns what it printed. */
    private static String chromium(Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--proxy-server=127.0.0.1:9",
                "--host-resolver-rules=MAP * ~NOTFOUND", "--user-data-dir=" + Files.createTempDirectory(dir, "profile")));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectError(dir.resolve("chromium.err").toFile()).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish in 60 s");
        }
        assertThat(p.exitValue()).as(Files.readString(dir.resolve("chromium.err"))).isZero();
        return new String(out, StandardCharsets.UTF_8);
    }

    /** Pixels whose colour is clearly not a grey (text, borders and background are greys). */
    private static long colouredPixels(BufferedImage image) {
        long n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 80) {
                    n++;
                }
            }
        }
        return n;
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
