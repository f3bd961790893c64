package dev.genaiotel.core.internal;

import dev.genaiotel.semconv.MetricDefinition;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.LongHistogram;
import io.opentelemetry.api.metrics.Meter;
import java.util.ArrayList;
import java.util.List;

/** Creates instruments from their definitions in genai-semconv: name, unit, description and advised buckets. */
final class Instruments {

    private final Meter meter;

    Instruments(Meter meter) {
        this.meter = meter;
    }

    DoubleHistogram doubles(MetricDefinition definition) {
        return meter.histogramBuilder(definition.name())
                .setUnit(definition.unit())
                .setDescription(definition.description())
                .setExplicitBucketBoundariesAdvice(definition.bucketBoundaries())
                .build();
    }

    LongHistogram longs(MetricDefinition definition) {
        List<Long> boundaries = new ArrayList<>(definition.bucketBoundaries().size());
        for (Double boundary : definition.bucketBoundaries()) {
            boundaries.add(boundary.longValue());
        }
        return meter.histogramBuilder(definition.name())
                .setUnit(definition.unit())
                .setDescription(definition.description())
                .ofLongs()
                .setExplicitBucketBoundariesAdvice(boundaries)
                .build();
    }

    LongCounter counter(MetricDefinition definition) {
        return meter.counterBuilder(definition.name())
                .setUnit(definition.unit())
                .setDescription(definition.description())
                .build();
    }
}
