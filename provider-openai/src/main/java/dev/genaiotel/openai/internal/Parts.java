package dev.genaiotel.openai.internal;

import dev.genaiotel.semconv.Modality;
import dev.genaiotel.semconv.message.MessagePart;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Message parts of the OpenAI wire formats (Chat Completions and Responses), mapped to the semconv parts. */
final class Parts {

    private Parts() {}

    /** A message's {@code content}: a string, or an array of typed parts. */
    static List<MessagePart> content(Object content) {
        List<MessagePart> parts = new ArrayList<>();
        if (content instanceof String text) {
            parts.add(new MessagePart.Text(text));
        } else {
            for (Object element : Trees.list(content)) {
                MessagePart part = part(Trees.map(element));
                if (part != null) {
                    parts.add(part);
                }
            }
        }
        return parts;
    }

    /** One content part of either API; null for an empty element. */
    static MessagePart part(Map<?, ?> part) {
        String type = Trees.string(part, "type");
        if (type == null) {
            return part.isEmpty() ? null : new MessagePart.GenericPart("unknown", Trees.without(part));
        }
        switch (type) {
            case "text", "input_text", "output_text": {
                String text = Trees.string(part, "text");
                return text != null ? new MessagePart.Text(text) : generic(type, part);
            }
            case "refusal": {
                String refusal = Trees.string(part, "refusal");
                return new MessagePart.GenericPart("refusal",
                        refusal == null ? Map.of() : Map.of("content", refusal));
            }
            case "image_url": {
                String url = Trees.string(Trees.map(part, "image_url"), "url");
                return url != null ? media(url, Modality.IMAGE, null) : generic(type, part);
            }
            case "input_image": {
                String url = Trees.string(part, "image_url");
                if (url != null) {
                    return media(url, Modality.IMAGE, null);
                }
                String fileId = Trees.string(part, "file_id");
                return fileId != null ? new MessagePart.File(null, Modality.IMAGE, fileId) : generic(type, part);
            }
            case "input_audio": {
                Map<?, ?> audio = Trees.map(part, "input_audio");
                String data = Trees.string(audio, "data");
                String format = Trees.string(audio, "format");
                byte[] bytes = decode(data);
                return bytes != null ? new MessagePart.Blob(audioMime(format), Modality.AUDIO, bytes)
                        : generic(type, part);
            }
            case "file", "input_file": {
                Map<?, ?> file = "file".equals(type) ? Trees.map(part, "file") : part;
                String fileId = Trees.string(file, "file_id");
                if (fileId != null) {
                    return new MessagePart.File(null, Modality.DOCUMENT, fileId);
                }
                String fileData = Trees.string(file, "file_data");
                if (fileData != null) {
                    return media(fileData, Modality.DOCUMENT, null);
                }
                String fileUrl = Trees.string(file, "file_url");
                return fileUrl != null ? new MessagePart.Uri(null, Modality.DOCUMENT, fileUrl) : generic(type, part);
            }
            default:
                return generic(type, part);
        }
    }

    /** A URL or data URL: {@code data:} URLs carry their bytes and become blobs, others stay URIs. */
    static MessagePart media(String url, String modality, String mimeType) {
        if (url.regionMatches(true, 0, "data:", 0, 5)) {
            int comma = url.indexOf(',');
            if (comma > 5) {
                String header = url.substring(5, comma);
                String mime = header;
                int semicolon = header.indexOf(';');
                if (semicolon >= 0) {
                    mime = header.substring(0, semicolon);
                }
                byte[] bytes = header.toLowerCase(Locale.ROOT).endsWith(";base64") ? decode(url.substring(comma + 1))
                        : url.substring(comma + 1).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                if (bytes != null) {
                    return new MessagePart.Blob(mime.isEmpty() ? mimeType : mime, modality, bytes);
                }
            }
            return new MessagePart.GenericPart("blob", Map.of("modality", modality));
        }
        return new MessagePart.Uri(mimeType, modality, url);
    }

    static String audioMime(String format) {
        if (format == null) {
            return null;
        }
        return switch (format) {
            case "mp3" -> "audio/mpeg";
            case "wav" -> "audio/wav";
            case "flac" -> "audio/flac";
            case "opus" -> "audio/opus";
            case "aac" -> "audio/aac";
            case "pcm16" -> "audio/pcm";
            default -> "audio/" + format;
        };
    }

    static byte[] decode(String base64) {
        if (base64 == null) {
            return null;
        }
        try {
            return Base64.getMimeDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static MessagePart.GenericPart generic(String type, Map<?, ?> part) {
        return new MessagePart.GenericPart(type, Trees.without(part, "type"));
    }

    /** The text of a tool result, which is a string or an array of text parts. */
    static Object toolResult(Object content) {
        if (content instanceof String text) {
            return text;
        }
        List<?> elements = Trees.list(content);
        if (elements.isEmpty()) {
            return content;
        }
        StringBuilder text = new StringBuilder();
        for (Object element : elements) {
            String piece = Trees.string(Trees.map(element), "text");
            if (piece == null) {
                return content;
            }
            text.append(piece);
        }
        return text.toString();
    }
}
