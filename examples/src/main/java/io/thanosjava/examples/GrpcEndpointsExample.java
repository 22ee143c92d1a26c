package io.thanosjava.examples;

import static io.thanosjava.examples.ExampleData.START;
import static io.thanosjava.examples.ExampleData.minutes;

import io.thanosjava.engine.EndpointState;
import io.thanosjava.engine.Querier;
import io.thanosjava.engine.QueryResult;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/**
 * PromQL against StoreAPI endpoints over gRPC, as a Thanos querier runs it but inside the
 * application: the querier fans {@code Series} calls out to every endpoint, merges the answers and
 * deduplicates the HA replicas by their {@code replica} external label.
 */
public final class GrpcEndpointsExample {
    static final String QUERY = "sum by (instance) (rate(http_requests_total[1m]))";
    /** Minute 20: replica "b" has no samples there, replica "a" fills in. */
    static final long TIME = START + minutes(20);

    private GrpcEndpointsExample() {
    }

    public static void main(String[] args) throws IOException {
        run(System.out);
    }

    /** Starts two StoreAPI servers, lists them as the querier sees them and runs one instant query. */
    static void run(PrintStream out) throws IOException {
        try (ReplicaStoreServers stores = ReplicaStoreServers.start();
             Querier querier = newQuerier(stores.addresses())) {
            out.println("endpoints:");
            querier.endpoints().stream().map(GrpcEndpointsExample::describe).sorted().forEach(line -> out.println("  " + line));
            new ResultPrinter(out).print(QUERY + ":", requestRates(querier));
        }
    }

    /** Component type, label sets and health; the address is left out as the ports are random. */
    private static String describe(EndpointState e) {
        return e.componentType() + " " + e.labelSets() + (e.healthy() ? " healthy" : " down: " + e.lastError());
    }

    /** A querier over the given {@code host:port} endpoints; {@code build()} asks each one for its labels and time range. */
    static Querier newQuerier(List<String> endpoints) {
        return Querier.builder()
                .endpoints(endpoints)
                .replicaLabels(List.of(ExampleData.REPLICA_LABEL))
                .queryTimeout(Duration.ofSeconds(30))
                .build();
    }

    /** Each instance's request rate at minute 20. */
    static QueryResult requestRates(Querier querier) {
        return querier.instantQuery(QUERY, TIME);
    }
}
