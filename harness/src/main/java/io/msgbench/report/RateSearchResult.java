package io.msgbench.report;

import io.msgbench.search.MaxRateSearch;
import java.util.List;

/**
 * How one fork's maximum-rate search went: the rate it confirmed and every trial with its verdict.
 *
 * @param objective the latency objective, or null
 */
public record RateSearchResult(double maxSustainableRate, String objective, List<MaxRateSearch.Step> steps) {
    public RateSearchResult {
        steps = List.copyOf(steps);
    }
}
