package dev.genaiotel.langchain4j.internal;

import dev.genaiotel.semconv.Modality;
import dev.genaiotel.semconv.message.MessagePart;
import dev.langchain4j.data.audio.Audio;
import dev.langchain4j.data.image.Image;
import dev.langchain4j.data.message.AudioContent;
import dev.langchain4j.data.message.Content;
import dev.langchain4j.data.message.ImageContent;
import dev.langchain4j.data.message.PdfFileContent;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.VideoContent;
import dev.langchain4j.data.pdf.PdfFile;
import dev.langchain4j.data.video.Video;
import java.net.URI;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * LangChain4j user-message contents as message parts: text, and image, audio, video and PDF as {@code uri} parts
 * (for a URL) or {@code blob} parts (for inline data, including {@code data:} URLs, which never go into a uri part).
 */
final class Contents {

    private Contents() {}

    static List<MessagePart> parts(List<Content> contents) {
        if (contents == null || contents.isEmpty()) {
            return List.of();
        }
        List<MessagePart> parts = new ArrayList<>(contents.size());
        for (Content content : contents) {
            parts.add(part(content));
        }
        return parts;
    }

    static MessagePart part(Content content) {
        if (content instanceof TextContent text) {
            return new MessagePart.Text(text.text() == null ? "" : text.text());
        }
        if (content instanceof ImageContent image && image.image() != null) {
            Image data = image.image();
            return media(Modality.IMAGE, data.mimeType(), data.url(), data.base64Data(), null);
        }
        if (content instanceof AudioContent audio && audio.audio() != null) {
            Audio data = audio.audio();
            return media(Modality.AUDIO, data.mimeType(), data.url(), data.base64Data(), data.binaryData());
        }
        if (content instanceof VideoContent video && video.video() != null) {
            Video data = video.video();
            return media(Modality.VIDEO, data.mimeType(), data.url(), data.base64Data(), null);
        }
        if (content instanceof PdfFileContent pdf && pdf.pdfFile() != null) {
            PdfFile data = pdf.pdfFile();
            return media(Modality.DOCUMENT, data.mimeType(), data.url(), data.base64Data(), null);
        }
        return unknown(content);
    }

    private static MessagePart media(String modality, String mimeType, URI url, String base64, byte[] bytes) {
        if (bytes != null) {
            return new MessagePart.Blob(mimeType, modality, bytes);
        }
        if (base64 != null) {
            byte[] decoded = decode(base64);
            if (decoded != null) {
                return new MessagePart.Blob(mimeType, modality, decoded);
            }
        }
        if (url != null) {
            if ("data".equalsIgnoreCase(url.getScheme())) {
                MessagePart inline = dataUrl(modality, mimeType, url.toString());
                if (inline != null) {
                    return inline;
                }
            } else {
                return new MessagePart.Uri(mimeType, modality, url.toString());
            }
        }
        return new MessagePart.GenericPart(modality, mimeType == null ? Map.of() : Map.of("mime_type", mimeType));
    }

    /** A {@code data:[<mime>][;base64],<data>} URL as a blob, or null when it is not base64 or malformed. */
    private static MessagePart dataUrl(String modality, String mimeType, String url) {
        int comma = url.indexOf(',');
        if (comma < 0) {
            return null;
        }
        String header = url.substring("data:".length(), comma);
        if (!header.endsWith(";base64")) {
            return null;
        }
        byte[] decoded = decode(url.substring(comma + 1));
        if (decoded == null) {
            return null;
        }
        String headerMime = header.substring(0, header.length() - ";base64".length());
        String mime = mimeType != null ? mimeType : headerMime.isEmpty() ? null : headerMime;
        return new MessagePart.Blob(mime, modality, decoded);
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getMimeDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static MessagePart unknown(Content content) {
        String type = content == null || content.type() == null ? "unknown"
                : content.type().name().toLowerCase(java.util.Locale.ROOT);
        return new MessagePart.GenericPart(type, Map.of());
    }
}
