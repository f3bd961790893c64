package dev.genaiotel.autoconfigure;

import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Reads decoded OTLP protobuf messages back as plain Java values. */
final class Otlp {

    private Otlp() {}

    static Map<String, Object> attributes(List<KeyValue> attributes) {
        return attributes.stream().collect(Collectors.toMap(KeyValue::getKey, kv -> value(kv.getValue())));
    }

    static Object value(AnyValue value) {
        switch (value.getValueCase()) {
            case STRING_VALUE:
                return value.getStringValue();
            case INT_VALUE:
                return value.getIntValue();
            case DOUBLE_VALUE:
                return value.getDoubleValue();
            case BOOL_VALUE:
                return value.getBoolValue();
            case ARRAY_VALUE:
                return value.getArrayValue().getValuesList().stream().map(Otlp::value).toList();
            case KVLIST_VALUE:
                return attributes(value.getKvlistValue().getValuesList());
            default:
                return value.toString();
        }
    }

    static String hex(com.google.protobuf.ByteString bytes) {
        return HexFormat.of().formatHex(bytes.toByteArray());
    }
}
