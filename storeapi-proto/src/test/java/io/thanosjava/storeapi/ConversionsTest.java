package io.thanosjava.storeapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.thanosjava.model.InvalidMatcherException;
import io.thanosjava.model.LabelMatcher;
import io.thanosjava.model.Labels;
import io.thanosjava.model.chunk.Chunk;
import io.thanosjava.storeapi.proto.store.Aggr;
import io.thanosjava.storeapi.proto.store.AggrChunk;
import io.thanosjava.storeapi.proto.store.Label;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class ConversionsTest {

    @Property(tries = 300)
    void labelsRoundTripThroughBothWireFlavours(@ForAll("labelSets") Labels labels) {
        assertThat(LabelsConverter.fromThanos(LabelsConverter.toThanos(labels))).isEqualTo(labels);
        assertThat(LabelsConverter.fromProm(LabelsConverter.toProm(labels))).isEqualTo(labels);
        assertThat(LabelsConverter.fromLabelSet(LabelsConverter.toZLabelSet(labels))).isEqualTo(labels);
    }

    @Test
    void wireLabelsAreSortedByUtf8Bytes() {
        Labels labels = Labels.of("\uffff", "a", "\ud83d\udcc8", "b", "a", "c");
        List<Label> wire = LabelsConverter.toThanos(labels);
        assertThat(wire).extracting(l -> l.getName().toStringUtf8()).containsExactly("a", "\uffff", "\ud83d\udcc8");
    }

    @Test
    void unsortedDuplicateAndEmptyLabelsAreNormalised() {
        List<Label> wire = List.of(label("job", "api"), label("__name__", "up"), label("job", "web"), label("empty", ""));
        Labels labels = LabelsConverter.fromThanos(wire);
        assertThat(labels).isEqualTo(Labels.of("__name__", "up", "job", "web"));
        assertThat(labels.size()).isEqualTo(2);
    }

    @Test
    void invalidUtf8BecomesReplacementCharacters() {
        Label bad = Label.newBuilder().setName(ByteString.copyFromUtf8("a"))
                .setValue(ByteString.copyFrom(new byte[] {'x', (byte) 0xc3})).build();
        assertThat(LabelsConverter.fromThanos(List.of(bad)).get("a")).isEqualTo("x\ufffd");
    }

    @Property(tries = 200)
    void matchersRoundTrip(@ForAll("matchers") LabelMatcher m) {
        assertThat(MatcherConverter.fromThanos(MatcherConverter.toThanos(m))).isEqualTo(m);
        assertThat(MatcherConverter.fromProm(MatcherConverter.toProm(m))).isEqualTo(m);
    }

    @Test
    void matcherTypesUseTheWireNumbers() {
        assertThat(MatcherConverter.toThanos(LabelMatcher.of(LabelMatcher.Type.NRE, "a", "b")).getType())
                .isEqualTo(io.thanosjava.storeapi.proto.store.LabelMatcher.Type.NRE);
        assertThat(MatcherConverter.toProm(LabelMatcher.of(LabelMatcher.Type.NEQ, "a", "b")).getTypeValue()).isEqualTo(1);
    }

    @Test
    void unknownMatcherTypeAndBadRegexAreClearErrors() {
        var unknown = io.thanosjava.storeapi.proto.store.LabelMatcher.newBuilder().setTypeValue(7).setName("a").build();
        assertThatThrownBy(() -> MatcherConverter.fromThanos(unknown))
                .isInstanceOf(InvalidWireDataException.class).hasMessage("unknown label matcher type 7");
        var badRegex = io.thanosjava.storeapi.proto.prompb.LabelMatcher.newBuilder()
                .setType(io.thanosjava.storeapi.proto.prompb.LabelMatcher.Type.RE).setName("a").setValue("(").build();
        assertThatThrownBy(() -> MatcherConverter.fromProm(badRegex)).isInstanceOf(InvalidMatcherException.class);
    }

    @Test
    void chunkEncodingsAreRenumberedBetweenThanosAndPrometheus() {
        byte[] data = {0, 1, 42};
        for (int encoding = Chunk.XOR; encoding <= Chunk.FLOAT_HISTOGRAM; encoding++) {
            Chunk chunk = new Chunk(-5, 7, encoding, data);
            var prom = ChunkConverter.toProm(chunk);
            assertThat(prom.getTypeValue()).isEqualTo(encoding + 1);
            AggrChunk thanos = ChunkConverter.toThanosRaw(chunk);
            assertThat(thanos.getRaw().getTypeValue()).isEqualTo(encoding);
            for (Chunk back : List.of(ChunkConverter.fromProm(prom), ChunkConverter.fromThanosRaw(thanos))) {
                assertThat(back.minTime()).isEqualTo(-5);
                assertThat(back.maxTime()).isEqualTo(7);
                assertThat(back.encoding()).isEqualTo(encoding);
                assertThat(back.data()).isEqualTo(data);
            }
        }
    }

    @Test
    void unusableChunksAreClearErrors() {
        var unknown = io.thanosjava.storeapi.proto.prompb.Chunk.newBuilder().setMinTimeMs(1).setMaxTimeMs(2).build();
        assertThatThrownBy(() -> ChunkConverter.fromProm(unknown))
                .isInstanceOf(InvalidWireDataException.class)
                .hasMessage("remote-read chunk [1, 2] has unsupported Prometheus encoding 0");
        var newer = unknown.toBuilder().setTypeValue(4).build();
        assertThatThrownBy(() -> ChunkConverter.fromProm(newer)).isInstanceOf(InvalidWireDataException.class);

        AggrChunk downsampled = AggrChunk.newBuilder().setMinTime(1).setMaxTime(2)
                .setSum(io.thanosjava.storeapi.proto.store.Chunk.newBuilder().setData(ByteString.copyFrom(new byte[] {0, 0}))).build();
        assertThatThrownBy(() -> ChunkConverter.fromThanosRaw(downsampled))
                .isInstanceOf(InvalidWireDataException.class).hasMessage("chunk [1, 2] has no RAW part");
        assertThat(ChunkConverter.fromThanos(downsampled, Aggr.SUM).data()).containsExactly(0, 0);

        assertThatThrownBy(() -> ChunkConverter.toProm(new Chunk(0, 0, 9, new byte[0])))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Provide
    Arbitrary<Labels> labelSets() {
        Arbitrary<String> names = Arbitraries.strings().withCharRange('a', 'z').withChars('_', '\u00fc', '\u6771')
                .ofMinLength(1).ofMaxLength(6);
        Arbitrary<String> values = Arbitraries.strings().withCharRange(' ', '~').withChars('\n', '\u00fc', '\u6771', '\uffff')
                .ofMinLength(1).ofMaxLength(8)
                .flatMap(s -> Arbitraries.of(s, s + "\ud83d\udcc8"));
        return Combinators.combine(names, values).as((n, v) -> new String[] {n, v})
                .list().ofMaxSize(8)
                .map(pairs -> {
                    Labels.Builder b = Labels.builder();
                    pairs.forEach(p -> b.set(p[0], p[1]));
                    return b.build();
                });
    }

    @Provide
    Arbitrary<LabelMatcher> matchers() {
        Arbitrary<LabelMatcher.Type> types = Arbitraries.of(LabelMatcher.Type.class);
        Arbitrary<String> text = Arbitraries.strings().alpha().numeric().withChars('.', '*', '|', '\n', '\u00fc').ofMaxLength(10);
        return Combinators.combine(types, text, text).as((t, n, v) -> {
            // Every '*' follows a '.', so the value is always a valid regex.
            return LabelMatcher.of(t, n, v.replace("*", ".*"));
        });
    }

    private static Label label(String name, String value) {
        return Label.newBuilder().setName(ByteString.copyFromUtf8(name)).setValue(ByteString.copyFromUtf8(value)).build();
    }
}
