package io.thanosjava.examples;

import static io.thanosjava.examples.ExampleData.START;
import static io.thanosjava.examples.ExampleData.minutes;

import io.thanosjava.engine.Querier;
import io.thanosjava.engine.QueryResult;
import io.thanosjava.engine.RangeQuery;
import io.thanosjava.engine.RequestOptions;
import io.thanosjava.engine.storage.InMemoryQueryable;
import java.io.PrintStream;
import java.util.List;

/**
 * PromQL over data the application holds itself: each HA replica's samples in an
 * {@link InMemoryQueryable} (any {@link io.thanosjava.engine.storage.Queryable} works), merged and
 * deduplicated by the {@code replica} label exactly as series from StoreAPI endpoints would be.
 */
public final class EmbeddedQueryExample {
    static final String QUERY = "sum(rate(http_requests_total[1m]))";

    private EmbeddedQueryExample() {
    }

    public static void main(String[] args) {
        run(System.out);
    }

    /** Prints the cluster's request rate with and without replica deduplication. */
    static void run(PrintStream out) {
        ResultPrinter printer = new ResultPrinter(out);
        try (Querier querier = newQuerier()) {
            printer.print(QUERY + " (deduplicated):", requestRate(querier, RequestOptions.DEFAULT));
            printer.print(QUERY + " (dedup=false):", requestRate(querier, RequestOptions.DEFAULT.withDedup(false)));
        }
    }

    /** One querier over both replicas; {@code replica} tells them apart. */
    static Querier newQuerier() {
        return Querier.builder()
                .queryable(replica(ExampleData.Replica.A))
                .queryable(replica(ExampleData.Replica.B))
                .replicaLabels(List.of(ExampleData.REPLICA_LABEL))
                .build();
    }

    /** The request rate every 5 minutes from minute 5 to minute 25. */
    static QueryResult requestRate(Querier querier, RequestOptions options) {
        return querier.rangeQuery(new RangeQuery(QUERY, START + minutes(5), START + minutes(25), minutes(5), options));
    }

    /** One replica's samples, each series carrying the replica label as Prometheus' external labels would. */
    private static InMemoryQueryable replica(ExampleData.Replica replica) {
        InMemoryQueryable.Builder builder = InMemoryQueryable.builder();
        ExampleData.scrapes(replica, (labels, timestamps, values) -> builder.add(
                labels.toBuilder().set(ExampleData.REPLICA_LABEL, replica.name).build(), timestamps, values));
        return builder.build();
    }
}
