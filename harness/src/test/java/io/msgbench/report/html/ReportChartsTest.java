package io.msgbench.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReportChartsTest {
    @Test
    void thePercentileAxisIsLabelledAsHdrHistogramLabelsIt() {
        assertThat(ReportCharts.percentileLabel(Math.log10(2))).isEqualTo("50%");
        assertThat(ReportCharts.percentileLabel(1)).isEqualTo("90%");
        assertThat(ReportCharts.percentileLabel(3)).isEqualTo("99.9%");
        assertThat(ReportCharts.percentileLabel(5)).isEqualTo("99.999%");
    }
}
