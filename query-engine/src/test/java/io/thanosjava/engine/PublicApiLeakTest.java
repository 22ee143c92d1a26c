package io.thanosjava.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.thanosjava.engine.storage.InMemoryQueryable;
import io.thanosjava.engine.storage.Queryable;
import io.thanosjava.engine.store.EndpointSet;
import io.thanosjava.engine.store.FanoutOptions;
import io.thanosjava.engine.store.LabelFanout;
import io.thanosjava.engine.store.QuerySettings;
import io.thanosjava.engine.store.SeriesFanout;
import io.thanosjava.engine.store.StoreEndpoint;
import io.thanosjava.engine.store.StoreInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The public packages' signatures mention no internal type, and every other package says it is internal. */
class PublicApiLeakTest {
    @Test
    void publicSignaturesMentionOnlyAllowedPackages() {
        List<String> leaks = new ArrayList<>();
        for (Class<?> type : ApiSurface.publicTypes()) {
            leaks.addAll(ApiSurface.leaks(type));
        }
        assertThat(leaks).isEmpty();
    }

    @Test
    void theScanSeesTheWholeApiIncludingNestedTypes() {
        assertThat(ApiSurface.publicTypes()).contains(Querier.class, Querier.Builder.class, RequestOptions.class,
                Value.Vector.class, Value.Series.class, QueryException.Type.class, QueryEngine.class, Queryable.class,
                InMemoryQueryable.Builder.class);
    }

    @Test
    void internalPackagesSayTheyAreInternal() throws IOException {
        Path root = Path.of("src/main/java/io/thanosjava/engine");
        List<Path> packages;
        try (Stream<Path> dirs = Files.walk(root)) {
            packages = dirs.filter(Files::isDirectory).filter(d -> !d.equals(root) && !d.endsWith("storage")).toList();
        }
        assertThat(packages).isNotEmpty();
        for (Path dir : packages) {
            Path info = dir.resolve("package-info.java");
            assertThat(info).as(dir.toString()).exists();
            assertThat(Files.readString(info)).as(info.toString())
                    .contains("Internal: not part of the public API; may change without notice.");
        }
    }

    // Fixtures: each leaks one internal type in one kind of position.

    public static final class ReturnsInternal {
        public EndpointSet endpoints() {
            return null;
        }
    }

    public static final class GenericArgument {
        public List<StoreEndpoint> stores() {
            return List.of();
        }
    }

    public static final class WildcardBound {
        public void take(Map<String, ? extends StoreInfo> stores) {
        }
    }

    public record RecordComponent(QuerySettings settings) {
    }

    public abstract static class SuperType implements Supplier<LabelFanout> {
    }

    public static final class PublicField {
        public FanoutOptions options;
    }

    public static class ProtectedConstructor {
        protected ProtectedConstructor(SeriesFanout fanout) {
        }
    }

    public static final class TypeParameterBound<T extends StoreInfo> {
    }

    public static final class Clean {
        public List<Map<String, Value>> values() {
            return List.of();
        }

        private EndpointSet hidden() {
            return null;
        }
    }

    @Test
    void everyKindOfPositionIsCaught() {
        assertThat(ApiSurface.leaks(ReturnsInternal.class)).anyMatch(l -> l.endsWith(EndpointSet.class.getName()));
        assertThat(ApiSurface.leaks(GenericArgument.class)).anyMatch(l -> l.endsWith(StoreEndpoint.class.getName()));
        assertThat(ApiSurface.leaks(WildcardBound.class)).anyMatch(l -> l.endsWith(StoreInfo.class.getName()));
        assertThat(ApiSurface.leaks(RecordComponent.class)).anyMatch(l -> l.contains("record component settings"));
        assertThat(ApiSurface.leaks(SuperType.class)).anyMatch(l -> l.endsWith(LabelFanout.class.getName()));
        assertThat(ApiSurface.leaks(PublicField.class)).anyMatch(l -> l.endsWith(FanoutOptions.class.getName()));
        assertThat(ApiSurface.leaks(ProtectedConstructor.class)).anyMatch(l -> l.endsWith(SeriesFanout.class.getName()));
        assertThat(ApiSurface.leaks(TypeParameterBound.class)).anyMatch(l -> l.endsWith(StoreInfo.class.getName()));
        assertThat(ApiSurface.leaks(Clean.class)).isEmpty();
    }
}
