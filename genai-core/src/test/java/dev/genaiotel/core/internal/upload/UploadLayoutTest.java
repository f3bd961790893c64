package dev.genaiotel.core.internal.upload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genaiotel.core.UploadCompletionHook.Format;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class UploadLayoutTest {

    static final SpanContext SPAN = SpanContext.create("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331",
            TraceFlags.getSampled(), TraceState.getDefault());

    @Test
    void inputsAndOutputsGoUnderTheUtcDateTraceAndSpan() {
        UploadLayout layout = new UploadLayout(Path.of("/var/genai"), Format.JSONL);
        LocalDate day = LocalDate.now(ZoneOffset.UTC);

        String inference = layout.inference(SPAN);

        assertThat(layout.inputs(inference)).isEqualTo(String.format(
                "%04d/%02d/%02d/0af7651916cd43dd8448eb211c80319c/b7ad6b7169203331_inputs.jsonl",
                day.getYear(), day.getMonthValue(), day.getDayOfMonth()));
        assertThat(layout.reference(layout.systemInstructions("abc")))
                .isEqualTo("file:///var/genai/system_instructions/abc.jsonl");
    }

    @Test
    void userInformationIsRemovedFromUrisOnly() {
        assertThat(UploadLayout.withoutUserInfo("s3x://AKIA:secret@minio:9000/bucket/prefix"))
                .isEqualTo("s3x://minio:9000/bucket/prefix");
        assertThat(UploadLayout.withoutUserInfo("sftp://user@host/dir/file@2.json"))
                .isEqualTo("sftp://host/dir/file@2.json");
        assertThat(UploadLayout.withoutUserInfo("jar:s3x://k:s@host/b/x.zip!/content"))
                .isEqualTo("jar:s3x://host/b/x.zip!/content");
        assertThat(UploadLayout.withoutUserInfo("jar:file:///tmp/a@b.zip!/content"))
                .isEqualTo("jar:file:///tmp/a@b.zip!/content");
        assertThat(UploadLayout.withoutUserInfo("/data/user@example.com/uploads"))
                .isEqualTo("/data/user@example.com/uploads");
    }
}
