package dev.genaiotel.bedrock.internal;

/** The media types of the document and video formats of Converse content blocks, as lower-case format names. */
final class MediaTypes {

    private MediaTypes() {}

    /** The media type of a Converse document format ({@code pdf}, {@code docx}, ...), or null. */
    static String document(String format) {
        return switch (format) {
            case "pdf" -> "application/pdf";
            case "csv" -> "text/csv";
            case "doc" -> "application/msword";
            case "docx" -> "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
            case "xls" -> "application/vnd.ms-excel";
            case "xlsx" -> "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            case "html" -> "text/html";
            case "txt" -> "text/plain";
            case "md" -> "text/markdown";
            default -> null;
        };
    }

    /** The media type of a Converse video format ({@code mp4}, {@code three_gp}, ...), or null. */
    static String video(String format) {
        return switch (format) {
            case "mkv" -> "video/x-matroska";
            case "mov" -> "video/quicktime";
            case "mp4" -> "video/mp4";
            case "webm" -> "video/webm";
            case "flv" -> "video/x-flv";
            case "mpeg", "mpg" -> "video/mpeg";
            case "wmv" -> "video/x-ms-wmv";
            case "three_gp" -> "video/3gpp";
            default -> null;
        };
    }
}
