package dev.genaiotel.core.internal;

import dev.genaiotel.semconv.message.MessagePart;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How content capture describes a blob whose bytes it does not keep (larger than {@code blobMaxBytes}): a
 * {@code GenericPart} of type {@value #TYPE} with {@code mime_type}, {@code modality} and {@code size} (the byte
 * count). The published {@code BlobPart} schema requires the bytes and allows no other property, while a generic part
 * may carry any. Used for recorded blobs and for blobs accumulated from a stream.
 */
public final class OmittedBlob {

    /** The part type. */
    public static final String TYPE = "omitted_blob";

    private OmittedBlob() {}

    /**
     * @param mimeType the blob's media type, or null
     * @param modality the blob's modality
     * @param size the blob's size in bytes
     */
    public static MessagePart of(String mimeType, String modality, long size) {
        Map<String, Object> properties = new LinkedHashMap<>();
        if (mimeType != null) {
            properties.put("mime_type", mimeType);
        }
        properties.put("modality", modality);
        properties.put("size", size);
        return new MessagePart.GenericPart(TYPE, properties);
    }
}
