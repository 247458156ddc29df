package io.msgbench.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParameterSpaceTest {
    @Test
    void cartesianProductInDeclarationOrderLastDimensionFastest() {
        Map<String, List<String>> declared = new LinkedHashMap<>();
        declared.put("client", List.of("kafka"));
        declared.put("acks", List.of("1", "all"));
        declared.put("linger.ms", List.of("0", "5"));
        List<Map<String, String>> c = ParameterSpace.of(declared, Map.of()).combinations();
        assertThat(c).hasSize(4);
        assertThat(c.get(0)).containsExactly(Map.entry("client", "kafka"), Map.entry("acks", "1"), Map.entry("linger.ms", "0"));
        assertThat(c.get(1)).containsEntry("acks", "1").containsEntry("linger.ms", "5");
        assertThat(c.get(3)).containsEntry("acks", "all").containsEntry("linger.ms", "5");
    }

    @Test
    void overridesReplaceDeclaredValuesAndAddNewDimensionsAfterThem() {
        Map<String, List<String>> declared = new LinkedHashMap<>();
        declared.put("client", List.of("kafka"));
        declared.put("acks", List.of("1", "all"));
        Map<String, List<String>> overrides = new LinkedHashMap<>();
        overrides.put("messageSize", List.of("100", "1024"));
        overrides.put("acks", List.of("all"));
        ParameterSpace space = ParameterSpace.of(declared, overrides);
        assertThat(space.dimensions().keySet()).containsExactly("client", "acks", "messageSize");
        assertThat(space.combinations()).hasSize(2)
                .allSatisfy(m -> assertThat(m).containsEntry("acks", "all"));
    }

    @Test
    void noParametersIsOneEmptyCombination() {
        assertThat(ParameterSpace.of(Map.of(), Map.of()).combinations()).containsExactly(Map.of());
    }

    @Test
    void valuesSplitOnCommasWithEscapes() {
        assertThat(ParameterSpace.splitValues("1,all")).containsExactly("1", "all");
        assertThat(ParameterSpace.splitValues("a\\,b,c")).containsExactly("a,b", "c");
        assertThat(ParameterSpace.splitValues("x")).containsExactly("x");
    }

    @Test
    void repeatedValuesCountOnceAndPositionsFollowDeclaration() {
        ParameterSpace space = ParameterSpace.of(Map.of(), Map.of("acks", List.of("all", "1", "all")));
        assertThat(space.dimensions().get("acks")).containsExactly("all", "1");
        assertThat(space.indexOf("acks", "1")).isEqualTo(1);
        assertThat(space.indexOf("acks", "0")).isEqualTo(-1);
    }
}
