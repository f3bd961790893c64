package dev.genaiotel.semconv.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.stream.Collectors;

/** Validates JSON text against one of the official GenAI schemas copied into the test resources. */
final class SchemaValidator {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private final JsonSchema schema;

    private SchemaValidator(JsonSchema schema) {
        this.schema = schema;
    }

    static SchemaValidator load(String fileName) {
        try (InputStream in = SchemaValidator.class.getResourceAsStream("/semconv-schemas/" + fileName)) {
            if (in == null) {
                throw new IllegalStateException("missing schema " + fileName);
            }
            JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
            return new SchemaValidator(factory.getSchema(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The validation errors for {@code json}, one line each; empty when it is valid. */
    Set<String> errors(String json) {
        try {
            JsonNode node = MAPPER.readTree(json);
            return schema.validate(node).stream().map(ValidationMessage::getMessage).collect(Collectors.toSet());
        } catch (IOException e) {
            return Set.of("not JSON: " + e.getMessage());
        }
    }
}
