package dev.genaiotel.semconv;

/**
 * Well-known values of {@code gen_ai.response.status} ({@link GenAiAttributes#GEN_AI_RESPONSE_STATUS}): the status of
 * a stored response, recorded on {@code fetch_response} spans. The vocabulary is open.
 */
public final class ResponseStatus {

    /** {@code queued}: the response is waiting to be processed. */
    public static final String QUEUED = "queued";

    /** {@code in_progress}: the response is being generated. */
    public static final String IN_PROGRESS = "in_progress";

    /** {@code completed}: the response was generated in full. */
    public static final String COMPLETED = "completed";

    /** {@code incomplete}: generation stopped early, e.g. at a token limit or a content filter. */
    public static final String INCOMPLETE = "incomplete";

    /** {@code failed}: generation failed. */
    public static final String FAILED = "failed";

    /** {@code cancelled}: generation was cancelled. */
    public static final String CANCELLED = "cancelled";

    private ResponseStatus() {}
}
